"""The parse cache: reused when its input is the same, rebuilt when stale, ignored when corrupted."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kzlabour.parser
from kzlabour.cache import CACHE_DIR, ParseCache, code_fingerprint
from kzlabour.package import build, plan_build
from kzlabour.parser import parse

TEXT = "Brussels, 27 June 2012\n\nDear President,\n\nWe demand that the union be registered.\n"
SHA = "a" * 64


@pytest.fixture(autouse=True)
def _fresh_fingerprint() -> Iterator[None]:
    code_fingerprint.cache_clear()
    yield
    code_fingerprint.cache_clear()


class ParseCounter:
    """Counts the texts the parser is called on (serial builds call kzlabour.parser.parse)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        real = kzlabour.parser.parse

        def counting(text: str, source: str | None = None, *args: Any, **kwargs: Any) -> Any:
            self.names.append(source or "")
            return real(text, source, *args, **kwargs)

        monkeypatch.setattr(kzlabour.parser, "parse", counting)


def entries(root: Path) -> list[Path]:
    return sorted((root / CACHE_DIR).rglob("*.json"))


def test_an_entry_gives_back_the_letters_it_was_given(tmp_path: Path) -> None:
    letters = parse(TEXT, "x.txt", SHA)
    cache = ParseCache(tmp_path)
    assert cache.get("x.txt", SHA, None) is None
    cache.put("x.txt", SHA, None, letters)
    assert cache.get("x.txt", SHA, None) == letters
    assert (cache.hits, cache.misses) == (1, 1)


def test_the_key_holds_name_hash_spans_and_parser_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = ParseCache(tmp_path)
    cache.put("x.txt", SHA, None, parse(TEXT, "x.txt", SHA))
    assert cache.get("y.txt", SHA, None) is None
    assert cache.get("x.txt", "b" * 64, None) is None
    assert cache.get("x.txt", SHA, [(0, 10)]) is None
    monkeypatch.setattr(kzlabour.parser, "PARSER_VERSION", "99.0.0")
    code_fingerprint.cache_clear()
    assert cache.get("x.txt", SHA, None) is None


def test_a_second_build_parses_nothing_and_a_new_text_only_itself(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = plan_build(repo, jobs=1)
    counter = ParseCounter(monkeypatch)
    assert plan_build(repo, jobs=1).files == first.files
    assert counter.names == []
    src = repo / "sources"
    (src / "zz_new.txt").write_text(TEXT, encoding="utf-8")
    shutil.copy(next(src.glob("*.yaml")), src / "zz_new.yaml")
    plan_build(repo, jobs=1)
    assert counter.names == ["zz_new.txt"]


def test_a_stale_cache_is_rebuilt_under_a_new_parser_version(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.rmtree(repo / "curation")  # published = parsed, so the marker below shows
    plan_build(repo, jobs=1)
    # Plant a visible marker in every entry: a build that trusts them publishes it.
    for path in entries(repo):
        data = json.loads(path.read_bytes())
        for letter in data["letters"]:
            letter["title"] = "FROM THE CACHE"
        path.write_text(json.dumps(data), encoding="utf-8")
    assert all(letter.title == "FROM THE CACHE" for letter in plan_build(repo, jobs=1).letters)
    old = {p.parent.parent for p in entries(repo)}

    monkeypatch.setattr(kzlabour.parser, "PARSER_VERSION", "99.0.0")
    code_fingerprint.cache_clear()
    counter = ParseCounter(monkeypatch)
    result = plan_build(repo, jobs=1)
    assert all(letter.title != "FROM THE CACHE" for letter in result.letters)
    assert len(counter.names) == len(list((repo / "sources").glob("*.txt")))
    assert not any(folder.exists() for folder in old), "the old version's entries are pruned"
    assert all(p.parent.parent.name.startswith("99.0.0-") for p in entries(repo))


def test_a_changed_parser_code_is_a_new_cache_even_without_a_version_bump(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan_build(repo, jobs=1)
    monkeypatch.setattr("kzlabour.cache.code_fingerprint", lambda: "f" * 64)
    counter = ParseCounter(monkeypatch)
    plan_build(repo, jobs=1)
    assert len(counter.names) == len(list((repo / "sources").glob("*.txt")))


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"\xff\xfe garbage", id="not-utf8"),
        pytest.param(lambda data: b"[]", id="not-an-object"),
        pytest.param(lambda data: data.replace(b'"sha256":"', b'"sha256":"0', 1), id="other-input"),
        pytest.param(lambda data: data.replace(b'"start":', b'"start":-', 1), id="invalid-letter"),
        pytest.param(lambda data: data.replace(b'"letters":', b'"lettres":', 1), id="no-letters"),
    ],
)
def test_a_corrupted_entry_is_ignored_and_rewritten(
    repo: Path, monkeypatch: pytest.MonkeyPatch, damage: Any
) -> None:
    first = plan_build(repo, jobs=1)
    target = entries(repo)[0]
    good = target.read_bytes()
    target.write_bytes(damage(good))
    counter = ParseCounter(monkeypatch)
    assert plan_build(repo, jobs=1).files == first.files
    assert len(counter.names) == 1
    assert target.read_bytes() == good


def test_without_cache_nothing_is_read_or_written(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan_build(repo, jobs=1, cache=False)
    assert not (repo / CACHE_DIR).exists()
    plan_build(repo, jobs=1)
    counter = ParseCounter(monkeypatch)
    plan_build(repo, jobs=1, cache=False)
    assert len(counter.names) == len(list((repo / "sources").glob("*.txt")))


def test_the_cache_does_not_change_what_a_build_writes(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(repo, other)
    build(repo, jobs=1, cache=False)
    build(other, jobs=1)
    build(other, jobs=1)  # from the cache
    for name in ("datapackage", "schema"):
        a = {p.relative_to(repo): p.read_bytes() for p in (repo / name).rglob("*") if p.is_file()}
        b = {p.relative_to(other): p.read_bytes() for p in (other / name).rglob("*") if p.is_file()}
        assert a == b


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.binary(max_size=300))
def test_any_bytes_in_an_entry_are_a_miss_never_an_error(tmp_path: Path, junk: bytes) -> None:
    cache = ParseCache(tmp_path)
    path = cache.path(cache.key("x.txt", SHA, None))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(junk)
    assert cache.get("x.txt", SHA, None) is None


def test_a_cache_that_cannot_be_written_does_not_stop_a_build(repo: Path) -> None:
    (repo / CACHE_DIR).write_text("a file where the cache folder should be\n")
    assert plan_build(repo, jobs=1).files == plan_build(repo, jobs=1, cache=False).files
    assert (repo / CACHE_DIR).is_file()
