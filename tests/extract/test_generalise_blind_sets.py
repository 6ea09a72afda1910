"""Phrasings the fifth to eighth blind sets taught us, written anew with other states and words."""

from datetime import date

import pytest
from tests.extract.conftest import only

PUBLISHED = date(2025, 3, 14)  # a Friday
CONTEXT = "\n\nThe military ties between the two armed forces have grown since 2019."


def run(extract, text: str, published: date | None = PUBLISHED):
    return extract(text + CONTEXT, published=published)


def test_the_ceremony_belongs_to_this_years_drill_not_the_previous_edition(extract):
    text = (
        "The 9th edition of the Peru-Bolivia joint exercise ANDES-IX, which began on 3 March 2025, ended on "
        "Thursday at Puno.\n\n"
        "The previous edition, ANDES-VIII, was held at Oruro in Bolivia in February 2024.\n\n"
        "At the closing ceremony, the commander of the Bolivian contingent, Brigadier General Marco Rojas, "
        "praised the professionalism of the Peruvian troops."
    )
    praise = only(run(extract, text), "praise")[0]
    assert praise.date.start == date(2025, 3, 13)
    editions = {e.name for e in only(run(extract, text), "exercise")}
    assert editions == {"ANDES-IX", "ANDES-VIII"}


def test_a_recalled_deed_keeps_its_year_and_the_praise_keeps_the_meeting_day(extract):
    text = (
        "Fijian Defence Minister Pio Tikoduadua met New Zealand's Defence Minister Judith Collins in Suva "
        "on Thursday.\n\n"
        "Tikoduadua lauded the New Zealand Defence Force for its help in training Fijian soldiers, recalling "
        "that New Zealand instructors trained Fijian units after the 2016 cyclone."
    )
    praise = only(run(extract, text), "praise")[0]
    assert praise.date.start == date(2025, 3, 13)


def test_an_exercise_in_an_offset_clause_does_not_take_the_meeting_day(extract):
    text = (
        "Chilean Defence Minister Maya Fernández called on Argentine Defence Minister Luis Petri in Buenos "
        "Aires on Thursday, a day after watching Chilean and Argentine marines storm a beach near Mar del "
        "Plata as part of a joint exercise."
    )
    exercise = only(run(extract, text), "exercise")
    assert not exercise or exercise[0].date.start != date(2025, 3, 13)


def test_an_invitation_to_visit_far_from_the_verb_is_proposed(extract):
    text = (
        "Peru and Brazil signed a naval cooperation agreement in Lima on Thursday.\n\n"
        "Peruvian Defence Minister Walter Astudillo said he had invited the commander of the U.S. Southern "
        "Command, Admiral Alvin Holsey, to visit the naval base at Callao."
    )
    meetings = only(run(extract, text), "meeting")
    assert [m.status for m in meetings] == ["proposed"]
    assert "Southern" not in {p.name for p in meetings[0].participants}


def test_an_offer_of_places_is_training_proposed_not_a_pledge(extract):
    text = (
        "The Polish chief of general staff, General Wiesław Kukuła, met the Lithuanian chief of defence, "
        "General Raimundas Vaikšnoras, in Vilnius on Thursday.\n\n"
        "General Kukuła offered places for Lithuanian officers at the War Studies University in Warsaw and "
        "said the Polish side was ready to host a first group next autumn."
    )
    events = run(extract, text)
    assert [e.status for e in only(events, "training")] == ["proposed"]
    assert not only(events, "pledge")


@pytest.mark.parametrize(
    "sentence",
    [
        "Separately, in Dhaka on Thursday, Bangladesh and Nepal exchanged instruments of ratification of the "
        "Agreement on Defence Cooperation.",
        "The two defence ministers reviewed the Status of Forces Agreement between Nepal and Bangladesh "
        "that has been in "
        "force since 2019.",
    ],
)
def test_ratifications_and_agreements_in_force_are_agreements(extract, sentence):
    assert only(run(extract, sentence), "agreement")


def test_a_national_drill_and_a_sports_championship_are_no_exercises(extract):
    text = (
        "A national naval exercise in the Gulf of Thailand is planned for next month, the Thai navy said.\n\n"
        "The next edition of the military football championship is scheduled to be held in Morocco in 2026."
    )
    assert not only(run(extract, text), "exercise")


def test_a_habit_in_a_relative_clause_does_not_cancel_the_visit(extract):
    text = (
        "Uruguay and Argentina signed a maritime agreement on Thursday.\n\n"
        "Uruguayan Defence Minister Sandra Lazo said she had invited Argentine Navy chief Admiral "
        "Carlos Allievi "
        "to visit Montevideo, where the navy monitors a fishing fleet that gathers every year off the coast."
    )
    assert only(run(extract, text), "meeting")


