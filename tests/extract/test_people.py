from detente.extract.mentions.people import PersonFinder
from detente.extract.page.sentences import split_sentences


def table_for(text: str):
    return PersonFinder().build(text, split_sentences(text))


def people(text: str) -> list[tuple]:
    return [(p.name, p.title, p.country) for p in table_for(text).people]


def test_country_office_rank_and_name():
    text = "Turkish Chief of General Staff General Metin Gurak visited Baku on Tuesday."
    assert people(text) == [("Metin Gurak", "Chief of General Staff", "TUR")]


def test_apposition_gives_the_office_over_the_rank():
    text = "The talks were led by General Anil Chauhan, Chief of Defence Staff, and a US delegation."
    assert people(text)[0] == ("Anil Chauhan", "Chief of Defence Staff", None)


def test_office_of_country_with_rank_after_a_comma():
    text = "He met the Defence Minister of Azerbaijan, Colonel General Zakir Hasanov, in Baku."
    assert people(text) == [("Zakir Hasanov", "Defence Minister", "AZE")]


def test_counterpart_takes_the_state_and_the_office_of_the_other_side():
    text = (
        "Japan's Defence Minister Gen Nakatani held talks with his Philippine counterpart "
        "Gilberto Teodoro in Manila."
    )
    found = dict((name, (title, country)) for name, title, country in people(text))
    assert found["Gilberto Teodoro"] == ("Defence Minister", "PHL")


def test_later_mentions_resolve_to_the_full_name():
    text = (
        "Indian Army Chief General Upendra Dwivedi met US Army Chief of Staff General Randy George in Delhi. "
        "The Indian general said the talks were useful. Dwivedi later toured a base. He praised the troops."
    )
    table = table_for(text)
    names = {table.people[m.person].name for m in table.mentions}
    assert names == {"Upendra Dwivedi", "Randy George"}
    described = [m for m in table.mentions if m.kind == "description"]
    assert described and table.people[described[0].person].name == "Upendra Dwivedi"
    pronoun = next(m for m in table.mentions if m.kind == "pronoun")
    assert table.people[pronoun.person].name == "Upendra Dwivedi"


def test_a_description_before_the_name_binds_forward():
    text = (
        "The Iranian minister of defense said cooperation would grow. "
        "Brigadier-General Amir Hatami said both countries face terrorist threats."
    )
    assert people(text) == [("Amir Hatami", "Minister of Defense", "IRN")]


def test_delegation_leader_and_organisation_chief():
    text = (
        "A Chinese military delegation led by General Zhang Wei called on the prime minister. "
        "Japanese Maritime Self-Defense Force chief Admiral Akira Sato also attended."
    )
    assert people(text) == [
        ("Zhang Wei", "General", "CHN"),
        ("Akira Sato", "Maritime Self-Defense Force chief", "JPN"),
    ]


def test_titles_only_match_whole_words():
    text = "The 2nd Joint Working Group meeting was held in Tashkent. Marking the day, officials met."
    assert people(text) == []
