"""Header fields of a letter: date, place, reference, language, title, flags, and their evidence spans."""

from __future__ import annotations

import pytest

from kzlabour.models import Flag
from kzlabour.parser.document import Segment
from kzlabour.parser.header import Header, read_header
from kzlabour.parser.language import guess_language
from kzlabour.parser.segment import segment
from tests.conftest import needs_shared, read_gold, shared_pairs


def header(text: str, n: int = 0) -> Header:
    return read_header(segment(text)[n])


def quoted(text: str, h: Header, field: str) -> str:
    span = h.spans[field]
    return text[span.start : span.end]


# --- dates -----------------------------------------------------------------------------------


def test_dateline_gives_date_and_place() -> None:
    text = (
        "Brussels, 27 June 2012\n\nDear President,\n\nWe demand that the sentences be reviewed by "
        "the courts.\n"
    )
    h = header(text)
    assert (h.date, h.place) == ("2012-06-27", "Brussels")
    assert quoted(text, h, "date") == "27 June 2012"
    assert quoted(text, h, "place") == "Brussels"


def test_date_under_the_signature_dates_the_letter() -> None:
    text = (
        "Dear Minister!\n\nWe call on you to ratify the conventions of the organisation.\n\nThe "
        "Council\n\nJanuary 7, 2022"
    )
    assert header(text).date == "2022-01-07"


def test_by_line_dates_the_letter() -> None:
    text = (
        "From the Support Group, 21 March 2001\n\nDear friends\n\nWe urge you to fax protest letters "
        "to the president.\n"
    )
    assert header(text).date == "2001-03-21"


def test_event_dates_and_deadlines_in_the_body_do_not_date_the_letter() -> None:
    text = (
        "Dear friends,\n\nOn 24 March 2001 there will be a demonstration outside the embassy in the "
        "capital.\n"
        "Please reply by 16 December 2001.\n\nWe urge you to join the protest and to send letters.\n"
    )
    assert header(text).date is None


def test_two_digit_year_is_expanded_and_flagged() -> None:
    text = (
        "Dear comrades,\n\nWe ask all organisations to send protest letters to the president.\n\n   "
        "17.11.99 г.\n"
    )
    h = header(text)
    assert h.date == "1999-11-17"
    assert Flag.two_digit_year in h.flags


def test_forwarded_sent_header_dates_the_letter() -> None:
    text = (
        "From: JK\nSent: 3 May 2004 10:12\nSubject: Solidarity with the miners\n\nDear "
        "colleagues,\n\nWe call on the company to negotiate with the union of the miners.\n"
    )
    h = header(text)
    assert (h.date, h.title) == ("2004-05-03", "Solidarity with the miners")


def test_adoption_line_dates_and_places_the_letter() -> None:
    text = (
        "Statement on the arrests\n\nWe demand that the authorities release the arrested "
        "teachers.\n\nAdopted by the Board of the Union, Oslo, 5 May 2015.\n"
    )
    h = header(text)
    assert (h.date, h.place) == ("2015-05-05", "Oslo")


def test_page_date_above_a_letter_its_author_published_dates_it() -> None:
    text = (
        "3 October 2019, 09:15\n\nOpen letter to the minister\n\nWe demand that the minister meet "
        "the striking teachers now.\n"
    )
    assert header(text).date == "2019-10-03"


def test_quoted_letter_is_not_dated_from_the_article() -> None:
    appeal = (
        "Біз жұмысшылар әкімге үндеу жолдаймыз. Жалақымызды көтеруді талап етеміз! Жауап беруіңізді "
        "сұраймыз, біз күтеміз, біз тоқтамаймыз әлі, біз бірлікпен күресеміз"
    )
    text = (
        "12 желтоқсан 2021\nЖұмысшылар жиналып наразылық білдірді деп хабарлайды сайт. "
        f"«{appeal}», - деді олар.\n"
    )
    assert header(text).date is None


# --- places ----------------------------------------------------------------------------------


