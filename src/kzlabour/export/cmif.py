"""The letters as TEI correspondence metadata in the Correspondence Metadata Interchange Format (CMIF).

One TEI document: the header CMIF requires (title, editor, publisher, `idno`
of type url, date, CC BY licence, one `bibl` per source text) and a
`correspDesc` per letter in `profileDesc`, each with a `correspAction` of type
`sent` (senders — or signatories when the letter names no sender —, place and
date) and `received` (recipients). A partial date becomes `notBefore` and
`notAfter`. Names carry `ref` with authority URIs where the registry has
identifiers, and `key` with the package's own id.
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kzlabour.export.authority import authority_refs
from kzlabour.export.common import ExportResult, dataset_tables, licence, title, write_atomic

if TYPE_CHECKING:
    from kzlabour.loader import Dataset
    from kzlabour.models.rows import LetterRow, PartyRow, SourceRow

__all__ = ["TEI_NS", "date_attributes", "export_cmif"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
CMIF_LICENCES = {
    "https://creativecommons.org/licenses/by/4.0/": "This file is licensed under the terms of the "
    "Creative-Commons-License CC-BY 4.0",
    "https://creativecommons.org/publicdomain/zero/1.0/": "This file is licensed under the terms of the "
    "Creative-Commons-License CC0 1.0",
}


# characters XML 1.0 does not allow (controls, lone surrogates, U+FFFE/U+FFFF): replaced by U+FFFD
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml(value: str) -> str:
    return _NOT_XML.sub("\ufffd", value)


def _el(parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    name = f"{{{TEI_NS}}}{tag}"
    attrs = {k: _xml(v) for k, v in attrs.items()}
    el = ET.Element(name, attrs) if parent is None else ET.SubElement(parent, name, attrs)
    if text is not None:
        el.text = _xml(text)
    return el


def date_attributes(date: str) -> dict[str, str]:
    """TEI date attributes: `when` for a full date, `notBefore`/`notAfter` for a year or a month."""
    parts = date.split("-")
    if len(parts) == 3:
        return {"when": date}
    year = int(parts[0])
    if len(parts) == 2:
        month = int(parts[1])
        last = calendar.monthrange(year, month)[1]
        return {"notBefore": f"{date}-01", "notAfter": f"{date}-{last:02d}"}
    return {"notBefore": f"{date}-01-01", "notAfter": f"{date}-12-31"}


def _bibl_id(source: str) -> str:
    """An xml:id (an NCName) for a source text's bibl."""
    stem = source.rsplit(".", 1)[0]
    return "source-" + "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in stem)


def _header(
    root: ET.Element,
    dataset: Dataset,
    sources: Sequence[SourceRow],
    *,
    url: str,
    editor: str,
    email: str | None,
    publisher: str,
) -> ET.Element:
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", f"{title(dataset)} (correspondence metadata, version {dataset.version})")
    editor_el = _el(title_stmt, "editor", editor)
    if email:
        _el(editor_el, "email", email)
    publication = _el(file_desc, "publicationStmt")
    publisher_el = _el(publication, "publisher")
    _el(publisher_el, "ref", publisher, target=url)
    _el(publication, "idno", url, type="url")
    created = str(dataset.descriptor.get("created") or "")
    _el(publication, "date", when=created) if created else _el(publication, "date")
    availability = _el(publication, "availability")
    lic = licence(dataset)
    target = lic.get("path", "")
    _el(availability, "licence", CMIF_LICENCES.get(target, lic.get("title", "")), target=target)
    source_desc = _el(file_desc, "sourceDesc")
    for src in sources:
        bibl = _el(source_desc, "bibl", src.title, type="online")
        bibl.set(XML_ID, _bibl_id(src.file))
        if src.url:
            bibl.text = _xml(f"{src.title}. ")
            _el(bibl, "ref", src.url, target=src.url)
    return header


def _name(parent: ET.Element, party: PartyRow, refs: Mapping[tuple[str, str], str]) -> None:
    """persName for a person (or a role alone), orgName for an organisation; key = id, ref = authority."""
    if party.name or not party.organisation:
        el = _el(parent, "persName", party.name or party.role or "")
        resource, key = "people", party.person
    else:
        el = _el(parent, "orgName", party.organisation)
        resource, key = "organisations", party.organisation_id
    if key:
        el.set("key", _xml(key))
        if (resource, key) in refs:
            el.set("ref", _xml(refs[(resource, key)]))


def _correspondence(
    profile: ET.Element,
    letter: LetterRow,
    parties: Mapping[str, Sequence[PartyRow]],
    refs: Mapping[tuple[str, str], str],
    url: str | None,
) -> None:
    desc = _el(profile, "correspDesc", key=letter.id, source=f"#{_bibl_id(letter.source)}")
    if url:
        desc.set("ref", _xml(url))
    sent = _el(desc, "correspAction", type="sent")
    for party in parties.get("sender") or parties.get("signatory") or ():
        _name(sent, party, refs)
    if letter.place:
        _el(sent, "placeName", letter.place)
    if letter.date:
        _el(sent, "date", **date_attributes(letter.date))
    received = _el(desc, "correspAction", type="received")
    for party in parties.get("recipient", ()):
        _name(received, party, refs)


def _parties_by_letter(rows: Iterable[PartyRow]) -> dict[str, dict[str, list[PartyRow]]]:
    grouped: dict[str, dict[str, list[PartyRow]]] = defaultdict(lambda: defaultdict(list))
    for row in sorted(rows, key=lambda r: r.order):
        grouped[row.letter][str(row.kind.value)].append(row)
    return grouped


def cmif_tree(
    dataset: Dataset, *, url: str, editor: str | None = None, email: str | None = None, publisher: str = ""
) -> ET.ElementTree:
    """The CMIF document as an ElementTree (see `export_cmif`)."""
    tables = dataset_tables(dataset)
    contributors: list[Any] = dataset.descriptor.get("contributors") or [{}]
    editor = editor or str(contributors[0].get("title") or "kzlabour contributors")
    ET.register_namespace("", TEI_NS)
    root = _el(None, "TEI")
    header = _header(
        root, dataset, tables.sources, url=url, editor=editor, email=email, publisher=publisher or editor
    )
    profile = _el(header, "profileDesc")
    parties = _parties_by_letter(tables.letter_parties)
    refs = authority_refs(dataset)
    urls = {s.file: s.url for s in tables.sources}
    for letter in tables.letters:
        _correspondence(profile, letter, parties.get(letter.id, {}), refs, urls.get(letter.source))
    body = _el(_el(root, "text"), "body")
    _el(body, "p")
    return ET.ElementTree(root)


def export_cmif(
    dataset: Dataset,
    out: str | Path,
    *,
    url: str | None = None,
    editor: str | None = None,
    email: str | None = None,
    publisher: str = "",
) -> ExportResult:
    """Write the CMIF file `out`.

    `url`: where the file will be published (CMIF's `idno`; default: the file's own file: URI —
    set it before submitting the file to an aggregator). `editor`, `email`, `publisher`: the
    header's people (default: the package's contributors).
    """
    out = Path(out)
    tree = cmif_tree(
        dataset, url=url or out.resolve().as_uri(), editor=editor, email=email, publisher=publisher
    )
    root = tree.getroot()
    assert root is not None
    ET.indent(root, space=" ")
    data = (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
    ).encode()
    write_atomic(out, data)
    letters = len(dataset_tables(dataset).letters)
    result = ExportResult("cmif", [out], {"correspDesc": letters})
    if url is None:
        result.notes.append("idno is the file's own path: pass --url with its published address")
    return result
