"""Segmentation: which letters a text holds and where each starts and ends (one minimal example per rule)."""

from __future__ import annotations

import pytest

from kzlabour.parser.segment import segment
from tests.conftest import needs_shared, read_gold, shared_pairs


def spans(text: str) -> list[str]:
    return [s.body for s in segment(text)]


def test_empty_and_blank_texts_hold_no_letter() -> None:
    assert segment("") == []
    assert segment(" \n\n\t") == []


def test_span_runs_from_first_to_after_last_non_space_character() -> None:
    text = (
        "\n\nTo the Minister of Labour\n\nWe demand that the dockers be reinstated.\n\nThe Dockers' "
        "Union  \n\n"
    )
    (seg,) = segment(text)
    assert text[seg.start : seg.start + 6] == "To the"
    assert text[seg.end - 5 : seg.end] == "Union"


def test_letterhead_above_the_address_is_inside() -> None:
    text = (
        "DOCKERS' UNION\n5 Harbour Road\nOslo\ntel. 123 456\n\n"
        "To the Minister of Labour\n\nDear Minister,\n\nWe demand that the dockers be reinstated at once.\n"
    )
    assert spans(text)[0].startswith("DOCKERS' UNION")


def test_heading_directly_above_a_by_line_is_inside_and_site_lines_above_it_are_not() -> None:
    text = (
        "from the campaign site -\nweb-site -\n\n"
        "Solidarity with the miners now!\n\n"
        "From the Miners' Support Group, 3 May 2004\n\n"
        "Dear friends,\n\nWe urge you to write to the company and demand that it negotiate with the union.\n"
    )
    assert spans(text)[0].startswith("Solidarity with the miners now!")


def test_article_headline_and_intro_lie_outside() -> None:
    text = (
        "Union protests at embassy\n\n"
        "The following letter of protest was handed to the embassy staff yesterday by a delegation:\n\n"
        "To the Ambassador of Kazakhstan\n\nWe demand the release of the jailed union leaders.\n\nThe Union\n"
    )
    assert spans(text) == [
        "To the Ambassador of Kazakhstan\n\nWe demand the release of the jailed union leaders.\n\nThe Union"
    ]


def test_label_before_a_letter_lies_outside() -> None:
    text = (
        "Рабочие требуют отставки руководства, сообщают наши корреспонденты из Жанаозена сегодня.\n\n"
        "Письмо 1:\n\nҚазақстан Республикасының Президенті\nН.Ә. Назарбаев мырзаға\n"
    )
    assert spans(text) == ["Қазақстан Республикасының Президенті\nН.Ә. Назарбаев мырзаға"]


def test_news_report_holds_no_letter() -> None:
    text = (
        "19 мая 2017, 16:57\n\nПикет у консульства\n\n"
        "Освободить арестованных профсоюзных лидеров призвали сегодня участники пикетов у консульства.\n"
    )
    assert segment(text) == []


def test_first_person_words_only_inside_a_reporters_quote_give_no_letter() -> None:
    text = (
        "Workers protest in Aktau\n\n"
        'Oil workers gathered outside the akimat on Monday. "We demand higher wages," '
        "said one of them to reporters.\n"
    )
    assert segment(text) == []


def test_quoted_appeal_spans_the_inside_of_the_guillemets() -> None:
    appeal = (
        "Біз Ақтау қаласының жұмысшылары әкімге үндеу жолдаймыз. Жалақымызды көтеруді талап етеміз! "
        "Жауап беруіңізді сұраймыз, біз күтеміз, біз тоқтамаймыз, біз бірлікпен күресеміз"
    )
    text = (
        f"Жұмысшылар үндеу жасады\nЖұмысшылар жиналды, деп хабарлайды сайт. «{appeal}», - деді жұмысшылар.\n"
    )
    assert spans(text) == [appeal]


