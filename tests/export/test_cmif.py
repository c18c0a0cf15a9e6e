"""The CMIF export, checked element by element as the CMIF documentation describes the format."""

from __future__ import annotations

import calendar
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kzlabour.export import export_cmif
from kzlabour.export.authority import authority_uri
from kzlabour.export.cmif import date_attributes
from kzlabour.loader import Dataset
from kzlabour.tables import Tables

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
URL = "https://example.org/kzlabour/cmif.xml"


@pytest.fixture(scope="module")
def tree(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> ET.Element:
    out = tmp_path_factory.mktemp("cmif") / "kzlabour-cmif.xml"
    result = export_cmif(dataset, out, url=URL, editor="Jane Editor", email="jane@example.org")
    assert result.counts == {"correspDesc": len(dataset.letters)}
    data = out.read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(data)  # well-formed, or this raises


def one(parent: ET.Element, path: str) -> ET.Element:
    found = parent.findall(path, NS)
    assert len(found) == 1, f"{path}: {len(found)} elements"
    return found[0]


def test_root_and_header_as_cmif_requires(tree: ET.Element, dataset: Dataset) -> None:
    assert tree.tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert [child.tag.split("}")[1] for child in tree] == ["teiHeader", "text"]
    file_desc = one(tree, "tei:teiHeader/tei:fileDesc")
    assert [c.tag.split("}")[1] for c in file_desc] == ["titleStmt", "publicationStmt", "sourceDesc"]
    assert (one(file_desc, "tei:titleStmt/tei:title").text or "").startswith(str(dataset.descriptor["title"]))
    editor = one(file_desc, "tei:titleStmt/tei:editor")
    assert editor.text == "Jane Editor" and one(editor, "tei:email").text == "jane@example.org"
    publication = one(file_desc, "tei:publicationStmt")
    assert one(publication, "tei:publisher/tei:ref").get("target") == URL
    idno = one(publication, "tei:idno")
    assert (idno.get("type"), idno.text) == ("url", URL)
    assert one(publication, "tei:date").get("when") == dataset.descriptor["created"]
    lic = one(publication, "tei:availability/tei:licence")
    assert lic.get("target") == "https://creativecommons.org/licenses/by/4.0/"
    assert lic.text == "This file is licensed under the terms of the Creative-Commons-License CC-BY 4.0"
    bibls = file_desc.findall("tei:sourceDesc/tei:bibl", NS)
    assert [b.get("type") for b in bibls] == ["online"] * len(dataset.tables.sources)  # type: ignore[union-attr]
    assert all(b.get(XML_ID) and b.text for b in bibls)
    assert one(tree, "tei:text/tei:body/tei:p") is not None


def test_one_correspdesc_per_letter_with_senders_recipients_place_date(
    tree: ET.Element, dataset: Dataset
) -> None:
    descs = tree.findall("tei:teiHeader/tei:profileDesc/tei:correspDesc", NS)
    assert dataset.tables is not None
    assert [d.get("key") for d in descs] == [row.id for row in dataset.tables.letters]
    bibl_ids = {b.get(XML_ID) for b in tree.iter("{http://www.tei-c.org/ns/1.0}bibl")}
    for desc, letter in zip(descs, dataset.letters, strict=True):
        assert desc.get("source", "")[1:] in bibl_ids and desc.get("source", "").startswith("#")
        actions = desc.findall("tei:correspAction", NS)
        assert [a.get("type") for a in actions] == ["sent", "received"]
        sent, received = actions
        senders = letter.senders or letter.signatories
        names = [el.text for el in sent if el.tag.endswith(("persName", "orgName"))]
        assert names == [p.name or p.organisation or p.role for p in senders]
        got = [el.text for el in received if el.tag.endswith(("persName", "orgName"))]
        assert got == [p.name or p.organisation or p.role for p in letter.recipients]
        place = sent.findall("tei:placeName", NS)
        assert [p.text for p in place] == ([letter.place] if letter.place else [])
        dates = sent.findall("tei:date", NS)
        assert [d.attrib for d in dates] == ([date_attributes(letter.date)] if letter.date else [])
        for el in [*sent, *received]:
            if el.tag.endswith("orgName"):
                assert el.get("key") in {o.id for o in dataset.organisations}
            if el.tag.endswith("persName") and el.get("key"):
                assert el.get("key") in {p.id for p in dataset.people}


def test_the_seed_letters_as_cmif_says_them(tree: ET.Element) -> None:
    desc = next(
        d
        for d in tree.iter("{http://www.tei-c.org/ns/1.0}correspDesc")
        if d.get("key", "").startswith("001_")
    )
    sent = one(desc, "tei:correspAction[@type='sent']")
    assert one(sent, "tei:orgName").text == "International Trade Union Confederation"
    assert one(sent, "tei:placeName").text == "Brussels"
    assert one(sent, "tei:date").attrib == {"when": "2012-06-27"}
    assert one(desc, "tei:correspAction[@type='received']/tei:persName").text == "Nursultan Nazarbayev"


@given(st.dates(min_value=__import__("datetime").date(1000, 1, 1)))
def test_partial_dates_become_not_before_and_not_after(day: object) -> None:
    iso = str(day)
    assert date_attributes(iso) == {"when": iso}
    year, month = int(iso[:4]), int(iso[5:7])
    last = calendar.monthrange(year, month)[1]
    assert date_attributes(iso[:7]) == {"notBefore": f"{iso[:7]}-01", "notAfter": f"{iso[:7]}-{last:02d}"}
    assert date_attributes(iso[:4]) == {"notBefore": f"{iso[:4]}-01-01", "notAfter": f"{iso[:4]}-12-31"}
    assert date_attributes(iso[:7])["notBefore"] <= iso <= date_attributes(iso[:7])["notAfter"]


def test_partial_letter_dates_in_the_file(dataset: Dataset, tmp_path: Path) -> None:
    assert dataset.tables is not None
    letters = [dataset.tables.letters[0].model_copy(update={"date": "2012-02"}), *dataset.tables.letters[1:]]
    tables = Tables(**{**dataset.tables.__dict__, "letters": letters})
    export_cmif(replace(dataset, tables=tables), tmp_path / "c.xml", url=URL)
    date = next(ET.parse(tmp_path / "c.xml").getroot().iter("{http://www.tei-c.org/ns/1.0}date"))
    first_letter_date = [
        d
        for d in ET.parse(tmp_path / "c.xml").getroot().iter("{http://www.tei-c.org/ns/1.0}date")
        if d.get("notBefore")
    ]
    assert date.get("when") == dataset.descriptor["created"]  # the header's date comes first
    assert first_letter_date[0].attrib == {"notBefore": "2012-02-01", "notAfter": "2012-02-29"}


def test_authority_refs_where_the_registry_has_identifiers(dataset: Dataset, tmp_path: Path) -> None:
    assert dataset.tables is not None
    ituc = next(o for o in dataset.tables.organisations if o.id == "ituc")
    orgs = [
        o.model_copy(update={"identifiers": "wikidata:Q1140587 | bin:123"}) if o is ituc else o
        for o in dataset.tables.organisations
    ]
    tables = Tables(**{**dataset.tables.__dict__, "organisations": orgs})
    export_cmif(replace(dataset, tables=tables), tmp_path / "c.xml", url=URL)
    root = ET.parse(tmp_path / "c.xml").getroot()
    refs = {el.get("key"): el.get("ref") for el in root.iter() if el.get("key") and el.tag.endswith("Name")}
    assert refs["ituc"] == "http://www.wikidata.org/entity/Q1140587"
    assert all(ref is None for key, ref in refs.items() if key != "ituc")  # never guessed


def test_authority_uris() -> None:
    assert authority_uri("viaf", "12345") == "http://viaf.org/viaf/12345"
    assert authority_uri("GND", "118540238") == "https://d-nb.info/gnd/118540238"
    assert authority_uri("bin", "123") is None
    assert authority_uri("website", "https://ituc-csi.org") == "https://ituc-csi.org"


def test_default_idno_is_the_file_and_says_so(dataset: Dataset, tmp_path: Path) -> None:
    result = export_cmif(dataset, tmp_path / "c.xml")
    assert "idno is the file's own path: pass --url with its published address" in result.notes
    idno = ET.parse(tmp_path / "c.xml").getroot().find(".//tei:idno", NS)
    assert idno is not None and idno.text == (tmp_path / "c.xml").resolve().as_uri()


def test_characters_xml_forbids_are_replaced_not_written(dataset: Dataset, tmp_path: Path) -> None:
    assert dataset.tables is not None
    parties = [
        p.model_copy(update={"name": "Page\x0cbreak\ufffe"}) if i == 0 else p
        for i, p in enumerate(dataset.tables.letter_parties)
    ]
    tables = Tables(**{**dataset.tables.__dict__, "letter_parties": parties})
    export_cmif(replace(dataset, tables=tables), tmp_path / "c.xml", url=URL)
    root = ET.parse(tmp_path / "c.xml").getroot()  # well-formed despite the form feed
    assert "Page\ufffdbreak\ufffd" in [el.text for el in root.iter("{http://www.tei-c.org/ns/1.0}persName")]
