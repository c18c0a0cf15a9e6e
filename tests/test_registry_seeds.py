"""The seed letters through `kzlabour.load()`: one entity per organisation and person, found in any
script or spelling, with memberships, `about` and foreign keys that hold."""

from __future__ import annotations

from collections import Counter

import pytest

import kzlabour
from kzlabour.loader import Dataset
from kzlabour.registry.views import EntityNotFound
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return kzlabour.load()


def _linked(ds: Dataset, letter: str, kind: str, order: int) -> tuple[str | None, str | None]:
    assert ds.tables is not None
    row = next(
        r
        for r in ds.tables.letter_parties
        if r.letter == letter and r.kind.value == kind and r.order == order
    )
    return row.person, row.organisation_id


def test_nazarbayev_is_one_person_in_every_spelling(ds: Dataset) -> None:
    assert _linked(ds, "001_0a33f0e0e450462f/1", "recipient", 1)[0] == "nursultan-nazarbayev"
    assert _linked(ds, "003_86e31947b8a57ab1/1", "recipient", 1)[0] == "nursultan-nazarbayev"  # "Nazarbaev"
    assert _linked(ds, "003_86e31947b8a57ab1/2", "contact", 1)[0] == "nursultan-nazarbayev"
    for query in ("Назарбаев", "Nazarbaev", "Nazarbayev", "Нұрсұлтан Назарбаев"):
        assert ds.find(query)[0].id == "nursultan-nazarbayev", query
    person = ds.person("nursultan-nazarbayev")
    assert person.country == "KZ" and person.family_name == "Nazarbayev"
    assert [letter.source.path for letter in person.letters] == [
        "001_0a33f0e0e450462f.txt",
        "003_86e31947b8a57ab1.txt",
        "003_86e31947b8a57ab1.txt",
    ]


def test_sokolova_is_found_as_sokolava_and_is_what_002_is_about(ds: Dataset) -> None:
    assert ds.find("Sokolava")[0].id == "natalia-sokolova"
    assert ds.find("Наталья Соколова")[0].id == "natalia-sokolova"
    letter = ds.letters[2]
    assert [p.name or p.organisation for p in letter.about] == [
        "Natalia Sokolova",
        "Aisula Amangeldieva",
        "KazMunauGaz",
    ]
    assert ds.person("natalia-sokolova").letters == [letter]
    assert ds.organisation("kazmunaygas").letters == [letter]
    assert ds.tables is not None
    about = {(r.person, r.organisation_id) for r in ds.tables.letter_about}
    assert ("natalia-sokolova", None) in about and (None, "kazmunaygas") in about


def test_amanat_has_its_kazakh_russian_and_english_names(ds: Dataset) -> None:
    amanat = ds.organisation("amanat")
    assert {o.lang for o in amanat.other_names} >= {"kk", "ru", "en"}
    assert ds.find("Аманат")[0].id == "amanat"
    assert ds.find("AMANAT SPK Trade Union")[0].id == "amanat"
    assert amanat.email == "amanat.prof.kz@gmail.com"
    assert amanat.classification is not None and amanat.classification.value == "union-federation"
    assert [letter.source.path for letter in amanat.letters] == ["000_efc21f632b1710fe.txt"]


def test_ituc_sends_its_letter_and_has_its_officers(ds: Dataset) -> None:
    ituc = ds.organisation("ituc")
    assert ituc.name == "International Trade Union Confederation"
    assert [letter.source.path for letter in ituc.letters] == ["001_0a33f0e0e450462f.txt"]
    assert _linked(ds, "001_0a33f0e0e450462f/1", "sender", 1) == (None, "ituc")
    assert {(m.person, m.post) for m in ituc.members} == {
        ("sharan-burrow", "General Secretary"),
        ("michael-sommer", "President"),
    }
    assert ds.find("ITUC")[0].id == "ituc"
    assert ds.find("International Trade Union Confederation")[0].id == "ituc"
    assert [(m.organisation, m.post) for m in ds.person("michael-sommer").memberships] == [
        ("ituc", "President")
    ]


def test_the_federation_of_trade_unions_of_kazakhstan(ds: Dataset) -> None:
    fprk = ds.organisation("fprk")
    assert _linked(ds, "001_0a33f0e0e450462f/1", "copy", 1) == ("s-mukashev", "fprk")
    assert [(m.person, m.post) for m in fprk.members] == [("s-mukashev", "President")]
    assert ds.find("ФПРК")[0].id == "fprk"
    assert ds.find("Federation of Trade Unions of Kazakhstan")[0].id == "fprk"


def test_the_1999_signatories_have_organisations_and_countries_and_no_duplicate(ds: Dataset) -> None:
    assert ds.tables is not None
    rows = [
        r
        for r in ds.tables.letter_parties
        if r.letter == "003_86e31947b8a57ab1/1" and r.kind.value == "signatory"
    ]
    assert len(rows) == 60 and all(r.person for r in rows)
    people = Counter(r.person for r in rows)
    assert people["anna-m-spadari"] == 2  # "Anna M." and "Anna-Maria": one person
    assert people["erwin-salazar"] == 2  # "ERWIN, Salazar" and "SALAZAR, Erwin": curated as one
    assert len(people) == 58
    for row in rows:  # each new person takes the country the list gives (Salazar's two disagree)
        assert ds.person(row.person or "").country == (None if row.person == "erwin-salazar" else row.country)
    swiss = {r.organisation_id for r in rows if r.country == "CH" and r.organisation_id}
    assert {"ssp", "ucpo", "swiss-socialist-party"} <= swiss
    assert "ssp" != "swiss-socialist-party"
    # two "Labour Party" in two countries are two organisations
    assert _linked(ds, "003_86e31947b8a57ab1/1", "signatory", 21)[1] == "parti-des-travailleurs"
    assert _linked(ds, "003_86e31947b8a57ab1/1", "signatory", 49)[1] == "partido-dos-trabalhadores"
    posts = {(m.person, m.organisation, m.post) for m in ds.tables.memberships}
    assert ("hussein-taffazul", "bjsf", "President") in posts


def test_every_link_is_a_row_and_every_name_is_linked(ds: Dataset) -> None:
    assert ds.tables is not None
    people = {p.id for p in ds.people}
    orgs = {o.id for o in ds.organisations}
    assert not people & orgs
    for row in [*ds.tables.letter_parties, *ds.tables.letter_about]:
        assert (row.person is not None) == (row.name is not None), row
        assert (row.organisation_id is not None) == (row.organisation is not None), row
        assert row.person is None or row.person in people
        assert row.organisation_id is None or row.organisation_id in orgs
    curated = {o.id for o in ds.organisations if o.curated} | {p.id for p in ds.people if p.curated}
    assert len(curated) == len(list((ROOT / "registry").rglob("*.yaml")))


def test_unknown_ids_name_the_way_to_find_one(ds: Dataset) -> None:
    with pytest.raises(EntityNotFound, match=r"no organisation 'nope'; `ds.find\(name\)` finds one by name"):
        ds.organisation("nope")
    with pytest.raises(EntityNotFound, match="no person 'ituc'"):
        ds.person("ituc")
    assert ds.find("") == []
