"""`POST /api/ingest`: the one write endpoint, present only when the server has a token.

It takes articles as JSON (`{"articles": [...]}`) or one article as raw text,
and runs the same pipeline as `detente ingest`. Runs are serialised: the store
replaces the whole resolution on each run, so two at once could lose one's work.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.json_schema import models_json_schema

from detente.api.errors import ApiError, ErrorBody, Problem, problems_from_validation
from detente.api.query_fields import TEXT_PATTERN
from detente.models import Article, IngestError, content_hash

MAX_BODY_BYTES = 20_000_000
MAX_ARTICLES = 1_000


class ArticleIn(BaseModel):
    """One article to ingest; only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str | None = Field(
        None, min_length=1, max_length=300, description="Defaults to a hash of the text"
    )
    text: str = Field(
        description="The article's plain text (not blank)", json_schema_extra={"pattern": TEXT_PATTERN}
    )
    title: str | None = None
    url: str | None = None
    published: date | None = Field(None, description="Publication date, ISO `YYYY-MM-DD`")
    source_name: str | None = Field(None, description='The outlet, e.g. "APP"')

    @field_validator("text")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    def to_article(self, read: Callable[..., Article | IngestError]) -> Article | IngestError:
        """Read by `read` (the pipeline's `posted_article`) as the same text in a file is, so a
        posted copy of a stored article is recognised as a duplicate."""
        return read(
            self.text,
            doc_id=self.doc_id or default_doc_id(self.text),
            title=self.title,
            url=self.url,
            published=self.published,
            source_name=self.source_name,
        )


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


class IngestProblem(BaseModel):
    source: str | None
    reason: str


class IngestResult(BaseModel):
    """What one ingest run did (the pipeline's RunSummary)."""

    read: int = Field(description="Articles received: duplicates + failed + new")
    duplicates: int = Field(description="Articles already stored (same text), skipped")
    failed: int = Field(description="Articles that could not be processed; see `errors`")
    new: int = Field(description="Articles stored now, including those the screen dropped")
    screened_out: int = Field(
        description="New articles the screen judged to hold no event (stored, no events)"
    )
    events: int = Field(description="Events found in the new articles")
    errors: list[IngestProblem]


def default_doc_id(text: str) -> str:
    """Stable for the same text, so posting an article twice names it the same."""
    return f"api-{content_hash(text)[:16]}"


