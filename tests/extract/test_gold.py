"""The engine against the shared seed gold and our dev set, scored by the shared scorer."""

from __future__ import annotations

import importlib.util
import json

import pytest
from tests.conftest import DEV, shared_path
from tests.extract.articles import read_folder

pytestmark = pytest.mark.shared


def _scorer():
    path = shared_path("eval", "score.py")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(extractor, folder, tmp_path):
    out = tmp_path / "pred.jsonl"
    with out.open("w") as handle:
        for article in read_folder(folder):
            for event in extractor.extract(article):  # evidence is verbatim, at its offset
                start = event.evidence_start
                assert article.text[start : start + len(event.evidence)] == event.evidence
            events = [
                e.to_record() | {"event_id": f"{article.doc_id}-{i}"}
                for i, e in enumerate(extractor.extract(article))
            ]
            handle.write(json.dumps({**article.document_record(), "events": events}) + "\n")
    return out


def test_seed_gold_bars(extractor, tmp_path):
    scorer = _scorer()
    pred = _predict(extractor, shared_path("seeds"), tmp_path)
    result = scorer.score(scorer.load_gold(shared_path("gold", "seeds")), scorer.load_pred(pred))
    assert result["events"]["f1"] >= 0.80
    assert result["strict"]["f1"] >= 0.60
    fields = result["fields"]
    assert fields["date"] >= 0.85 and fields["countries"] >= 0.90 and fields["status"] >= 0.85
    assert fields["participants"] >= 0.80 and fields["location"] >= 0.80


def test_dev_set_bars(extractor, tmp_path):
    if not (DEV / "gold").is_dir() or not any((DEV / "gold").glob("*.json")):
        pytest.skip("tests/fixtures/dev has no gold yet")
    scorer = _scorer()
    pred = _predict(extractor, DEV / "articles", tmp_path)
    result = scorer.score(scorer.load_gold(DEV / "gold"), scorer.load_pred(pred))
    assert result["events"]["f1"] >= 0.80
    assert result["strict"]["f1"] >= 0.60


def test_bundled_examples_bars(extractor, tmp_path):
    from tests.conftest import EXAMPLES

    gold = DEV / "examples_gold"
    if not EXAMPLES.is_dir() or not gold.is_dir():
        pytest.skip("examples/articles or their gold are absent")
    scorer = _scorer()
    pred = _predict(extractor, EXAMPLES, tmp_path)
    result = scorer.score(scorer.load_gold(gold), scorer.load_pred(pred))
    assert result["events"]["f1"] >= 0.80
    assert result["strict"]["f1"] >= 0.60
