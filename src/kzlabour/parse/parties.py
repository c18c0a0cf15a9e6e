"""Parties of a letter: senders, signatories, recipients, copies and contacts."""

from __future__ import annotations

from dataclasses import dataclass

from kzlabour.models import Party
from kzlabour.parse.document import Segment

__all__ = ["Parties", "read_parties"]


@dataclass(frozen=True)
class Parties:
    senders: tuple[Party, ...] = ()
    signatories: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()
    copies: tuple[Party, ...] = ()
    contacts: tuple[Party, ...] = ()


def read_parties(seg: Segment, language: str | None) -> Parties:
    """First version: finds no parties."""
    return Parties()
