"""Phrasings the seeds never use: one short article of our own per class (other dyads than the seeds)."""

from datetime import date

import pytest
from tests.extract.conftest import only

from detente.extract.mentions.people import PersonFinder
from detente.extract.mentions.states import gazetteer
from detente.extract.page.sentences import split_sentences

PUBLISHED = date(2025, 10, 2)  # a Thursday


def kinds(events) -> list[tuple[str, str]]:
    return sorted((e.type, e.status) for e in events)


# ---------------------------------------------------------------- defence industry and training


@pytest.mark.parametrize(
    "sentence, status",
    [
        (
            "The frigate ordered by the Egyptian Navy was commissioned in Lorient by France on Monday.",
            "occurred",
        ),
        ("The first two cutters from Japan are scheduled for delivery to Vietnam in 2026.", "planned"),
        (
            "The remaining patrol vessels are expected to be delivered to Ghana by Turkey next year.",
            "planned",
        ),
        (
            "Washington approved the possible sale to Morocco of 600 Stinger missiles, the Pentagon said "
            "on Monday.",
            "occurred",
        ),
        ("Brazil and Sweden launched a joint development programme for a new trainer aircraft.", "occurred"),
    ],
)
def test_deliveries_commissionings_and_sale_approvals(extract, sentence, status):
    text = f"{sentence}\n\nThe military ties between the two armed forces have grown since 2019."
    events = only(extract(text, published=PUBLISHED), "defence_industry")
    assert [e.status for e in events] == [status], sentence


def test_training_places_courses_and_graduations(extract):
    text = (
        "Kenya would provide ten training places at its Defence Staff College for Ugandan officers "
        "from January.\n\n"
        "Twelve Rwandan officers graduated from the Kenya Military Academy in February.\n\n"
        "The crew of the new Tanzanian patrol boat trained with Kenyan Navy instructors."
    )
    events = only(extract(text, published=PUBLISHED), "training")
    assert sorted((e.status, tuple(e.countries)) for e in events) == [
        ("occurred", ("KEN", "RWA")),
        ("occurred", ("KEN", "TZA")),
        ("planned", ("KEN", "UGA")),
    ]
    planned = next(e for e in events if e.status == "planned")
    assert (planned.date.start, planned.date.precision) == (date(2026, 1, 1), "month")


# ---------------------------------------------------------------- agreements


def test_roadmaps_arrangements_and_letters_of_offer(extract):
    text = (
        "Norway and Finland adopted a roadmap for defence materiel cooperation on Wednesday.\n\n"
        "The two governments also signed a Security of Supply Arrangement, which will guarantee "
        "ammunition deliveries in a crisis.\n\n"
        "In May 2024 Finland signed a letter of offer and acceptance for air defence missiles from "
        "the United States."
    )
    events = extract(text, published=PUBLISHED)
    assert [(e.status, e.date.start) for e in only(events, "agreement")] == [
        ("occurred", date(2025, 10, 1)),
        ("occurred", date(2025, 10, 1)),  # signed on the same occasion
    ]
    purchase = only(events, "defence_industry")  # a letter of offer and acceptance is a purchase
    assert [(e.date.start, sorted(e.countries)) for e in purchase] == [(date(2024, 5, 1), ["FIN", "USA"])]


def test_proposed_joint_body_is_an_agreement_not_a_pledge(extract):
    text = (
        "Chilean Defence Minister Adriana Delpiano proposed the creation of a joint committee on "
        "border security with Argentina during talks with Argentine Defence Minister Luis Petri "
        "in Santiago on Tuesday."
    )
    events = extract(text, published=PUBLISHED)
    assert ("agreement", "proposed") in kinds(events)
    assert not only(events, "pledge")


def test_aim_to_sign_by_the_end_of_the_year(extract):
    text = (
        "Bulgarian officials said they aim to sign a contract for eight F-16 fighter jets with the "
        "United States by the end of the year. The Bulgarian Air Force still flies MiG-29 fighters."
    )
    agreement = only(extract(text, published=PUBLISHED), "agreement")[0]
    assert agreement.status == "planned"
    assert (agreement.date.start, agreement.date.precision) == (date(2025, 1, 1), "year")


