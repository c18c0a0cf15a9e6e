"""Curation: overrides, redundant notices, and errors for overrides that point at nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from kzlabour.curate import CurationFile, apply_curation, read_curation
from kzlabour.errors import CurationError
from kzlabour.models import Letter, Span
from kzlabour.parser import parse

TEXT = (
    "To the Minister of Labour\n\n17.11.1999\n\n"
    "We demand that the union be registered.\n\nThe Dockers' Union\n"
)


def _parsed() -> list[Letter]:
    letters = parse(TEXT, "t.txt")
    assert len(letters) == 1
    return letters


def _curation(**entry: object) -> CurationFile:
    return CurationFile.model_validate({"source": "t.txt", "letters": [{"letter": 1, **entry}]})


def test_override_replaces_the_value_and_its_evidence() -> None:
    parsed = _parsed()
    result = apply_curation(parsed, _curation(set={"date": "1999-11-18", "place": "Aktau"}), "c.yaml")
    letter = result.letters[0]
    assert (letter.date, letter.place) == ("1999-11-18", "Aktau")
    assert letter.evidence.date is None


def test_list_override_replaces_the_whole_list() -> None:
    result = apply_curation(_parsed(), _curation(set={"senders": [{"organisation": "Dockers' Union"}]}), "c")
    assert [p.organisation for p in result.letters[0].senders] == ["Dockers' Union"]


def test_override_equal_to_the_parser_is_a_notice() -> None:
    parsed = _parsed()
    result = apply_curation(parsed, _curation(set={"language": parsed[0].language}), "c.yaml")
    assert result.notices == [
        "c.yaml: letter 1: `language` equals what the parser gives; the override can go"
    ]
    assert result.letters == parsed


def test_override_of_a_missing_letter_is_an_error() -> None:
    curation = CurationFile.model_validate({"source": "t.txt", "letters": [{"letter": 2, "set": {}}]})
    with pytest.raises(CurationError, match=r"c\.yaml: letter 2: no such letter \(the text has 1\)"):
        apply_curation(_parsed(), curation, "c.yaml")


def test_override_of_an_unknown_field_is_an_error() -> None:
    with pytest.raises(CurationError, match="letter 1: no field author"):
        apply_curation(_parsed(), _curation(set={"author": "x"}), "c.yaml")


def test_invalid_override_value_names_the_field() -> None:
    with pytest.raises(CurationError, match=r"letter 1: date: .*not a real calendar date"):
        apply_curation(_parsed(), _curation(set={"date": "1999-02-30"}), "c.yaml")


def test_start_check_catches_a_misnumbered_entry() -> None:
    with pytest.raises(CurationError, match="starts at 0, not at 7"):
        apply_curation(_parsed(), _curation(start=7, set={}), "c.yaml")


def test_letter_curated_twice_is_an_error() -> None:
    curation = CurationFile.model_validate(
        {"source": "t.txt", "letters": [{"letter": 1, "set": {}}, {"letter": 1, "set": {}}]}
    )
    with pytest.raises(CurationError, match="curated twice"):
        apply_curation(_parsed(), curation, "c.yaml")


def test_spans_fix_the_segmentation() -> None:
    cut = TEXT.index("We demand")
    letters = parse(TEXT, "t.txt", spans=[(0, cut - 2), (cut, len(TEXT) - 1)])
    assert [(x.source.start, x.source.end) for x in letters] == [(0, cut - 2), (cut, len(TEXT) - 1)]
    assert Span(start=0, end=1)


def test_curation_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("source: t.txt\nletters:\n  - letter: zero\n    set: {}\n")
    with pytest.raises(CurationError, match=r"c\.yaml: letters\.0\.letter: "):
        read_curation(path)
    path.write_text("source: [unclosed\n")
    with pytest.raises(Exception, match=r"c\.yaml:\d+: invalid YAML"):
        read_curation(path)