def test_appeal_before_a_model_letter_is_a_letter_of_its_own() -> None:
    text = (
        "Protest letters needed\n\n"
        "Please send a protest letter based on the model below to the ministry and the company.\n\n"
        "To whom it may concern:\n\nI protest at the dismissal of the strikers and ask that they be "
        "reinstated.\n"
    )
    found = spans(text)
    assert len(found) == 2
    assert found[0].startswith("Protest letters needed") and found[0].endswith("company.")
    assert found[1].startswith("To whom it may concern:")


def test_petition_after_a_campaign_text_starts_at_its_address_line() -> None:
    text = (
        "Sign this petition to call on the President to release the jailed labour activist immediately.\n\n"
        "Sign this petition...\n\n"
        "President Nursultan Nazarbayev\n\nDear President,\n\nWe, the undersigned, call on you to "
        "release her.\n"
    )
    found = spans(text)
    assert len(found) == 2
    assert found[1].startswith("President Nursultan Nazarbayev")


def test_by_line_after_a_letter_starts_the_next_one() -> None:
    text = (
        "No to repression!\n\nWe demand that the repression against the union leaders be stopped at once.\n\n"
        "From the Executive Committee of the Workers' Movement:\n\n"
        "An Appeal to the Unions of the World.\n\nWe ask all unions to send protest letters to the "
        "president.\n"
    )
    found = spans(text)
    assert len(found) == 2
    assert found[1].startswith("From the Executive Committee")


def test_repost_line_starts_the_span_and_the_endorsement_above_it_does_not() -> None:
    text = (
        "reposter: (Default)\nПоддерживаю.\n\n"
        "Оригинал взят у someone в Призыв к солидарности\nТоварищи!\n"
        "Мы все следим за забастовкой нефтяников. Я очень прошу всех поддержать кампанию солидарности.\n"
    )
    assert spans(text)[0].startswith("Оригинал взят у someone")


def test_forwarded_header_that_dates_the_letter_starts_the_span() -> None:
    text = (
        "From: JK\nSent: 3 May 2004 10:12\nTo: list\nSubject: Solidarity\n\n"
        "Dear colleagues,\n\nWe call on the company to negotiate with the striking miners' union now.\n"
    )
    assert spans(text)[0].startswith("From: JK")


def test_mailing_list_headers_and_menus_are_furniture() -> None:
    text = (
        "[Documents menu] Documents menu\n\n"
        "From LIST@EXAMPLE.ORG Thu Mar 22 07:15:15 2001\nDate: Wed, 21 Mar 2001 21:06:21 EST\n"
        "Sender: A list <LIST@EXAMPLE.ORG>\nSubject: Repression\n\n"
        "Dear brothers and sisters,\n\nWe urge you to fax protest letters to the president of the republic.\n"
    )
    assert spans(text)[0].startswith("Dear brothers and sisters")


def test_donation_appeal_and_comment_box_end_the_letter() -> None:
    text = (
        "To the Ambassador\n\nWe demand an end to the repression of the striking oil workers.\n\n"
        "The Socialist Party.\n\nSpecial financial appeal to all readers\n\nPlease give generously "
        "to our fund.\n\n"
        "Leave a Reply\n"
    )
    assert spans(text)[0].endswith("The Socialist Party.")


def test_translation_after_a_letter_is_a_letter_of_its_own() -> None:
    text = (
        "Declaration of the Miners' Union\n"
        "We, the miners of the region, demand that the dismissed workers be reinstated and that the "
        "company begin talks with our union without delay. We also demand an end to the arrests.\n"
        "Заявление профсоюза горняков\nМы, горняки региона, требуем восстановить уволенных рабочих.\n"
    )
    found = spans(text)
    assert len(found) == 2
    assert found[1].startswith("Заявление профсоюза горняков")


def test_bilingual_letterhead_does_not_split_the_letter() -> None:
    text = (
        "Кәсіподақтар бірлестігі\nРеспублика қаласы\n\nОбъединение профсоюзов\nг. Астана\n\n"
        "To the Embassy\n\nDear Ambassador,\n\nWe express our concern at the attacks on workers and call for "
        "their protection by all the parties concerned in accordance with the law.\n"
    )
    assert len(segment(text)) == 1


