from detente.extract.mentions.places import best_place, find_places


def place(sentence: str, anchor: int = 0):
    found = best_place(find_places(sentence), anchor)
    return (found.place, found.country) if found else None


def test_facility_and_city():
    assert place("The chiefs met at Army Headquarters in Rawalpindi on Monday.") == (
        "Army Headquarters, Rawalpindi",
        "PAK",
    )


def test_facility_in_a_country_keeps_the_country():
    assert place("The drill was held at Camp Humphreys in South Korea.") == ("Camp Humphreys", "KOR")


def test_visit_destination_and_country_only():
    assert place("The minister paid an official visit to Baku.") == ("Baku", "AZE")
    assert place("The president paid a visit to Tajikistan.") == (None, "TJK")


def test_capital_named_by_demonym():
    assert place("They met at the Ministry of Defence in the Kenyan capital.") == (
        "Ministry of Defence, Nairobi",
        "KEN",
    )


def test_actors_and_attributions_are_not_places():
    assert place("Tehran said the visit was a success, the ministry in Seoul said.") is None
    assert place("according to the Ministry of National Defence.") is None


def test_an_acronym_between_facility_and_city():
    from detente.extract.mentions.places import best_place, find_places

    place = best_place(
        find_places("received the delegation at the Joint Staff Headquarters (JSHQ) in Rawalpindi"), 0
    )
    assert (place.place, place.country) == ("Joint Staff Headquarters, Rawalpindi", "PAK")
