"""The data package's tables, one row model per CSV resource.

These flat models are what `schema/` and `datapackage.json` are generated
from: a field's type, description, enum and whether it may be empty come from
here. `kzlabour.tables` converts letters to rows and back.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from kzlabour.models.base import CountryCode, KzModel, LanguageCode, PartialDate
from kzlabour.models.entities import Classification
from kzlabour.models.letter import DemandCategory, PartyKind

__all__ = [
    "ROW_MODELS",
    "AboutRow",
    "DemandRow",
    "LetterRow",
    "MembershipRow",
    "OrganisationRow",
    "OtherNameRow",
    "PartyRow",
    "PersonRow",
    "Row",
    "SourceRow",
]


class Row(KzModel):
    """A table row; subclasses say which resource they are and how it is keyed."""

    resource: ClassVar[str]
    resource_title: ClassVar[str]
    primary_key: ClassVar[tuple[str, ...]]
    # (fields, referenced resource, referenced fields)
    foreign_keys: ClassVar[tuple[tuple[tuple[str, ...], str, tuple[str, ...]], ...]] = ()


LETTER_ID = Field(pattern=r"^[A-Za-z0-9_.-]+/[0-9]+$", description="letter id: source file stem / order")


class SourceRow(Row):
    """One source text in sources/ with its provenance."""

    resource = "sources"
    resource_title = "Source texts"
    primary_key = ("file",)

    file: str = Field(min_length=1, description="file name of the source text in sources/")
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the stored bytes")
    title: str = Field(min_length=1, description="a short title of the text")
    url: str | None = Field(None, description="where the text was found, if known")
    retrieved: PartialDate = Field(description="when the text was collected")
    language: LanguageCode = Field(description="main language of the text")
    rights: str = Field(min_length=1, description="the text's own rights and terms of reuse")
    encoding: str | None = Field(None, description="original encoding when converted to UTF-8 on import")
    parser_version: str = Field(min_length=1, description="version of the parser that read the text")
    curation_sha256: str | None = Field(
        None,
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the curation file applied to the text, empty when it has none",
    )
    letters_sha256: str | None = Field(
        None,
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of the text's published letters (canonical JSON): ties the rows to their inputs",
    )


class LetterRow(Row):
    """One letter: its single-valued fields, span and evidence spans."""

    resource = "letters"
    resource_title = "Letters"
    primary_key = ("id",)
    foreign_keys = ((("source",), "sources", ("file",)),)

    id: str = LETTER_ID
    source: str = Field(min_length=1, description="file name of the source text")
    order: int = Field(ge=1, description="the letter's order in its source text, from 1")
    date: PartialDate | None = Field(None, description="date written or sent (YYYY, YYYY-MM or YYYY-MM-DD)")
    place: str | None = Field(None, description="place of writing, a plain English place name")
    reference: str | None = Field(None, description="the sender's own reference, without its label")
    language: LanguageCode | None = Field(None, description="ISO 639-1 code of the body's language")
    title: str | None = Field(None, description="the heading the text gives the letter")
    flags: str | None = Field(
        None,
        pattern=r"^(lost-characters|mojibake|two-digit-year|truncated)(;(lost-characters|mojibake|two-digit-year|truncated))*$",
        description="data-quality notes separated by ';', in the guide's order",
    )
    start: int = Field(ge=0, description="offset of the letter's first character in the decoded text")
    end: int = Field(ge=0, description="offset after the letter's last non-space character")
    date_start: int | None = Field(None, ge=0, description="evidence: start of the date as written")
    date_end: int | None = Field(None, ge=0, description="evidence: end of the date as written")
    place_start: int | None = Field(None, ge=0, description="evidence: start of the place name")
    place_end: int | None = Field(None, ge=0, description="evidence: end of the place name")
    reference_start: int | None = Field(None, ge=0, description="evidence: start of the reference")
    reference_end: int | None = Field(None, ge=0, description="evidence: end of the reference")
    title_start: int | None = Field(None, ge=0, description="evidence: start of the title")
    title_end: int | None = Field(None, ge=0, description="evidence: end of the title")
    language_start: int | None = Field(
        None, ge=0, description="evidence: start of the text judged for language"
    )
    language_end: int | None = Field(None, ge=0, description="evidence: end of the text judged for language")


ENTITY_ID = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="stable identifier (slug)")


class OrganisationRow(Row):
    """An organisation: curated in registry/ or first named in a letter (Popolo Organization)."""

    resource = "organisations"
    resource_title = "Organisations"
    primary_key = ("id",)
    foreign_keys = ((("parent",), "organisations", ("id",)),)

    id: str = ENTITY_ID
    name: str = Field(min_length=1, description="the organisation's name")
    classification: Classification | None = Field(
        None, strict=False, description="what kind of body it is (trade union, embassy, party, ...)"
    )
    country: CountryCode | None = Field(None, description="ISO 3166 code of the organisation's country")
    parent: str | None = Field(
        None, description="id of the organisation it belongs to (a union's federation)"
    )
    address: str | None = Field(None, description="postal addresses, joined with ' | '")
    email: str | None = Field(None, description="e-mail addresses, joined with ' | '")
    phone: str | None = Field(None, description="phone and fax numbers ('fax ' first), joined with ' | '")
    website: str | None = Field(None, description="websites, joined with ' | '")
    identifiers: str | None = Field(
        None, description="identifiers as scheme:value, joined with ' | ' (only stated, never guessed)"
    )
    curated: bool = Field(strict=False, description="true when the registry has the entity, false when new")


class PersonRow(Row):
    """A person: curated in registry/ or first named in a letter (Popolo Person)."""

    resource = "people"
    resource_title = "People"
    primary_key = ("id",)

    id: str = ENTITY_ID
    name: str = Field(min_length=1, description="the person's name, 'Given Family'")
    given_name: str | None = Field(None, description="given name(s)")
    family_name: str | None = Field(None, description="family name")
    country: CountryCode | None = Field(None, description="ISO 3166 code of the person's country")
    identifiers: str | None = Field(
        None, description="identifiers as scheme:value, joined with ' | ' (only stated, never guessed)"
    )
    curated: bool = Field(strict=False, description="true when the registry has the entity, false when new")


class MembershipRow(Row):
    """A person's membership of, or post in, an organisation (Popolo Membership)."""

    resource = "memberships"
    resource_title = "Memberships"
    primary_key = ("person", "order")
    foreign_keys = (
        (("person",), "people", ("id",)),
        (("organisation",), "organisations", ("id",)),
        (("letter",), "letters", ("id",)),
    )

    person: str = Field(min_length=1, description="the person's id")
    order: int = Field(ge=1, description="order among the person's memberships, from 1")
    organisation: str = Field(min_length=1, description="the organisation's id")
    post: str | None = Field(None, description="the post held, as the text gives it")
    start_date: PartialDate | None = Field(None, description="when it began, where known")
    end_date: PartialDate | None = Field(None, description="when it ended, where known")
    letter: str | None = Field(
        None, pattern=r"^[A-Za-z0-9_.-]+/[0-9]+$", description="a letter that attests it"
    )


