"""Phrasings of pledges, meetings and plans that wire copy and ministry readouts use; our own dyads."""

from datetime import date

import pytest
from tests.extract.conftest import only

PUBLISHED = date(2025, 3, 12)
CONTEXT = "\n\nThe military ties between the two armed forces have grown since 2019."


def _types(extract, sentence: str, event_type: str):
    return only(extract(sentence + CONTEXT, published=PUBLISHED), event_type)


@pytest.mark.parametrize(
    "sentence, countries",
    [
        (
            "Kenyan and Ugandan defence chiefs affirmed their keenness to further develop military "
            "cooperation between the two armies.",
            ("KEN", "UGA"),
        ),
        (
            "The Chilean and Peruvian ministers stressed their determination to strengthen cooperation "
            "between their navies.",
            ("CHL", "PER"),
        ),
        (
            "Finland and Estonia also agreed to consult each other on security contingencies "
            "that may affect their sovereignty.",
            ("EST", "FIN"),
        ),
        (
            "The Danish and Dutch defence ministers agreed that the two navies would operate the new "
            "minehunters together in the North Sea.",
            ("DNK", "NLD"),
        ),
    ],
)
def test_pledges_of_keenness_determination_and_consultation(extract, sentence, countries):
    events = _types(extract, sentence, "pledge")
    assert [tuple(e.countries) for e in events] == [countries], sentence


@pytest.mark.parametrize(
    "sentence, countries",
    [
        (
            "The Italian Defence Minister spoke with his Greek counterpart by telephone on Sunday "
            "about the frigate programme.",
            ("GRC", "ITA"),
        ),
        (
            "The defence pact, which the Vietnamese and Philippine leaders signed at a virtual summit "
            "in May 2021, covers naval patrols.",
            ("PHL", "VNM"),
        ),
    ],
)
def test_telephone_talks_and_virtual_summits_are_meetings(extract, sentence, countries):
    events = _types(extract, sentence, "meeting")
    assert [tuple(e.countries) for e in events] == [countries], sentence


@pytest.mark.parametrize(
    "sentence, countries",
    [
        (
            "Lithuanian instructors will train and equip a Moldovan infantry battalion next year.",
            ("LTU", "MDA"),
        ),
        (
            "The Japanese defence minister announced the gifting of three flight simulators to the "
            "Philippine Air Force towards pilot training.",
            ("JPN", "PHL"),
        ),
    ],
)
def test_train_and_equip_and_gifts_towards_training(extract, sentence, countries):
    events = _types(extract, sentence, "training")
    assert [tuple(e.countries) for e in events] == [countries], sentence


@pytest.mark.parametrize(
    "sentence, countries",
    [
        ("Denmark has chosen France's FDI frigate to replace its ageing patrol ships.", ("DNK", "FRA")),
        (
            "Egypt is to receive two prototypes of the Italian military trainer jet by 2027.",
            ("EGY", "ITA"),
        ),
        (
            "The first prototype of the Turkish-Pakistani military drone was rolled out in Ankara in May.",
            ("PAK", "TUR"),
        ),
        (
            "Sweden would prepare its next military aid package for Ukraine, the Swedish defence "
            "minister said.",
            ("SWE", "UKR"),
        ),
    ],
)
def test_choices_receipts_prototypes_and_aid_packages(extract, sentence, countries):
    events = _types(extract, sentence, "defence_industry")
    assert [tuple(e.countries) for e in events] == [countries], sentence


def test_expecting_to_sign_is_a_planned_agreement(extract):
    sentence = (
        "Chile and Spain expect to sign a government-to-government agreement next year, and the "
        "frigates will be built in Spain."
    )
    events = _types(extract, sentence, "agreement")
    assert [(e.status, tuple(e.countries)) for e in events] == [("planned", ("CHL", "ESP"))]


