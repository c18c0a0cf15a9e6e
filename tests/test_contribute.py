"""`kzlabour add`: a new text stored under a normalised name with its sidecar and a draft curation,
converted from legacy encodings, never half-written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kzlabour.contribute import DRAFT_MARK, add_source, normalise_name
from kzlabour.errors import KzlabourError, SourceError
from kzlabour.models.provenance import Provenance
from kzlabour.package import build
from kzlabour.validation import validate
from kzlabour.yamlio import read_yaml
from tests.conftest import ROOT, tree_bytes

LETTER = (
    "Astana, 12 March 2024\n\n"
    "To the Minister of Labour of the Republic of Kazakhstan\n\n"
    "Dear Minister,\n\n"
    "We demand that the independent union of the Karaganda miners be registered without delay.\n\n"
    "Yours sincerely,\n"
    "Jane Smith\n"
    "General Secretary, Miners' Solidarity Network\n"
)
RU_LETTER = "Астана, 12 марта 2024 г.\n\nМинистру труда\n\nТребуем освободить профсоюзного активиста.\n"


@pytest.fixture
def letter_file(tmp_path: Path) -> Path:
    path = tmp_path / "incoming" / "Letter to the Minister.txt"
    path.parent.mkdir()
    path.write_text(LETTER, encoding="utf-8")
    return path


def test_add_writes_text_sidecar_and_draft_curation(repo: Path, letter_file: Path) -> None:
    result = add_source(letter_file, url="https://example.org/l", retrieved="2024-03-20", root=repo)
    stem = Path(result.name).stem
    assert stem.startswith("004_") and len(stem) == 20
    assert [str(p) for p in result.written] == [
        f"sources/{stem}.txt",
        f"sources/{stem}.yaml",
        f"curation/{stem}.yaml",
    ]
    assert (repo / "sources" / f"{stem}.txt").read_bytes() == LETTER.encode("utf-8")
    sidecar = Provenance.model_validate(read_yaml(repo / "sources" / f"{stem}.yaml"))
    assert sidecar.url == "https://example.org/l" and sidecar.retrieved == "2024-03-20"
    assert sidecar.title == "Astana, 12 March 2024" and sidecar.encoding is None
    draft = (repo / "curation" / f"{stem}.yaml").read_text(encoding="utf-8")
    assert draft.startswith(DRAFT_MARK)
    assert read_yaml(repo / "curation" / f"{stem}.yaml") == {"source": f"{stem}.txt", "letters": []}
    assert "#   set:" in draft  # the parser's findings, commented, for review


def test_add_prints_each_finding_with_its_line(repo: Path, letter_file: Path) -> None:
    result = add_source(letter_file, url="https://example.org/l", root=repo)
    text = result.describe()
    assert "the parser found 1 letter(s):" in text
    assert "<- line 1: Astana, 12 March 2024" in text
    assert "<- line 7: We demand that the independent union" in text


def test_a_legacy_encoding_is_converted_and_recorded(repo: Path, tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes(RU_LETTER.encode("cp1251"))
    result = add_source(path, url="https://example.org/ru", title="Письмо", name="Письмо министру", root=repo)
    assert result.name == "pismo_ministru.txt"
    assert (repo / "sources" / "pismo_ministru.txt").read_text(encoding="utf-8") == RU_LETTER
    assert read_yaml(repo / "sources" / "pismo_ministru.yaml")["encoding"] == "cp1251"
    assert "converted from cp1251 to UTF-8" in result.describe()


def test_the_same_text_twice_is_refused(repo: Path) -> None:
    existing = repo / "sources" / "000_efc21f632b1710fe.txt"
    before = tree_bytes(repo)
    with pytest.raises(
        SourceError, match=r"is already in the repository as sources/000_efc21f632b1710fe\.txt"
    ):
        add_source(existing, url="https://example.org", root=repo)
    assert tree_bytes(repo) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"\x00\x01\x02\xff" * 50, "binary, not text"), (b"  \n\t\n", "holds no text")],
)
def test_what_is_not_a_text_is_refused_and_nothing_written(
    repo: Path, tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    before = tree_bytes(repo)
    with pytest.raises(SourceError, match=message):
        add_source(path, url="https://example.org", root=repo)
    assert tree_bytes(repo) == before


def test_bad_provenance_is_refused(repo: Path, letter_file: Path) -> None:
    before = tree_bytes(repo)
    with pytest.raises(KzlabourError, match=r"--retrieved: .*YYYY"):
        add_source(letter_file, url="https://example.org", retrieved="20 March", root=repo)
    with pytest.raises(KzlabourError, match="--language"):
        add_source(letter_file, url="https://example.org", language="english", root=repo)
    assert tree_bytes(repo) == before


def test_a_failure_while_writing_leaves_nothing(
    repo: Path, letter_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree_bytes(repo)
    calls = []
    real_rename = os.rename

    def failing_rename(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls.append(dst)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", failing_rename)
    with pytest.raises(OSError, match="No space left"):
        add_source(letter_file, url="https://example.org", root=repo)
    assert len(calls) == 3
    assert tree_bytes(repo) == before
    assert not [p for p in repo.rglob(".*adding")]


def test_an_existing_name_is_refused(repo: Path, letter_file: Path) -> None:
    (repo / "curation" / "mine.yaml").write_text("source: mine.txt\n")
    with pytest.raises(KzlabourError, match=r"mine\.yaml: already exists; nothing was written"):
        add_source(letter_file, url="https://example.org", name="mine", root=repo)
    assert not (repo / "sources" / "mine.txt").exists()


@pytest.mark.parametrize(
    ("name", "stem"),
    [("Letter to ITUC.txt", "letter_to_ituc"), ("Письмо 2011", "pismo_2011"), ("a--b", "a_b")],
)
def test_names_are_normalised(name: str, stem: str) -> None:
    assert normalise_name(name) == stem


def test_a_name_without_letters_is_refused() -> None:
    with pytest.raises(KzlabourError, match="cannot be made into a source name"):
        normalise_name("???")


def test_one_command_then_the_contribution_validates(repo: Path, letter_file: Path) -> None:
    for name in ("CHANGELOG.md", "CITATION.cff"):
        (repo / name).write_bytes((ROOT / name).read_bytes())
    proc = subprocess.run(
        [sys.executable, "-m", "kzlabour", "add", str(letter_file), "--url", "https://example.org/l"],
        capture_output=True,
        text=True,
        cwd=repo,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("added sources/004_")
    report = validate(repo)
    assert [p.code for p in report.errors] == ["package-drift"] * len(report.errors)  # not built yet
    assert any(p.code == "curation-draft" and p.severity == "warning" for p in report.problems)
    build(repo)
    assert validate(repo).ok


def test_cli_add_needs_a_url(letter_file: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kzlabour", "add", str(letter_file)], capture_output=True, text=True
    )
    assert proc.returncode == 2 and "--url" in proc.stderr