# ---------------------------------------------------------------- meetings


def test_meeting_phrasings(extract):
    text = (
        "Estonian Defence Minister Hanno Pevkur is due to meet Latvian Defence Minister Andris Spruds "
        "in Riga on Friday.\n\n"
        "The two ministers held closed-door talks in Tallinn last week on air defence.\n\n"
        "Pevkur travelled to Vilnius in March, where he met Lithuanian Defence Minister Dovile Sakaliene."
    )
    events = only(extract(text, published=PUBLISHED), "meeting")
    found = sorted((e.status, e.date.start, e.date.precision) for e in events)
    assert found == [
        ("occurred", date(2025, 3, 1), "month"),
        ("occurred", date(2025, 9, 22), "day"),  # last week: Monday 22 to Sunday 28 September
        ("planned", date(2025, 10, 3), "day"),
    ]
    vilnius = next(e for e in events if e.date.start == date(2025, 3, 1))
    assert vilnius.location.place == "Vilnius"
    pevkur = next(p for p in vilnius.participants if p.name == "Hanno Pevkur")
    assert pevkur.country == "EST"  # the traveller comes from the side that is not the host


def test_earlier_in_the_day_shares_the_visit_date(extract):
    text = (
        "Greek Chief of the Hellenic National Defence General Staff General Dimitrios Choupis called on "
        "Cypriot Defence Minister Vasilis Palmas in Nicosia on Wednesday.\n\n"
        "Earlier in the day, the General held talks with the Chief of the Cypriot National Guard, "
        "Lieutenant General Georgios Tsitsikostas, at the National Guard headquarters."
    )
    events = only(extract(text, published=PUBLISHED), "meeting")
    assert len(events) == 2
    assert {e.date.start for e in events} == {date(2025, 10, 1)}


def test_phone_talks_happen_nowhere(extract):
    text = (
        "HANOI - Vietnamese Defence Minister General Phan Van Giang held phone talks with his Indian "
        "counterpart Rajnath Singh on Tuesday on maritime security."
    )
    meeting = only(extract(text, published=PUBLISHED), "meeting")[0]
    assert meeting.location is None


def test_hosted_dialogue_and_hyphenated_pair(extract):
    text = (
        "Last week, Astana hosted the 5th Kazakhstan-Korea Defence Policy Dialogue, led on the Kazakh side "
        "by Deputy Defence Minister Sultan Kamaletdin."
    )
    meeting = only(extract(text, published=PUBLISHED), "meeting")[0]
    assert sorted(meeting.countries) == ["KAZ", "KOR"]


def test_hyphenated_pairs_are_parties_unless_a_war():
    names = lambda text: [m.code for m in gazetteer().parties(text)]  # noqa: E731
    assert names("the India-US-Japan trilateral") == ["IND", "USA", "JPN"]
    assert names("the Russia-Ukraine war") == ["RUS"]
    assert names("Pakistan-made drones") == []


def test_gulf_of_guinea_is_no_party():
    assert [m.code for m in gazetteer().parties("navies of the Gulf of Guinea states")] == []


# ---------------------------------------------------------------- pledges, praise, blocs


def test_agreed_to_speed_up_and_thanked_for_support(extract):
    text = (
        "Ecuadorian Defence Minister Gian Carlo Loffredo met US Southern Command chief Admiral Alvin "
        "Holsey in Quito on Monday.\n\n"
        "The two agreed to speed up the delivery of patrol boats and agreed to step up joint rotations.\n\n"
        "Loffredo thanked the United States for its support in training Ecuadorian marines."
    )
    events = extract(text, published=PUBLISHED)
    assert len(only(events, "pledge")) == 1  # all commitments at one meeting are one pledge
    praise = only(events, "praise")[0]
    assert [p.name for p in praise.participants] == ["Gian Carlo Loffredo"]


def test_thanks_to_nobody_in_particular_is_no_praise(extract):
    text = (
        "Colonel Rina Das of the Indian Army said the country's defence systems were strong and thanked "
        "the research team for their constant contributions. India and France held military talks."
    )
    assert not only(extract(text, published=PUBLISHED), "praise")


