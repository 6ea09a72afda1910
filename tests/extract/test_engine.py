"""The whole engine on short articles written for these tests (other dyads than the seeds)."""

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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


def test_visitor_and_host_sides_and_a_bloc(extract):
    text = (
        "The Chief of the Naval Staff, Admiral Dinesh Kumar, is on an official visit to Sri Lanka "
        "from June 10 to 13. During the visit, the Admiral called on President Ravi Perera "
        "and held meetings with the "
        "Commander of the Sri Lanka Navy, Vice Admiral Kanchana Silva.\n\n"
        "India and Sri Lanka held their bilateral naval exercise SLINEX in Colombo in December 2024."
    )
    events = extract(text, published=date(2025, 6, 12))
    meeting = only(events, "meeting")[0]
    sides = {p.name: p.country for p in meeting.participants}
    assert sides == {"Dinesh Kumar": "IND", "Ravi Perera": "LKA", "Kanchana Silva": "LKA"}
    exercise = only(events, "exercise")[0]
    assert (exercise.name, exercise.location.place) == ("SLINEX", "Colombo")


def test_bloc_meeting_lists_its_members_and_side_talks_share_its_day(extract):
    text = (
        "Defence ministers of the ten ASEAN member states met in Kuala Lumpur on Wednesday and vowed to "
        "deepen cooperation on maritime security.\n\n"
        "On the sidelines, Malaysian Defence Minister Azman Hashim received his Thai counterpart "
        "Phongsak Chai."
    )
    events = extract(text, published=date(2025, 2, 27))
    bloc, side = only(events, "meeting")
    assert len(bloc.countries) == 10
    assert side.countries == ["MYS", "THA"] and side.date.start == bloc.date.start == date(2025, 2, 26)
    assert side.location.place == "Kuala Lumpur"
    assert len(only(events, "pledge")[0].countries) == 10


def test_phone_call_has_no_place_and_a_later_call_keeps_the_day(extract):
    text = (
        "RIYADH - Saudi Defence Minister Prince Khalid bin Salman received US Central Command chief General "
        "Michael Kurilla in Riyadh on Thursday to discuss military cooperation.\n\n"
        "Khalid bin Salman later held a phone call with British Defence Secretary John Healey "
        "on maritime security."
    )
    first, call = only(extract(text, published=date(2025, 2, 14)), "meeting")
    assert {(p.name, p.title) for p in first.participants} == {
        ("Khalid bin Salman", "Defence Minister"),
        ("Michael Kurilla", "Central Command chief"),
    }
    assert call.location is None and call.date.start == date(2025, 2, 13)
    assert sorted(call.countries) == ["GBR", "SAU"]


def test_an_ambiguous_city_takes_the_state_the_story_is_about(extract):
    text = (
        "HANOI - India on Tuesday handed over 12 patrol boats to the Vietnam Border Guard.\n\n"
        "Vietnamese officers have attended courses at the Defence Services Staff College in Wellington "
        "since 2012."
    )
    training = only(extract(text, published=date(2025, 5, 21)), "training")[0]
    assert sorted(training.countries) == ["IND", "VNM"]
    assert training.location.country == "IND"


def test_press_release_style_visitor_and_honours(extract):
    text = (
        "RAWALPINDI: General Sir Roland Walker, Chief of the General Staff of the British Army, called on "
        "General Syed Asim Munir, NI (M), Chief of Army Staff (COAS), at GHQ on Wednesday, "
        "according to ISPR.\n\n"
        "The visiting dignitary appreciated Pakistan Army's achievements in the fight against terrorism.\n\n"
        "Earlier, on arrival at GHQ, the dignitary laid a floral wreath at Yadgar-e-Shuhada."
    )
    events = extract(text, published=date(2025, 4, 16))
    meeting = only(events, "meeting")[0]
    assert {(p.name, p.title, p.country) for p in meeting.participants} == {
        ("Sir Roland Walker", "Chief of the General Staff", "GBR"),
        ("Syed Asim Munir", "Chief of Army Staff", "PAK"),
    }
    praise = only(events, "praise")[0]
    assert [p.name for p in praise.participants] == ["Sir Roland Walker"]


