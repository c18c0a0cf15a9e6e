"""Build: determinism, drift detection, atomic replacement and curation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzlabour.errors import CurationError, KzlabourError, SourceError
from kzlabour.package import build, check_build, plan_build
from tests.conftest import ROOT, tree_bytes


def test_committed_package_has_no_drift() -> None:
    assert check_build(ROOT) == []


def test_two_builds_are_byte_identical(repo: Path) -> None:
    build(repo)
    first = tree_bytes(repo / "datapackage")
    build(repo)
    assert tree_bytes(repo / "datapackage") == first


def test_builds_do_not_depend_on_hash_seed(repo: Path) -> None:
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        code = "import sys, pathlib; from kzlabour.package import build; build(pathlib.Path(sys.argv[1]))"
        subprocess.run([sys.executable, "-c", code, str(repo)], check=True, env=env)
        outputs.append(tree_bytes(repo / "datapackage"))
    assert outputs[0] == outputs[1]


def test_check_names_the_drifted_file(repo: Path) -> None:
    csv = repo / "datapackage" / "demands.csv"
    csv.write_bytes(csv.read_bytes() + b"x\n")
    assert check_build(repo) == ["datapackage/demands.csv differs from a fresh build"]
    (repo / "datapackage" / "extra.csv").write_text("a\n")
    assert "datapackage/extra.csv is not written by a build" in check_build(repo)


def test_check_sees_schema_drift(repo: Path) -> None:
    (repo / "schema" / "letters.table.json").write_text("{}\n")
    assert check_build(repo) == ["schema/letters.table.json differs from the models"]


def test_a_failed_build_leaves_the_package_untouched(repo: Path) -> None:
    before = tree_bytes(repo / "datapackage")
    (repo / "curation" / "000_efc21f632b1710fe.yaml").write_text(
        "source: 000_efc21f632b1710fe.txt\nletters: [{letter: 9, set: {}}]\n"
    )
    with pytest.raises(CurationError, match="letter 9: no such letter"):
        build(repo)
    assert tree_bytes(repo / "datapackage") == before
    assert not list(repo.glob(".datapackage*"))


def test_a_build_with_a_broken_key_writes_nothing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build checks keys in memory (not Frictionless): a duplicated letter row stops it."""
    import kzlabour.tables

    before = tree_bytes(repo / "datapackage")
    real = kzlabour.tables.letters_to_tables

    def duplicated(*args: object, **kwargs: object) -> kzlabour.tables.Tables:
        tables = real(*args, **kwargs)  # type: ignore[arg-type]
        tables.letters.append(tables.letters[0])
        return tables

    monkeypatch.setattr(kzlabour.tables, "letters_to_tables", duplicated)
    with pytest.raises(KzlabourError, match=r"nothing was written: datapackage/letters\.csv:\d+: duplicate"):
        build(repo)
    assert tree_bytes(repo / "datapackage") == before
    assert not list(repo.glob(".datapackage*"))


def test_a_built_package_passes_frictionless(repo: Path) -> None:
    from frictionless import validate

    (repo / "datapackage" / "letters.csv").unlink()
    build(repo)
    assert validate(str(repo / "datapackage" / "datapackage.json")).valid


def test_source_without_sidecar_is_an_error(repo: Path) -> None:
    (repo / "sources" / "new.txt").write_text("To the Minister\n\nWe demand that the union be registered.\n")
    with pytest.raises(SourceError, match=r"new\.txt: has no provenance sidecar new\.yaml"):
        plan_build(repo)


def test_curation_without_source_is_an_error(repo: Path) -> None:
    (repo / "curation" / "ghost.yaml").write_text("source: ghost.txt\nletters: []\n")
    with pytest.raises(CurationError, match=r"ghost\.yaml: curates sources/ghost\.txt, which does not exist"):
        plan_build(repo)


def test_missing_sources_folder(tmp_path: Path) -> None:
    with pytest.raises(KzlabourError, match="no sources folder"):
        plan_build(tmp_path)


def test_summary_counts_what_was_built(repo: Path) -> None:
    result = build(repo)
    assert result.counts["letters"] == 5
    assert "5 letters" in result.describe()


def test_entity_ids_do_not_depend_on_which_transliterator_is_installed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """python-slugify's default backend switches to `unidecode` wherever it is installed."""
    import types

    from kzlabour.contribute import normalise_name
    from kzlabour.tables import slug

    names = ("Назарбаев", "Қазақстан", "Ñandú Straße", "工会")
    before = [(slug(name), normalise_name(name)) for name in names]
    impostor = types.ModuleType("unidecode")
    impostor.unidecode = lambda text: "impostor"  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "unidecode", impostor)
    assert [(slug(name), normalise_name(name)) for name in names] == before
    assert before[0] == ("nazarbaev", "nazarbaev")
