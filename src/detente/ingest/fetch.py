"""Fetching pages and feeds politely: a named User-Agent, timeouts, redirects, a size cap."""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

from detente.ingest.options import IngestOptions
from detente.ingest.problems import SourceProblem

if TYPE_CHECKING:
    import httpx


@dataclass
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str

    @property
    def charset(self) -> str | None:
        match = re.search(r"charset=[\"']?([\w.:-]+)", self.content_type)
        return match.group(1) if match else None


class Fetcher:
    """One HTTP client for a run, so connections are reused across a feed's items.

    The client is made on the first request: a run over local files never opens one.
    """

    def __init__(self, options: IngestOptions) -> None:
        self._options = options
        self._client: httpx.Client | None = None

    def _session(self) -> httpx.Client:
        import httpx

        if self._client is None:
            self._client = httpx.Client(
                follow_redirects=True,
                timeout=self._options.fetch_timeout,
                headers={"User-Agent": self._options.user_agent},
            )
        return self._client

    def get(self, url: str) -> Fetched:
        """The body of a 2xx response, or a SourceProblem saying why there is none."""
        import httpx

        limit = self._options.max_bytes
        try:
            with self._session().stream("GET", url) as response:
                if response.status_code >= 400:
                    raise SourceProblem(f"HTTP {response.status_code} {response.reason_phrase}".strip())
                length = response.headers.get("Content-Length", "")
                declared = int(length) if length.isdigit() else 0
                if declared > limit:
                    raise SourceProblem(f"response too large: {declared} bytes exceeds max_bytes={limit}")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > limit:
                        raise SourceProblem(f"response too large: exceeds max_bytes={limit}")
                return Fetched(str(response.url), bytes(body), response.headers.get("Content-Type", ""))
        except httpx.TimeoutException:
            raise SourceProblem(f"timed out after {self._options.fetch_timeout:g}s") from None
        except httpx.TooManyRedirects:
            raise SourceProblem("too many redirects") from None
        except httpx.InvalidURL as error:
            raise SourceProblem(f"invalid URL: {error}") from None
        except httpx.HTTPError as error:
            raise SourceProblem(f"could not fetch: {error or type(error).__name__}") from None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()
