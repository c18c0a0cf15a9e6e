"""The one strict base model and the named value types every model uses.

Every field carries a description: the descriptions become the Table Schema
and JSON Schema documentation, so they are written for a data user.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "CountryCode",
    "KzModel",
    "LanguageCode",
    "PartialDate",
    "Span",
]


class KzModel(BaseModel):
    """Strict, frozen base: unknown fields are rejected and values are never coerced."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _check_partial_date(value: str) -> str:
    if not _PARTIAL_DATE.fullmatch(value):
        raise ValueError(
            f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (for example 1999-11-17)"
        )
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    try:
        _dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real calendar date ({exc})") from None
    return value


PartialDate = Annotated[
    str,
    Field(
        description="ISO 8601 date with reduced precision allowed: YYYY, YYYY-MM or YYYY-MM-DD",
        json_schema_extra={"pattern": r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"},
    ),
    AfterValidator(_check_partial_date),
]


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    import pycountry  # heavy: loaded on first validation only

    current = {c.alpha_2 for c in pycountry.countries}
    historic = {c.alpha_4 for c in pycountry.historic_countries}
    return frozenset(current | historic)


def _check_country(value: str) -> str:
    if value not in _country_codes():
        raise ValueError(
            f"{value!r} is not a country code: use ISO 3166-1 alpha-2 (GB, KZ) "
            "or, for a country that no longer exists, ISO 3166-3 (YUCS)"
        )
    return value


CountryCode = Annotated[
    str,
    Field(
        description="ISO 3166-1 alpha-2 code, or ISO 3166-3 code for a former country",
        json_schema_extra={"x-kzlabour-type": "country"},
    ),
    AfterValidator(_check_country),
]


@lru_cache(maxsize=1)
def _language_codes() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


def _check_language(value: str) -> str:
    if value not in _language_codes():
        raise ValueError(f"{value!r} is not an ISO 639-1 language code (en, ru, kk, ...)")
    return value


LanguageCode = Annotated[
    str,
    Field(description="ISO 639-1 language code", json_schema_extra={"x-kzlabour-type": "language"}),
    AfterValidator(_check_language),
]


class Span(KzModel):
    """A half-open character range [start, end) in the decoded source text."""

    start: int = Field(ge=0, description="offset of the first character")
    end: int = Field(ge=0, description="offset after the last character")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} lies before its start {self.start}")
        return self
