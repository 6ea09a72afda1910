"""One JSON shape for every error the API returns.

Analysts script against the API, so a rejected request must say which parameter
was wrong and why, in the same shape whether FastAPI's own validation, our
parameter parsing or the query layer refused it. Nothing a client sends may
surface as a 500.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException


class Problem(BaseModel):
    """One thing wrong with a request."""

    parameter: str | None = Field(
        None, description="The parameter at fault, e.g. `since` or `articles[0].text`"
    )
    location: str | None = Field(None, description="Where it was sent: query, path, header or body")
    reason: str = Field(description="Why it was refused")


class ErrorBody(BaseModel):
    """The body of every 4xx response."""

    detail: str = Field(description="A one-line summary naming each parameter at fault and the reason")
    errors: list[Problem] = Field(default_factory=list)


class BadRequest(Exception):
    """A request the API refuses, with the parameters at fault."""

    def __init__(self, status_code: int, problems: Sequence[Problem]) -> None:
        self.status_code = status_code
        self.problems = list(problems)
        super().__init__(summarise(self.problems))


def bad_parameter(parameter: str | None, reason: str, location: str = "query") -> BadRequest:
    """A 422 for one parameter."""
    return BadRequest(422, [Problem(parameter=parameter, location=location, reason=reason)])


def summarise(problems: Sequence[Problem]) -> str:
    return "; ".join(f"{p.parameter}: {p.reason}" if p.parameter else p.reason for p in problems)


def error_response(status_code: int, problems: Sequence[Problem], headers: dict[str, str] | None = None):
    body = ErrorBody(detail=summarise(problems), errors=list(problems))
    return JSONResponse(body.model_dump(), status_code=status_code, headers=headers)


@contextmanager
def query_rejections(parameter: str | None = None) -> Iterator[None]:
    """Turn the query layer's ValueError (a bad filter) into a 422 instead of a 500."""
    try:
        yield
    except ValueError as exc:
        raise bad_parameter(parameter, str(exc) or "rejected by the query layer") from exc


def problems_from_validation(errors: Sequence[Any]) -> list[Problem]:
    """Pydantic's error list, with locations turned into parameter names."""
    problems = []
    for error in errors:
        location, *path = [str(part) for part in error.get("loc", ())] or ["body"]
        parameter = _dotted(path) if path else (None if location == "body" else location)
        problems.append(Problem(parameter=parameter, location=location, reason=error.get("msg", "invalid")))
    return problems


def _dotted(path: Sequence[str]) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if part.isdigit() else (f".{part}" if name else part)
    return name


async def _on_bad_request(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, BadRequest)
    return error_response(exc.status_code, exc.problems)


async def _on_validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, problems_from_validation(exc.errors()))


async def _on_http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    problems = [Problem(reason=str(exc.detail))]
    return error_response(exc.status_code, problems, headers=getattr(exc, "headers", None))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(BadRequest, _on_bad_request)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)


#: Documented on every route that takes parameters, so clients (and schemathesis) know the 4xx shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "A parameter is invalid; `errors` names it and the reason"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "No such record"}}
