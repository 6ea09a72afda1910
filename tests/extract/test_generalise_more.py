"""More phrasings real outlets use (wire copy, translated editions, think-tank briefs), our own dyads."""

from datetime import date

import pytest
from tests.extract.conftest import only

from detente.extract.page.sentences import split_sentences

PUBLISHED = date(2025, 3, 12)  # a Wednesday
CONTEXT = "\n\nThe military ties between the two armed forces have grown since 2019."


def _types(extract, sentence: str, event_type: str):
    return only(extract(sentence + CONTEXT, published=PUBLISHED), event_type)


@pytest.mark.parametrize(
    "sentence, countries",
    [
        ("Chilean air force pilots will begin training in Sweden from September.", ("CHL", "SWE")),
        (
            "Ghana will train a company of Gambian soldiers at its academy in Teshie next year.",
            ("GHA", "GMB"),
        ),
        (
            "Vietnamese submarine crews will begin a four-month training course at the Indian naval base.",
            ("IND", "VNM"),
        ),
    ],
)
def test_future_training_of_foreign_troops(extract, sentence, countries):
    events = _types(extract, sentence, "training")
    assert [(e.status, tuple(e.countries)) for e in events] == [("planned", countries)], sentence


def test_talks_by_phone_with_a_counterpart(extract):
    sentence = (
        "Greek Defence Minister Nikos Dendias said he had discussed the frigate deal by phone "
        "with his French counterpart."
    )
    events = _types(extract, sentence, "meeting")
    assert [tuple(e.countries) for e in events] == [("FRA", "GRC")]


def test_a_named_commission_will_be_held(extract):
    sentence = (
        "The next Peru-Ecuador Joint Border Commission will be held in Tumbes in June, "
        "the defence ministries said."
    )
    events = _types(extract, sentence, "meeting")
    assert [(e.status, tuple(e.countries)) for e in events] == [("planned", ("ECU", "PER"))]


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2021 Egypt and India launched a joint venture to assemble military trucks in Cairo.",
        "Washington cleared the transfer of the US-made military helicopters to Morocco in 2022.",
        "The first four Norwegian fighter jets are expected to arrive in Romania by the end of the year, "
        "the air force said.",
        "Production of a Turkish version of the Korean howitzer is to start near Ankara next year.",
    ],
)
def test_industry_ventures_clearances_arrivals_and_production_starts(extract, sentence):
    events = _types(extract, sentence, "defence_industry")
    assert len(events) == 1, sentence
    assert events[0].status == (
        "planned" if "expected" in sentence or "is to start" in sentence else "occurred"
    )


def test_numbered_list_items_of_full_sentences_are_body():
    text = (
        "Key steps\n"
        "1. Norway. In 2020 Norway and Poland signed a deal for coastal missile batteries in Oslo. "
        "The first battery arrived a year later. Training followed in Gdansk.\n"
        "- Short bullet summary here.\n"
    )
    bodies = [s.text for s in split_sentences(text)]
    assert any(t.startswith("In 2020 Norway and Poland signed") for t in bodies)
    assert not any("Short bullet" in t for t in bodies)


def test_a_contract_that_names_its_content_is_a_first_mention(extract):
    sentence = "The contract for six patrol vessels was signed between Nigeria and Italy in May 2021."
    events = _types(extract, sentence, "defence_industry")  # a purchase contract: the real pages' guide
    assert [(tuple(e.countries), e.date.start) for e in events] == [(("ITA", "NGA"), date(2021, 5, 1))]


def test_crews_that_underwent_training_abroad(extract):
    sentence = "The Kenyan crew underwent a three-month training programme with Spanish naval instructors."
    events = _types(extract, sentence, "training")
    assert [(e.status, tuple(e.countries)) for e in events] == [("occurred", ("ESP", "KEN"))]


def test_previous_and_next_editions_are_events_of_their_own(extract):
    text = (
        "Marines of Chile and Peru held the joint exercise Pacific Condor-2025 from 3 to 7 March "
        "at the Iquique training ground, the Chilean Ministry of Defence said.\n\n"
        "The previous edition of the exercise was held near Arica in Chile in 2022. "
        "Next year's edition will take place on Peruvian soil, the ministry said."
    )
    events = only(extract(text, published=PUBLISHED), "exercise")
    assert sorted((e.status, e.date.start.year) for e in events) == [
        ("occurred", 2022),
        ("occurred", 2025),
        ("planned", 2026),
    ]


def test_a_planning_conference_is_a_meeting_about_the_drill(extract):
    text = (
        "Ghana and Togo will hold the joint naval exercise Gulf Shield next month, the Ghanaian "
        "military spokesman said.\n\n"
        "The final planning conference for the drill concluded on Monday in Tema, with officers from "
        "both countries agreeing on the scenario."
    )
    events = extract(text, published=PUBLISHED)
    assert sorted((e.type, e.status) for e in events) == [("exercise", "planned"), ("meeting", "occurred")]
    meeting = only(events, "meeting")[0]
    assert meeting.date.start == date(2025, 3, 10)