class IngestRunner:
    """Runs the pipeline one batch at a time, reusing one loaded parser across requests."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self._lock = threading.Lock()
        self._processor: Any = None

    def __call__(self, posted: list[ArticleIn]) -> Any:
        try:
            from detente.pipeline import ArticleProcessor, ingest_articles, posted_article
        except ImportError as exc:
            raise ApiError(503, [Problem(reason=f"ingest is unavailable: {exc}")]) from exc
        articles = [item.to_article(posted_article) for item in posted]
        with self._lock:
            if self._processor is None:
                self._processor = ArticleProcessor()
            return ingest_articles(articles, self.db_path, processor=self._processor)


_bearer = HTTPBearer(auto_error=False, description="The token the server was started with")


def body_schemas() -> dict[str, Any]:
    """The JSON body's schemas, for the app to add to the OpenAPI components.

    The route reads its body itself (it also takes raw text), so FastAPI does not
    see these models and would leave the body's `$ref` dangling.
    """
    _, top = models_json_schema([(IngestRequest, "validation")], ref_template=_COMPONENT_REF)
    return dict(top["$defs"])


_COMPONENT_REF = "#/components/schemas/{model}"
_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/IngestRequest"}},
        "text/plain": {
            "schema": {
                "type": "string",
                "minLength": 1,
                "pattern": TEXT_PATTERN,
                "description": "One article's text (UTF-8, not blank)",
            }
        },
    },
}


def build_ingest_router(token: str, db_path: str) -> APIRouter:
    """The ingest route, bound to the server's token and database."""
    if not token:
        raise ValueError("ingest_token must be a non-empty string")
    expected = token.encode("utf-8")
    run = IngestRunner(db_path)

    def require_token(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> None:
        if credentials is None:
            raise HTTPException(
                401, "send `Authorization: Bearer <token>`", headers={"WWW-Authenticate": "Bearer"}
            )
        if not secrets.compare_digest(credentials.credentials.encode("utf-8"), expected):
            raise HTTPException(403, "the bearer token is not the one this server was started with")

    router = APIRouter(tags=["ingest"])

    @router.post(
        "/ingest",
        response_model=IngestResult,
        dependencies=[Depends(require_token)],
        openapi_extra={"requestBody": _REQUEST_BODY},
        responses={
            401: {"model": ErrorBody, "description": "No bearer token"},
            403: {"model": ErrorBody, "description": "Wrong bearer token"},
            413: {"model": ErrorBody, "description": "Body over the size limit"},
            422: {"model": ErrorBody, "description": "The body or a parameter is invalid"},
            503: {"model": ErrorBody, "description": "The pipeline cannot be loaded"},
        },
        summary="Run the pipeline over posted articles (JSON, or one article as raw text)",
    )
    async def ingest(
        request: Request,
        title: Annotated[str | None, Query(description="Raw-text bodies only: the title")] = None,
        url: Annotated[str | None, Query(description="Raw-text bodies only: the source URL")] = None,
        published: Annotated[
            str | None,
            Query(
                description="Raw-text bodies only: `YYYY-MM-DD`",
                json_schema_extra={"anyOf": [{"type": "string", "format": "date"}, {"type": "null"}]},
            ),
        ] = None,
        source_name: Annotated[str | None, Query(description="Raw-text bodies only: the outlet")] = None,
    ) -> dict[str, Any]:
        body = await _read_capped(request)
        if _is_json(request):
            articles = _articles_from_json(body)
        else:
            metadata = {"title": title, "url": url, "published": published, "source_name": source_name}
            articles = [_article_from_text(body, metadata)]
        summary = await run_in_threadpool(run, articles)
        return _summary_dict(summary)

    return router


def _is_json(request: Request) -> bool:
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


async def _read_capped(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _too_large()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large() -> ApiError:
    return ApiError(413, [Problem(location="body", reason=f"body is over {MAX_BODY_BYTES:,} bytes")])


def _articles_from_json(body: bytes) -> list[ArticleIn]:
    try:
        request = IngestRequest.model_validate_json(body)
    except ValidationError as exc:
        problems = problems_from_validation([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()])
        raise ApiError(422, problems) from exc
    return list(request.articles)


def _article_from_text(body: bytes, metadata: dict[str, str | None]) -> ArticleIn:
    """A raw-text body is the article's text; its metadata comes in query parameters."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(422, [Problem(location="body", reason=f"raw text must be UTF-8: {exc}")]) from exc
    try:
        return ArticleIn.model_validate({"text": text, **metadata})
    except ValidationError as exc:
        located = [{**e, "loc": (_where(e["loc"]), *e["loc"])} for e in exc.errors()]
        raise ApiError(422, problems_from_validation(located)) from exc


def _where(loc: tuple[Any, ...]) -> str:
    return "body" if loc and loc[0] == "text" else "query"


def _summary_dict(summary: Any) -> dict[str, Any]:
    """The pipeline's RunSummary as the response model's fields."""
    errors = [_problem(error) for error in getattr(summary, "errors", [])]
    names = ("read", "duplicates", "failed", "new", "screened_out", "events")
    counts = {name: int(getattr(summary, name)) for name in names}
    return {**counts, "errors": errors}


def _problem(error: Any) -> dict[str, Any]:
    if isinstance(error, str):
        return {"source": None, "reason": error}
    return {"source": getattr(error, "source", None), "reason": str(getattr(error, "reason", error))}
