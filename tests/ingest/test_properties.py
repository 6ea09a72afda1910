"""Properties that must hold for any input: no exceptions, and chrome removal only removes."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.ingest.chrome import strip_chrome
from detente.ingest.decoding import decode_text
from detente.ingest.problems import SourceProblem

from .helpers import collect

LINES = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "",
                "By",
                "AFP",
                "Related Articles",
                "More from Asia:",
                "Follow us on X and Facebook",
                "Image source: Ministry",
                "Tuesday March 5 2024",
                "Published in The Courier, March 6, 2024",
                "The defence ministers of two countries met on Monday to discuss border security.",
                "Short headline about something",
            ]
        ),
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
    ),
    max_size=30,
)


def _normal(line: str) -> str:
    return " ".join(line.replace("\u00a0", " ").split())


@settings(max_examples=300, deadline=None)
@given(LINES)
def test_chrome_removal_only_removes_whole_lines(lines: list[str]) -> None:
    raw = "\n".join(lines)
    cleaned = strip_chrome(raw)
    source_lines = {_normal(part) for part in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")}
    for line in cleaned.text.split("\n"):
        if line.strip():
            # whole lines, or a line cut before in-line navigation, or after a leading date marker
            assert _normal(line) in source_lines or any(
                source.startswith(_normal(line)) or source.endswith(_normal(line)) for source in source_lines
            )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decoding_gives_text_or_a_reason(data: bytes) -> None:
    try:
        text = decode_text(data)
    except SourceProblem as problem:
        assert problem.reason
    else:
        assert text.strip()


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".txt", ".html", ".jsonl", ".csv", ".warc", ".rss", ""]))
def test_any_file_gives_articles_or_errors_never_an_exception(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        articles, errors = collect([str(path)])
        assert all(error.reason for error in errors)
        assert all(article.text.strip() for article in articles)
