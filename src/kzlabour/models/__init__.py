"""The pydantic models: the single source of truth for every schema kzlabour publishes."""

from kzlabour.models.base import CountryCode, KzModel, LanguageCode, PartialDate, Span
from kzlabour.models.letter import (
    PARTY_FIELDS,
    Demand,
    DemandCategory,
    Evidence,
    Flag,
    Letter,
    Party,
    PartyKind,
    Source,
)

__all__ = [
    "PARTY_FIELDS",
    "CountryCode",
    "Demand",
    "DemandCategory",
    "Evidence",
    "Flag",
    "KzModel",
    "LanguageCode",
    "Letter",
    "PartialDate",
    "Party",
    "PartyKind",
    "Source",
    "Span",
]
