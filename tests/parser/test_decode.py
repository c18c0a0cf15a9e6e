"""Decoding stored bytes: BOMs, UTF-16, Cyrillic code pages, line breaks, binary data."""

from __future__ import annotations

import codecs

import pytest

from kzlabour.errors import SourceError
from kzlabour.parser import parse_bytes
from kzlabour.parser.decode import decode
from tests.conftest import needs_shared, shared_pairs

RUSSIAN = (
    "Президенту Республики Казахстан\n\nУважаемый господин Президент!\n\n"
    "Мы, рабочие завода, требуем немедленно выплатить задолженность по заработной плате "
    "и прекратить преследование профсоюзных активистов. 'Свобода' - 5.\n\nС уважением,\nПрофсоюз\n"
)
ENGLISH = "To the Minister\r\n\r\nWe demand that the dockers be reinstated.\r\n\r\nThe Dockers’ Union №1\r\n"


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1251", "koi8-r"]
)
def test_russian_text_in_every_encoding(encoding: str) -> None:
    assert decode(RUSSIAN.encode(encoding)).text == RUSSIAN


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251"])
def test_english_text_with_typography_and_crlf(encoding: str) -> None:
    assert decode(ENGLISH.encode(encoding)).text == ENGLISH


def test_western_text_in_cp1252_is_not_read_as_cyrillic() -> None:
    text = "Pétition pour la libération des syndicalistes emprisonnés à Jañaozen.\n"
    assert decode(text.encode("cp1252")).text == text


def test_line_breaks_are_kept_as_stored() -> None:
    text = "To the Minister\rWe demand it.\r\nThe Union\n"
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        b"abc\x00def\x00\x01\x02",
        bytes(range(256)) * 4,
        b"\x00" * 7,
    ],
    ids=["png", "nul", "all-bytes", "nuls"],
)
def test_binary_data_is_a_source_error(data: bytes) -> None:
    with pytest.raises(SourceError):
        decode(data, "x.bin")


def test_bom_that_lies_is_a_source_error() -> None:
    with pytest.raises(SourceError):
        decode(codecs.BOM_UTF8 + b"\xff\xfe\xfd", "x.txt")


def test_re_encoded_copy_parses_exactly_like_the_original() -> None:
    original = [letter.model_dump(exclude={"source"}) for letter in parse_bytes(RUSSIAN.encode("utf-8"))]
    assert original
    for encoding in ("cp1251", "koi8-r", "utf-16", "utf-8-sig"):
        copy = [letter.model_dump(exclude={"source"}) for letter in parse_bytes(RUSSIAN.encode(encoding))]
        assert copy == original, encoding


@needs_shared
@pytest.mark.parametrize("pair", shared_pairs(), ids=lambda p: p[0].stem)
def test_shared_texts_re_encoded_parse_alike(pair: tuple[object, object]) -> None:
    text_path, _ = pair
    text = text_path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    original = [(x.source.start, x.source.end, x.date, x.language) for x in parse_bytes(text.encode("utf-8"))]
    for encoding in ("cp1251", "koi8-r", "utf-16"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue  # Kazakh letters have no place in the Russian code pages
        assert decode(data).text == text, encoding
        copy = [(x.source.start, x.source.end, x.date, x.language) for x in parse_bytes(data)]
        assert copy == original, encoding
