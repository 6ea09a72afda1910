"""The whole engine on short articles written for these tests (other dyads than the seeds)."""

from datetime import date

from tests.extract.conftest import only

INDIA_US = (
    "NEW DELHI - Indian Defence Minister Rajnath Singh held talks with US Secretary of Defense Pete Hegseth "
    "at the Pentagon in Washington on Thursday.\n\n"
    "Singh said India would continue to work closely with the United States on maritime security.\n\n"
    "Hegseth praised the Indian Navy for its role in anti-piracy operations.\n\n"
    "The armies of the two countries will hold the next edition of their Yudh Abhyas exercise "
    "in Alaska in October. "
    "The previous edition was held in September 2024.\n\n"
    "Some analysts believe the two militaries may one day share bases."
)


def test_meeting_pledge_praise_and_an_exercise_series(extract):
    events = extract(INDIA_US, published=date(2025, 9, 12))
    meeting = only(events, "meeting")[0]
    assert meeting.status == "occurred"
    assert meeting.date.start == date(2025, 9, 11)
    assert sorted(meeting.countries) == ["IND", "USA"]
    assert {p.name for p in meeting.participants} == {"Rajnath Singh", "Pete Hegseth"}
    assert meeting.location.place == "Pentagon, Washington"
    assert text_at(INDIA_US, meeting)

    pledge = only(events, "pledge")[0]
    assert [p.name for p in pledge.participants] == ["Rajnath Singh"]
    assert pledge.date.start == date(2025, 9, 11)  # made at the meeting

    praise = only(events, "praise")[0]
    assert [p.name for p in praise.participants] == ["Pete Hegseth"]

    exercises = {(e.status, e.name, e.date.start) for e in only(events, "exercise")}
    assert exercises == {
        ("planned", "Yudh Abhyas", date(2025, 10, 1)),
        ("occurred", "Yudh Abhyas", date(2024, 9, 1)),
    }
    assert len(events) == 5  # the analysts' musing is no event


def text_at(text, event) -> bool:
    return text[event.evidence_start : event.evidence_start + len(event.evidence)] == event.evidence


def test_japan_philippines_agreement_meeting_and_delivery(extract):
    text = (
        "MANILA - Japan and the Philippines on Wednesday signed a reciprocal access agreement "
        "allowing their troops to train on each other's soil, as Japanese Defence Minister "
        "Gen Nakatani met his Philippine counterpart "
        "Gilberto Teodoro in Manila.\n\n"
        "Japan delivered a coastal radar system to the Philippine Air Force in 2023."
    )
    events = extract(text, published=date(2025, 4, 3))
    types = sorted(e.type for e in events)
    assert types == ["agreement", "defence_industry", "meeting"]
    agreement = only(events, "agreement")[0]
    assert agreement.date.start == date(2025, 4, 2)
    assert agreement.location.place == "Manila"
    delivery = only(events, "defence_industry")[0]
    assert (delivery.date.start, delivery.date.precision) == (date(2023, 1, 1), "year")
    assert sorted(delivery.countries) == ["JPN", "PHL"]


def test_turkey_azerbaijan_exercise_visit_and_praise(extract):
    text = (
        "BAKU - Turkish and Azerbaijani special forces launched the joint exercise "
        '"Caucasus Eagle-2025" near Baku on Monday.\n\n'
        "Turkish Chief of General Staff General Metin Gurak visited Baku on Tuesday and was received "
        "by Azerbaijani "
        "Defence Minister Colonel General Zakir Hasanov.\n\n"
        "Hasanov commended the professionalism of the Turkish officers taking part in the drills."
    )
    events = extract(text, published=date(2025, 6, 20))
    exercise = only(events, "exercise")[0]
    assert exercise.name == "Caucasus Eagle-2025"
    assert exercise.date.start == date(2025, 6, 16)
    meeting = only(events, "meeting")[0]
    assert {(p.name, p.title, p.country) for p in meeting.participants} == {
        ("Metin Gurak", "Chief of General Staff", "TUR"),
        ("Zakir Hasanov", "Defence Minister", "AZE"),
    }
    assert meeting.location.place == "Baku"
    assert only(events, "praise")[0].participants[0].name == "Zakir Hasanov"


def test_russia_india_arms_contract_and_source_is_no_participant(extract):
    text = (
        "MOSCOW - Russia has delivered the fourth S-400 air defence squadron to India, Rosoboronexport chief "
        "Alexander Mikheyev told reporters on Monday.\n\n"
        "India signed a 5.43 billion dollar contract for five S-400 squadrons in October 2018."
    )
    events = extract(text, published=date(2025, 3, 10))
    delivery = only(events, "defence_industry")[0]
    assert delivery.participants == []
    assert sorted(delivery.countries) == ["IND", "RUS"]
    contract = only(events, "agreement")[0]
    assert (contract.date.start, contract.date.precision) == (date(2018, 10, 1), "month")


def test_codes_topics_and_doc_id_are_filled(extract):
    events = extract(INDIA_US, published=date(2025, 9, 12), doc_id="india-us")
    meeting = only(events, "meeting")[0]
    assert meeting.doc_id == "india-us"
    assert meeting.codes.cameo and meeting.codes.plover_type == "CONSULT"
    assert "maritime" in only(events, "pledge")[0].topics


def test_relative_dates_stay_unknown_without_a_publication_date(extract):
    events = extract(INDIA_US, published=None)
    assert only(events, "meeting")[0].date.start is None


def test_negatives_yield_nothing(extract):
    sport = (
        "The Indian cricket team met the Australian squad for dinner in Sydney on Thursday. "
        "Both captains praised the groundstaff for the pitch, and the defence of the home side held firm."
    )
    trade = (
        "The finance ministers of India and Japan met in Tokyo on Friday and signed a memorandum "
        "of understanding on infrastructure financing. They agreed to boost trade ties."
    )
    parade = (
        "HANOI - Thousands watched a military parade on Tuesday. The president reviewed the troops "
        "and praised the armed forces for their role in defending the nation."
    )
    for text in (sport, trade, parade):
        assert extract(text) == []


def test_a_bad_article_is_no_crash(extract):
    assert extract("") == []
    assert extract("\n\n   \n") == []