class OtherNameRow(Row):
    """Another name of an organisation or person: translation, spelling, abbreviation."""

    resource = "other_names"
    resource_title = "Other names"
    primary_key = ("id",)
    foreign_keys = (
        (("organisation",), "organisations", ("id",)),
        (("person",), "people", ("id",)),
    )

    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*/[0-9]+$", description="the entity's id / order of the name, from 1"
    )
    organisation: str | None = Field(None, description="the organisation's id (null for a person)")
    person: str | None = Field(None, description="the person's id (null for an organisation)")
    name: str = Field(min_length=1, description="the name as written")
    lang: LanguageCode | None = Field(None, description="ISO 639-1 code of the name's language")
    note: str | None = Field(None, description="what the name is: abbreviation, spelling, ...")


class PartyRow(Row):
    """One party of a letter: a sender, signatory, recipient, copy or contact."""

    resource = "letter_parties"
    resource_title = "Parties of letters"
    primary_key = ("letter", "kind", "order")
    foreign_keys = (
        (("letter",), "letters", ("id",)),
        (("person",), "people", ("id",)),
        (("organisation_id",), "organisations", ("id",)),
    )

    letter: str = LETTER_ID
    kind: PartyKind = Field(strict=False, description="sender, signatory, recipient, copy or contact")
    order: int = Field(ge=1, description="order among the letter's parties of this kind, from 1")
    name: str | None = Field(None, description="a person's name as the letter gives it, 'Given Family'")
    role: str | None = Field(None, description="position or group designation as the text gives it")
    organisation: str | None = Field(None, description="organisation's name as the text gives it")
    country: CountryCode | None = Field(None, description="ISO 3166 code of the party's country")
    address: str | None = Field(None, description="postal address as printed")
    email: str | None = Field(None, description="e-mail address")
    phone: str | None = Field(None, description="phone and fax numbers joined with ', '")
    person: str | None = Field(None, description="the person's id in the people table")
    organisation_id: str | None = Field(None, description="the organisation's id in the organisations table")
    start: int | None = Field(None, ge=0, description="evidence: start of the party's text")
    end: int | None = Field(None, ge=0, description="evidence: end of the party's text")


