"""The curated registry: reading and checking its files, and resolution respecting curators' decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlabour.models import Letter, Party, Source
from kzlabour.registry import Registry, RegistryError, read_registry, resolve_letters
from kzlabour.tables import letters_with_ids
from tests.conftest import ROOT

SHA = "0" * 64


def _write(root: Path, kind: str, entity_id: str, text: str) -> Path:
    path = root / "registry" / kind / f"{entity_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _letter(*parties: Party, about: tuple[Party, ...] = ()) -> Letter:
    return Letter(signatories=parties, about=about, source=Source(path="a.txt", sha256=SHA, start=0, end=10))


def test_the_repository_registry_reads() -> None:
    registry = read_registry(ROOT)
    assert "ituc" in registry.organisations and "nursultan-nazarbayev" in registry.people
    assert registry.files["ituc"].endswith("registry/organisations/ituc.yaml")


def test_an_absent_registry_is_empty(tmp_path: Path) -> None:
    assert read_registry(tmp_path) == Registry()


@pytest.mark.parametrize(
    ("kind", "entity_id", "text", "message"),
    [
        (
            "people",
            "a-b",
            "id: a-c\nname: A B\n",
            "id 'a-c' differs from the file name; name the file a-c.yaml",
        ),
        ("people", "a-b", "id: a-b\nname: A B\ncolour: red\n", "colour: Extra inputs are not permitted"),
        (
            "people",
            "a-b",
            "id: a-b\nname: A B\ncountry: XX\n",
            "country: Value error, 'XX' is not a country code",
        ),
        (
            "organisations",
            "u",
            "id: u\nname: U\nclassification: club\n",
            "classification: Input should be 'trade-union'",
        ),
        (
            "organisations",
            "u",
            "id: u\nname: U\nparent: v\n",
            "parent 'v' is not an organisation of the registry",
        ),
        ("organisations", "u", "id: u\nname: U\nparent: u\n", "'u' cannot be its own parent"),
        (
            "people",
            "a-b",
            "id: a-b\nname: A B\nmemberships: [{organisation: nope}]\n",
            "membership of 'nope', which is not an organisation of the registry",
        ),
        (
            "people",
            "a-b",
            "id: a-b\nname: A B\ndistinct_from: [c-d]\n",
            "distinct_from 'c-d': no such entity",
        ),
        (
            "people",
            "a-b",
            "id: a-b\nname: A B\ndistinct_from: [a-b]\n",
            "distinct_from names the entity itself",
        ),
        (
            "people",
            "a-b",
            "id: a-b\nname: A B\nother_names: [{name: X, note: ''}]\n",
            "an empty string is not a value",
        ),
    ],
)
def test_a_bad_registry_file_is_named_with_its_problem(
    tmp_path: Path, kind: str, entity_id: str, text: str, message: str
) -> None:
    path = _write(tmp_path, kind, entity_id, text)
    with pytest.raises(RegistryError) as exc:
        read_registry(tmp_path)
    assert str(exc.value).startswith(str(path))
    assert message in str(exc.value)


def test_an_id_used_twice_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "organisations", "x", "id: x\nname: X Union\n")
    _write(tmp_path, "people", "x", "id: x\nname: X Person\n")
    with pytest.raises(
        RegistryError, match=r"people/x.yaml: id 'x' is already used by .*organisations/x.yaml"
    ):
        read_registry(tmp_path)


def test_two_entities_sharing_a_name_need_countries_or_a_decision(tmp_path: Path) -> None:
    _write(tmp_path, "organisations", "lp1", "id: lp1\nname: Labour Party\n")
    _write(tmp_path, "organisations", "lp2", "id: lp2\nname: Labour Party\n")
    with pytest.raises(RegistryError, match="name 'labour party' is also a name of 'lp1'; if they are one"):
        read_registry(tmp_path)
    _write(tmp_path, "organisations", "lp2", "id: lp2\nname: Labour Party\ndistinct_from: [lp1]\n")
    assert set(read_registry(tmp_path).organisations) == {"lp1", "lp2"}
    _write(tmp_path, "organisations", "lp1", "id: lp1\nname: Labour Party\ncountry: FR\n")
    _write(tmp_path, "organisations", "lp2", "id: lp2\nname: Labour Party\ncountry: GB\n")
    assert set(read_registry(tmp_path).organisations) == {"lp1", "lp2"}


def test_a_curated_alias_says_same_and_distinct_from_says_different(tmp_path: Path) -> None:
    _write(tmp_path, "people", "erwin-salazar", "id: erwin-salazar\nname: Erwin Salazar\n")
    _write(tmp_path, "people", "natalia-sokolova", "id: natalia-sokolova\nname: Natalia Sokolova\n")
    letters = [_letter(Party(name="Salazar Erwin", country="PE"), Party(name="Natalia Sokolava"))]
    first = resolve_letters(letters_with_ids(letters), read_registry(tmp_path))
    assert [first.link("a/1", "signatories", n)[0] for n in (1, 2)] == ["erwin-salazar", "natalia-sokolova"]
    # the curator decides: Sokolava is another woman, Salazar Erwin another man
    _write(
        tmp_path,
        "people",
        "natalia-sokolava",
        "id: natalia-sokolava\nname: Natalia Sokolava\ndistinct_from: [natalia-sokolova]\n",
    )
    _write(
        tmp_path,
        "people",
        "salazar-erwin",
        "id: salazar-erwin\nname: Salazar Erwin\ngiven_name: Salazar\ndistinct_from: [erwin-salazar]\n",
    )
    second = resolve_letters(letters_with_ids(letters), read_registry(tmp_path))
    assert [second.link("a/1", "signatories", n)[0] for n in (1, 2)] == ["salazar-erwin", "natalia-sokolava"]


def test_unmatched_names_become_new_entities_with_unique_ids(tmp_path: Path) -> None:
    _write(tmp_path, "organisations", "labour-party", "id: labour-party\nname: Labour Party\ncountry: FR\n")
    letters = [
        _letter(
            Party(name="Daniel Hofer", organisation="Labour Party", country="GB", role="Member"),
            Party(name="Daniel Hoffer", organisation="Labour Party", country="GB"),
            Party(name="Daniel Hofer", country="CH"),
        )
    ]
    res = resolve_letters(letters_with_ids(letters), read_registry(tmp_path))
    assert res.link("a/1", "signatories", 1) == ("daniel-hofer", "labour-party-gb")
    assert res.link("a/1", "signatories", 2) == ("daniel-hofer", "labour-party-gb")
    assert res.link("a/1", "signatories", 3) == ("daniel-hofer-2", None)  # another country: not merged
    assert [d.status for d in res.decisions][:2] == ["new", "new"]
    person = next(p for p in res.people if p.id == "daniel-hofer")
    assert (person.given_name, person.family_name, person.country) == ("Daniel", "Hofer", "GB")
    assert [(m.organisation, m.post, m.letter) for m in person.memberships] == [
        ("labour-party-gb", "Member", "a/1")
    ]
    assert res.curated == {"labour-party"}


def test_an_ambiguous_mention_is_reported_and_left_unlinked(tmp_path: Path) -> None:
    _write(tmp_path, "people", "dariga", "id: dariga\nname: Dariga Nazarbayeva\n")
    _write(tmp_path, "people", "aliya", "id: aliya\nname: Aliya Nazarbayeva\n")
    letters = [_letter(about=(Party(name="Nazarbayeva"),))]
    res = resolve_letters(letters_with_ids(letters), read_registry(tmp_path))
    assert res.link("a/1", "about", 1) == (None, None)
    assert [d.text() for d in res.unresolved] == [
        "a/1 about[1]: person 'Nazarbayeva' could be aliya, dariga; not linked"
    ]
    assert {p.id for p in res.people} == {"aliya", "dariga"}


def test_a_membership_citing_an_absent_letter_keeps_its_facts(tmp_path: Path) -> None:
    _write(tmp_path, "organisations", "u", "id: u\nname: U Union\n")
    _write(
        tmp_path,
        "people",
        "a-b",
        "id: a-b\nname: A B\nmemberships: [{organisation: u, post: Chair, letter: gone/1}]\n",
    )
    res = resolve_letters(letters_with_ids([_letter(Party(name="A B"))]), read_registry(tmp_path))
    person = next(p for p in res.people if p.id == "a-b")
    assert [(m.post, m.letter) for m in person.memberships] == [("Chair", None)]
    assert res.notices == [
        f"{tmp_path}/registry/people/a-b.yaml: membership of 'u' cites letter 'gone/1', "
        "which is not in the package; the citation is left out"
    ]
