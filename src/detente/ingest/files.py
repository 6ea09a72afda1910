"""Reading a local file with the size cap applied before a byte is loaded."""

from __future__ import annotations

from pathlib import Path

from detente.ingest.problems import SourceProblem


def read_bounded(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; oversized, missing and unreadable files become a SourceProblem."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceProblem(f"file too large: {size} bytes exceeds max_bytes={max_bytes}")
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceProblem("no such file or folder") from None
    except IsADirectoryError:
        raise SourceProblem("is a folder, expected a file") from None
    except PermissionError:
        raise SourceProblem("unreadable: permission denied") from None
    except OSError as error:
        raise SourceProblem(f"unreadable: {error.strerror or error}") from None