def test_russian_dateline_city_is_given_in_english() -> None:
    text = (
        "Копенгаген, Дания, 7 декабря 2018 года\nРезолюция о ситуации\nМы требуем освободить "
        "профсоюзных активистов немедленно и без условий.\n"
    )
    assert header(text).place == "Copenhagen"


def test_letterhead_city_when_there_is_no_dateline() -> None:
    text = (
        "«Бірлік» кәсіподағы\n\n010000, Астана қаласы, Бараев көшесі 25\nтел. 421019\n\n"
        "To the Embassy\n\nDear Ambassador,\n\nWe express our concern at the attacks on the workers "
        "of the plant.\n"
    )
    assert header(text).place == "Astana"


def test_senders_own_city() -> None:
    text = (
        "To the Minister\n\nWe, the railway workers of Astana, demand that our wages be raised by "
        "the company.\n"
    )
    assert header(text).place == "Astana"


def test_recipients_city_is_never_the_place() -> None:
    text = (
        "Mr President\nAk Orda Palace\nAstana\nKazakhstan\n\nDear President,\n\n"
        "We demand that the sentences of the oil workers be reconsidered and the torture investigated.\n"
    )
    assert header(text).place is None


def test_unlisted_cyrillic_city_is_transliterated() -> None:
    text = "Степногорск, 5 мая 2015 г.\n\nМы требуем выплатить заработную плату рабочим завода немедленно.\n"
    assert header(text).place == "Stepnogorsk"


# --- references ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        ("**26.05.2026** исх 67/15", "67/15"),
        ("Исх. № 12-04/117 от 14.03.2014", "12-04/117"),
        ("Our ref: ITF/2014/33", "ITF/2014/33"),
        ("PERC/AL/pw", "PERC/AL/pw"),
        ("05.03.14/ab/", "05.03.14/ab/"),
    ],
)
def test_reference_forms(line: str, ref: str) -> None:
    text = f"{line}\n\nTo the Minister\n\nWe demand that the dismissed workers be reinstated at the plant.\n"
    h = header(text)
    assert h.reference == ref
    assert quoted(text, h, "reference") == ref


def test_numbers_in_the_body_are_not_references() -> None:
    text = (
        "Dear President!\n\nWe ask you to ratify ILO Convention №131 on minimum wages as soon as possible.\n"
    )
    assert header(text).reference is None


# --- language --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "lang"),
    [
        ("We demand that the workers be released and that the talks begin at once.", "en"),
        ("Мы требуем немедленно освободить арестованных рабочих и начать переговоры.", "ru"),
        ("Біз жалақымыздың көтерілуін талап етеміз және жауап беруіңізді сұраймыз.", "kk"),
        ("?аза?стан Республикасыны? Президенті Н.?.Назарбаев мырза?а, біз ?ол ?оямыз", "kk"),
        (
            "Nous exigeons la libération des travailleurs et le respect des droits syndicaux dans le pays.",
            "fr",
        ),
    ],
)
def test_language_of_the_body(body: str, lang: str) -> None:
    assert guess_language(body) == lang


def test_bilingual_letterhead_does_not_change_the_language() -> None:
    text = (
        "Кәсіподақтар бірлестігі\nОбъединение профсоюзов\n\nTo the Embassy\n\n"
        "We express our serious concern regarding the attacks on civilian infrastructure and industry.\n"
    )
    assert header(text).language == "en"


# --- titles ----------------------------------------------------------------------------------


def test_heading_above_the_letter_is_its_title_without_final_period() -> None:
    text = (
        "An Appeal to the Unions of the World.\n\nWe ask all unions to send protest letters to the "
        "president.\n"
    )
    h = header(text)
    assert h.title == "An Appeal to the Unions of the World"
    assert quoted(text, h, "title").startswith("An Appeal")


