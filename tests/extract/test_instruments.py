"""Several instruments signed at once are several agreements, each with its own verbatim span."""

from datetime import date

from tests.extract.conftest import only

LISTED = (
    "LISBON - Portugal and Morocco on Tuesday signed a plan of military cooperation for 2026, "
    "a memorandum of understanding on naval training and a protocol on search and rescue, "
    "the Portuguese defence ministry said.\n\n"
    "The documents were signed in Lisbon by the two defence ministers."
)
COUNTED = (
    "ACCRA - Ghana and Togo signed two security agreements on Monday in Accra.\n\n"
    "The first is an agreement on joint patrols along the common border.\n\n"
    "The second is the Maritime Security Cooperation Agreement, which covers the Gulf of Guinea."
)
ONE_INSTRUMENT = (
    "NAIROBI - Kenya and Uganda on Friday signed an agreement on defence, security and training cooperation "
    "in Nairobi, the ministry said."
)


def evidence_is_verbatim(text: str, events) -> bool:
    return all(text[e.evidence_start : e.evidence_start + len(e.evidence)] == e.evidence for e in events)


def test_a_listed_signing_is_one_agreement_per_instrument(extract):
    agreements = only(extract(LISTED, published=date(2025, 11, 19)), "agreement")
    assert len(agreements) == 3
    assert {e.date.start for e in agreements} == {date(2025, 11, 18)}
    assert all(sorted(e.countries) == ["MAR", "PRT"] for e in agreements)
    assert "memorandum of understanding on naval training" in agreements[1].evidence
    assert evidence_is_verbatim(LISTED, agreements)


def test_counted_agreements_take_the_sentences_that_enumerate_them(extract):
    agreements = only(extract(COUNTED, published=date(2025, 11, 18)), "agreement")
    assert len(agreements) == 2
    assert agreements[0].evidence.startswith("The first is")
    assert agreements[1].name == "Maritime Security Cooperation Agreement"
    assert all(e.date.start == date(2025, 11, 17) for e in agreements)
    assert evidence_is_verbatim(COUNTED, agreements)


def test_one_instrument_on_several_subjects_stays_one(extract):
    assert len(only(extract(ONE_INSTRUMENT, published=date(2025, 11, 22)), "agreement")) == 1
