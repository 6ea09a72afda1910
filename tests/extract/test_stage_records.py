"""The records stage: which merged drafts become events, and the states and codes they carry."""

from datetime import date

from detente.extract.arguments.draft import Draft
from detente.extract.mentions.people import PersonTable
from detente.extract.page import Sentence, read_page
from detente.extract.recognise.triggers import Hit
from detente.extract.records.assemble import Sides, main_dyad, to_event
from detente.extract.records.keep import in_security_context, keep_in_context, specific_enough
from detente.models import Article, EventDate


def draft(text: str, event_type: str = "meeting", **fields) -> Draft:
    sentence = Sentence(0, len(text), text, 1, 0)
    return Draft(
        event_type, "occurred", sentence, Hit(event_type, 0, 4, text[:4], True, False), texts=[text], **fields
    )


def page(text: str = "Body text.\n", published: date | None = date(2025, 2, 2)):
    return read_page(Article(doc_id="k", text=text, published=published))


def test_an_exercise_needs_a_military_word_beyond_exercise_itself():
    election = draft("The election commission held its voter-list exercise in Lagos.", "exercise")
    drill = draft("The armies of Niger and Chad held a joint exercise near Diffa.", "exercise")
    people = PersonTable()
    assert not in_security_context(election, people, focus=False)
    assert in_security_context(drill, people, focus=False)
    assert in_security_context(election, people, focus=True)  # a defence report counts everything
    assert keep_in_context([election, drill], page(), people) == [drill]


def test_an_edition_of_a_series_shown_military_needs_no_cue_of_its_own():
    first = draft("Armies held the Lion Shield-II exercise.", "exercise", name="Lion Shield-II")
    later = draft("Lion Shield-III will follow next year.", "exercise", name="Lion Shield-III")
    assert keep_in_context([first, later], page(), PersonTable()) == [first, later]


def test_commentary_keeps_only_specific_events():
    vague = draft("Navies of small states hold talks.")
    dated = draft("Navies held talks.", date=EventDate(date(2025, 1, 9), date(2025, 1, 9), "day"))
    assert not specific_enough(vague) and specific_enough(dated)
    opinion = page("OPINION: Small navies\nNavies of small states hold talks with their neighbours often.\n")
    assert keep_in_context([vague, dated], opinion, PersonTable()) == [dated]


def test_the_article_main_pair_completes_a_lone_state_and_codes_are_filled():
    assert main_dyad([["GHA"], ["GHA", "TGO"], ["TGO"], ["NGA"]]) == ["GHA", "TGO"]
    meeting = draft("The Ghanaian army chief held talks in Lome.", countries=["GHA"])
    sides = Sides(["GHA", "TGO"], mentioned=frozenset({"GHA", "TGO"}))
    event = to_event(meeting, PersonTable(), sides, Article(doc_id="k", text=meeting.sentence.text))
    assert event is not None
    assert event.countries == ["GHA", "TGO"]
    assert event.codes.cameo and event.codes.plover_type
    assert event.evidence == meeting.sentence.text and event.evidence_start == 0


def test_a_pledge_to_nobody_is_no_event():
    pledge = draft("Our forces are prepared to meet any eventuality.", "pledge")
    sides = Sides([], mentioned=frozenset())
    assert to_event(pledge, PersonTable(), sides, Article(doc_id="k", text=pledge.sentence.text)) is None
