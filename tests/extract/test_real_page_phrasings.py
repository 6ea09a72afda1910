"""Phrasings of real news pages that no written article used: our own sentences, one phenomenon each.

Calls and video conferences, commitments phrased as wishes, several meetings in one sentence,
equipment deals that are sales rather than accords, gifts and purchases told in the passive,
the founding history of blocs, one drill named many times, and the dates real pages leave out.
"""

from datetime import date

import pytest
from tests.extract.conftest import only

PUBLISHED = date(2024, 3, 14)  # a Thursday
CONTEXT = "\n\nThe military ties between the two armed forces have grown since 2019."


def _of(extract, text: str, event_type: str, published: date | None = PUBLISHED):
    return only(extract(text + CONTEXT, published=published), event_type)


@pytest.mark.parametrize(
    "sentence",
    [
        "Portuguese Defence Minister Rui Costa held a telephonic conversation with his Brazilian counterpart "
        "Jose Mucio on Tuesday.",
        "Portuguese Defence Minister Rui Costa and Brazilian Defence Minister Jose Mucio held a video "
        "teleconference on Tuesday.",
        "Portuguese Defence Minister Rui Costa and Brazilian Defence Minister Jose Mucio convened via video "
        "on Tuesday.",
        "Portuguese Defence Minister Rui Costa spoke with Brazilian Defence Minister Jose Mucio on Tuesday "
        "about naval cooperation.",
    ],
)
def test_calls_and_video_conferences_are_meetings(extract, sentence):
    meetings = _of(extract, sentence, "meeting")
    assert [(m.status, tuple(m.countries), m.date.start) for m in meetings] == [
        ("occurred", ("BRA", "PRT"), date(2024, 3, 12))
    ]
    assert meetings[0].location is None  # a call happens nowhere in particular


def test_speaking_to_a_news_outlet_is_no_meeting(extract):
    text = "Estonian Defence Minister Hanno Pevkur spoke to Baltic News Network about the army's budget."
    assert _of(extract, text, "meeting") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Both ministers agreed to remain in touch.",
        "Both sides displayed desire to initiate long-lasting security cooperation.",
        "The general said Kenya is keen to expand its military cooperation with Rwanda.",
        "\u201cWe undertake to sign a memorandum on defence cooperation this year,\u201d the minister said.",
    ],
)
def test_commitments_as_pages_phrase_them(extract, sentence):
    text = (
        "Kenyan Defence Minister Aden Moi met Rwandan Defence Minister Juvenal Marizamunda in Nairobi "
        f"on Tuesday.\n\n{sentence}"
    )
    pledges = _of(extract, text, "pledge")
    assert [(p.status, tuple(p.countries)) for p in pledges] == [("occurred", ("KEN", "RWA"))]


def test_separate_meetings_are_one_meeting_each(extract):
    text = (
        "Pakistan's Chairman Joint Chiefs of Staff Committee General Sahir Mirza arrived in Abuja on "
        "Tuesday on an official visit.\n\nGeneral Mirza also held separate meetings with Nigerian Defence "
        "Minister Mohammed Badaru, Chief of Defence Staff General Christopher Musa and the Service Chiefs."
    )
    meetings = [m for m in _of(extract, text, "meeting") if "separate" in m.evidence]
    assert len(meetings) == 3
    named = sorted(p.name for m in meetings for p in m.participants if p.country == "NGA")
    assert named == ["Christopher Musa", "Mohammed Badaru"]


def test_meetings_with_two_people_and_no_separate_word_stay_one(extract):
    text = (
        "Pakistan's Chairman Joint Chiefs of Staff Committee General Sahir Mirza held meetings with "
        "Nigerian Defence Minister Mohammed Badaru and Chief of Defence Staff General Christopher Musa "
        "in Abuja on Tuesday."
    )
    assert len(_of(extract, text, "meeting")) == 1


@pytest.mark.parametrize("cue", ["later called on", "subsequently called on", "then called on"])
def test_a_later_call_of_the_visit_is_a_meeting_of_its_own(extract, cue):
    text = (
        "Kenyan Army Commander Lieutenant General Peter Njiru, who arrived in Kigali on Tuesday for a "
        "two-day visit, met Rwanda Defence Force Chief General Mubarakh Muganga.\n\n"
        f"After meeting General Muganga, General Njiru {cue} Defence Minister Juvenal Marizamunda."
    )
    meetings = _of(extract, text, "meeting")
    people = sorted(tuple(sorted(p.name.split()[-1] for p in m.participants)) for m in meetings)
    assert people == [("Marizamunda", "Njiru"), ("Muganga", "Njiru")]  # whom he met before is no party


