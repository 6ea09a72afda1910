"""Country names for the ISO 3166-1 alpha-3 codes shown on the pages."""

from __future__ import annotations

import re
from functools import lru_cache

ALPHA3 = re.compile(r"^[A-Z]{3}$")
USER_ASSIGNED = frozenset({"XKX"})  # Kosovo: not in ISO, common in event data


def is_country(code: str) -> bool:
    """An alpha-3 code ISO (or event-data practice) assigns, so a typo in a URL is a clear 404."""
    import pycountry

    code = code.upper()
    return code in USER_ASSIGNED or (
        ALPHA3.fullmatch(code) is not None and pycountry.countries.get(alpha_3=code) is not None
    )


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """The common English name, or the code itself when pycountry does not know it."""
    if not code:
        return ""
    import pycountry

    country = pycountry.countries.get(alpha_3=code.upper())
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name
