import json
from importlib import resources

import pytest

from detente.extract.lexicon import LexiconError, load_lexicon, versions

MINE = ("countries", "institutions", "titles", "triggers")


@pytest.mark.parametrize("name", MINE)
def test_every_lexicon_is_versioned(name):
    assert load_lexicon(name)["version"]


def test_versions_for_provenance():
    assert set(versions()) == set(MINE)


def test_missing_lexicon_is_a_clear_error():
    with pytest.raises(LexiconError, match="no_such_lexicon"):
        load_lexicon("no_such_lexicon")


def test_trigger_types_are_the_contract_types():
    from detente.models import EVENT_TYPES

    data = json.loads((resources.files("detente") / "lexicons" / "triggers.json").read_text())
    assert set(data["types"]) == set(EVENT_TYPES)