def test_wire_style_plan_signed_and_continued_patrols(extract):
    text = (
        "BEIJING (TASS) - Russian Defense Minister Andrei Belousov and his Chinese counterpart Dong Jun "
        "held talks in Beijing, the Russian Defense Ministry reported on Tuesday.\n\n"
        "The parties signed a plan of bilateral military cooperation for 2026. Belousov said that Moscow and "
        "Beijing would continue joint strategic bomber patrols."
    )
    events = extract(text, published=date(2025, 4, 29))
    agreement = only(events, "agreement")[0]
    assert agreement.status == "occurred" and agreement.date.start == date(2025, 4, 29)
    assert [p.name for p in only(events, "pledge")[0].participants] == ["Andrei Belousov"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_gives_a_list_and_never_raises(extract, text):
    events = extract("Defence minister met the army chief. " + text)
    assert isinstance(events, list)


def test_habits_and_commentary_are_no_events(extract):
    habit = (
        "ANKARA - Turkish Defence Minister Yasar Guler hosted his Pakistani counterpart Khawaja Asif "
        "in Ankara on Tuesday.\n\nThe two countries have held several rounds of talks since 2019 "
        "and their navies regularly conduct joint exercises in the Arabian Sea."
    )
    assert [e.type for e in extract(habit, published=date(2025, 10, 15))] == ["meeting"]
    opinion = (
        "Opinion | The quiet rise of Gulf-Asian defence ties\n\n"
        "The UAE has bought South Korean air defence systems, and Qatar has trained its officers in Turkey. "
        "Such military partnerships could deepen further."
    )
    assert extract(opinion) == []


def test_dateline_city_completes_a_facility_and_deal_content_is_no_event(extract):
    text = (
        "RAWALPINDI: Uzbekistan's Minister of Defence, Lieutenant General Bakhodir Kurbanov, called on "
        "Chairman Joint Chiefs of Staff Committee General Sahir Shamshad Mirza at Joint Staff Headquarters "
        "on Tuesday.\n\n"
        "Pakistan and Uzbekistan signed a memorandum of understanding on military education.\n\n"
        "Under the MoU, Uzbek officers will attend courses at the Command and Staff College in Quetta."
    )
    events = extract(text, published=date(2025, 1, 22))
    meeting = only(events, "meeting")[0]
    assert (meeting.location.place, meeting.location.country) == (
        "Joint Staff Headquarters, Rawalpindi",
        "PAK",
    )
    assert only(events, "training") == []
    assert only(events, "agreement")[0].date.start == date(2025, 1, 21)


def test_summary_meeting_then_named_talks_are_one_meeting(extract):
    text = (
        "ASTANA - The heads of the coast guards of Kazakhstan and Turkmenistan met in Aktau on Tuesday and "
        "agreed to launch joint patrols on the Caspian Sea.\n\n"
        "Rear Admiral Serik Abenov held talks with his Turkmen counterpart, Captain Begench Amanov. "
        "The two officers signed a protocol on the exchange of information about smuggling."
    )
    events = extract(text, published=date(2025, 5, 21))
    meeting = only(events, "meeting")
    assert len(meeting) == 1 and {p.name for p in meeting[0].participants} == {
        "Serik Abenov",
        "Begench Amanov",
    }
    assert meeting[0].location.place == "Aktau"
    agreement = only(events, "agreement")[0]
    assert agreement.date.start == date(2025, 5, 20) and agreement.location.place == "Aktau"
    assert only(events, "exercise")[0].status == "planned"


def test_named_instrument_earlier_delivery_and_a_planned_committee_meeting(extract):
    text = (
        "ROME - Italy and Albania on Monday signed an agreement on the joint maintenance of patrol boats, "
        "officials said.\n\n"
        "The defence ministers said they were ready to train Albanian engineers at Italian shipyards. "
        "The two sides also agreed that a joint technical committee would meet in Tirana in June.\n\n"
        "Italy supplied Albania with four patrol boats in 2019, and the two allies signed the Adriatic "
        "Security Charter in May 2020."
    )
    events = extract(text, published=date(2025, 4, 15))
    named = {e.name for e in only(events, "agreement")}
    assert named == {None, "Adriatic Security Charter"}
    assert only(events, "defence_industry")[0].date.start == date(2019, 1, 1)
    planned = only(events, "meeting")[0]
    assert (planned.status, planned.location.place, planned.date.start) == (
        "planned",
        "Tirana",
        date(2025, 6, 1),
    )
    pledge = only(events, "pledge")[0]
    assert pledge.date.start == date(2025, 4, 14)  # made at the signing


def test_a_contingent_received_at_a_base_is_no_meeting(extract):
    text = (
        "Indian and Omani commandos will hold their joint exercise Al Najah at a base in Salalah in "
        "October. Officials said the Indian contingent would be received at the base by Brigadier "
        "Salim Al Harthy, the Omani commander."
    )
    events = extract(text, published=date(2025, 9, 2))
    assert [e.type for e in events] == ["exercise"]