def test_translated_were_reunited_is_a_meeting(extract):
    sentence = (
        "The Ministers of Defence of Peru, Walter Astudillo, and of Chile, Gabriel Gaspar, "
        "were reunited this Monday in Tacna to coordinate border security."
    )
    events = _types(extract, sentence, "meeting")
    assert [(tuple(e.countries), e.date.start) for e in events] == [(("CHL", "PER"), date(2025, 3, 10))]


def test_a_capital_inside_a_longer_place_name_is_no_party():
    from detente.extract.mentions.states import gazetteer

    codes = [
        m.code for m in gazetteer().parties("Angolan troops visited Porto da Praia with Namibian officers")
    ]
    assert "CPV" not in codes
    assert {"AGO", "NAM"} <= set(codes)


def test_meeting_ones_own_troops_is_no_diplomacy(extract):
    text = (
        "The Zambian army commander met Zambian soldiers at their base in Bangui on Friday.\n\n"
        "The military ties between the two armed forces have grown since 2019."
    )
    assert only(extract(text, published=PUBLISHED), "meeting") == []


def test_stepping_up_joint_patrols_is_a_commitment_not_a_drill(extract):
    text = (
        "Kenya and Somalia will step up joint patrols along their shared border to curb arms smuggling, "
        "the Kenyan defence minister said after talks with his Somali counterpart on Monday."
    )
    assert only(extract(text, published=PUBLISHED), "exercise") == []


def test_invitations_to_attend_and_offered_places_are_proposals(extract):
    text = (
        "Indonesian Defence Minister Prabowo Subianto held talks with Philippine Defence Secretary "
        "Gilberto Teodoro in Manila on Monday.\n\n"
        "Prabowo invited Teodoro to attend the Indo Defence Expo in Jakarta in November.\n\n"
        "Indonesia also offered places for Philippine officers at its Army Staff and Command School."
    )
    events = extract(text, published=PUBLISHED)
    assert ("meeting", "proposed") in [(e.type, e.status) for e in events]
    assert [e.status for e in only(events, "training")] == ["proposed"]


def test_a_pledge_to_continue_joint_operations_against_insurgents(extract):
    text = (
        "The Chief of Defence Staff of Nigeria, General Christopher Musa, visited N'Djamena on Tuesday "
        "and met Chad's army chief, General Abakar Abdelkerim Daoud.\n\n"
        "The two chiefs pledged to continue joint operations against the insurgents around Lake Chad."
    )
    events = only(extract(text, published=PUBLISHED), "pledge")
    assert [tuple(e.countries) for e in events] == [("NGA", "TCD")]


def test_signing_the_deal_again_is_the_same_agreement(extract):
    text = (
        "Peru signed a contract on Tuesday to buy 12 second-hand Gripen fighter jets from Sweden.\n\n"
        "Defence Minister Walter Astudillo and his Swedish counterpart Pål Jonson signed the deal at "
        "Linköping air base, the Peruvian defence ministry said."
    )
    events = only(extract(text, published=PUBLISHED), "defence_industry")  # a purchase, however signed
    assert [e.date.start for e in events] == [date(2025, 3, 11)]


def test_a_first_signing_of_the_agreement_with_named_people_is_new(extract):
    text = (
        "Defence Minister Walter Astudillo and his Swedish counterpart Pål Jonson signed the agreement "
        "on Monday in Lima, the Peruvian defence ministry said."
    )
    events = only(extract(text, published=PUBLISHED), "agreement")
    assert [tuple(e.countries) for e in events] == [("PER", "SWE")]


def test_a_course_run_for_foreign_sailors(extract):
    sentence = (
        "From Monday to Wednesday, French boarding teams ran a course on maritime interdiction and "
        "the inspection of vessels for 20 Ghanaian sailors on board the patrol ship."
    )
    events = _types(extract, sentence, "training")
    assert [tuple(e.countries) for e in events] == [("FRA", "GHA")]


def test_a_signing_during_a_visit_is_also_a_meeting(extract):
    sentence = (
        "In May 2022 Qatar signed a contract for 12 Eurofighter jets in Doha during a visit by "
        "British Defence Secretary Ben Wallace."
    )
    events = extract(sentence + CONTEXT, published=PUBLISHED)
    assert sorted(e.type for e in events) == ["defence_industry", "meeting"]


def test_short_numbered_items_of_two_sentences_are_body():
    text = (
        "Key steps\n"
        "3. Japan. Japan and Australia signed a reciprocal access agreement in Tokyo in January 2022.\n"
    )
    assert [s.text for s in split_sentences(text)][-1].startswith("Japan and Australia signed")


def test_clearing_the_transfer_of_foreign_made_jets(extract):
    text = (
        "Romania signed a contract on Monday to buy 32 second-hand F-16 fighter jets from Norway.\n\n"
        "Washington cleared the transfer of the US-made jets to Romania in 2022."
    )
    events = only(extract(text, published=PUBLISHED), "defence_industry")
    assert [(tuple(e.countries), e.date.start.year) for e in events] == [
        (("NOR", "ROU"), 2025),  # the purchase contract itself
        (("ROU", "USA"), 2022),
    ]