def test_heading_over_two_lines_is_joined() -> None:
    text = (
        "Резолюция о ситуации с трудовыми правами и\nс выражением солидарности\nМы требуем "
        "прекратить репрессии против активистов профсоюзов страны.\n"
    )
    assert header(text).title == "Резолюция о ситуации с трудовыми правами и с выражением солидарности"


def test_senders_heading_above_the_document_heading_is_not_the_title() -> None:
    text = (
        "4-й Конгресс Конфедерации профсоюзов\nКопенгаген, 7 декабря 2018 года\nРезолюция о "
        "солидарности\nМы требуем прекратить репрессии против активистов профсоюзов.\n"
    )
    assert header(text).title == "Резолюция о солидарности"


def test_quoted_letter_takes_the_articles_headline() -> None:
    text = (
        "Embassy protest in London\n\nThe following letter of protest was handed to the embassy "
        "staff by a delegation:\n\n"
        "To the Ambassador\n\nWe demand the release of the jailed union leaders.\n"
    )
    assert header(text).title == "Embassy protest in London"


def test_letterhead_and_address_lines_are_not_titles() -> None:
    text = (
        "DOCKERS' FEDERATION\n5 Harbour Road, Oslo\nTel: 123 456\n\nDear Minister,\n\nWe demand that "
        "the dockers be reinstated.\n"
    )
    assert header(text).title is None


def test_campaign_action_name_is_the_appeals_title() -> None:
    text = (
        'The action "Free the oil workers" is now closed.\n\n'
        "The oil workers were jailed after the strike. Sign this petition to call on the president "
        "to free them.\n"
    )
    assert header(text).title == "Free the oil workers"


def test_repost_line_gives_the_original_posts_title() -> None:
    text = (
        "Оригинал взят у someone в Призыв к солидарности\nТоварищи!\nЯ очень прошу всех поддержать "
        "кампанию солидарности с рабочими.\n"
    )
    assert header(text).title == "Призыв к солидарности"


# --- flags -----------------------------------------------------------------------------------


def test_lost_characters_and_mojibake_flags() -> None:
    text = (
        "Dear friends,\n\nWe demand the release of SAGNON, Tol?, Burkina Faso, and of the union¹s "
        "members. Moscow, bulvar 3 ã.\n"
    )
    assert header(text).flags == (Flag.lost_characters, Flag.mojibake)


def test_urls_and_questions_are_not_lost_characters() -> None:
    text = (
        "Dear friends,\n\nWhy? We ask you to read http://example.org/index.php?option=com and to protest.\n"
    )
    assert header(text).flags == ()


def test_letter_cut_off_by_the_page_copy_is_truncated() -> None:
    text = (
        "Dear friends,\n\n"
        + "We demand that the workers be released at once. " * 40
        + "We also ask that the comp"
    )
    assert Flag.truncated in header(text).flags


def test_letter_ending_on_a_complete_sentence_or_date_is_not_truncated() -> None:
    body = "We demand that the workers be released at once. " * 40
    assert Flag.truncated not in header("Dear friends,\n\n" + body + "\n\nThe Union.").flags
    assert Flag.truncated not in header("Dear friends,\n\n" + body + "\n\nJanuary 7, 2022").flags
    assert Flag.truncated not in header("Dear friends,\n\n" + body + "\n\nThe Union\n").flags


def test_read_header_on_a_hand_made_segment() -> None:
    text = "junk\nBrussels, 27 June 2012\nWe demand it."
    h = read_header(Segment(text, 5, len(text)))
    assert (h.date, h.place, h.language) == ("2012-06-27", "Brussels", "en")


# --- golden ----------------------------------------------------------------------------------

FIELDS = ("date", "place", "reference", "language", "title", "flags")


@needs_shared
@pytest.mark.parametrize("pair", shared_pairs(), ids=lambda p: p[0].stem)
def test_gold_header_fields(pair: tuple[object, object]) -> None:
    text_path, gold_path = pair
    text = text_path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    for g in read_gold(gold_path):  # type: ignore[arg-type]
        h = read_header(Segment(text, g["source"]["start"], g["source"]["end"]))
        found = {**h.__dict__, "flags": [f.value for f in h.flags]}
        assert {k: found[k] for k in FIELDS} == {k: g.get(k) for k in FIELDS}
        for field in ("date", "reference"):
            if field in h.spans:
                span = h.spans[field]
                assert text[span.start : span.end].strip("* ") != ""


