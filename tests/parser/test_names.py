"""Person names: order, case, honorifics, initials, nominative (ANNOTATION-DECISIONS §10)."""

from __future__ import annotations

import pytest

from kzlabour.parser.morph import kk_genitive_stem, kk_nominative, ru_nominative
from kzlabour.parser.names import looks_like_name, normalise_name


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("ABUL, Bashar", "Bashar Abul"),  # "FAMILY, Given" reordered, family case-normalised
        ("SCHUSTER, H. W.", "H. W. Schuster"),
        ("ERWIN, Salazar", "Salazar Erwin"),  # reordered mechanically
        ("GULZAR, Ahmad. Ch.", "Ahmad. Ch. Gulzar"),  # given part copied verbatim
        ("SPADARI, Anna M.", "Anna M. Spadari"),
        ("GBIKPI-BENISSAN", "Gbikpi-Benissan"),  # each hyphen part title-cased
        ("ОСПАНОВ", "Оспанов"),
        ("Ivanov I P", "I P Ivanov"),  # "Family Initials" reordered
        ("Mr Nursultan Nazarbayev", "Nursultan Nazarbayev"),  # honorific dropped
        ("Sir Musayev", "Musayev"),
        ("His Excellency Kassym-Jomart Tokayev", "Kassym-Jomart Tokayev"),
        ("S.Sultangaliev", "S. Sultangaliev"),  # one space after initials
        ("SAGNON, Tol?", "Tol? Sagnon"),  # lost characters kept
        ("Kassym-Jomart Kemelevich", "Kassym-Jomart Kemelevich"),
    ],
)
def test_normalise_name(raw: str, name: str) -> None:
    assert normalise_name(raw) == name


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Н.?.Назарбаев мырза?а", "Н.?. Назарбаев"),  # honorific with a lost letter, glued initials
        ("Қасым-Жомарт Кемелұлы Тоқаевқа", "Қасым-Жомарт Кемелұлы Тоқаев"),  # Kazakh dative
        ("Сауранбаев Нұрлан Ермекұлына", "Нұрлан Ермекұлы Сауранбаев"),  # Family Given Patronymic
        ("К.М. Оспанов мырзаға", "К.М. Оспанов"),
        ("г-ну Иванову И.И.", "И.И. Иванов"),  # Russian dative
    ],
)
def test_dative_names(raw: str, name: str) -> None:
    assert normalise_name(raw, dative=True) == name


def test_looks_like_name() -> None:
    assert looks_like_name("Sharan Burrow")
    assert looks_like_name("S. Mukashev")
    assert not looks_like_name("General Secretary")
    assert not looks_like_name("AMANAT SPK Trade Union")
    assert not looks_like_name("Poland")  # a country line is no name


def test_russian_nominative() -> None:
    assert (
        ru_nominative("представителей государства Казахстан", "gent") == "представители государства Казахстан"
    )
    assert (
        ru_nominative("13-й Международной встречи Коммунистических и Рабочих партий", "gent")
        == "13-я Международная встреча Коммунистических и Рабочих партий"
    )
    assert (
        ru_nominative("Министру труда Республики Казахстан", "datv") == "Министр труда Республики Казахстан"
    )


def test_kazakh_endings() -> None:
    assert kk_nominative("Тоқаевқа") == "Тоқаев"
    assert kk_genitive_stem("Қазақстан Темір жолының") == "Қазақстан Темір жолы"
    assert kk_genitive_stem("Парламентіні? Сенатыны?") == "Парламентіні? Сенаты"  # lost "ң"
    assert kk_genitive_stem("Қазақстан") is None