def test_one_visitor_seeing_the_same_counterpart_twice_stays_one_meeting(extract):
    text = (
        "Kenyan Army Commander Lieutenant General Peter Njiru met Rwanda Defence Force Chief General "
        "Mubarakh Muganga in Kigali on Tuesday.\n\nGeneral Njiru later met General Muganga's staff "
        "at the headquarters with General Muganga."
    )
    assert len(_of(extract, text, "meeting")) == 1


@pytest.mark.parametrize(
    "sentence",
    [
        "Kenyan Army Commander Peter Njiru and Rwandan Chief of Defence Staff Mubarakh Muganga hold a "
        "bilateral meeting in Kigali on Tuesday.",
        "Kenyan Army Commander Peter Njiru holds an official meeting with Rwandan Chief of Defence Staff "
        "Mubarakh Muganga in Kigali on Tuesday.",
    ],
)
def test_meetings_told_in_the_present_are_meetings(extract, sentence):
    meetings = _of(extract, sentence, "meeting")
    assert [(m.status, tuple(m.countries)) for m in meetings] == [("occurred", ("KEN", "RWA"))]


def test_a_group_subject_after_an_opening_clause_is_the_same_meeting(extract):
    text = (
        "Kenyan Defence Minister Aden Moi spoke by phone with Rwandan Defence Minister Juvenal Marizamunda "
        "on Tuesday.\n\nDuring the call, both ministers held talks on joint border patrols."
    )
    meetings = _of(extract, text, "meeting")
    assert [sorted(p.name.split()[-1] for p in m.participants) for m in meetings] == [["Marizamunda", "Moi"]]


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkey has inked its largest defence equipment export deal with Indonesia, worth $1.2 billion.",
        "The two sides signed a $300 million deal to supply Turkish howitzers to the Indonesian army.",
        "Indonesia signed a framework agreement for the purchase of up to 48 Turkish fighter jets.",
    ],
)
def test_equipment_deals_are_defence_industry(extract, sentence):
    events = extract(sentence + CONTEXT, published=PUBLISHED)
    assert [e.type for e in events] == ["defence_industry"]
    assert events[0].countries == ["IDN", "TUR"]


def test_a_cooperation_accord_stays_an_agreement(extract):
    text = "Turkey and Indonesia signed a defence cooperation agreement in Ankara on Tuesday."
    assert [e.type for e in extract(text + CONTEXT, published=PUBLISHED)] == ["agreement"]


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("The two patrol boats previously gifted by Japan to Sri Lanka in 2019 are in service.", "occurred"),
        ("The radars were purchased from Israel by the Sri Lankan navy last year.", "occurred"),
        ("Sri Lanka intends to buy Japanese patrol boats, the navy said.", "proposed"),
        ("The navy confirmed Sri Lanka's interest in acquiring Japanese patrol boats.", "proposed"),
    ],
)
def test_gifts_and_purchases_told_every_way(extract, sentence, status):
    events = _of(extract, sentence, "defence_industry")
    assert [e.status for e in events] == [status]


def test_a_blocs_founding_and_renaming_are_agreements(extract):
    text = (
        "Kazakh and Kyrgyz troops took part in the CSTO drill in Kazakhstan on Tuesday.\n\n"
        "The CSTO was founded in 2002 by Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan."
    )
    agreements = _of(extract, text, "agreement")
    assert [(a.date.start, a.date.precision) for a in agreements] == [(date(2002, 1, 1), "year")]
    assert "RUS" in agreements[0].countries


def test_being_joined_by_people_is_no_blocs_history(extract):
    text = (
        "When the defence attache walked into the ministry, we were joined by four other officers from "
        "the Indian army."
    )
    assert _of(extract, text, "agreement") == []


def test_one_drill_named_many_times_is_one_exercise(extract):
    text = (
        "Greek and Egyptian navies began a joint naval exercise off Alexandria on Monday.\n\n"
        "The manoeuvres will last for several days, the Egyptian military said.\n\n"
        "The war games are among the largest drills in the eastern Mediterranean."
    )
    exercises = _of(extract, text, "exercise")
    assert [(e.status, e.date.start) for e in exercises] == [("occurred", date(2024, 3, 11))]