def test_the_next_forum_and_their_navies_share_the_bloc(extract):
    text = (
        "Defence ministers of Senegal, Gambia, Guinea-Bissau and Mauritania met in Dakar on Tuesday "
        "for their annual security forum.\n\n"
        "Their navies will also conduct a combined fisheries-protection exercise off Banjul next year.\n\n"
        "Mauritania offered to host the next forum in Nouakchott."
    )
    events = extract(text, published=PUBLISHED)
    bloc = ["GMB", "GNB", "MRT", "SEN"]
    assert sorted(only(events, "exercise")[0].countries) == bloc
    proposed = [e for e in only(events, "meeting") if e.status == "proposed"]
    assert [sorted(e.countries) for e in proposed] == [bloc]


# ---------------------------------------------------------------- exercises


def test_next_iteration_and_drill_details(extract):
    text = (
        "Indonesian and Australian soldiers concluded Exercise Wirra Jaya in Darwin on Friday.\n\n"
        "The drills included live-fire manoeuvres and amphibious landings.\n\n"
        "The next iteration of Wirra Jaya will be held in 2026.\n\n"
        "It followed Wirra Jaya 2023, held near Surabaya."
    )
    events = only(extract(text, published=PUBLISHED), "exercise")
    assert sorted((e.status, e.date.start) for e in events) == [
        ("occurred", date(2023, 1, 1)),
        ("occurred", date(2025, 9, 26)),
        ("planned", date(2026, 1, 1)),
    ]


def test_a_habitual_series_is_no_event(extract):
    text = (
        "The Cope Thunder series of air force exercises between the Philippines and the United States "
        "is held periodically."
    )
    assert not only(extract(text, published=PUBLISHED), "exercise")


# ---------------------------------------------------------------- false positives


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Manila declined to say whether the sale of armed drones by Turkey to the "
        "Philippine military was discussed.",
        "The popular quiz show hosted a special Independence Day episode featuring Colonel Asha Rao of "
        "the Indian Army and veterans of the Pakistan war.",
        "Our armed forces are prepared to meet any eventuality on the border, the army chief said in "
        "a speech. He said terrorism would be fought with strength.",
        "A transcript of an intercepted phone call between the Russian and Ukrainian military chiefs "
        "was published on Telegram.",
    ],
)
def test_non_events(extract, text):
    assert extract(text, published=PUBLISHED) == []


# ---------------------------------------------------------------- the person table


def test_names_start_after_institutions_and_honorifics():
    text = (
        "Jordanian Chairman of the Joint Chiefs of Staff Major General Yousef Al-Hnaiti received Chief "
        "of the General Staff of the Hungarian Defence Forces General Gabor Borondi in Amman. "
        "Dr. Kwame Boateng, Minister for Defence, also attended."
    )
    sentences = split_sentences(text)
    names = {p.name for p in PersonFinder().build(text, sentences).people}
    assert {"Yousef Al-Hnaiti", "Gabor Borondi"} <= names
    assert not names & {"Forces", "Defence", "Chiefs"}


def test_participants_carry_rank_and_aliases(extract):
    text = (
        "Chief of Army Staff Field Marshal Aamir Rashid received Sri Lankan Army Commander Lieutenant "
        "General Lasantha Rodrigo at the General Headquarters in Rawalpindi on Tuesday. "
        "Rodrigo said Sri Lanka valued its military ties with Pakistan. "
        "COAS Aamir Rashid praised the professionalism of the Sri Lankan Army."
    )
    meeting = only(extract(text, published=PUBLISHED), "meeting")[0]
    host = next(p for p in meeting.participants if p.name == "Aamir Rashid")
    assert (host.title, host.rank) == ("Chief of Army Staff", "Field Marshal")
    assert "COAS Aamir Rashid" in host.aliases
    assert "Aamir Rashid" not in host.aliases  # the name itself is no alias
    guest = next(p for p in meeting.participants if p.name == "Lasantha Rodrigo")
    assert "Rodrigo" in guest.aliases and guest.rank == "Lieutenant General"


