"""The report page, opened in a real headless Chromium: no console errors, no network, every letter."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kzlabour.export import write_report
from kzlabour.loader import Dataset
from tests.conftest import ROOT
from tests.export.chromium import Browser, find_chromium


@pytest.fixture(scope="module")
def report(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = write_report(dataset, out)
    assert result.counts == {"letters": len(dataset.letters), "source pages": 4}
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    binary = find_chromium()
    if binary is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed: .ci/run must install it (apt-get install -y chromium)")
        pytest.skip("chromium not found (apt-get install -y chromium, or set CHROMIUM=/path/to/it)")
    b = Browser(binary)
    try:
        yield b
    finally:
        b.close()


def test_page_loads_clean_offline_and_shows_every_letter(
    report: Path, browser: Browser, dataset: Dataset
) -> None:
    browser.open((report / "index.html").as_uri())
    assert browser.problems() == []
    assert all(url.startswith(("file:", "data:")) for url in browser.requested_urls())
    assert dataset.tables is not None
    ids = browser.evaluate(
        "Array.from(document.querySelectorAll('#letters tbody tr')).map(r => r.dataset.letter)"
    )
    assert ids == [row.id for row in dataset.tables.letters]
    visible = browser.evaluate(
        "Array.from(document.querySelectorAll('#letters tbody tr')).filter(r => !r.hidden).length"
    )
    assert visible == len(dataset.letters)
    assert browser.evaluate("document.getElementById('count').textContent") == (
        f"{len(dataset.letters)} of {len(dataset.letters)} letters"
    )
    assert browser.evaluate("document.querySelectorAll('#timeline circle.dot').length") == len(
        dataset.letters
    )
    pairs = {
        (s, r)
        for letter in dataset.letters
        for s in (letter.senders or letter.signatories)
        for r in letter.recipients
    }
    assert 0 < browser.evaluate("document.querySelectorAll('#network line.edge').length") <= len(pairs)
    cells = browser.evaluate(
        "Array.from(document.querySelectorAll('#categories text.num'))"
        ".reduce((n, t) => n + Number(t.textContent), 0)"
    )
    assert cells == sum(len(letter.demands) for letter in dataset.letters)


def test_search_filters_the_table(report: Path, browser: Browser) -> None:
    browser.open((report / "index.html").as_uri())
    shown = browser.evaluate(
        "const i = document.getElementById('search'); i.value = 'AKTAU';"
        "i.dispatchEvent(new Event('input'));"
        "Array.from(document.querySelectorAll('#letters tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.dataset.letter)"
    )
    assert shown == ["002_21dfb2a97649685c/1"]  # found in the letter's text, whatever the case
    assert browser.evaluate("document.getElementById('count').textContent").startswith("1 of ")
    assert browser.problems() == []


def test_each_letter_links_to_its_place_in_the_source_text(
    report: Path, browser: Browser, dataset: Dataset, built: Path
) -> None:
    assert dataset.tables is not None
    browser.open((report / "index.html").as_uri())
    links = browser.evaluate("Array.from(document.querySelectorAll('#letters a.source')).map(a => a.href)")
    assert len(links) == len(dataset.letters)
    for link, row in zip(links, dataset.tables.letters, strict=True):
        browser.open(link)
        assert browser.problems() == []
        anchor = link.split("#", 1)[1]
        text = browser.evaluate(f"document.getElementById('{anchor}').textContent")
        source = (built / "sources" / row.source).read_text(encoding="utf-8")
        assert text == source[row.start : row.end]


def test_screenshot(report: Path, browser: Browser, tmp_path: Path) -> None:
    browser.open((report / "index.html").as_uri())
    shot = tmp_path / "report.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    if os.environ.get("KZLABOUR_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "report.png")


def test_without_texts_the_table_links_to_nothing_it_cannot_show(dataset: Dataset, tmp_path: Path) -> None:
    result = write_report(replace(dataset, origin=str(tmp_path / "elsewhere")), tmp_path / "out")
    assert [p.name for p in result.paths] == ["index.html"]
    assert "letter texts not included" in result.notes[0]
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert 'href="texts/' not in page and "000_efc21f632b1710fe.txt" in page
    assert "<script src" not in page and '<link rel="stylesheet"' not in page


def test_only_web_addresses_become_links(dataset: Dataset, tmp_path: Path) -> None:
    from kzlabour.tables import Tables

    assert dataset.tables is not None
    sources = [
        s.model_copy(update={"url": "javascript:alert(1)" if i == 0 else "https://example.org/letter"})
        for i, s in enumerate(dataset.tables.sources)
    ]
    tables = Tables(**{**dataset.tables.__dict__, "sources": sources})
    moved = replace(dataset, origin=str(tmp_path / "elsewhere"), tables=tables)
    write_report(moved, tmp_path / "out")
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "javascript:" not in page
    assert page.count('href="https://example.org/letter"') == len(dataset.tables.letters) - 1