def test_what_a_deal_covers_and_what_a_commission_will_discuss_are_no_exercises(extract):
    text = (
        "The Zambian and Malawian armies have inked a memorandum of understanding on cooperation in military "
        "training, intelligence sharing and joint patrols along their common border on Thursday.\n\n"
        "The MoU would be followed by a meeting of the Joint Permanent Commission on Defence and Security in "
        "Lilongwe in May to work out the details of the joint patrols."
    )
    events = run(extract, text)
    assert not only(events, "exercise")
    assert [m.status for m in only(events, "meeting")] == ["planned"]


def test_a_landmark_named_like_a_capital_is_no_party(extract):
    text = (
        "Uganda and Tanzania signed a memorandum of understanding on Thursday on joint patrols on Lake "
        "Victoria."
    )
    assert {tuple(e.countries) for e in run(extract, text)} == {("TZA", "UGA")}


def test_a_bodys_remit_is_no_arms_deal(extract):
    text = (
        "Egyptian Defence Minister Abdel Mageed Saqr held talks with his Greek counterpart Nikos Dendias in "
        "Athens on Thursday.\n\n"
        "Saqr was accompanied by officials of Egypt's Arab Organisation for Industrialization, the body that "
        "oversees the country's arms exports."
    )
    assert not only(run(extract, text), "defence_industry")


def test_civil_memoranda_signed_during_a_defence_visit_are_no_agreements(extract):
    text = (
        "The Omani and Indian defence ministers held talks in Muscat on Thursday.\n\n"
        "During the visit, the two sides also signed memoranda of understanding on hydrogen energy, "
        "tourism and healthcare."
    )
    assert not only(run(extract, text), "agreement")


def test_questions_at_a_briefing_state_nothing(extract):
    text = (
        "Question: Will Malaysia and Thailand hold a joint naval exercise this year?\n\n"
        "Q: Which country signed the corvette deal with Turkey?"
    )
    assert run(extract, text) == []


def test_an_attacker_is_no_party_to_a_domestic_drill(extract):
    text = (
        "The Navy of Iran on Tuesday launched a three-day drill in the Sea of Oman, days after Israeli "
        "strikes "
        "on Iranian military targets."
    )
    assert not only(run(extract, text), "exercise")


def test_a_factory_tour_is_defence_industry_but_an_invitation_to_one_is_a_meeting(extract):
    toured = (
        "The Azerbaijani chief of general staff held talks with the Turkish chief of general staff in Ankara "
        "on Wednesday.\n\nOn Thursday, the Azerbaijani delegation toured the Roketsan missile factory "
        "in Ankara."
    )
    assert only(run(extract, toured), "defence_industry")
    invited = (
        "The Brazilian navy chief met the Chilean navy chief in Valparaíso on Thursday.\n\n"
        "He also invited his Chilean counterpart to visit the naval shipyard in Itaguaí."
    )
    assert not only(run(extract, invited), "defence_industry")


def test_a_drill_that_will_continue_until_a_date_is_no_pledge(extract):
    text = (
        "Troops of the Nepali Army and China's People's Liberation Army yesterday began their joint military "
        "exercise, a counter-terrorism drill that will continue till March 25 in Kathmandu."
    )
    events = run(extract, text)
    assert only(events, "exercise") and not only(events, "pledge")


def test_meeting_a_diaspora_and_a_visit_yet_to_happen_are_no_meetings(extract):
    text = (
        "Greek Foreign Minister Giorgos Gerapetritis held talks with Indian Defence Minister Rajnath "
        "Singh in "
        "New Delhi on Thursday.\n\n"
        "On Saturday, Gerapetritis will meet members of the Greek community in Mumbai.\n\n"
        "Indian Prime Minister Narendra Modi has yet to make an official visit to Athens this year."
    )
    assert len(only(run(extract, text), "meeting")) == 1


def test_troops_arriving_for_a_drill_meet_nobody(extract):
    text = (
        "Speaking at the opening ceremony of the joint exercise in Sylhet on Thursday, Bangladeshi Major "
        "General Hamidul Haque lauded the discipline of the Chinese contingent, which arrived in Sylhet by "
        "special flight on Tuesday."
    )
    assert not only(run(extract, text), "meeting")


def test_ship_launches_and_commissioned_cadets(extract):
    text = (
        "Brazil and France launched the submarine Almirante Karam at Itaguaí on Thursday.\n\n"
        "The second boat, Humaitá, was launched in December 2020.\n\n"
        "In June, two Brazilian cadets were commissioned at the passing-out parade of the French naval "
        "academy."
    )
    events = run(extract, text)
    assert len(only(events, "defence_industry")) == 2
    assert only(events, "training")


def test_statements_anchor_to_the_recent_signing_not_last_years_drill(extract):
    text = (
        "Ghana and Italy on Wednesday signed a memorandum of understanding on defence cooperation in "
        "Rome.\n\n"
        "The Ghanaian minister had first met his Italian counterpart in Rome in November last year.\n\n"
        "Last year, an Italian patrol vessel called at Tema and held a passing exercise with the Ghana "
        "Navy.\n\n"
        "In a statement, the ministry said both ministers pledged to deepen cooperation in maritime security."
    )
    pledge = only(run(extract, text), "pledge")[0]
    assert pledge.date.start == date(2025, 3, 12)


