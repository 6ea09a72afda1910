"""CAMEO and PLOVER codes follow the contract's type table and the event's wording."""

from __future__ import annotations

import json

import pytest

from detente.extract.records.codes import LEXICON_PATH, cameo_name, codes_for
from detente.models import EVENT_TYPES, Codes


@pytest.mark.parametrize(
    ("text", "cameo", "mode"),
    [
        ("The two ministers held talks in Islamabad.", "040", None),
        ("The ministers spoke by telephone on Monday.", "041", "phone"),
        ("The chiefs held a telephonic conversation.", "041", "phone"),
        ("The two sides met by video link.", "041", "phone"),
        ("The minister called on the army chief at GHQ.", "042", "visit"),
        ("The minister paid an official visit to Dushanbe.", "042", "visit"),
        ("The delegation arrived in Tehran on Tuesday.", "042", "visit"),
        ("President Zardari hosted the Tajik minister.", "043", "host"),
        ("The general received the visiting delegation.", "043", "host"),
        ("He met the visiting defence minister.", "043", "host"),
        ("They met on the sidelines of the SCO summit.", "044", "third-party"),
        ("The ministers met on the margins of the conference in Geneva.", "044", "third-party"),
        ("The sides engaged in negotiations on the pact.", "046", None),
    ],
)
def test_meeting_codes_follow_the_wording(text: str, cameo: str, mode: str | None) -> None:
    assert codes_for("meeting", text, 2, 2) == Codes(cameo, "CONSULT", None, mode)


def test_phone_outranks_other_meeting_cues() -> None:
    text = "The visiting minister later spoke by telephone with his host."
    assert codes_for("meeting", text, 2, 2).cameo == "041"


def test_a_meeting_of_more_than_two_states_is_multilateral() -> None:
    codes = codes_for("meeting", "The defence ministers of five states convened.", 5, 5)
    assert codes == Codes("040", "CONSULT", None, "multilateral")
    assert (
        codes_for("meeting", "They met on the sidelines of the summit.", 3, 3).plover_mode == "multilateral"
    )
    assert codes_for("meeting", "They met on the sidelines of the summit.", 3, 3).cameo == "044"


def test_a_multilateral_phone_call_stays_a_phone_call() -> None:
    assert codes_for("meeting", "The three ministers held a video conference.", 3, 3) == Codes(
        "041", "CONSULT", None, "phone"
    )


def test_only_meetings_have_a_multilateral_mode() -> None:
    assert codes_for("exercise", "Five navies held drills.", 5, 5) == Codes(
        "062", "COOPERATE", "military", None
    )


def test_two_states_are_not_multilateral() -> None:
    assert codes_for("meeting", "The defence ministers convened.", 6, 2).plover_mode is None


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Tajikistan and Iran have vowed to boost bilateral cooperation.", "030"),
        ("Both leaders committed to expanding military ties through joint training.", "031"),
        ("Pakistan and Tajikistan have agreed to strengthen their defence cooperation.", "031"),
        ("Both sides pledged support for each other in international forums.", "032"),
        ("Pakistan will continue to provide assistance in intelligence capacity building.", "033"),
        ("They agreed to hold regular strategic dialogues.", "036"),
    ],
)
def test_pledge_codes_follow_the_wording(text: str, cameo: str) -> None:
    assert codes_for("pledge", text) == Codes(cameo, "AGREE", "military", None)


@pytest.mark.parametrize(
    ("text", "cameo", "plover_type"),
    [
        ("Turkey delivered four drones to the army.", "072", "AID"),
        ("China donated armoured vehicles to the police.", "072", "AID"),
        ("The transfer of 12 jets was completed.", "072", "AID"),
        ("The sides agreed on joint production of drones.", "062", "COOPERATE"),
        ("Accords fund joint R&D on armour.", "062", "COOPERATE"),
        ("The firms will co-develop a trainer aircraft and supply it abroad.", "062", "COOPERATE"),
        ("The minister toured military industrial sites.", "062", "COOPERATE"),
    ],
)
def test_defence_industry_is_aid_when_something_is_handed_over(
    text: str, cameo: str, plover_type: str
) -> None:
    assert codes_for("defence_industry", text) == Codes(cameo, plover_type, "military", None)


@pytest.mark.parametrize(
    ("event_type", "expected"),
    [
        ("agreement", Codes("057", "SUPPORT", "military", None)),
        ("exercise", Codes("062", "COOPERATE", "military", None)),
        ("training", Codes("062", "COOPERATE", "military", None)),
        ("praise", Codes("051", "SUPPORT", None, None)),
        ("meeting", Codes("040", "CONSULT", None, None)),
        ("pledge", Codes("030", "AGREE", "military", None)),
        ("defence_industry", Codes("062", "COOPERATE", "military", None)),
    ],
)
def test_each_type_has_the_contract_default(event_type: str, expected: Codes) -> None:
    assert codes_for(event_type) == expected


def test_agreement_wording_does_not_change_its_code() -> None:
    text = "The ministers visited the base and signed an MoU on the delivery of equipment."
    assert codes_for("agreement", text, 2, 2) == Codes("057", "SUPPORT", "military", None)


def test_every_contract_type_is_coded_and_every_code_named() -> None:
    for event_type in EVENT_TYPES:
        assert cameo_name(codes_for(event_type).cameo or "") != ""
    assert cameo_name("057") == "Sign formal agreement"
    assert cameo_name("072") == "Provide military aid"


def test_the_lexicon_is_versioned_and_cites_its_sources() -> None:
    lexicon = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    assert isinstance(lexicon["version"], int)
    assert "CAMEO2PLOVER" in lexicon["about"]
    assert "spec/events.md" in lexicon["about"]


def test_bad_inputs_are_named() -> None:
    with pytest.raises(ValueError, match="'summit'"):
        codes_for("summit", "They met.")
    with pytest.raises(ValueError, match="negative"):
        codes_for("meeting", "They met.", -1, 2)
    with pytest.raises(KeyError, match="999"):
        cameo_name("999")


def test_returned_codes_are_independent_objects() -> None:
    first = codes_for("meeting", "They spoke by phone.")
    first.cameo = "999"
    assert codes_for("meeting", "They spoke by phone.").cameo == "041"