def test_an_earlier_edition_with_its_own_year_stays_apart(extract):
    text = (
        "Greek and Egyptian navies began a joint naval exercise off Alexandria on Monday.\n\n"
        "The previous edition of the exercise took place off Crete in 2022."
    )
    exercises = _of(extract, text, "exercise")
    assert sorted(e.date.start.year for e in exercises) == [2022, 2024]


def test_an_event_told_without_a_date_happened_on_the_news_day(extract):
    text = (
        "Singapore's Defence Minister Ng Eng Hen met Thai Defence Minister Sutin Klungsang in Bangkok on "
        "Tuesday.\n\nNg also called on Thai Prime Minister Srettha Thavisin at Government House."
    )
    meetings = _of(extract, text, "meeting")
    assert sorted(m.date.start for m in meetings) == [date(2024, 3, 12), date(2024, 3, 12)]


def test_a_background_event_without_a_date_stays_undated(extract):
    text = (
        "Singapore's Defence Minister Ng Eng Hen met Thai Defence Minister Sutin Klungsang in Bangkok on "
        "Tuesday.\n\nThe two armies had previously signed a training agreement."
    )
    agreements = _of(extract, text, "agreement")
    assert [a.date.start for a in agreements] == [None]


def test_a_page_without_a_date_places_yearless_days_in_its_year(extract):
    text = (
        "On 12-13 June, the defence ministers of Norway and Sweden met in Oslo.\n\n"
        "Norway holds the chairmanship of the Nordic defence cooperation in 2023."
    )
    meetings = _of(extract, text, "meeting", published=None)
    assert [(m.date.start, m.date.precision) for m in meetings] == [(date(2023, 6, 12), "day")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers praised the achievements of the meeting and the work of its staff.",
        "General Diallo congratulated him on his appointment as chief of the army staff.",
    ],
)
def test_praise_of_an_occasion_is_no_praise(extract, sentence):
    text = (
        "Senegalese and Malian army chiefs met in Dakar on Tuesday to discuss border security.\n\n" + sentence
    )
    assert _of(extract, text, "praise") == []


def test_praise_of_athletes_at_military_games_is_no_praise(extract):
    text = (
        "Ghanaian and Togolese army teams competed in the military games in Accra on Tuesday.\n\n"
        "The Ghanaian chief of defence staff applauded the athletes for their discipline and the Togolese "
        "armed forces for their performance."
    )
    assert _of(extract, text, "praise") == []


def test_taking_part_in_a_drill_abroad_is_an_exercise(extract):
    text = (
        "The Chinese Ministry of National Defense on Tuesday announced its participation in joint military "
        "exercises with the armed forces of Kenya next month."
    )
    exercises = _of(extract, text, "exercise")
    assert [tuple(e.countries) for e in exercises] == [("CHN", "KEN")]


def test_a_delivery_due_in_its_own_clause_after_a_planned_deal(extract):
    text = (
        "The two governments expect to sign a government-to-government agreement next year, and the first "
        "Danish corvette is due to be delivered by 2029 from the yard in Gdynia."
    )
    events = extract(text + CONTEXT, published=PUBLISHED)
    delivery = only(events, "defence_industry")
    assert [(d.status, d.date.start) for d in delivery] == [("planned", date(2029, 1, 1))]
    assert [a.status for a in only(events, "agreement")] == ["planned"]


def test_a_proposed_joint_body_that_would_meet_regularly(extract):
    text = (
        "Nigerian Defence Minister Tunde Adeyemi proposed setting up a joint working group with Benin on "
        "border security, which would meet regularly to review the cooperation programme."
    )
    events = extract(text + CONTEXT, published=PUBLISHED)
    assert [(e.type, e.status) for e in events] == [("agreement", "proposed")]


def test_doubt_whether_a_delivery_will_happen_is_no_event(extract):
    text = (
        "Opposition politicians in Copenhagen have questioned whether the Polish corvettes can be delivered "
        "on time."
    )
    assert _of(extract, text, "defence_industry") == []


def test_a_state_in_the_title_phrase_before_a_name_is_the_persons_side(extract):
    text = (
        "Chilean head of the Joint Staff Admiral Rodrigo Vera and Peruvian Defence Minister Walter Astudillo "
        "met at the Defence Ministry in Lima on Tuesday."
    )
    meeting = _of(extract, text, "meeting")[0]
    sides = {p.name: p.country for p in meeting.participants}
    assert sides == {"Rodrigo Vera": "CHL", "Walter Astudillo": "PER"}


