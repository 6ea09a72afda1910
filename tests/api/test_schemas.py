"""The response models publish exactly the query layer's row fields: drift fails here, not in clients."""

from __future__ import annotations

from dataclasses import fields

import pytest
from pydantic import BaseModel

from detente.api import schemas
from detente.query import rows

PAIRS = [
    (schemas.Event, rows.EventRow),
    (schemas.EventDetail, rows.EventDetail),
    (schemas.Participant, rows.ParticipantRow),
    (schemas.Source, rows.SourceRow),
    (schemas.Person, rows.PersonRow),
    (schemas.PersonDetail, rows.PersonDetail),
    (schemas.OfficeHolding, rows.OfficeHolding),
    (schemas.Dyad, rows.DyadRow),
    (schemas.Partner, rows.PartnerRow),
    (schemas.TimelinePoint, rows.TimelineRow),
    (schemas.DyadYear, rows.DyadYearRow),
    (schemas.PlaceMarker, rows.PlaceRow),
    (schemas.Site, rows.SiteRow),
    (schemas.Location, rows.LocationRow),
    (schemas.Placement, rows.Placement),
    (schemas.RelatedEvent, rows.RelatedEvent),
    (schemas.NetworkNode, rows.NetworkNode),
    (schemas.NetworkEdge, rows.NetworkEdge),
    (schemas.Network, rows.Network),
    (schemas.SearchHit, rows.SearchHit),
    (schemas.Stats, rows.Stats),
    (schemas.Page, rows.Page),
]


@pytest.mark.parametrize(("model", "row"), PAIRS, ids=[model.__name__ for model, _ in PAIRS])
def test_model_fields_match_row_fields(model: type[BaseModel], row: type) -> None:
    assert list(model.model_fields) == [f.name for f in fields(row)]


def test_every_row_type_has_a_model() -> None:
    published = {row for _, row in PAIRS}
    row_types = {
        value for value in vars(rows).values() if isinstance(value, type) and issubclass(value, rows.Row)
    }
    assert row_types - {rows.Row, rows.ArticleRow} == published
