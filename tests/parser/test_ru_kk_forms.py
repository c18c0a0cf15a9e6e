"""Russian and Kazakh letter forms: one minimal invented example per rule.

The full letters these rules came from are in tests/corpus/ru_*.txt and kk_*.txt.
"""

from __future__ import annotations

from kzlabour.models import Letter
from kzlabour.parser import parse
from kzlabour.parser.morph import ru_nominative


def _one(text: str) -> Letter:
    letters = parse(text)
    assert len(letters) == 1, [lt.source for lt in letters]
    return letters[0]


def _texts(letter: Letter) -> list[str]:
    return [d.text for d in letter.demands]


# --- signatures -------------------------------------------------------------------------


def test_position_and_name_on_one_line_with_a_gap() -> None:
    letter = _one(
        "Министру труда\nг-ну Иванову И.И.\n\nУважаемый Иван Иванович!\n\n"
        "Просим выплатить зарплату рабочим завода.\n\nПредседатель профсоюза        А.К. Жумабаев\n"
    )
    (sig,) = letter.signatories
    assert (sig.name, sig.role, sig.organisation) == ("А.К. Жумабаев", "Председатель профсоюза", None)


def test_kazakh_position_then_initials_name_on_one_line() -> None:
    letter = _one(
        "Облыс әкімі Н.Ж. Ноғаевқа\n\nЖалақыны төлеуді сұраймыз.\n\n"
        "Құрметпен,\n«Кеншілер» кәсіподағының төрағасы А. Смағұлов\n"
    )
    (sig,) = letter.signatories
    assert sig.name == "А. Смағұлов"
    assert sig.organisation == "«Кеншілер» кәсіподағы"


def test_officer_of_an_organ_belongs_to_the_body() -> None:
    letter = _one(
        "Заявление\n\nМы требуем выплатить задолженность по заработной плате водителям.\n\n"
        "Председатель Правления ОО «Рабочее движение»     Иванов И.И.\n"
    )
    assert letter.signatories[0].organisation == "ОО «Рабочее движение»"


def test_russian_organ_sign_off_is_role_and_body() -> None:
    letter = _one(
        "Дорогие товарищи!\n\nПросим вас распространить информацию о забастовке.\n\n"
        "С солидарным приветом,\nИсполнительный комитет профсоюза «Курмет»\nг. Шымкент\n"
    )
    (sig,) = letter.signatories
    assert (sig.role, sig.organisation) == ("Исполнительный комитет", "профсоюз «Курмет»")
    assert letter.place == "Shymkent"  # the city line under the sign-off


# --- letterheads and addresses ----------------------------------------------------------


def test_bilingual_letterhead_gives_the_name_in_the_letters_language() -> None:
    letter = _one(
        "«ЕҢБЕК» КӘСІПОДАҒЫ\nПРОФСОЮЗ «ЕНБЕК»\n050000, г. Алматы, ул. Абая 10\n\n"
        "Министру труда\nг-ну Иванову И.И.\n\nУважаемый Иван Иванович!\n\n"
        "Просим провести проверку на строительных площадках города.\n"
    )
    assert [s.organisation for s in letter.senders] == ["ПРОФСОЮЗ «ЕНБЕК»"]


def test_dative_address_block_is_no_letterhead() -> None:
    letter = _one(
        "Генеральному директору ТОО «Альфа»\nг-ну Петрову П.П.\n\n"
        "Уважаемый Петр Петрович!\n\n"
        "Профсоюзная организация ТОО «Альфа» выражает протест против сокращений.\n"
    )
    assert [s.organisation for s in letter.senders] == ["Профсоюзная организация ТОО «Альфа»"]


def test_kazakh_office_and_initials_name_on_one_line() -> None:
    letter = _one("Қазақстан Республикасының Президенті Қ.К. Тоқаевқа\n\nЖалақыны көтеруді талап етеміз.\n")
    (rec,) = letter.recipients
    assert (rec.name, rec.role) == ("Қ.К. Тоқаев", "Қазақстан Республикасының Президенті")


def test_kazakh_body_in_the_dative_back_in_the_nominative() -> None:
    letter = _one("Облыс әкімі Н.Ж. Ноғаевқа\nОблыс прокуратурасына\n\nЖалақыны көтеруді талап етеміз.\n")
    assert [r.role for r in letter.recipients][1] == "Облыс прокуратурасы"


def test_russian_heading_addressed_in_the_dative() -> None:
    letter = _one(
        "Открытое письмо Президенту Республики Казахстан К.К. Токаеву\n\n"
        "Уважаемый Касым-Жомарт Кемелевич!\n\nПросим освободить арестованных рабочих.\n"
    )
    (rec,) = letter.recipients
    assert (rec.name, rec.role) == ("К.К. Токаев", "Президент Республики Казахстан")


def test_salutation_running_on_into_a_quoted_appeal() -> None:
    text = (
        "Мұнайшылар Премьер-Министрге видеоүндеу жолдады\n\n"
        "Кен орнының жұмысшылары әлеуметтік желіде видеоүндеу таратты.\n\n"
        "«Құрметті Әлихан Асханұлы! Біз, «Ойл Сервис» компаниясының жұмысшылары, бір жылдан бері "
        "жалақымыздың өсуін күтіп жүрміз. Жалақыны көтеруді талап етеміз!» - деді жұмысшылар.\n"
    )
    letter = _one(text)
    assert [r.name for r in letter.recipients] == ["Әлихан Асханұлы"]


