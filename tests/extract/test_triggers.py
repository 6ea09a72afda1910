from detente.extract.recognise.status import is_speculation, status_of
from detente.extract.recognise.triggers import find_hits


def kinds(sentence: str) -> list[tuple[str, bool]]:
    return [(h.type, h.reference) for h in find_hits(sentence)]


def test_verbal_triggers_are_new_events():
    assert ("meeting", False) in kinds("The admiral held talks with the Indian navy chief.")
    assert ("agreement", False) in kinds("Both sides signed a memorandum of understanding on cyber defence.")
    assert ("pledge", False) in kinds("The ministers vowed to deepen defence cooperation.")
    assert ("praise", False) in kinds("He commended the Turkish officers for their professionalism.")


def test_definite_nouns_point_back():
    assert kinds("The meeting focused on maritime security.") == [("meeting", True)]
    assert kinds("The exercise ended on Friday.")[0] == ("exercise", True)


def test_status_from_modality_near_the_trigger():
    sentence = "He invited the defence minister to visit Tokyo soon."
    hit = next(h for h in find_hits(sentence) if h.type == "meeting")
    assert status_of("meeting", sentence, hit) == "proposed"
    sentence = "The two navies will hold the next edition of the exercise in October."
    hit = next(h for h in find_hits(sentence) if h.type == "exercise")
    assert status_of("exercise", sentence, hit) == "planned"
    sentence = "On Monday the admiral received the attache to review preparations for the drill."
    hit = next(h for h in find_hits(sentence) if h.type == "meeting")
    assert status_of("meeting", sentence, hit) == "occurred"


def test_speculation_is_recognised():
    assert is_speculation("Future editions may incorporate naval elements.")
    assert not is_speculation("The ministers met in May.")


def test_negated_happenings():
    from detente.extract.recognise.status import is_negated

    sentence = "India and China did not sign the border agreement."
    assert is_negated(sentence, next(h for h in find_hits(sentence) if h.type == "agreement"))
    sentence = "The joint exercise with Russia was postponed until next year."
    assert is_negated(sentence, next(h for h in find_hits(sentence) if h.type == "exercise"))
    sentence = "The navies held a joint exercise in May."
    assert not is_negated(sentence, next(h for h in find_hits(sentence) if h.type == "exercise"))


def test_a_past_participle_after_the_instrument_is_a_past_signing_whatever_the_main_clause_plans():
    sentence = "The new pact will replace an earlier defence agreement signed by the two states in 1996."
    hit = next(h for h in find_hits(sentence) if h.type == "agreement" and "signed" in h.text)
    assert status_of("agreement", sentence, hit) == "occurred"
    sentence = "The two states will sign a defence agreement in May."
    hit = next(h for h in find_hits(sentence) if h.type == "agreement")
    assert status_of("agreement", sentence, hit) == "planned"


def test_meeting_requirements_is_no_meeting_and_a_quoted_aim_of_a_drill_is_no_pledge():
    def types(sentence: str) -> list[str]:
        return [t for t, _ in kinds(sentence)]

    assert "meeting" not in types("Kenya will deploy once the mission meets all legal requirements.")
    assert "meeting" in types("The Kenyan minister meets his Ugandan counterpart in Kampala.")
    assert "pledge" not in types('It "aims to enhance interoperability in jungle warfare," the embassy said.')


def test_looking_forward_to_signing_is_a_plan():
    sentence = "The two presidents said they look forward to signing the defence cooperation agreement."
    hit = next(h for h in find_hits(sentence) if h.type == "agreement")
    assert status_of("agreement", sentence, hit) == "planned"
