"""Organisations, people and their memberships: the registry's models, after the Popolo standard.

One registry file (`registry/organisations/ID.yaml`, `registry/people/ID.yaml`)
is one of these models. Identifiers are only those a text gives or a curator
adds, never guessed; `distinct_from` records a curator's decision that two
entities that look alike are different.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, field_validator, model_validator

from kzlabour.models.base import CountryCode, KzModel, LanguageCode, PartialDate

__all__ = [
    "ENTITY_ID_PATTERN",
    "Classification",
    "ContactDetail",
    "ContactType",
    "Identifier",
    "Membership",
    "Organisation",
    "OtherName",
    "Person",
]

ENTITY_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class Classification(StrEnum):
    """What kind of body an organisation is."""

    trade_union = "trade-union"
    union_federation = "union-federation"
    union_confederation = "union-confederation"
    political_party = "political-party"
    government_body = "government-body"
    embassy = "embassy"
    company = "company"
    ngo = "ngo"
    conference = "conference"
    movement = "movement"
    media = "media"


class ContactType(StrEnum):
    """The kind of a contact detail."""

    address = "address"
    email = "email"
    phone = "phone"
    fax = "fax"
    website = "website"


def _not_blank(value: str | None) -> str | None:
    if value is not None and not value.strip():
        raise ValueError("an empty string is not a value: leave the key out")
    return value


class OtherName(KzModel):
    """Another name of an entity: a translation, spelling, transliteration or abbreviation."""

    name: str = Field(min_length=1, description="the name as written")
    lang: LanguageCode | None = Field(None, description="ISO 639-1 code of the name's language")
    note: str | None = Field(None, description="what the name is: abbreviation, spelling, former name, ...")

    _check = field_validator("note")(_not_blank)


class Identifier(KzModel):
    """An identifier an authority gives the entity (a text or a curator states it, never guessed)."""

    scheme: str = Field(min_length=1, description="who issues it: wikidata, bin, ilo, ...")
    identifier: str = Field(min_length=1, description="the identifier's value")


class ContactDetail(KzModel):
    """A way to reach an organisation: address, e-mail, phone, fax or website."""

    type: ContactType = Field(strict=False, description="address, email, phone, fax or website")
    value: str = Field(min_length=1, description="the contact detail as printed")


class Membership(KzModel):
    """A person's membership of, or post in, an organisation."""

    organisation: str = Field(pattern=ENTITY_ID_PATTERN, description="the organisation's registry id")
    post: str | None = Field(None, description="the post held, as the text gives it ('General Secretary')")
    start_date: PartialDate | None = Field(None, description="when the membership began, where known")
    end_date: PartialDate | None = Field(None, description="when it ended, where known")
    letter: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9_.-]+/[0-9]+$",
        description="id of a letter that attests the membership",
    )

    _check = field_validator("post")(_not_blank)


class _Entity(KzModel):
    id: str = Field(pattern=ENTITY_ID_PATTERN, description="stable identifier (slug), unique in the registry")
    name: str = Field(min_length=1, description="the name the dataset uses")
    other_names: tuple[OtherName, ...] = Field(
        (), strict=False, description="translations, spellings and abbreviations"
    )
    country: CountryCode | None = Field(None, description="ISO 3166 code of the entity's country")
    identifiers: tuple[Identifier, ...] = Field((), strict=False, description="identifiers (scheme, value)")
    distinct_from: tuple[str, ...] = Field(
        (), strict=False, description="ids of entities a curator has decided are different from this one"
    )
    note: str | None = Field(None, description="a curator's note")

    @field_validator("distinct_from")
    @classmethod
    def _ids(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        import re

        for item in value:
            if not re.fullmatch(ENTITY_ID_PATTERN, item):
                raise ValueError(f"{item!r} is not an entity id")
        return value

    def names(self) -> tuple[str, ...]:
        """The name and every other name, the name first."""
        return (self.name, *(o.name for o in self.other_names))


class Organisation(_Entity):
    """An organisation: a union, federation, party, government body, embassy, company, ..."""

    classification: Classification | None = Field(None, strict=False, description="what kind of body it is")
    parent: str | None = Field(
        None, pattern=ENTITY_ID_PATTERN, description="id of the organisation it belongs to"
    )
    contact_details: tuple[ContactDetail, ...] = Field(
        (), strict=False, description="address, e-mail, phone, website"
    )

    @model_validator(mode="after")
    def _not_own_parent(self) -> Organisation:
        if self.parent == self.id:
            raise ValueError(f"{self.id!r} cannot be its own parent")
        return self


class Person(_Entity):
    """A person."""

    given_name: str | None = Field(None, description="given name(s)")
    family_name: str | None = Field(None, description="family name")
    memberships: tuple[Membership, ...] = Field(
        (), strict=False, description="organisations the person belongs to or holds a post in"
    )

    _check = field_validator("given_name", "family_name")(_not_blank)
