"""Titles above the body: site menus, breadcrumbs and outlet suffixes are never the headline."""

from __future__ import annotations

import pytest

from detente.ingest.chrome import strip_chrome
from detente.ingest.header_lines import headline_and_outlet, is_menu

BODY = (
    "The chiefs of staff of Ghana and Togo met in Lome on Friday to discuss joint patrols on Lake Volta.\n\n"
    "Officials said the Su-30 / MiG-29 comparison was not discussed.\n"
)
TITLE = "Ghana and Togo army chiefs meet in Lome"


@pytest.mark.parametrize(
    "chrome",
    [
        "Home | News | Region",
        "Home News World Sport Business",
        "Politics Economy World Sports Opinion Video",
        "Home / Africa / West Africa",
        "Home » World » Africa",
        "HOME\nNEWS",
        "Skip to content\nMenu\nSearch",
    ],
)
def test_site_menus_are_not_titles(chrome: str) -> None:
    cleaned = strip_chrome(f"{chrome}\n{TITLE}\n\n{BODY}")
    assert cleaned.facts.title == TITLE
    assert cleaned.text.startswith("The chiefs of staff")
    assert "Su-30 / MiG-29" in cleaned.text  # a slash inside a sentence is no breadcrumb


@pytest.mark.parametrize(
    ("line", "title", "outlet"),
    [
        (f"{TITLE} | The Volta Times", TITLE, "The Volta Times"),
        (f"{TITLE} - Accra Herald", TITLE, "Accra Herald"),
        ("Ghana - Togo border talks resume", "Ghana - Togo border talks resume", None),
    ],
)
def test_outlet_suffix_is_split_off_the_title(line: str, title: str, outlet: str | None) -> None:
    assert headline_and_outlet(line) == (title, outlet)
    cleaned = strip_chrome(f"{line}\n\n{BODY}")
    assert (cleaned.facts.title, cleaned.facts.source_name) == (title, outlet)


def test_menu_needs_only_section_words() -> None:
    assert is_menu("Home News Africa Sport")
    assert not is_menu("Ghana News Agency")
    assert not is_menu("Defence chiefs meet")
