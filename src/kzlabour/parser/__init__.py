"""The parser: a pure function from a source text to the letters it holds.

decode -> segment -> header -> parties -> demands -> Letter. Each step lives
in its own module; vocabularies live in `lexicon/` data files.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from kzlabour.models import Evidence, Letter, Source
from kzlabour.parser.about import read_about
from kzlabour.parser.decode import decode
from kzlabour.parser.demands import read_demands
from kzlabour.parser.document import Segment
from kzlabour.parser.header import read_header
from kzlabour.parser.parties import read_parties
from kzlabour.parser.segment import segment

__all__ = ["PARSER_VERSION", "parse", "parse_bytes", "parse_file"]

# Bump whenever the parser's output may change: cached parse results are keyed on it.
PARSER_VERSION = "0.1.0"


def parse(
    text: str,
    source: str | None = None,
    sha256: str | None = None,
    *,
    spans: Sequence[tuple[int, int]] | None = None,
) -> list[Letter]:
    """The letters in `text`, in order of appearance; [] when it holds none.

    `source` names the file in each letter's provenance (default "<text>");
    `sha256` is the hash of the stored bytes (default: of `text` as UTF-8);
    `spans` (curation) fixes the letters' spans instead of the parser's segmentation.
    Pure: the same arguments always give the same letters. Never raises on any string.
    """
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    name = source or "<text>"
    segments = segment(text) if spans is None else [Segment(text, s, e) for s, e in spans]
    return [_read_letter(seg, name, digest) for seg in segments]


def parse_bytes(data: bytes, source: str = "<bytes>") -> list[Letter]:
    """Decode stored bytes (BOM, UTF-8, else detected legacy code page) and parse them."""
    decoded = decode(data, source)
    return parse(decoded.text, source, hashlib.sha256(data).hexdigest())


def parse_file(path: str | Path) -> list[Letter]:
    """Read a source file and parse it; letters name the file by its base name."""
    p = Path(path)
    return parse_bytes(p.read_bytes(), p.name)


def _read_letter(seg: Segment, name: str, digest: str) -> Letter:
    header = read_header(seg)
    parties = read_parties(seg, header.language)
    demands = read_demands(seg, header.language, parties)
    return Letter(
        date=header.date,
        place=header.place,
        reference=header.reference,
        language=header.language,
        title=header.title,
        senders=parties.senders,
        signatories=parties.signatories,
        recipients=parties.recipients,
        copies=parties.copies,
        contacts=parties.contacts,
        demands=demands,
        about=read_about(seg, parties, demands),
        flags=header.flags,
        source=Source(path=name, sha256=digest, start=seg.start, end=seg.end),
        evidence=Evidence(**header.spans),
    )