class AboutRow(Row):
    """A person or organisation a letter is about: one it defends or accuses."""

    resource = "letter_about"
    resource_title = "Who letters are about"
    primary_key = ("letter", "order")
    foreign_keys = (
        (("letter",), "letters", ("id",)),
        (("person",), "people", ("id",)),
        (("organisation_id",), "organisations", ("id",)),
    )

    letter: str = LETTER_ID
    order: int = Field(ge=1, description="order among the letter's entries, from 1")
    name: str | None = Field(None, description="a person's name as the letter gives it, 'Given Family'")
    role: str | None = Field(None, description="position or group designation as the text gives it")
    organisation: str | None = Field(None, description="organisation's name as the text gives it")
    country: CountryCode | None = Field(None, description="ISO 3166 code of the entry's country")
    address: str | None = Field(None, description="postal address as printed")
    email: str | None = Field(None, description="e-mail address")
    phone: str | None = Field(None, description="phone and fax numbers joined with ', '")
    person: str | None = Field(None, description="the person's id in the people table")
    organisation_id: str | None = Field(None, description="the organisation's id in the organisations table")
    start: int | None = Field(None, ge=0, description="evidence: start of the entry's text")
    end: int | None = Field(None, ge=0, description="evidence: end of the entry's text")


class DemandRow(Row):
    """One demand of a letter."""

    resource = "demands"
    resource_title = "Demands"
    primary_key = ("letter", "order")
    foreign_keys = ((("letter",), "letters", ("id",)),)

    letter: str = LETTER_ID
    order: int = Field(ge=1, description="order among the letter's demands, from 1")
    text: str = Field(min_length=1, description="the demand's words as they stand, lead-in trimmed")
    category: DemandCategory = Field(strict=False, description="what the demand asks for")
    target: str | None = Field(None, description="who is asked to act, when the text says")
    start: int | None = Field(None, ge=0, description="evidence: start of the demand's text")
    end: int | None = Field(None, ge=0, description="evidence: end of the demand's text")


# In dependency order: a resource comes after those its foreign keys refer to.
ROW_MODELS: tuple[type[Row], ...] = (
    SourceRow,
    LetterRow,
    OrganisationRow,
    PersonRow,
    MembershipRow,
    OtherNameRow,
    PartyRow,
    AboutRow,
    DemandRow,
)