def test_a_call_about_a_third_state_gives_nobody_its_side(extract):
    text = (
        "Lisbon: Defence Minister Rui Costa held a telephonic conversation with the Defence Minister of the "
        "Brazilian counterpart Jose Mucio on Tuesday about the situation in Mozambique."
    )
    meeting = _of(extract, text, "meeting")[0]
    assert {p.name: p.country for p in meeting.participants}.get("Jose Mucio") == "BRA"
    assert "MOZ" not in {p.country for p in meeting.participants}


def test_an_office_in_initials_is_nobody(extract):
    text = (
        "Chilean Army Commander General Javier Iturriaga visited Peru on Tuesday. "
        "Chairman JSC also met Peruvian Defence Minister Walter Astudillo in Lima."
    )
    names = {p.name for e in extract(text + CONTEXT, published=PUBLISHED) for p in e.participants}
    assert "JSC" not in names


def test_one_drill_named_by_series_and_edition_with_its_start_and_end(extract):
    text = (
        "RIYADH: The Royal Saudi Land Forces concluded a joint military exercise with Jordanian forces on "
        "Monday, the ministry said.\n\n"
        "The exercise called “Desert Shield 3”, which started on February 26, was conducted in the north "
        "of the Kingdom, while earlier editions of Desert Shield were held in Jordan."
    )
    drills = _of(extract, text, "exercise")
    assert len(drills) == 1
    assert drills[0].name == "Desert Shield 3"
    assert (drills[0].date.start, drills[0].date.end) == (date(2024, 2, 26), date(2024, 3, 11))


def test_the_two_ministers_are_the_people_of_the_sentence_before(extract):
    text = (
        "Lisbon: Brazilian Defence Minister Jose Mucio on Tuesday briefed his Portuguese counterpart "
        "Rui Costa "
        "about the situation in the South Atlantic.\n\n"
        "The two ministers discussed naval cooperation during their telephonic conversation."
    )
    meeting = _of(extract, text, "meeting")[0]
    assert {p.name: p.country for p in meeting.participants} == {"Jose Mucio": "BRA", "Rui Costa": "PRT"}


def test_a_chronology_keeps_each_item_with_its_own_date(extract):
    text = (
        "The defence ministers of Chile and Peru met in Lima in 2014.\n\n"
        "In October 2016, Chilean President Michelle Bachelet and Peruvian President Pedro Pablo Kuczynski "
        "pledged to carry out joint military exercises.\n\n"
        "In September 2021, Chilean and Peruvian special forces conducted the Pacific Brothers - 2021 joint "
        "drills to improve coordination among their units."
    )
    events = extract(text + CONTEXT, published=PUBLISHED)
    drills = {(e.status, e.date.start, e.date.precision) for e in only(events, "exercise")}
    assert ("occurred", date(2021, 9, 1), "month") in drills  # not the year in the drill's name
    pledges = only(events, "pledge")
    assert [(p.date.start, p.date.precision) for p in pledges] == [(date(2016, 10, 1), "month")]


def test_an_edition_named_with_its_year_in_single_quotes_dates_the_drill(extract):
    text = (
        "Egypt started on Sunday a joint naval exercise with Greece.\n\n"
        "Meanwhile, the Egyptian and French naval forces conducted an exercise called ‘Cleopatra 2017’ "
        "early in July in the Red Sea."
    )
    drills = [
        e
        for e in only(extract(text + CONTEXT, published=date(2019, 4, 15)), "exercise")
        if "FRA" in e.countries
    ]
    assert [(d.name, d.date.start, d.date.precision) for d in drills] == [
        ("Cleopatra 2017", date(2017, 7, 1), "month")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chilean Defence Minister Maya Fernandez and her Peruvian counterpart Walter Astudillo reaffirmed "
        "late Tuesday “their shared commitment to strengthening the security partnership”.",
        "Chilean Defence Minister Maya Fernandez and Peruvian Defence Minister Walter Astudillo met in Lima "
        "on Tuesday; they agreed to redouble their efforts to secure the common border.",
    ],
)
def test_commitments_with_a_time_or_efforts_between_are_pledges(extract, sentence):
    pledges = _of(extract, sentence, "pledge")
    assert [(p.status, tuple(p.countries)) for p in pledges] == [("occurred", ("CHL", "PER"))]


def test_a_page_filed_under_a_year_dates_its_undated_news_to_that_year(extractor):
    from detente.models import Article

    text = (
        "The defence ministers of Chile, Peru and Bolivia met to discuss border security and signed an "
        "agreement on search and rescue.\n\nThe military ties between the armed forces have grown."
    )
    filed = "https://mindef.example/en/news/20202/2020/ministers-meet"
    events = extractor.extract(Article(doc_id="y", text=text, published=None, url=filed))
    meetings = only(events, "meeting")
    assert [(m.date.start, m.date.precision) for m in meetings] == [(date(2020, 1, 1), "year")]
    undated = extractor.extract(Article(doc_id="n", text=text, published=None, url=None))
    assert [m.date.start for m in only(undated, "meeting")] == [None]