def test_resolution_after_a_dated_article_lead_starts_at_its_operative_sentence() -> None:
    text = (
        "Unions denounce the massacre\n\n"
        "From May 2011 until December 2011 the oil workers of the city went on strike for better pay.\n\n"
        "On December 16th 2011 armed forces attacked the strikers and killed many of them in the square.\n\n"
        "The federations and unions of the country express their class solidarity and :\n\n"
        "  1. Demand the immediate release of the imprisoned trade unionists.\n\n"
        "  2. Denounce the government for the repression.\n"
    )
    assert spans(text)[0].startswith("The federations and unions")


def test_statement_without_address_is_one_letter_from_its_heading() -> None:
    text = (
        "Statement of the Teachers' Union\n\nWe demand that the authorities release the arrested "
        "teachers now.\n"
    )
    assert spans(text)[0].startswith("Statement of the Teachers' Union")


@pytest.mark.parametrize(
    "text",
    [
        "x" * 2_000_000,
        "- item one two three\n" * 100_000,
        "NAME, Given, " * 200_000,
        "«" * 100_000,
        "Dear Sir,\nWe demand that it stop.\n" * 20_000,
        "\r" * 100_000 + "\x00\ufeff",
    ],
    ids=["long-line", "bullets", "names", "guillemets", "salutations", "control"],
)
def test_adversarial_texts_segment_without_raising(text: str) -> None:
    for seg in segment(text):
        assert 0 <= seg.start <= seg.end <= len(text)


@needs_shared
@pytest.mark.parametrize("pair", shared_pairs(), ids=lambda p: p[0].stem)
def test_gold_spans(pair: tuple[object, object]) -> None:
    text_path, gold_path = pair
    text = text_path.read_text(encoding="utf-8")  # type: ignore[attr-defined]
    gold = [(g["source"]["start"], g["source"]["end"]) for g in read_gold(gold_path)]  # type: ignore[arg-type]
    assert [(s.start, s.end) for s in segment(text)] == gold


def test_headline_naming_an_open_letter_over_a_news_report_is_no_letter() -> None:
    text = (
        "Open letter to the president demands release of union activists\n\n12 March 2021\n\n"
        "A group of unions has sent an open letter to the president, calling for the release of "
        "activists.\n\n"
        "The authorities have not yet commented on the letter, the agency reported on Monday.\n"
    )
    assert segment(text) == []


def test_kazakh_letter_then_its_russian_version() -> None:
    text = (
        "Ашық хат\n\nБіз, зауыттың жұмысшылары, жалақымызды көтеруді және қысқартуды тоқтатуды талап етеміз. "
        "Біз әкімшілікпен келіссөз жүргізуге дайынбыз және жауап күтеміз.\n\n"
        "Открытое письмо\n\nМы, рабочие завода, требуем повысить заработную плату и прекратить сокращения.\n"
    )
    found = spans(text)
    assert len(found) == 2
    assert found[1].startswith("Открытое письмо")


@pytest.mark.parametrize(
    "address",
    ["H.E. Mr Kassym-Jomart Tokayev", "Президенту Республики Казахстан", "ҚР Президенті Қ.К. Тоқаевқа"],
)
def test_address_lines_start_a_letter_after_an_article(address: str) -> None:
    text = (
        "Workers appeal to the president\n\nThe workers of the plant published an appeal on Monday, "
        "the local news agency reported from the city.\n\n"
        f"{address}\n\nWe demand that our wages be paid.\n"
    )
    assert spans(text)[0].startswith(address)


def test_article_line_that_introduces_the_text_lies_outside() -> None:
    text = (
        "Unions demand release of activists\n\n"
        "The following statement was adopted by the conference of the unions on 5 May:\n\n"
        "We, the delegates of the conference, demand the release of the jailed union activists.\n"
    )
    assert spans(text)[0].startswith("We, the delegates")


def test_reporters_words_after_the_signature_lie_outside() -> None:
    text = (
        "To the Minister\n\nWe demand that the dockers be reinstated at once.\n\nYours sincerely,\n\n"
        "Jane Roe\nGeneral Secretary\n\n"
        "The letter was handed to the ministry on Monday, the union's press office said in a statement.\n"
    )
    assert spans(text)[0].endswith("General Secretary")