# --- forms added after the first round --------------------------------------------------------


def test_subject_line_beats_the_page_heading() -> None:
    text = (
        "Solidarity with the miners\n\nThe union has written to the company, the site says in its report.\n\n"
        "To the Board\n\nRe: Solidarity with the miners of the north\n\nDear Sirs,\n\n"
        "We demand that you negotiate with the union.\n"
    )
    assert header(text).title == "Solidarity with the miners of the north"


def test_russian_day_in_guillemets_and_year_only_dates() -> None:
    text = "Президенту РК\n\nМы требуем выплатить заработную плату рабочим завода.\n\n«16» декабря 2021 г."
    assert header(text).date == "2021-12-16"
    text = "Президенту РК\n\nМы требуем выплатить заработную плату рабочим завода.\n\nАлматы, 2021 г."
    assert (header(text).date, header(text).place) == ("2021", "Almaty")


def test_city_after_the_date() -> None:
    text = "Dear Minister,\n\nWe demand that the dockers be reinstated at once.\n\n5 May 2015, Almaty\n"
    assert header(text).place == "Almaty"


def test_kazakh_dateline_with_city_abbreviation() -> None:
    text = "Құрметті әкім!\n\nБіз жалақымызды көтеруді талап етеміз.\n\nАлматы қ., 2021 жылғы 12 наурыз\n"
    assert (header(text).date, header(text).place) == ("2021-03-12", "Almaty")


def test_post_header_dates_the_authors_own_letter_but_a_label_is_no_place() -> None:
    text = (
        "Solidarity with the striking miners\nPosted on 5 May 2015 by admin\n"
        "The Union of Miners expresses its solidarity. We demand that the company reinstate all workers.\n"
    )
    assert (header(text).date, header(text).place) == ("2015-05-05", None)


def test_deadline_on_a_short_line_is_not_the_date() -> None:
    text = (
        "Dear Minister,\n\nWe demand that the dockers be reinstated at once.\n\nPlease reply by 16 May 2015\n"
    )
    assert header(text).date is None


def test_heading_with_a_colon_over_an_address_line_is_a_title() -> None:
    text = (
        "Petition: Release the lawyer\n\nTo: The Prosecutor General\n\n"
        "We, the undersigned, call for her release.\n"
    )
    assert header(text).title == "Petition: Release the lawyer"


def test_russian_letterhead_dateline_with_number() -> None:
    text = (
        "ПРОФСОЮЗ ТРАНСПОРТНИКОВ\n050000, г. Алматы, ул. Абая, 10, тел. 8 (727) 2505050\n\n"
        "г. Алматы          12.03.2014 г. № 15/03\n\nМинистру труда\n\nУважаемая Тамара Босымбековна!\n\n"
        "Профсоюз требует прекратить незаконные увольнения работников парка.\n"
    )
    h = header(text)
    assert (h.date, h.place, h.reference, h.title) == ("2014-03-12", "Almaty", "15/03", None)


def test_slogan_naming_a_union_is_a_title_but_a_union_name_is_not() -> None:
    body = "\n\nWe demand that the dockers be reinstated at once.\n"
    assert (
        header("Solidarity with the Union of Dockers" + body).title == "Solidarity with the Union of Dockers"
    )
    assert header("Federation of Dockers' Unions" + body).title is None


def test_date_line_with_a_weekday_at_the_foot_dates_the_letter() -> None:
    text = (
        "Dear Minister,\n\nWe demand that the dockers be reinstated at once.\n\nThe Union\nMonday, 5 "
        "May 2015\n"
    )
    assert header(text).date == "2015-05-05"
