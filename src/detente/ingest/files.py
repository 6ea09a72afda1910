"""Local files as readers see them: the names a file goes by, and reads that stay bounded.

Every read is capped by what is actually read, never by what `stat` claims: a device
(`/dev/zero`), a pipe or a file under /proc reports a size of 0 and never ends. A pipe
or device is read once, up to the cap and with a wait limit, and then served from
memory, since it cannot be read twice (the sniffing of its first bytes would eat them).
"""

from __future__ import annotations

import io
import os
import select
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from detente.ingest.problems import SourceProblem

CHUNK = 65_536


def display_path(path: str | Path) -> str:
    """The path as text that can be printed and stored: bytes that are not UTF-8 become `\\xff`."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class SourceFile:
    """One local file of a run.

    `name` is the base of its doc ids (the stem when no other file of the run shares
    it, else its relative path); `shown` names it in errors and as the articles' URL.
    `content` holds a pipe's or device's bytes, read once.
    """

    path: Path
    name: str
    shown: str
    content: bytes | None = None
    #: A shard of a corpus (`detente ingest --dask`): bytes [start, end) of the file, whose
    #: first line is line `first_line` of the file.
    span: tuple[int, int, int] | None = None

    def open(self) -> BinaryIO:
        """A binary stream of the file (of its span); a pipe's bytes come from memory."""
        if self.content is not None:
            return io.BytesIO(self.content)
        if self.span is not None:
            start, end, _ = self.span
            raw = self.path.open("rb")
            raw.seek(start)
            return io.BufferedReader(_Span(raw, end - start))  # type: ignore[arg-type]
        return self.path.open("rb")

    def read(self, max_bytes: int) -> bytes:
        """All of the file, or a SourceProblem when it holds more than `max_bytes`."""
        if self.content is not None:
            data = self.content
        else:
            try:
                with self.path.open("rb") as stream:
                    size = os.fstat(stream.fileno()).st_size
                    if size > max_bytes:
                        raise SourceProblem(f"file too large: {size} bytes exceeds max_bytes={max_bytes}")
                    data = stream.read(max_bytes + 1)  # what is read counts, not what stat says
            except OSError as error:
                raise SourceProblem(os_reason(error)) from None
        if len(data) > max_bytes:
            raise SourceProblem(f"file too large: exceeds max_bytes={max_bytes}")
        return data


def source_file(path: Path, name: str | None = None, *, max_bytes: int, wait: float) -> SourceFile:
    """A SourceFile for `path`, reading it at once when it is a pipe or a device."""
    shown = display_path(path)
    name = name if name is not None else display_path(path.stem)
    if is_regular(path):
        return SourceFile(path, name, shown)
    return SourceFile(path, name, shown, read_special(path, max_bytes, wait))


def is_regular(path: Path) -> bool:
    """A regular file (after links); a missing or unreadable one counts as regular so it is reported."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return True


def special_kind(path: Path) -> str | None:
    """'a FIFO', 'a device', 'a socket' for what is not a regular file or a folder, else None."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return None


def read_special(path: Path, max_bytes: int, wait: float) -> bytes:
    """A pipe's or device's bytes up to the cap, giving up after `wait` seconds without data."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO never waits for a writer
    except OSError as error:
        raise SourceProblem(os_reason(error)) from None
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                raise SourceProblem(f"no data for {wait:g}s")
            try:
                chunk = os.read(fd, CHUNK)
            except BlockingIOError:
                continue
            except OSError as error:
                raise SourceProblem(os_reason(error)) from None
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > max_bytes:
                raise SourceProblem(f"input too large: exceeds max_bytes={max_bytes}")
            chunks.append(chunk)
    finally:
        os.close(fd)


class CappedLines(io.RawIOBase):
    """A binary stream whose `readline` never returns more than `limit` bytes.

    Streamed formats (JSONL, CSV, WARC) read line by line; one line without a newline
    would otherwise be read whole, however large. A longer line comes back in pieces.
    """

    def __init__(self, raw: BinaryIO, limit: int) -> None:
        super().__init__()
        self._raw = raw
        self._limit = limit

    def readable(self) -> bool:
        return True

    def readline(self, size: int | None = -1) -> bytes:
        cap = self._limit if size is None or size < 0 else min(size, self._limit)
        return self._raw.readline(cap)

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seekable(self) -> bool:
        return self._raw.seekable()

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self._raw.close()
        super().close()


class _Span(io.RawIOBase):
    """The next `length` bytes of a stream, and then its end."""

    def __init__(self, raw: BinaryIO, length: int) -> None:
        super().__init__()
        self._raw = raw
        self._left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self._raw.read(min(len(buffer), self._left))
        self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


def os_reason(error: OSError) -> str:
    """A human reason for a failed open or read."""
    if isinstance(error, FileNotFoundError):
        return "no such file or folder"
    if isinstance(error, IsADirectoryError):
        return "is a folder, expected a file"
    if isinstance(error, PermissionError):
        return "unreadable: permission denied"
    return f"unreadable: {error.strerror or error}"
