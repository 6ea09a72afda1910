"""The API reference page, rendered on the server from the OpenAPI schema.

FastAPI's own /api/docs loads Swagger UI from a CDN and is blank offline; analysts
behind an air gap still need to see each endpoint, its parameters and their rules.
"""

from __future__ import annotations

from typing import Any

METHODS = ("get", "post", "put", "patch", "delete")


def endpoints(schema: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation in the schema's order, with what a caller needs to write a request."""
    found = []
    for path, operations in schema.get("paths", {}).items():
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary") or "",
                    "description": operation.get("description") or "",
                    "parameters": [_parameter(p) for p in operation.get("parameters", [])],
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return found


def _parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    schema = parameter.get("schema", {})
    return {
        "name": parameter.get("name", ""),
        "where": parameter.get("in", ""),
        "required": bool(parameter.get("required")),
        "type": type_label(schema),
        "description": parameter.get("description") or schema.get("description") or "",
    }


def type_label(schema: dict[str, Any]) -> str:
    """A short reading of a JSON schema: `integer 1–500`, `list of meeting | agreement`."""
    options = [s for s in schema.get("anyOf", []) if s.get("type") != "null"]
    if options:
        return " or ".join(type_label(option) for option in options)
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    kind = schema.get("type", "")
    if kind == "array":
        return f"list of {type_label(schema.get('items', {}))}"
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return f"{kind} {low}–{high}"
    if low is not None:
        return f"{kind} ≥ {low}"
    if high is not None:
        return f"{kind} ≤ {high}"
    return schema.get("format") or kind or "any"