def test_retired_rank_is_read_through():
    text = "The admiral called on the Secretary of Defence, Air Vice Marshal (Retd) Nimal Perera, in Colombo."
    people = PersonFinder().build(text, split_sentences(text)).people
    perera = next(p for p in people if p.name == "Nimal Perera")
    assert (perera.office, perera.rank) == ("Secretary of Defence", "Air Vice Marshal")


# ---------------------------------------------------------------- dates, places and sides


def test_a_pair_meeting_on_third_soil_leaves_the_host_out(extract):
    text = (
        "Indian Defence Minister Rajnath Singh met Australian Defence Minister Richard Marles on the "
        "sidelines of the Shangri-La Dialogue in Singapore on Saturday. Their navies exercise together."
    )
    meeting = only(extract(text, published=PUBLISHED), "meeting")[0]
    assert sorted(meeting.countries) == ["AUS", "IND"]
    assert meeting.location.country == "SGP"  # where it was, though Singapore took no part


def test_what_a_deal_provides_is_no_second_event(extract):
    text = (
        "Kenya and Turkey signed a military framework agreement in Ankara on Tuesday.\n\n"
        "It provides a framework for the purchase of defence equipment and joint training of officers."
    )
    assert kinds(extract(text, published=PUBLISHED)) == [("agreement", "occurred")]


def test_the_visitors_other_meetings_share_the_visit_date(extract):
    text = (
        "Turkish Defence Minister Yasar Guler held talks with Kenyan Defence Cabinet Secretary Soipan Tuya "
        "in Nairobi on Tuesday.\n\n"
        "Guler also called on President William Ruto at State House, where they discussed security in "
        "Somalia."
    )
    meetings = only(extract(text, published=PUBLISHED), "meeting")
    assert {e.date.start for e in meetings} == {date(2025, 9, 30)}
    call = next(e for e in meetings if "Ruto" in e.evidence)
    assert sorted(call.countries) == ["KEN", "TUR"]  # Somalia is what they talked about
    assert {p.name: p.country for p in call.participants}["William Ruto"] == "KEN"


def test_statement_dates_and_planned_signings(extract):
    text = (
        "On Monday, the Kenyan defence ministry said Kenyan and Turkish special forces had held a joint "
        "exercise in March near Isiolo.\n\n"
        "Tuya said the two countries would sign a defence industry agreement next month."
    )
    events = extract(text, published=PUBLISHED)
    exercise = only(events, "exercise")[0]
    assert (exercise.date.start, exercise.date.precision) == (date(2025, 3, 1), "month")
    assert exercise.location.place == "Isiolo"
    agreement = only(events, "agreement")[0]
    assert (agreement.status, agreement.date.start) == ("planned", date(2025, 11, 1))


def test_title_case_dateline_gives_the_place(extract):
    text = (
        "Doha, October 01 (QNA) - Qatari Minister of State for Defence Affairs Khalid Al Attiyah met today "
        "with Turkish Defence Minister Yasar Guler, who is currently visiting the country."
    )
    meeting = only(extract(text, published=PUBLISHED), "meeting")[0]
    assert (meeting.location.place, meeting.location.country) == ("Doha", "QAT")


def test_ships_are_no_participants_and_posts_after_names_give_sides(extract):
    text = (
        "The Egyptian and Greek navies concluded the Medusa exercise off Crete on Friday. The exercise "
        "involved the Egyptian frigate Tahya Misr and the Greek frigate Kimon Kountouriotis.\n\n"
        "During the exercise, Rear Admiral Ahmed Khaled, Commander of the Egyptian Navy Northern Fleet, "
        "called on Vice Admiral Dimitrios Kataras, Chief of the Hellenic Navy General Staff."
    )
    events = extract(text, published=PUBLISHED)
    exercise = only(events, "exercise")[0]
    assert not {p.name for p in exercise.participants} & {"Tahya Misr", "Kimon Kountouriotis"}
    meeting = only(events, "meeting")[0]
    assert {p.name: p.country for p in meeting.participants}["Ahmed Khaled"] == "EGY"


def test_a_pronoun_opening_a_sentence_continues_its_subject():
    text = (
        "Turkish Defence Minister Yasar Guler visited Nairobi and met President William Ruto. "
        "On Thursday, he toured the Kenya Shipyards in Mombasa."
    )
    table = PersonFinder().build(text, split_sentences(text))
    he = next(m for m in table.mentions if m.kind == "pronoun")
    assert table.people[he.person].name == "Yasar Guler"