def test_we_support_in_an_articles_lead_does_not_make_it_a_letter() -> None:
    text = (
        "We support the workers and publish their letter, which reached our editors this week, in full.\n\n"
        "To the Minister\n\nWe demand that the dockers be reinstated.\n"
    )
    assert len(segment(text)) == 1


def test_numbered_letter_labels_lie_outside_both_letters() -> None:
    text = (
        "Please send the letters below to the president and the prosecutor, and send us a copy.\n\n"
        "Letter 1\n\nTo the President\n\nDear President,\n\nWe call on you to release the unionists.\n\n"
        "Letter 2\n\nTo the Prosecutor General\n\nWe call on you to drop the charges.\n"
    )
    found = spans(text)
    assert [f.split("\n")[0] for f in found] == [
        found[0].split("\n")[0],
        "To the President",
        "To the Prosecutor General",
    ]
    assert not any(f.endswith(("Letter 1", "Letter 2")) for f in found)


def test_send_button_ends_the_model_message() -> None:
    text = (
        "Please send a message to the president now.\nYour message:\nTo: President Tokayev\n"
        "Dear President,\nI urge you to release the union leader.\nYours sincerely,\nSend message\n"
    )
    assert spans(text)[1].startswith("To: President") and spans(text)[1].endswith("Yours sincerely,")


@needs_shared
@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_break_convention_does_not_change_the_letters(newline: str) -> None:
    for text_path, _ in shared_pairs():
        text = text_path.read_text(encoding="utf-8")
        original = [s.body for s in segment(text)]
        converted = [s.body.replace(newline, "\n") for s in segment(text.replace("\n", newline))]
        assert converted == original, text_path.name


def test_third_person_statement_under_its_heading_is_a_letter() -> None:
    text = (
        "Statement by the Federation\n\nThe Federation condemns the arrests and calls on the "
        "government to free them.\n"
    )
    assert len(segment(text)) == 1


def test_news_line_that_starts_with_a_document_word_is_no_letter() -> None:
    text = (
        "Заявление профсоюза было опубликовано в понедельник.\n\nВ нем говорится о задержках "
        "зарплаты на шахте.\n"
    )
    assert segment(text) == []


def test_third_person_statement_without_heading_is_a_letter_but_its_news_report_is_not() -> None:
    statement = (
        "The Federation condemns the arrests of the miners and calls on the government to free them.\n"
    )
    assert len(segment(statement)) == 1
    report = "The Federation condemns the arrests of the miners, its spokesman said on Monday.\n"
    assert segment(report) == []


def test_site_menu_above_the_letter_is_furniture() -> None:
    text = (
        "Home\nAbout us\nNews\nContact\n\nTo the Minister of Labour\n\nWe demand that the dockers be "
        "reinstated.\n"
    )
    assert spans(text)[0].startswith("To the Minister")
    text = (
        "Home | About | News | Contact\n\nTo the Minister of Labour\n\nWe demand that the dockers be "
        "reinstated.\n"
    )
    assert spans(text)[0].startswith("To the Minister")


def test_short_signature_block_is_not_a_menu() -> None:
    text = (
        "To the Minister\n\nWe demand that the dockers be reinstated.\n\nJane Roe\nGeneral Secretary\nITF\n"
    )
    assert spans(text)[0].endswith("ITF")


def test_letter_quoted_over_several_lines_spans_the_inside_of_the_quotes() -> None:
    text = (
        "Рабочие обратились к президенту, сообщает агентство со ссылкой на профсоюз предприятия.\n\n"
        "«Президенту Республики Казахстан\n\nУважаемый Касым-Жомарт Кемелевич!\n\n"
        "Мы требуем выплатить зарплату.\n\nКоллектив завода», - говорится в обращении.\n"
    )
    assert spans(text) == [
        "Президенту Республики Казахстан\n\nУважаемый Касым-Жомарт Кемелевич!\n\n"
        "Мы требуем выплатить зарплату.\n\nКоллектив завода"
    ]