def test_a_shared_press_wing_is_the_articles_own_states(extract):
    text = (
        "Chief of Army Staff General Waker-Uz-Zaman visited flood-hit districts on Thursday, the Inter "
        "Services "
        "Public Relations (ISPR) said.\n\nThe Bangladesh Army will hold a disaster response exercise "
        "next month."
    )
    assert all("PAK" not in e.countries for e in run(extract, text))


def test_a_port_call_a_trade_call_and_an_imagined_drill_are_no_events(extract):
    text = (
        "The Bangladesh Navy ship BNS Bijoy arrived at the Port of Mombasa on Sunday on a three-day goodwill "
        "visit.\n\n"
        "Trade officials of the two countries also held a video conference on Monday on coffee exports.\n\n"
        "Imagine, for a moment, a Kenyan-Bangladeshi joint exercise in the Indian Ocean."
    )
    events = run(extract, text)
    assert not only(events, "meeting") and not only(events, "exercise")


def test_a_postponed_edition_and_a_courses_ceremony_are_no_exercises(extract):
    text = (
        "The Nepal-China joint exercise Sagarmatha Friendship was first held in Kathmandu in April 2017.\n\n"
        "The third edition was postponed in 2019 and the series has not been held since.\n\n"
        "Separately, a two-week UN staff officers course for Nepali and Chinese officers was held at the "
        "Birendra Peace Operations Training Centre. The closing ceremony took place this morning "
        "at the centre."
    )
    events = run(extract, text)
    assert len(only(events, "exercise")) == 1
    assert only(events, "training")


@pytest.mark.parametrize(
    ("sentence", "event_type"),
    [
        ("The first missiles are to be delivered to Morocco by Israel in 2026.", "defence_industry"),
        (
            "The Bolivian Air Force received in the past two airplanes Tucano donated by Brazil.",
            "defence_industry",
        ),
        (
            "Kuwait's Typhoons were ordered from Italy under an agreement signed in 2016, and the last "
            "batch of "
            "the aircraft arrived at Ali Al Salem Air Base in December 2023.",
            "defence_industry",
        ),
        (
            "The two sides affirmed their commitment to deepening defence cooperation, Oman and Iran said.",
            "pledge",
        ),
        (
            "A group of Peruvian army technicians will travel to Changwon in South Korea early next year for "
            "maintenance training.",
            "training",
        ),
        (
            "Indian Defence Minister Rajnath Singh and Russian Defence Minister Andrei Belousov "
            "co-chaired the 21st "
            "meeting of the intergovernmental commission on military cooperation in Moscow on Tuesday.",
            "meeting",
        ),
    ],
)
def test_more_ways_of_stating_events(extract, sentence, event_type):
    assert only(run(extract, sentence), event_type)


def test_arms_market_rankings_are_no_deals(extract):
    text = (
        "Ukraine was the world's largest importer of major arms in the five years from 2020 to "
        "2024, ahead of "
        "India, a think tank said."
    )
    assert not only(run(extract, text), "defence_industry")


def test_a_delivery_after_an_old_deal_takes_the_deliverys_date(extract):
    text = (
        "Qatar's 24 Rafale jets were ordered from France under an agreement signed in 2015, and the last "
        "batch of the aircraft arrived at Dukhan Air Base in December 2023."
    )
    industry = only(run(extract, text), "defence_industry")
    assert [e.date.start for e in industry] == [date(2023, 12, 1)]


def test_a_countrys_commitment_affirmed_is_a_pledge(extract):
    text = (
        "French Minister Sébastien Lecornu affirmed his country's commitment to continue working with Egypt "
        "on naval training."
    )
    assert only(run(extract, text), "pledge")


def test_a_drill_under_way_is_occurred_with_its_span_and_no_spokesman_for_a_name(extract):
    text = (
        'The joint naval exercise of Egypt and Greece, codenamed "Medusa 2025", began off Alexandria on '
        "Monday and will continue until Friday, March 14.\n\n"
        "The drill includes rescue operations, the spokesman of the exercise Rear Admiral Ahmed Khaled "
        "said.\n\n"
        "Speaking at the opening ceremony, the Greek fleet commander praised the professionalism of the "
        "Egyptian navy."
    )
    events = run(extract, text)
    exercise = only(events, "exercise")[0]
    assert (exercise.status, exercise.name) == ("occurred", "Medusa 2025")
    assert (exercise.date.start, exercise.date.end) == (date(2025, 3, 10), date(2025, 3, 14))
    assert only(events, "praise")[0].date.start == date(2025, 3, 10)


def test_a_reception_and_study_at_foreign_institutions(extract):
    text = (
        "On Wednesday, the Defence Attaché of the Embassy of Vietnam in Laos held a reception in Vientiane "
        "on the anniversary of the Vietnam People's Army.\n\n"
        "Next year the number of Lao servicemen who will study in the military higher educational "
        "institutions of Vietnam will rise to 80."
    )
    events = run(extract, text)
    assert only(events, "meeting") and only(events, "training")