def test_during_his_visit_keeps_the_visit_place_and_a_name_ending_like_a_month(extract):
    text = (
        "BEIJING, June 5 (Xinhua) -- Zhang Youxia, vice chairman of China's Central Military Commission, "
        "met with Lao Minister of National Defense Chansamone Chanyalath in Beijing on Thursday.\n\n"
        "During his visit, Chansamone also held talks with Chinese Defense Minister Dong Jun. The two sides "
        "signed a memorandum on military medical cooperation."
    )
    events = extract(text, published=date(2025, 6, 6))
    talks = next(e for e in only(events, "meeting") if "Dong Jun" in e.evidence)
    assert talks.evidence.endswith("Dong Jun.")  # "Jun." ends a name here, not a month
    assert talks.location.place == "Beijing"
    assert talks.date.start == date(2025, 6, 5)


def test_a_reading_list_is_no_training(extract):
    text = (
        "Key publications include: Border Security in South Asia, 2003 – Seminar proceedings compiled by the "
        "Nepal Army and the Indian Army. Military ties are old."
    )
    assert not only(extract(text, published=PUBLISHED), "training")


def test_a_call_that_discussed_preparations_did_happen(extract):
    text = (
        "MOSCOW, July 14. /TASS/. Russian Defense Minister Andrei Belousov and his Belarusian counterpart "
        "Viktor Khrenin discussed preparations for the Zapad-2025 strategic exercise during a phone call on "
        "Monday, the Russian Defense Ministry said."
    )
    call = only(extract(text, published=date(2025, 7, 15)), "meeting")[0]
    assert (call.status, call.date.start, call.location) == ("occurred", date(2025, 7, 14), None)


def test_delegation_leaders_named_in_their_own_sentence_join_the_meeting(extract):
    text = (
        "Army commanders from Bolivia and Paraguay met on Monday in Asuncion for the 5th Border "
        "Committee.\n\n"
        "The Bolivian delegation was led by General Juan Arce Vargas, and the Paraguayan side by General "
        "Carlos Benitez Ruiz.\n\n"
        "The two commanders committed to sharing information on smuggling routes across the border."
    )
    events = extract(text, published=PUBLISHED)
    names = {"Juan Arce Vargas", "Carlos Benitez Ruiz"}
    assert {p.name for p in only(events, "meeting")[0].participants} == names
    assert {p.name for p in only(events, "pledge")[0].participants} == names


def test_quoted_talks_and_a_pronoun_after_the_quote(extract):
    text = (
        "Vietnamese Defence Minister General Phan Van Giang arrived in Canberra on Monday for a three-day "
        "official visit to Australia.\n\n"
        '"We held very productive talks with Minister Marles on maritime security," Giang told reporters on '
        "Tuesday. He also met Chief of the Defence Force Admiral David Johnston."
    )
    meetings = only(extract(text, published=date(2025, 6, 12)), "meeting")
    talks = next(e for e in meetings if "productive talks" in e.evidence)
    assert "Phan Van Giang" in {p.name for p in talks.participants}  # the speaker of "We held talks"
    call = next(e for e in meetings if e.evidence.startswith("He also met"))
    assert {p.name: p.country for p in call.participants} == {
        "Phan Van Giang": "VNM",
        "David Johnston": "AUS",
    }


def test_guests_at_a_course_add_the_host(extract):
    text = (
        "Kazakhstan's army is expanding its peacekeeping school. In February, twenty officers from "
        "Kyrgyzstan, Tajikistan and Uzbekistan completed a UN staff officers' course at the Steppe Eagle "
        "Training Centre. "
        "Kazakh troops also serve in UN missions."
    )
    training = only(extract(text, published=PUBLISHED), "training")[0]
    assert sorted(training.countries) == ["KAZ", "KGZ", "TJK", "UZB"]


