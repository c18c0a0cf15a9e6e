"""Demand categories (ANNOTATION-DECISIONS §21): one invented example per category and per rule."""

from __future__ import annotations

import pytest

from kzlabour.models import DemandCategory
from kzlabour.parser.categories import categorise


@pytest.mark.parametrize(
    ("text", "language", "category"),
    [
        ("free the arrested pickets", "en", "release_detainees"),
        ("withdraw the charges against the arrested pickets", "en", "release_detainees"),
        ("stop the harassment of the strikers' families", "en", "end_repression"),
        ("register the independent union of the drivers", "en", "freedom_of_association"),
        ("keep the management out of the union's elections", "en", "freedom_of_association"),
        ("lift the ban on the miners' rally", "en", "right_to_strike_and_assembly"),
        ("review the verdict against the strike leaders", "en", "fair_trial"),
        ("investigate the shooting of the strikers", "en", "investigate_abuses"),
        ("repeal Article 174 of the Criminal Code", "en", "legal_reform"),
        ("comply with ILO Convention 87", "en", "international_law"),
        ("stop attacks on civilian infrastructure", "en", "protect_civilians"),
        ("pay the wage arrears of the drivers", "en", "workers_livelihood"),
        ("install gas detectors in every shaft and improve health and safety", "en", "workers_livelihood"),
        ("lift the censorship of the union newspaper", "en", "press_freedom"),
        ("open talks with the strike committee", "en", "negotiate"),
        ("respect democratic principles", "en", "democratic_rights"),
        ("join the picket on Saturday", "en", "solidarity_action"),
        ("the minister must resign", "en", "other"),
        ("освободить задержанных активистов", "ru", "release_detainees"),
        ("прекратить давление на профсоюз", "ru", "end_repression"),
        ("начать переговоры с бастующими", "ru", "negotiate"),
        ("выплатить задолженность по зарплате", "ru", "workers_livelihood"),
        ("поддержать кампанию на сайте", "ru", "solidarity_action"),
        ("жалақымыздың 100% көтерілуін", "kk", "workers_livelihood"),
        ("16 желтоқсанға дейін жауап беруіңізді", "kk", "other"),
    ],
)
def test_one_example_per_category(text: str, language: str, category: str) -> None:
    assert categorise(text, language) is DemandCategory(category)


def test_more_specific_wins() -> None:
    # release and repression both named: the earlier, more specific cue decides
    assert categorise("the release of the persecuted union leader", "en") is DemandCategory.release_detainees


def test_head_decides_not_the_means() -> None:
    text = "ensure a real social dialogue by adopting a new Law on Social Partnership"
    assert categorise(text, "en") is DemandCategory.negotiate


def test_head_decides_not_the_emphasis() -> None:
    text = "the full exercise of democratic rights – especially the union rights – be guaranteed"
    assert categorise(text, "en") is DemandCategory.democratic_rights


def test_international_law_only_when_named() -> None:
    assert (
        categorise("support an objective international assessment", "en") is DemandCategory.investigate_abuses
    )
    assert categorise("respect international law", "en") is DemandCategory.international_law


def test_several_rights_named_together_are_rights_in_general() -> None:
    text = "freedom of speech, freedom of assembly and freedom to organise trade unions should be guaranteed"
    assert categorise(text, "en") is DemandCategory.democratic_rights


def test_a_weak_cue_gives_way_to_a_strong_one_anywhere() -> None:
    # "Trade Union" alone says little; "discharged" says what is asked
    text = "the leaders of the Trade Union thrown into prison by the authorities should be discharged"
    assert categorise(text, "en") is DemandCategory.release_detainees


def test_no_cue_is_other() -> None:
    assert categorise("found a new party of labour", "en") is DemandCategory.other