def test_the_news_a_report_files_from_a_city_happened_there(extract):
    text = (
        "LIMA – Chilean Army Commander General Javier Iturriaga called on Peruvian President Dina Boluarte "
        "on Tuesday.\n\n"
        "The Chilean general, who is on an official visit to Peru, also held talks with Peruvian Defence "
        "Minister Walter Astudillo on Wednesday.\n\n"
        "The two countries signed a defence cooperation agreement in Santiago in 2019."
    )
    events = extract(text + CONTEXT, published=PUBLISHED)
    meetings = sorted(only(events, "meeting"), key=lambda e: e.date.start)
    assert [(m.location.place if m.location else None) for m in meetings] == ["Lima", "Lima"]
    background = only(events, "agreement")
    assert [a.location.place for a in background] == ["Santiago"]


@pytest.mark.parametrize(
    "sentence",
    [
        "In a phone call with Peruvian General Walter Cordova, Chilean General Javier Iturriaga "
        "congratulated his appointment as the army commander.",
        "Both sides appreciated the defence cooperation results since the 5th dialogue between Chile and "
        "Peru.",
        "Chilean Defence Minister Maya Fernandez proudly lauded the signing of the framework for defence "
        "cooperation with Peru.",
    ],
)
def test_congratulating_an_office_mutual_appreciation_and_lauding_a_signing_are_no_praise(extract, sentence):
    assert _of(extract, sentence, "praise") == []


def test_thanks_for_hosting_an_event_is_courtesy_but_thanks_for_hosting_forces_is_praise(extract):
    courtesy = (
        "Chilean General Javier Iturriaga expressed gratitude to the Peruvian military authorities for "
        "hosting the event and urged all teams to keep the friendships formed at the competition."
    )
    assert _of(extract, courtesy, "praise") == []
    praise = (
        "Chilean Defence Minister Maya Fernandez thanked the Peruvian government for hosting Chilean "
        "forces at the Callao naval base."
    )
    assert [tuple(e.countries) for e in _of(extract, praise, "praise")] == [("CHL", "PER")]


def test_a_clause_with_its_own_subject_verb_and_date_dates_its_own_event(extract):
    text = (
        "Ghana and Togo will hold the naval exercise Gulf Guardian in Lome from 10 to 20 June. "
        "Planning conferences were held in Accra in December 2023 and a previous exercise between the "
        "two navies was held in Lome in November 2019."
    )
    exercises = _of(extract, text, "exercise")
    assert sorted((e.date.start, e.date.precision) for e in exercises)[0] == (date(2019, 11, 1), "month")


def test_an_article_tells_its_one_planned_instrument_again_in_other_words(extract):
    text = (
        "LISBON - Portugal and Brazil are expected to sign a defence cooperation agreement soon, the "
        "presidency announced on Tuesday.\n\n"
        "Portuguese Defence Minister Rui Costa met Brazilian Defence Minister Jose Mucio in Lisbon on "
        "Tuesday.\n\n"
        "At a news conference after the talks, Costa said the two countries aim to sign a defence "
        "cooperation memorandum before the end of this year."
    )
    plans = _of(extract, text, "agreement")
    assert [(p.status, tuple(p.countries)) for p in plans] == [("planned", ("BRA", "PRT"))]
    # dated by "before the end of this year", never by the Tuesday it was announced
    assert (plans[0].date.start, plans[0].date.precision) == (date(2024, 1, 1), "year")


@pytest.mark.parametrize("also", ["also ", ""])
def test_two_planned_instruments_told_as_two_stay_two(extract, also):
    text = (
        "Portugal and Brazil are expected to sign a defence cooperation agreement soon, the presidency "
        "announced on Tuesday.\n\n"
        f"The two countries {also}plan to sign a memorandum on military education next year."
    )
    plans = _of(extract, text, "agreement")
    assert len(plans) == 2 and {p.status for p in plans} == {"planned"}