def test_a_named_series_planned_without_the_word_exercise(extract):
    text = (
        "Mongolian and US troops opened Exercise Gobi Wolf near Ulaanbaatar on Monday.\n\n"
        "Officials confirmed that Gobi Wolf will return to the Five Hills area next June."
    )
    events = only(extract(text, published=PUBLISHED), "exercise")
    assert sorted((e.status, e.name) for e in events) == [("occurred", "Gobi Wolf"), ("planned", "Gobi Wolf")]


def test_an_exercise_name_is_no_participant(extract):
    text = "Mongolian and US troops opened Exercise Gobi Wolf near Ulaanbaatar on Monday."
    exercise = only(extract(text, published=PUBLISHED), "exercise")[0]
    assert "Gobi Wolf" not in {p.name for p in exercise.participants}


def test_a_call_on_his_excellency_during_a_visit(extract):
    text = (
        "Polish Deputy Defence Minister Pawel Bejda arrived in Seoul on Tuesday for talks on military "
        "purchases.\n\n"
        "Later, Bejda called on His Excellency Han Duck-soo at the Blue House."
    )
    meeting = only(extract(text, published=PUBLISHED), "meeting")[0]
    assert sorted(meeting.countries) == ["KOR", "POL"]
    assert (meeting.location.place, meeting.location.country) == ("Blue House, Seoul", "KOR")
    assert {p.name: p.country for p in meeting.participants} == {"Pawel Bejda": "POL", "Han Duck-soo": "KOR"}


def test_an_invitation_to_a_course_is_proposed(extract):
    text = (
        "Admiral Lim Keng Huat of the Republic of Singapore Navy called on Indonesian Navy chief Admiral "
        "Muhammad Ali in Jakarta on Tuesday.\n\n"
        "Admiral Lim extended an invitation for Indonesian Navy officers to attend the International "
        "Midshipmen's Course at the Singapore naval academy next year."
    )
    training = only(extract(text, published=PUBLISHED), "training")[0]
    assert training.status == "proposed"


def test_a_follow_on_statement_date_is_not_the_events(extract):
    text = (
        "Naval officers from Oman and India conducted a joint exercise off Muscat. The Indian Navy said on "
        "Tuesday that the drills went well."
    )
    exercise = only(extract(text, published=PUBLISHED), "exercise")[0]
    assert exercise.date.start == PUBLISHED  # the news day, not the day the navy spoke


def test_middle_name_mentions_and_a_declaration_at_the_gathering(extract):
    text = (
        "KUALA LUMPUR, Nov 1 (Bernama) -- Defence ministers of Malaysia, Indonesia, Thailand and Vietnam "
        "gathered in Kuala Lumpur today for a maritime security meeting, chaired by Malaysian Defence "
        "Minister Mohamed Khaled Nordin.\n\n"
        "On the sidelines, Khaled held a bilateral meeting with Indonesian Defence Minister Sjafrie "
        "Sjamsoeddin.\n\n"
        "The ministers adopted a joint declaration on maritime security cooperation."
    )
    events = extract(text, published=date(2025, 11, 1))
    side = next(e for e in only(events, "meeting") if e.evidence.startswith("On the sidelines"))
    assert {p.name for p in side.participants} == {"Mohamed Khaled Nordin", "Sjafrie Sjamsoeddin"}
    declaration = only(events, "agreement")[0]
    assert sorted(declaration.countries) == ["IDN", "MYS", "THA", "VNM"]
    assert declaration.date.start == date(2025, 11, 1)


def test_honorifics_republic_of_and_expected_deliveries(extract):
    text = (
        "Raksha Mantri Shri Rajnath Singh held a bilateral meeting with the Minister of Defence of the "
        "Republic of Armenia Mr Suren Papikyan in New Delhi on March 12, 2025.\n\n"
        "India is expected to deliver a second batch of Akash air defence systems to Armenia by the end "
        "of 2025."
    )
    events = extract(text, published=date(2025, 3, 13))
    meeting = only(events, "meeting")[0]
    assert {(p.name, p.country) for p in meeting.participants} == {
        ("Rajnath Singh", "IND"),
        ("Suren Papikyan", "ARM"),
    }
    delivery = only(events, "defence_industry")[0]
    assert (delivery.status, delivery.date.start) == ("planned", date(2025, 1, 1))