def test_a_national_exercise_of_one_army_is_no_event(extract):
    text = (
        "Chile ordered 40 armoured vehicles from Spain for its army in March.\n\n"
        "The Army also intends to hold a national exercise next month to test the vehicles in the desert."
    )
    events = only(extract(text, published=PUBLISHED), "exercise")
    assert events == []


def test_agreeing_to_cut_a_partner_cost_share(extract):
    sentence = (
        "Turkey's defence procurement agency said the two governments had agreed to cut Azerbaijan's "
        "cost share in the fighter jet programme to 10 percent."
    )
    events = _types(extract, sentence, "agreement")
    assert [tuple(e.countries) for e in events] == [("AZE", "TUR")]


def test_an_earlier_edition_named_in_apposition(extract):
    text = (
        "Kenyan, Tanzanian and Indian navies concluded the multinational maritime exercise Tiger Shark II "
        "off Mombasa on Monday.\n\n"
        "Tiger Shark II was the second edition of the drill. The first, Tiger Shark, was held off "
        "Dar es Salaam in October 2020."
    )
    events = only(extract(text, published=PUBLISHED), "exercise")
    assert sorted((e.name, e.date.start.year) for e in events) == [
        ("Tiger Shark", 2020),
        ("Tiger Shark II", 2025),
    ]


def test_a_ban_on_arms_sales_is_no_sale(extract):
    sentence = (
        "The German chancellor announced a ban on the sale of military weapons to Ethiopia for use "
        "against Eritrea."
    )
    assert _types(extract, sentence, "defence_industry") == []


def test_what_a_signed_pact_provides_is_no_separate_pledge(extract):
    text = (
        "Lithuanian and Latvian defence ministers signed a bilateral security agreement in Riga on Monday, "
        "under which Lithuania will keep supplying ammunition to Latvia."
    )
    events = extract(text + CONTEXT, published=PUBLISHED)
    assert "pledge" not in [e.type for e in events]
    assert "agreement" in [e.type for e in events]


def test_navies_operating_as_a_joint_fleet_is_a_pledge(extract):
    sentence = (
        "The Danish and Dutch ministers agreed that the Danish navy and the Dutch navy would "
        "operate the ships as a joint fleet hunting mines in the Baltic."
    )
    assert [tuple(e.countries) for e in _types(extract, sentence, "pledge")] == [("DNK", "NLD")]


def test_an_arms_procurement_agency_puts_a_deal_in_the_defence_domain(extract):
    sentence = (
        "On Friday, Brazil's arms procurement agency said the two governments had agreed to cut "
        "Argentina's share of the cost by a third."
    )
    assert [tuple(e.countries) for e in _types(extract, sentence, "agreement")] == [("ARG", "BRA")]


def test_talks_between_the_two_leaders_before_a_signing(extract):
    text = (
        "Kenyan President William Ruto and Ugandan President Yoweri Museveni signed a bilateral security "
        "agreement in Kampala on Monday.\n\n"
        "The agreement was signed after talks between the two leaders at State House."
    )
    events = only(extract(text + CONTEXT, published=PUBLISHED), "meeting")
    assert [tuple(e.countries) for e in events] == [("KEN", "UGA")]


def test_a_named_agreement_which_leaders_signed_earlier(extract):
    sentence = (
        "The talks build on the Mutual Logistics Support Agreement, which the Indian and Australian "
        "defence ministers signed at a virtual summit in June 2020."
    )
    events = _types(extract, sentence, "agreement")
    assert [(tuple(e.countries), e.date.start.year) for e in events] == [(("AUS", "IND"), 2020)]


def test_a_train_and_equip_mission_under_a_deal_is_training(extract):
    text = (
        "Lithuanian and Moldovan defence ministers signed a security agreement in Vilnius on Monday.\n\n"
        "Under the deal, Lithuanian instructors will train and equip a Moldovan infantry battalion."
    )
    events = extract(text + CONTEXT, published=PUBLISHED)
    assert [(e.status, tuple(e.countries)) for e in only(events, "training")] == [("planned", ("LTU", "MDA"))]
