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
    except OSError as error:
        raise SourceProblem(os_reason(error)) from None


def os_reason(error: OSError) -> str:
    """A human reason for a failed open or read."""
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, IsADirectoryError):
        return "is a folder, expected a file"
    if isinstance(error, PermissionError):
        return "unreadable: permission denied"
    return f"unreadable: {error.strerror or error}"