def test_copy_line_under_the_address_is_no_heading() -> None:
    letter = _one(
        "Облыс әкімі\nЖ.Қ. Қасымбековке\n\nКөшірмесі: Бас прокуратураға\n\n"
        "Құрметті Жеңіс Махмұдұлы!\n\nШахтаны жабу туралы шешімді қайта қарауды сұраймыз.\n"
    )
    assert letter.title is None
    assert letter.recipients[0].name == "Ж.Қ. Қасымбеков"


# --- senders ----------------------------------------------------------------------------


def test_kazakh_subject_with_the_verb_last() -> None:
    letter = _one(
        "Облыс әкімі Н.Ж. Ноғаевқа\n\n"
        "«Шахтер» кәсіподағы шахтаның жабылуына байланысты алаңдаушылық білдіреді.\n"
    )
    assert [s.organisation for s in letter.senders] == ["«Шахтер» кәсіподағы"]


def test_conference_heading_of_no_named_body_is_the_sender() -> None:
    letter = _one(
        "Резолюция конференции профсоюзных активистов региона\n\n"
        "Конференция требует прекратить преследование профсоюзных лидеров.\n"
    )
    assert [s.organisation for s in letter.senders] == ["конференция профсоюзных активистов региона"]


# --- places -----------------------------------------------------------------------------


def test_own_city_with_a_comma_after_biz() -> None:
    assert _one("Біз, Жезқазған қаласының кеншілері, жалақыны төлеуді талап етеміз.\n").place == "Zhezkazgan"


def test_own_city_after_a_russian_group_noun() -> None:
    letter = _one("Мы, рабочие Темиртау, требуем выплатить заработную плату за три месяца.\n")
    assert letter.place == "Temirtau"


# --- segmentation -----------------------------------------------------------------------


def test_translation_label_parts_the_two_versions() -> None:
    kk = "Біз, Павлодар қаласының автобус жүргізушілері, үш айдан бері жалақы алмай отырмыз. " * 3
    ru = "Мы, водители автобусов города Павлодара, уже три месяца не получаем заработную плату. " * 3
    letters = parse(f"{kk}\n\nЖалақы қарызын төлеуді талап етеміз.\n\nПеревод на русский язык:\n\n{ru}\n")
    assert [lt.language for lt in letters] == ["kk", "ru"]
    assert "Перевод" not in letters[1].title if letters[1].title else True


# --- demands ----------------------------------------------------------------------------


def test_third_person_call_with_the_addressee_before_the_infinitives() -> None:
    letter = _one(
        "Заявление КТР\n\nКонфедерация труда России (КТР) выражает солидарность с рабочими.\n\n"
        "КТР призывает власти освободить задержанных активистов и начать переговоры с бастующими.\n"
    )
    assert _texts(letter) == ["освободить задержанных активистов", "начать переговоры с бастующими"]


def test_turning_to_someone_asks_nothing_yet() -> None:
    letter = _one("Дорогие товарищи!\n\nОбращаемся к вам от имени работников завода.\n")
    assert letter.demands == ()


def test_kazakh_list_governed_by_the_final_verb_of_its_last_item() -> None:
    letter = _one(
        "Облыс әкімі Н.Ж. Ноғаевқа\n\nОсыған байланысты:\n1. Жұмысшыларды қайта жұмысқа алуды;\n"
        "2. Қудалауды тоқтатуды талап етеміз.\n"
    )
    assert _texts(letter) == ["Жұмысшыларды қайта жұмысқа алуды", "Қудалауды тоқтатуды"]


def test_kazakh_reason_after_the_final_verb_is_no_demand() -> None:
    letter = _one("Біз демалыс күндерін қалпына келтіруді өтінеміз, себебі бұл құқық алынып тасталды.\n")
    assert _texts(letter) == ["демалыс күндерін қалпына келтіруді"]


def test_kazakh_ablative_addressee_and_connective_are_trimmed() -> None:
    letter = _one("Осыған байланысты министрліктен кешенді тексеру жүргізуді сұраймыз.\n")
    assert _texts(letter) == ["кешенді тексеру жүргізуді"]


def test_russian_that_clauses_joined_by_a() -> None:
    letter = _one(
        "Мы требуем, чтобы прокуратура возбудила уголовное дело против нападавших, "
        "а компания выплатила водителям задолженность по заработной плате.\n"
    )
    assert [d.category.value for d in letter.demands] == ["investigate_abuses", "workers_livelihood"]


def test_letters_readers_send_and_what_they_demand_are_two() -> None:
    letter = _one(
        "Дорогие коллеги!\n\nПросим вас направить письма протеста в адрес руководства компании "
        "с требованием восстановить уволенных работников.\n"
    )
    assert _texts(letter) == [
        "направить письма протеста в адрес руководства компании",
        "восстановить уволенных работников",
    ]
    assert letter.demands[0].category.value == "solidarity_action"


def test_kazakh_dismissal_is_no_release() -> None:
    letter = _one("Жұмыстан босатылатын кеншілерді жұмыспен қамтамасыз етуді сұраймыз.\n")
    assert letter.demands[0].category.value == "workers_livelihood"


# --- morphology -------------------------------------------------------------------------


def test_adjectives_agree_with_the_head_noun_in_the_nominative() -> None:
    assert ru_nominative("независимого профсоюза «Болашак»", "gent") == "независимый профсоюз «Болашак»"


def test_signatory_list_name_dash_position() -> None:
    letter = _one(
        "Акиму города\n\nМы, жители города, просим восстановить уволенных нефтяников.\n\n"
        "Иванов А.П. — оператор, АО «Озенмунайгаз»\nНурланова Г.С. — учитель\n"
    )
    assert [(s.name, s.role) for s in letter.signatories] == [
        ("А.П. Иванов", "оператор"),
        ("Г.С. Нурланова", "учитель"),
    ]
