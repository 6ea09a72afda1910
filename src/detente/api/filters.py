"""The event filters of /api/events, declared once and shared by every route that filters events
(the listing, its downloads, the map's aggregates, the timeline and the network), so they accept
exactly the same parameters and their schema states the same constraints everywhere."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query

from detente.api import params
from detente.api import query_fields as fields


def event_filters(
    country: fields.Countries = None,
    dyad: fields.Dyad = None,
    type: fields.Types = None,
    status: fields.Statuses = None,
    since: fields.Since = None,
    until: fields.Until = None,
    person: Annotated[
        str | None,
        Query(
            description="A person's id, any form of their name, or one word of it (a surname)",
            json_schema_extra=fields.text_schema(optional=True),
        ),
    ] = None,
    place: Annotated[
        list[str] | None,
        Query(
            description="A place name (a city also finds the facilities in it) or GeoNames id;"
            " repeat for events at any of several places",
            json_schema_extra=fields.nullable({"type": "array", "items": fields.text_schema()}),
        ),
    ] = None,
    located_in: Annotated[
        str | None,
        Query(
            description="ISO 3166-1 alpha-3 of the country the event took place in",
            examples=["PAK"],
            json_schema_extra=fields.nullable({"$ref": fields.COUNTRY_CODE}),
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            description="Full text: every word in the evidence or name (it needs a letter or digit)",
            json_schema_extra=fields.text_schema(fields.WORDS_PATTERN, optional=True),
        ),
    ] = None,
) -> dict[str, Any]:
    """Checked keyword arguments for the query layer's `events()` and aggregates.

    A `since` after `until` is an empty period, which no event falls in: each bound is
    valid, and the schema cannot say that one must precede the other, so the request is
    answered (with nothing) rather than refused.
    """
    start, stop = params.date_range(since, until)
    places = [params.required_text(value, "place") for value in place] if place else None
    return {
        "countries": params.country_codes(country),
        "dyad": params.dyad(dyad),
        "type": type,
        "status": status,
        "since": start,
        "until": stop,
        "allow_empty_period": True,
        "person": params.optional_text(person, "person"),
        "place": places,
        "located_in": params.optional_country(located_in, "located_in"),
        "text": params.optional_text(q, "q"),
    }


EventFilters = Annotated[dict[str, Any], Depends(event_filters)]