def test_a_retired_officer_keeps_his_office_and_a_description_finds_him(extract):
    text = (
        "Portuguese Navy Chief Admiral Henrique Gouveia and Brazilian Defence Minister retired Gen. Jose "
        "Mucio met in Brasilia on Tuesday.\n\n"
        "Describing the relations as close, the Brazilian defence minister pledged continued naval "
        "cooperation with the Portuguese navy, the ministry said."
    )
    meeting = _of(extract, text, "meeting")[0]
    assert {p.name: p.title for p in meeting.participants}["Jose Mucio"] == "Defence Minister"
    pledge = _of(extract, text, "pledge")[0]
    assert [(p.name, p.country) for p in pledge.participants] == [("Jose Mucio", "BRA")]  # who pledged


def test_the_chiefs_named_by_their_office_hold_the_talks_of_the_visit(extract):
    text = (
        "Brazilian Army Commander General Tomas Paiva began his visit to Portugal on Tuesday by laying a "
        "wreath at the Monument to the Combatants in Lisbon.\n\n"
        "\u201cThe Army Chiefs discussed training, peacekeeping and overall bilateral cooperation,\u201d the "
        "ministry added."
    )
    meetings = _of(extract, text, "meeting")
    assert [(m.status, tuple(m.countries), m.date.start) for m in meetings] == [
        ("occurred", ("BRA", "PRT"), date(2024, 3, 12))
    ]
    assert "The Army Chiefs discussed" in meetings[0].evidence


def test_a_caption_that_states_the_news_with_a_photo_credit_is_read(extract):
    text = (
        "Portugal, Brazil sign naval pact\n\n"
        "(L-R) Portuguese Defence Minister Rui Costa and Brazilian Defence Minister Jose Mucio hold a "
        "bilateral meeting in Lisbon on Tuesday. (Photo: MDN)"
    )
    meetings = _of(extract, text, "meeting")
    assert [(tuple(m.countries), m.date.start) for m in meetings] == [(("BRA", "PRT"), date(2024, 3, 12))]
    assert meetings[0].evidence.endswith("on Tuesday.")


def test_a_page_cut_off_mid_sentence_keeps_its_last_line(extract):
    text = (
        "Portuguese Defence Minister Rui Costa received Brazilian Defence Minister Jose Mucio in Lisbon on "
        "Tuesday.\n\n"
        "Portugal and Brazil agreed to strengthen naval cooperation and to hold joint patrols in the South "
        "Atlantic, the two ministers told repor"
    )
    pledges = only(extract(text, published=PUBLISHED), "pledge")
    assert [tuple(p.countries) for p in pledges] == [("BRA", "PRT")]


def test_a_last_line_in_title_case_stays_furniture():
    from detente.extract.page.sentences import split_sentences

    text = (
        "Portuguese Defence Minister Rui Costa received Brazilian Defence Minister Jose Mucio in Lisbon.\n\n"
        "Read More: Brazil And Portugal Sign Naval Cooperation Pact During Visit Of Defence Minister Mucio"
    )
    assert [s.text for s in split_sentences(text)] == [text.split("\n")[0]]


def test_an_exchange_of_visits_is_two_visits(extract):
    text = (
        "Portugal and Brazil began their joint naval exercise off Lisbon on Tuesday.\n\n"
        "The exercise follows Portuguese Navy Chief Admiral Henrique Gouveia's visit to Brazil, and the "
        "Brazilian Navy Commander Admiral Marcos Olsen's visit to Portugal in November."
    )
    meetings = _of(extract, text, "meeting")
    visitors = sorted([p.name for p in m.participants] for m in meetings)
    assert visitors == [["Henrique Gouveia"], ["Marcos Olsen"]]


def test_a_meeting_beside_an_exchange_of_visits_keeps_its_people(extract):
    text = (
        "Portuguese Defence Minister Rui Costa held talks with Brazilian Defence Minister Jose Mucio in "
        "Lisbon on Tuesday, weeks after Navy Chief Admiral Henrique Gouveia's visit to Brazil and Admiral "
        "Marcos Olsen's visit to Portugal."
    )
    meetings = _of(extract, text, "meeting")
    assert any({"Rui Costa", "Jose Mucio"} <= {p.name for p in m.participants} for m in meetings)


def test_a_caption_with_its_credit_ending_a_page_stays_furniture():
    from detente.extract.page.sentences import split_sentences

    text = (
        "Portuguese Defence Minister Rui Costa received Brazilian Defence Minister Jose Mucio in Lisbon.\n\n"
        "Soldiers of the two armies take part in a joint exercise near the border town on Tuesday "
        "\u2014 Reuters"
    )
    assert [s.text for s in split_sentences(text)] == [text.split("\n")[0]]
