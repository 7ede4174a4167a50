"""Places: ISO 3166-1 alpha-2 codes for country names."""

from __future__ import annotations

from functools import lru_cache

from newsgraph.schema import PLACE_LABELS


@lru_cache(maxsize=65536)
def country_code(label: str, name: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a place that is a country, else None."""
    if label not in PLACE_LABELS:
        return None
    import pycountry

    try:
        return pycountry.countries.lookup(name).alpha_2
    except LookupError:
        return None
