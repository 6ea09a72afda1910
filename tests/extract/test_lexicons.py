import json
from importlib import resources

import pytest

from detente.extract.lexicon import (
    EXTRACTION_LEXICONS,
    LexiconError,
    LexiconPatterns,
    compile_entry,
    load_lexicon,
    section_patterns,
    versions,
)

STAGE_LEXICONS = ("mentions", "recognise", "arguments", "merge", "records")


@pytest.mark.parametrize("name", EXTRACTION_LEXICONS)
def test_every_lexicon_is_versioned(name):
    assert load_lexicon(name)["version"]


def test_versions_for_provenance():
    assert set(versions()) == set(EXTRACTION_LEXICONS)


def test_missing_lexicon_is_a_clear_error():
    with pytest.raises(LexiconError, match="no_such_lexicon"):
        load_lexicon("no_such_lexicon")


def test_trigger_types_are_the_contract_types():
    from detente.models import EVENT_TYPES

    data = json.loads((resources.files("detente") / "lexicons" / "triggers.json").read_text())
    assert set(data["types"]) == set(EVENT_TYPES)


@pytest.mark.parametrize("name", STAGE_LEXICONS)
def test_stage_lexicons_compile_and_say_why(name):
    data = load_lexicon(name)
    assert data["about"]
    sections = [key for key, value in data.items() if isinstance(value, dict)]
    assert sections
    for section in sections:
        assert data[section]["about"], f"{name}.{section} has no about"
        compiled = section_patterns(name, section)
        for key, entry in data[section].items():
            if key == "about":
                continue
            assert entry["why"], f"{name}.{section}.{key} says nothing of why it exists"
            assert compiled[key].pattern


def test_an_entry_joins_its_parts_and_reads_its_flags():
    pattern = compile_entry({"regex": ["talks ", "(?:with|between)"], "flags": "i"}, "here")
    assert pattern.search("TALKS WITH")
    assert pattern.pattern == "talks (?:with|between)"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"regex": "talks(", "flags": "i"}, "not a valid regular expression"),
        ({"regex": "talks", "flags": "ix"}, "unknown flags 'x'"),
        ({"regex": 3}, "must be a string or a list of strings"),
    ],
)
def test_a_broken_entry_is_a_clear_error(entry, message):
    with pytest.raises(LexiconError, match=message):
        compile_entry(entry, "recognise.json meeting.broken")


def test_patterns_are_read_as_attributes_and_unknown_names_are_refused():
    rules = LexiconPatterns("recognise", "meeting")
    assert rules.arrival.fullmatch("arrived in")
    with pytest.raises(AttributeError, match=r"recognise\.json section 'meeting' has no 'no_such_rule'"):
        rules.no_such_rule  # noqa: B018


def test_a_missing_section_is_a_clear_error():
    with pytest.raises(LexiconError, match="no section 'no_such_section'"):
        section_patterns("recognise", "no_such_section")
