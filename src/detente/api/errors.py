"""One JSON shape for every error the API returns.

Analysts script against the API, so a rejected request must say which parameter
was wrong and why, in the same shape whether FastAPI's own validation, our
parameter parsing or the query layer refused it. Nothing a client sends may
surface as a 500.
"""

from __future__ import annotations

import re
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
    """The body of every error response the API itself sends (4xx, 503)."""

    detail: str = Field(description="A one-line summary naming each parameter at fault and the reason")
    errors: list[Problem] = Field(default_factory=list)


class ApiError(Exception):
    """A request the API refuses (4xx) or cannot serve (503), with what is at fault."""

    def __init__(self, status_code: int, problems: Sequence[Problem]) -> None:
        self.status_code = status_code
        self.problems = list(problems)
        super().__init__(summarise(self.problems))


def bad_parameter(parameter: str | None, reason: str, location: str = "query") -> ApiError:
    """A 422 for one parameter."""
    return ApiError(422, [Problem(parameter=parameter, location=location, reason=reason)])


def summarise(problems: Sequence[Problem]) -> str:
    return "; ".join(_line(problem) for problem in problems)


def _line(problem: Problem) -> str:
    if not problem.parameter or problem.reason.startswith(problem.parameter):
        return problem.reason
    return f"{problem.parameter}: {problem.reason}"


def error_response(
    status_code: int, problems: Sequence[Problem], headers: dict[str, str] | None = None
) -> JSONResponse:
    body = ErrorBody(detail=summarise(problems), errors=list(problems))
    return JSONResponse(body.model_dump(), status_code=status_code, headers=headers)


#: The query layer's refusals read "parameter: reason".
NAMED_REASON = re.compile(r"(?P<name>\w+): (?P<reason>.*)", re.DOTALL)
#: Query-layer argument names that the API calls otherwise.
_API_NAMES = {"countries": "country", "text": "q"}


def refusal(error: ValueError, parameter: str | None = None, location: str = "query") -> ApiError:
    """A 422 from a query-layer ValueError; the API's own parameter name wins when known."""
    message = str(error) or "rejected by the query layer"
    named = NAMED_REASON.fullmatch(message)
    if named:
        name = parameter or _API_NAMES.get(named["name"], named["name"])
        return bad_parameter(name, named["reason"], location)
    return bad_parameter(parameter, message, location)


@contextmanager
def query_rejections(parameter: str | None = None, location: str = "query") -> Iterator[None]:
    """Turn the query layer's ValueError (a bad filter) into a 422 instead of a 500."""
    try:
        yield
    except ValueError as exc:
        raise refusal(exc, parameter, location) from exc


def problems_from_validation(errors: Sequence[Any]) -> list[Problem]:
    """Pydantic's error list, with locations turned into parameter names."""
    problems = []
    for error in errors:
        location, *path = [str(part) for part in error.get("loc", ())] or ["body"]
        if location in {"query", "path", "header"}:
            path = [part for part in path if not part.isdigit()]  # the nth repeat of `type=` is `type`
        parameter = _dotted(path) if path else (None if location == "body" else location)
        reason = str(error.get("msg", "invalid"))
        if location != "body" and isinstance(error.get("input"), str):
            reason = f"{reason} (got {error['input']!r})"
        problems.append(Problem(parameter=parameter, location=location, reason=reason))
    return problems


def _dotted(path: Sequence[str]) -> str:
    name = ""
    for part in path:
        name += f"[{part}]" if part.isdigit() else (f".{part}" if name else part)
    return name


async def _on_api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status_code, exc.problems)


async def _on_validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, problems_from_validation(exc.errors()))


async def _on_http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    problems = [Problem(reason=str(exc.detail))]
    return error_response(exc.status_code, problems, headers=getattr(exc, "headers", None))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)


#: Documented on every route that takes parameters, so clients (and schemathesis) know the 4xx shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "A parameter is invalid; `errors` names it and the reason"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "No such record"}}
