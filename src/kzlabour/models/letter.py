"""A letter and what it holds: parties, demands, provenance and evidence spans.

The field meanings are those of the annotation guide (ANNOTATION.md); the
descriptions below repeat them for data users.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field, field_validator, model_validator

from kzlabour.models.base import CountryCode, KzModel, LanguageCode, PartialDate, Span

__all__ = [
    "Demand",
    "DemandCategory",
    "Evidence",
    "Flag",
    "Letter",
    "Party",
    "PartyKind",
    "Source",
]


class DemandCategory(StrEnum):
    """What a demand asks for: exactly the category list of the annotation guide."""

    release_detainees = "release_detainees"
    end_repression = "end_repression"
    freedom_of_association = "freedom_of_association"
    right_to_strike_and_assembly = "right_to_strike_and_assembly"
    fair_trial = "fair_trial"
    investigate_abuses = "investigate_abuses"
    legal_reform = "legal_reform"
    international_law = "international_law"
    protect_civilians = "protect_civilians"
    workers_livelihood = "workers_livelihood"
    press_freedom = "press_freedom"
    negotiate = "negotiate"
    democratic_rights = "democratic_rights"
    solidarity_action = "solidarity_action"
    other = "other"


class Flag(StrEnum):
    """Data-quality notes on a letter, in the guide's order."""

    lost_characters = "lost-characters"
    mojibake = "mojibake"
    two_digit_year = "two-digit-year"
    truncated = "truncated"


class PartyKind(StrEnum):
    """The part a party plays in a letter."""

    sender = "sender"
    signatory = "signatory"
    recipient = "recipient"
    copy = "copy"
    contact = "contact"


# The letter's list field that holds each kind of party, in the order the guide lists them.
PARTY_FIELDS: dict[PartyKind, str] = {
    PartyKind.sender: "senders",
    PartyKind.signatory: "signatories",
    PartyKind.recipient: "recipients",
    PartyKind.copy: "copies",
    PartyKind.contact: "contacts",
}


def _blank_to_error(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise ValueError("an empty string is not a value: use null for 'not given'")
    return value


class Party(KzModel):
    """A person, body or group named in a letter; every key may be null."""

    name: str | None = Field(None, description="a person's name in natural order, 'Given Family'")
    role: str | None = Field(None, description="the position or group designation as the text gives it")
    organisation: str | None = Field(None, description="the organisation's name as the text gives it")
    country: CountryCode | None = Field(None, description="ISO 3166 code of the party's country")
    address: str | None = Field(None, description="postal address as printed, lines joined with ', '")
    email: str | None = Field(None, description="e-mail address")
    phone: str | None = Field(None, description="phone numbers joined with ', '; fax numbers prefixed 'fax '")
    span: Span | None = Field(None, description="where in the source text the party was read")

    _check_blank = field_validator("name", "role", "organisation", "address", "email", "phone")(
        _blank_to_error
    )

    @model_validator(mode="after")
    def _names_something(self) -> Party:
        if not (self.name or self.role or self.organisation):
            raise ValueError("a party needs at least a name, a role or an organisation")
        return self


class Demand(KzModel):
    """One thing a letter asks someone to do or to stop doing."""

    text: str = Field(min_length=1, description="the demand's words as they stand, lead-in trimmed")
    category: DemandCategory = Field(strict=False, description="what the demand asks for")
    target: str | None = Field(None, description="who is asked to act, when the text says")
    span: Span | None = Field(None, description="where in the source text the demand stands")

    _check_blank = field_validator("text", "target")(_blank_to_error)


class Source(KzModel):
    """Where a letter comes from: the file, its hash and the letter's character span."""

    path: str = Field(min_length=1, description="file name of the source text in sources/")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the stored bytes")
    start: int = Field(ge=0, description="offset of the letter's first character in the decoded text")
    end: int = Field(ge=0, description="offset after the letter's last non-space character")

    @model_validator(mode="after")
    def _ordered(self) -> Source:
        if self.end < self.start:
            raise ValueError(f"source span end {self.end} lies before its start {self.start}")
        return self


class Evidence(KzModel):
    """Where each single-valued field of a letter was read (null when not read from the text)."""

    date: Span | None = Field(None, description="span of the date as written")
    place: Span | None = Field(None, description="span of the place name")
    reference: Span | None = Field(None, description="span of the reference, label excluded")
    title: Span | None = Field(None, description="span of the title")
    language: Span | None = Field(None, description="span of the body the language was judged on")


class Letter(KzModel):
    """One letter, open letter, statement, resolution, appeal or petition."""

    date: PartialDate | None = Field(None, description="date written or sent; reduced precision allowed")
    place: str | None = Field(None, description="place of writing, a plain English place name")
    reference: str | None = Field(None, description="the sender's own reference, without its label")
    language: LanguageCode | None = Field(None, description="ISO 639-1 code of the body's language")
    title: str | None = Field(None, description="the heading the text gives the letter")
    senders: tuple[Party, ...] = Field(
        (), strict=False, description="parties in whose name the letter is written"
    )
    signatories: tuple[Party, ...] = Field((), strict=False, description="parties who sign it")
    recipients: tuple[Party, ...] = Field((), strict=False, description="addressees")
    copies: tuple[Party, ...] = Field((), strict=False, description="parties in copy (cc)")
    contacts: tuple[Party, ...] = Field((), strict=False, description="parties readers are asked to write to")
    about: tuple[Party, ...] = Field(
        (), strict=False, description="people and organisations the letter defends or accuses"
    )
    demands: tuple[Demand, ...] = Field((), strict=False, description="what the letter asks, in order")
    flags: tuple[Flag, ...] = Field((), strict=False, description="data-quality notes, in the guide's order")
    source: Source = Field(description="file, hash and the letter's span")
    evidence: Evidence = Field(default_factory=Evidence, description="spans of the single fields")

    _check_blank = field_validator("place", "reference", "title")(_blank_to_error)

    @field_validator("flags", mode="before")
    @classmethod
    def _flags_from_strings(cls, value: Any) -> Any:
        if isinstance(value, (list, tuple)):
            return tuple(Flag(v) if isinstance(v, str) else v for v in value)
        return value

    @field_validator("flags")
    @classmethod
    def _flags_in_order(cls, value: tuple[Flag, ...]) -> tuple[Flag, ...]:
        order = list(Flag)
        if list(value) != sorted(set(value), key=order.index):
            raise ValueError(
                "flags must be unique and in the guide's order: " + ", ".join(f.value for f in order)
            )
        return value

    def parties(self, kind: PartyKind) -> tuple[Party, ...]:
        """The parties of one kind."""
        result: tuple[Party, ...] = getattr(self, PARTY_FIELDS[kind])
        return result

    def to_json_dict(self) -> dict[str, Any]:
        """The letter as plain JSON data, in the shape of the gold files (plus evidence spans)."""
        return self.model_dump(mode="json")
