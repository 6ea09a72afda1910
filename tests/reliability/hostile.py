"""A generator of hostile inputs: what users' folders and the real web put beside good articles.

`write_hostile(folder, seed)` fills a folder and returns what each entry should come
to: `bad` entries must each be named by exactly one failure line, `kept` ones are odd
but readable (a markup or non-UTF-8 name on a plain story) and must not fail. The same
seed always writes the same files.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

#: Names a terminal or rich would act on, or that are not UTF-8.
NASTY_NAMES = (
    "x[bold]y",
    "[blink]no-close",
    "[link=https:evil.example]click",
    "e\x1b[31mred",
    "osc\x1b]8;;https:evil.example\x07link",
    "bell\x07and\x08back",
    "new\nline",
    "rtl\u202etxt.exe",
    os.fsdecode(b"latin\xe9name"),
    os.fsdecode(b"bad\xff\xfe"),
    "zero\u200bwidth",
    "$(touch pwned)",
    "-rf",
    "emoji\U0001f4a5",
)
PLAIN_STORY = "The weather stayed mild across the valley on Monday, and the market opened as usual.\n"
HTML_SHELL = "<html><head><title>{title}</title></head><body>{body}</body></html>"


@dataclass(frozen=True)
class Hostile:
    path: Path
    bad: bool  # one failure line must name it; otherwise it must not fail
    what: str


def write_hostile(folder: Path, seed: int = 13, random_files: int = 120) -> list[Hostile]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    made: list[Hostile] = []

    def put(name: str, data: bytes, bad: bool, what: str) -> None:
        path = folder / name
        path.write_bytes(data)
        made.append(Hostile(path, bad, what))

    put("empty.txt", b"", True, "empty")
    put("blank.txt", b" \n\t\n", True, "only white space")
    put("nul.txt", b"\x00" * 100, True, "binary: NUL bytes")
    put("png-named.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, True, "binary")
    put("utf16-no-bom.txt", "Defence talks in Manila".encode("utf-16-le"), True, "UTF-16 without a BOM")
    put("undecodable.txt", b"\x81\x8d\x8f\x90\x9d" * 200, True, "neither UTF-8 nor cp1252")
    put("huge.txt", b"a" * 5_000_001, True, "over max_bytes")
    put("broken.html", b"<html><head><title>Cut", True, "HTML without text")
    script = HTML_SHELL.format(title="x", body="<script>alert(1)</script>").encode()
    put("script-only.html", script, True, "HTML with no text")
    put("not-html.htm", bytes(range(256)) * 8, True, "binary named HTML")
    put("bad-json.json", b'{"text": "unterminated', True, "malformed JSON")
    put("deep.json", b"[" * 100_000, True, "JSON nested too deeply")
    put("no-text.jsonl", b'{"id": "a", "body": "x"}\n' * 6, True, "JSONL without the text field")
    good_line = json.dumps({"id": "ok1", "text": PLAIN_STORY.strip()}).encode()
    put("bad-line.jsonl", good_line + b"\n{broken\n", True, "one bad line beside a good one")
    put("bad-utf8.jsonl", b'{"id": "u", "text": "\xff\xfe"}\n', True, "JSONL line not UTF-8")
    put("no-column.csv", b"id,body\n1,x\n", True, "CSV without a text column")
    put("bad-row.csv", b'id,text\n1,"unclosed\n', True, "CSV with an open quote")
    put("nul.csv", b"id,text\n1,\x00\x00\n", True, "binary CSV")
    put("garbage.warc", b"WARC/1.0\r\n" + bytes(range(256)) * 10, True, "WARC without headers")
    put("header-only.warc", b"WARC/1.0\r\nWARC-Type: response\r\n\r\n", True, "WARC record cut short")
    put("not-warc.warc.gz", gzip.compress(b"just text\n"), True, "gzip that is not a WARC")
    cut = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 90\r\n\r\n")[:-8]
    put("cut.warc.gz", cut, True, "gzip cut short")
    put("plain.gz", gzip.compress(PLAIN_STORY.encode()), True, "gzip of text")
    put("bad-feed.xml", b"<rss><channel><item><title>x</item>", True, "broken feed")
    put(
        "empty-feed.rss",
        b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
        True,
        "feed, no items",
    )
    for name in NASTY_NAMES:
        put(f"{name}.bin", b"\x00\x01" + name.encode("utf-8", "surrogateescape"), True, "binary, nasty name")
        put(f"{name}.txt", PLAIN_STORY.encode(), False, "plain story, nasty name")

    unreadable = folder / "unreadable.txt"
    unreadable.write_bytes(b"\x00binary")  # root reads any mode: binary, so it fails either way
    unreadable.chmod(0)
    made.append(Hostile(unreadable, True, "unreadable"))
    loop_a, loop_b = folder / "loop-a", folder / "loop-b"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    made += [Hostile(loop_a, True, "symlink loop"), Hostile(loop_b, True, "symlink loop")]
    (folder / "dangling.txt").symlink_to(folder / "nowhere")
    made.append(Hostile(folder / "dangling.txt", True, "dangling link"))
    (folder / "zero-device").symlink_to("/dev/zero")
    made.append(Hostile(folder / "zero-device", True, "a device"))
    os.mkfifo(folder / "fifo.txt")
    made.append(Hostile(folder / "fifo.txt", True, "a FIFO"))
    (folder / "dir-loop").mkdir()
    (folder / "dir-loop" / "up").symlink_to("..")  # a folder link back up: never followed
    for number in range(random_files):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 3000)))
        suffix = rng.choice([".txt", ".html", ".csv", ".warc", ".xml", ".json", ""])
        put(f"random-{number:03d}{suffix}", b"\x00" + data, True, "random binary")
    return made


def shown(path: Path) -> str:
    """How the CLI names a path: bytes that are not UTF-8 as `\\xff`, control characters escaped."""
    from detente.cli.safe import printable
    from detente.ingest.files import display_path

    return printable(display_path(path))


def records(folder: Path) -> list[dict]:
    return [json.loads(line) for line in folder.read_text("utf-8").splitlines()]
