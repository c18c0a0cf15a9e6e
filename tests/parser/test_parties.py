"""Parties of a letter, one minimal invented example per rule (ANNOTATION-DECISIONS §9–§16)."""

from __future__ import annotations

from typing import Any

from kzlabour.models import Party
from kzlabour.parser.document import Segment
from kzlabour.parser.parties import Parties, read_parties


def parties(text: str, language: str | None = "en") -> Parties:
    return read_parties(Segment(text, 0, len(text.rstrip())), language)


def brief(found: tuple[Party, ...]) -> list[dict[str, Any]]:
    """The parties without empty keys and spans, for readable comparisons."""
    return [{k: v for k, v in p.model_dump(mode="json").items() if v and k != "span"} for p in found]


# Recipients -------------------------------------------------------------------------------------


def test_to_line_names_an_institution() -> None:
    p = parties("To the Embassy of Germany in Kazakhstan\n\nDear Ambassador,\n\nWe protest.\n")
    assert brief(p.recipients) == [{"organisation": "Embassy of Germany in Kazakhstan", "country": "KZ"}]


def test_to_line_with_several_bodies_gives_one_recipient_each() -> None:
    p = parties(
        "To the Ministry of Labour, the akimat of the region, the board of the company\n\nWe protest.\n"
    )
    assert [r.organisation for r in p.recipients] == [
        "Ministry of Labour",
        "akimat of the region",
        "board of the company",
    ]


def test_to_line_with_address_lines_under_it() -> None:
    (r,) = parties(
        "To: President Olga Petrova\nAstana, Kazakhstan\n\nDear President,\n\nWe protest.\n"
    ).recipients
    assert (r.name, r.role, r.address, r.country) == ("Olga Petrova", "President", "Astana, Kazakhstan", "KZ")


def test_person_block_with_address_and_email() -> None:
    text = (
        "Mrs Anna Berg\nMinister of Labour of the Republic of Kazakhstan\n5 Main Street\nAstana\n\n"
        "By email:\nminister@example.org\n\nDear Minister,\n\nWe protest.\n"
    )
    (r,) = parties(text).recipients
    assert (r.name, r.role, r.country) == (
        "Anna Berg",
        "Minister of Labour of the Republic of Kazakhstan",
        "KZ",
    )
    assert (r.address, r.email) == ("5 Main Street, Astana", "minister@example.org")


def test_title_before_name_is_the_role() -> None:
    (r,) = parties("Prime Minister Olga Petrova\n\nDear Prime Minister,\n\nWe protest.\n").recipients
    assert (r.name, r.role, r.country) == ("Olga Petrova", "Prime Minister", "KZ")


def test_bare_to_label_with_the_addressee_under_it() -> None:
    text = (
        "To:\nPresident of the Republic of Kazakhstan\nMr. Kassym-Jomart Tokayev\n"
        "Akorda, Astana\n\nWe protest.\n"
    )
    assert brief(parties(text).recipients) == [
        {
            "name": "Kassym-Jomart Tokayev",
            "role": "President of the Republic of Kazakhstan",
            "country": "KZ",
            "address": "Akorda, Astana",
        }
    ]


def test_russian_office_of_a_body_in_the_genitive() -> None:
    text = "Председателю Мажилиса Парламента\nКошанову Е.Ж.\n\nПросим.\n"
    (r,) = parties(text, "ru").recipients
    assert (r.name, r.role, r.organisation) == (
        "Е.Ж. Кошанов",
        "Председатель Мажилиса Парламента",
        "Мажилис Парламента",
    )


def test_russian_dative_address_block() -> None:
    text = "Министру труда Республики Казахстан\nг-ну Иванову И.И.\n\nУважаемый Иван Иванович!\n\nПросим.\n"
    (r,) = parties(text, "ru").recipients
    assert (r.name, r.role, r.country) == ("И.И. Иванов", "Министр труда Республики Казахстан", "KZ")


def test_russian_genitive_addressee_group() -> None:
    (r,) = parties("Для представителей профсоюзов Европы\nМы протестуем.\n", "ru").recipients
    assert r.role == "представители профсоюзов Европы"


def test_kazakh_dative_office_and_holder() -> None:
    text = "«Алтын Су» зауыты директоры К.М. Оспанов мырзаға\n\nҚұрметті Қайрат Маратұлы!\n\nТалап етеміз.\n"
    (r,) = parties(text, "kk").recipients
    # The address line is the name's form; "Y X-ы" keeps the role whole, Y is the body.
    assert (r.name, r.role, r.organisation) == (
        "К.М. Оспанов",
        "«Алтын Су» зауыты директоры",
        "«Алтын Су» зауыты",
    )


def test_salutation_names_the_recipient_without_address_line() -> None:
    (r,) = parties("Dear Kassym-Jomart Kemelevich!\n\nWe ask you to act.\n").recipients
    assert (r.name, r.country) == ("Kassym-Jomart Kemelevich", "KZ")


def test_salutation_naming_a_group() -> None:
    (r,) = parties("Dear members of the dockers' union,\n\nJoin us.\n").recipients
    assert r.role == "members of the dockers' union"


def test_bare_salutations_name_nobody() -> None:
    for greeting in ("Dear Sir/Madam,", "To whom it may concern:", "Dear colleagues,", "Товарищи!"):
        assert parties(f"{greeting}\n\nWe protest against the arrests.\n").recipients == ()


def test_salutation_adds_nothing_to_an_address_line() -> None:
    p = parties("To the Governor of Mangystau region\n\nDear Mr. Governor,\n\nWe protest.\n")
    assert brief(p.recipients) == [{"role": "Governor of Mangystau region", "country": "KZ"}]


def test_we_address_to_several_authorities() -> None:
    text = "We address to President Smith, to the ministry of Labour, Sir Jones, to claim our rights.\n"
    assert [(r.name, r.role, r.organisation) for r in parties(text).recipients] == [
        ("Smith", "President", None),
        ("Jones", None, "ministry of Labour"),
    ]


def test_russian_we_turn_to_an_addressee() -> None:
    text = "Мы, рабочие ТОО «Бургылау», обращаемся к Президенту Республики Казахстан с просьбой вмешаться.\n"
    p = parties(text, "ru")
    assert [s.role for s in p.senders] == ["рабочие ТОО «Бургылау»"]
    assert [(r.role, r.country) for r in p.recipients] == [("Президент Республики Казахстан", "KZ")]


def test_appeal_heading_to_a_group_is_one_recipient() -> None:
    (r,) = parties("An Appeal to Trade Unions and Workers' Organizations of Europe.\n\nHelp us.\n").recipients
    assert r.role == "Trade Unions and Workers' Organizations of Europe"


def test_model_letter_goes_to_the_bodies_the_appeal_names() -> None:
    text = (
        "Letters can be sent to (Ozenmunaigas – the company) and (the local government).\n\n"
        "To whom it may concern:\n\nI protest against the dismissals.\n"
    )
    start = text.index("To whom")
    found = read_parties(Segment(text, start, len(text.rstrip())), "en").recipients
    assert brief(found) == [
        {"role": "the company", "organisation": "Ozenmunaigas"},
        {"role": "the local government", "country": "KZ"},
    ]


# Copies and contacts ----------------------------------------------------------------------------


def test_cc_entries() -> None:
    p = parties(
        "Dear Sir,\n\nWe protest.\n\nYours,\nJohn Doe\n\ncc: Labour Inspectorate; Ombudsman of Kazakhstan\n"
    )
    assert [(c.organisation, c.role) for c in p.copies] == [
        ("Labour Inspectorate", None),
        (None, "Ombudsman of Kazakhstan"),
    ]


def test_cc_person_with_role_and_body() -> None:
    (c,) = parties("We protest.\n\ncc: - Mr K. Berg, Chairman, Federation of Trade Unions of Norway\n").copies
    assert brief((c,)) == [
        {
            "name": "K. Berg",
            "role": "Chairman",
            "organisation": "Federation of Trade Unions of Norway",
            "country": "NO",
        }
    ]


def test_copy_label_alone_with_one_addressee_a_line() -> None:
    text = "Просим вмешаться.\n\nКопия:\nГенеральному прокурору Республики Казахстан\nМинистру труда\n"
    assert [(c.role, c.country) for c in parties(text, "ru").copies] == [
        ("Генеральный прокурор Республики Казахстан", "KZ"),
        ("Министр труда", "KZ"),
    ]


def test_letter_body_turning_to_courts_names_no_recipient() -> None:
    assert parties("The workers had to turn to the courts, to no avail.\n").recipients == ()


def test_contacts_from_a_numbered_write_to_list() -> None:
    text = (
        "Please send letters of protest to:\n\n"
        "1. Minister of Labour Olga Petrova - 010000 Astana, ul. Mira, 5, fax 7-(7172)-111111.\n"
        "2. The embassy of Kazakhstan in your country.\n"
    )
    first, second = parties(text).contacts
    assert (first.name, first.role, first.address, first.phone) == (
        "Olga Petrova",
        "Minister of Labour",
        "010000 Astana, ul. Mira, 5",
        "fax 7-(7172)-111111",
    )
    assert (second.organisation, second.country) == ("embassy of Kazakhstan in your country", None)


def test_contacts_address_then_name_lines() -> None:
    text = "Send us a copy of your letter to:\n  Kazakhstan, 484000, city Taraz, ul. Lenina, dom 7, Ivanov\n"
    (c,) = parties(text).contacts
    assert (c.name, c.address, c.country) == (
        "Ivanov",
        "Kazakhstan, 484000, city Taraz, ul. Lenina, dom 7",
        "KZ",
    )


# Senders ----------------------------------------------------------------------------------------


def test_byline_names_the_sender() -> None:
    (s,) = parties("From the Dockers' Union of Riga, 2 May 2004\n\nDear friends,\n\nSupport us.\n").senders
    assert s.organisation == "Dockers' Union of Riga"


def test_byline_organ_of_a_body() -> None:
    (s,) = parties("From the Executive Committee of the Miners' Union of Karaganda:\n\nWe protest.\n").senders
    assert (s.role, s.organisation) == ("Executive Committee", "Miners' Union of Karaganda")


def test_byline_naming_persons_makes_senders_and_signatories() -> None:
    p = parties("From Anna Ivanova, chair, and Oleg Sidorov, deputy chair\n\nWe protest.\n")
    assert [s.name for s in p.senders] == ["Anna Ivanova", "Oleg Sidorov"]
    assert [s.name for s in p.signatories] == ["Anna Ivanova", "Oleg Sidorov"]


def test_statement_heading_names_its_authors() -> None:
    (s,) = parties("Resolution of the participants of the 5th Congress of Teachers\n\nWe demand.\n").senders
    assert (s.role, s.organisation) == ("Participants", "5th Congress of Teachers")


def test_statement_by_a_body() -> None:
    (s,) = parties("Statement by the Nordic Teachers' Council on the arrests\n\nWe demand it.\n").senders
    assert s.organisation == "Nordic Teachers' Council"


def test_russian_statement_heading_in_the_genitive() -> None:
    (s,) = parties("Заявление Конфедерации труда России о забастовке\n\nТребуем освободить.\n", "ru").senders
    assert (s.organisation, s.country) == ("Конфедерация труда России", "RU")


def test_title_naming_no_author_gives_no_sender() -> None:
    assert parties("Open letter to the Government of Kazakhstan\n\nWe protest.\n").senders == ()


def test_letterhead_with_contact_lines() -> None:
    text = (
        "NORDIC DOCKERS' UNION\n12 Harbour Road, Oslo\nTel: +47 22 000000\nE-mail: info@example.org\n\n"
        "Dear President,\n\nWe protest.\n\nYours sincerely,\n\nOle Lund\nChairman\n"
    )
    p = parties(text)
    assert brief(p.senders) == [
        {
            "organisation": "NORDIC DOCKERS' UNION",
            "address": "12 Harbour Road, Oslo",
            "email": "info@example.org",
            "phone": "+47 22 000000",
        }
    ]
    assert (p.signatories[0].name, p.signatories[0].organisation) == ("Ole Lund", "NORDIC DOCKERS' UNION")


def test_letterhead_name_over_a_dateline() -> None:
    text = "Федерация профсоюзов Норвегии\nОсло, 5 мая 2011 г.\n\nМинистру труда\n\nПросим.\n"
    assert [(s.organisation, s.country) for s in parties(text, "ru").senders] == [
        ("Федерация профсоюзов Норвегии", "NO")
    ]


def test_russian_organ_heading() -> None:
    (s,) = parties("2-й Съезд Конфедерации труда России\n\nТребуем освободить.\n", "ru").senders
    assert (s.role, s.organisation) == ("2-й Съезд", "Конфедерация труда России")


def test_on_behalf_of_names_the_sender() -> None:
    text = "This letter is sent on behalf of the Teachers' Union of Norway. We protest.\n"
    assert brief(parties(text).senders) == [{"organisation": "Teachers' Union of Norway", "country": "NO"}]


def test_we_the_participants_of_a_body() -> None:
    (s,) = parties("We, the members of the Polish Miners' Union, protest against the arrests.\n").senders
    assert (s.role, s.organisation, s.country) == ("members", "Polish Miners' Union", "PL")


def test_we_who_took_part_in_a_conference() -> None:
    (s,) = parties("We, who have taken part in the 3rd Conference of Free Unions, protest.\n").senders
    assert (s.role, s.organisation) == (None, "3rd Conference of Free Unions")


def test_workers_of_a_company_are_a_group() -> None:
    (s,) = parties("We, the dockers of the Aktau port, demand our wages.\n").senders
    assert (s.role, s.organisation) == ("dockers of the Aktau port", None)


def test_we_with_a_filler_names_nobody() -> None:
    assert parties("We, however, believe that this is wrong.\n").senders == ()


def test_we_as_a_group_of_a_country() -> None:
    (s,) = parties("We, as trade unionists of Norway, protest against the arrests.\n").senders
    assert (s.role, s.country) == ("trade unionists of Norway", "NO")


def test_we_the_undersigned_names_nobody() -> None:
    assert parties("We, the undersigned, demand the release of the strikers.\n").senders == ()


def test_russian_we_clause_with_country() -> None:
    text = "Мы, активисты движения Рабочая Солидарность в Бразилии, требуем освободить.\n"
    (s,) = parties(text, "ru").senders
    assert (s.role, s.organisation, s.country) == ("активисты", "Рабочая Солидарность", "BR")


def test_kazakh_we_clause_group() -> None:
    (s,) = parties("Біз, «Алтын Су» зауытының жұмысшылары, жалақыны талап етеміз.\n", "kk").senders
    assert (s.role, s.organisation) == ("«Алтын Су» зауытының жұмысшылары", None)


def test_kazakh_appeal_sentence_gives_sender_and_recipients() -> None:
    text = (
        "Біз Қарағанды шахтерлері Қазақстан Республикасының президенті Асқар Ұлы Бекұлына үндеу жолдаймыз.\n"
    )
    p = parties(text, "kk")
    assert [s.role for s in p.senders] == ["Қарағанды шахтерлері"]
    assert [(r.name, r.role) for r in p.recipients] == [
        ("Асқар Ұлы Бекұлы", "Қазақстан Республикасының президенті")
    ]


def test_body_subject_that_demands() -> None:
    text = (
        "Dear Sir,\n\nThe Norwegian Confederation of Trade Unions, which represents many, demands that X.\n"
    )
    assert brief(parties(text).senders) == [
        {"organisation": "Norwegian Confederation of Trade Unions", "country": "NO"}
    ]


def test_plural_bodies_by_kind_are_a_role_only_sender() -> None:
    (s,) = parties("Federations and Trade Unions express their solidarity.\n").senders
    assert (s.role, s.organisation) == ("Federations and Trade Unions", None)


def test_a_body_only_described_is_no_sender() -> None:
    assert parties("Dear Sir,\n\nThe union calls for calm in the region.\n").senders == ()


def test_article_designation_of_a_quoted_appeal() -> None:
    text = "Рабочие бастуют\nМы публикуем обращение шахтеров Караганды.\n\nПросим поднять зарплату.\n"
    start = text.index("Просим")
    (s,) = read_parties(Segment(text, start, len(text.rstrip())), "ru").senders
    assert s.role == "шахтеры"


# Signatories ------------------------------------------------------------------------------------


def test_signature_block_name_role_organisation_country() -> None:
    text = (
        "Dear Sir,\n"
        "\n"
        "We protest.\n"
        "\n"
        "In solidarity,\n"
        "\n"
        "Jan Kowalski\n"
        "President\n"
        "Polish Miners' Union\n"
        "Poland\n"
    )
    p = parties(text)
    assert brief(p.signatories) == [
        {"name": "Jan Kowalski", "role": "President", "organisation": "Polish Miners' Union", "country": "PL"}
    ]


def test_organisation_signing_alone_is_sender_too() -> None:
    text = "Dear Sir,\n\nWe protest.\n\nSincerely,\n\nAMANAT Trade Union\nRepublic of Kazakhstan\n"
    p = parties(text)
    assert brief(p.signatories) == [{"organisation": "AMANAT Trade Union", "country": "KZ"}]
    assert [s.organisation for s in p.senders] == ["AMANAT Trade Union"]


def test_organ_sign_off_without_closing() -> None:
    text = (
        "We protest against the arrests of the union leaders in the region.\n"
        "\n"
        "Executive Committee of the\n"
        "\n"
        "Federation of Teachers\n"
        "\n"
        "May 1, 2020\n"
    )
    (s,) = parties(text).signatories
    assert (s.role, s.organisation) == ("Executive Committee", "Federation of Teachers")


def test_several_organisations_signing() -> None:
    text = (
        "Dear colleagues,\n\nWe protest.\n\nIn solidarity,\n\nTransport Workers' Union (UK)\nCGT (France)\n"
    )
    assert brief(parties(text).signatories) == [
        {"organisation": "Transport Workers' Union", "country": "GB"},
        {"organisation": "CGT", "country": "FR"},
    ]


def test_several_signing_bodies_are_co_signers_not_senders() -> None:
    text = "Dear all,\n\nWe protest.\n\nIn solidarity,\n\nDockers' Union of Riga\nMiners' Union of Tartu\n"
    p = parties(text)
    assert [s.organisation for s in p.signatories] == ["Dockers' Union of Riga", "Miners' Union of Tartu"]
    assert p.senders == ()


def test_name_for_organisation() -> None:
    text = "Please fax the letter.\n\nLisa Brown for\nSolidarity Network of Leeds\n\nps. more later\n"
    assert brief(parties(text).signatories) == [
        {"name": "Lisa Brown", "organisation": "Solidarity Network of Leeds"}
    ]


def test_position_above_name_russian() -> None:
    text = "Просим освободить.\n\nС уважением,\nПредседатель профсоюза «Коргау»\nОспанов К.М.\n"
    (s,) = parties(text, "ru").signatories
    assert (s.name, s.role, s.organisation) == (
        "К.М. Оспанов",
        "Председатель профсоюза «Коргау»",
        "профсоюз «Коргау»",
    )


def test_position_and_name_on_one_line() -> None:
    (s,) = parties("Просим освободить.\n\nС уважением,\nПредседатель Иван Петров\n", "ru").signatories
    assert (s.name, s.role) == ("Иван Петров", "Председатель")


def test_family_given_list_with_repeats() -> None:
    text = (
        "We protest.\n\nDOE, John, France, SG CGT-X; ROE, Jane, GB,; DOE, John, France, SG CGT-X; POE, Al ;\n"
    )
    assert brief(parties(text).signatories) == [
        {"name": "John Doe", "role": "SG", "organisation": "CGT-X", "country": "FR"},
        {"name": "Jane Roe", "country": "GB"},
        {"name": "Al Poe"},
    ]


def test_given_family_list_with_shared_plural_role() -> None:
    text = (
        "We protest.\n"
        "\n"
        "In all sincerity,\n"
        "Anna Berg and Ole Lund, MPs for Red Party, Norway; "
        "Kim Li, General Secretary of TUX, Korean teachers' union\n"
    )
    assert brief(parties(text).signatories) == [
        {"name": "Anna Berg", "role": "MP", "organisation": "Red Party", "country": "NO"},
        {"name": "Ole Lund", "role": "MP", "organisation": "Red Party", "country": "NO"},
        {
            "name": "Kim Li",
            "role": "General Secretary of TUX",
            "organisation": "TUX, Korean teachers' union",
            "country": "KR",
        },
    ]


def test_name_with_parenthesised_affiliation_list() -> None:
    text = (
        "We condemn it. Signatories: Anna Svensson (Metalworkers' Union, Sweden); Luca Rossi (FIOM, Italy).\n"
    )
    assert [(s.name, s.organisation, s.country) for s in parties(text).signatories] == [
        ("Anna Svensson", "Metalworkers' Union", "SE"),
        ("Luca Rossi", "FIOM", "IT"),
    ]


def test_dash_list_under_heading() -> None:
    text = (
        "We demand it.\n"
        "\n"
        "Federations\n"
        "\n"
        "DOCKERS FEDERATION OF GREECE – TEXTILE FEDERATION- PENSIONERS UNION (IKA- ETM).\n"
    )
    assert [s.organisation for s in parties(text).signatories] == [
        "DOCKERS FEDERATION OF GREECE",
        "TEXTILE FEDERATION",
        "PENSIONERS UNION (IKA- ETM)",
    ]


def test_numbered_russian_signatures() -> None:
    text = "Просим.\n\nПодписи:\n1. Иванов И.И., рабочий\n2. Петрова А.А., медсестра\n"
    assert [(s.name, s.role) for s in parties(text, "ru").signatories] == [
        ("И.И. Иванов", "рабочий"),
        ("А.А. Петрова", "медсестра"),
    ]


def test_person_signing_inherits_the_sending_body() -> None:
    text = (
        "Dear Sir,\n"
        "\n"
        "The Global Union of Teachers demands that X.\n"
        "\n"
        "Yours sincerely,\n"
        "\n"
        "Mary Major\n"
        "General Secretary\n"
    )
    (s,) = parties(text).signatories
    assert (s.name, s.role, s.organisation, s.country) == (
        "Mary Major",
        "General Secretary",
        "Global Union of Teachers",
        None,
    )


def test_one_person_signing_for_a_body_makes_it_the_sender() -> None:
    text = "Біз сұраймыз.\n\nҚұрметпен,\n«Жаңаөзен» кәсіподағының төрағасы\nА. Ахметов\n"
    p = parties(text, "kk")
    assert [(s.name, s.organisation) for s in p.signatories] == [("А. Ахметов", "«Жаңаөзен» кәсіподағы")]
    assert [s.organisation for s in p.senders] == ["«Жаңаөзен» кәсіподағы"]


def test_appeal_to_write_to_a_titled_person_gives_a_contact() -> None:
    p = parties("Please send a message to President Smith calling for her release.\n")
    assert [(c.name, c.role, c.country) for c in p.contacts] == [("Smith", "President", "KZ")]


def test_labelled_list_one_signatory_a_line() -> None:
    text = (
        "We protest against the repression of the strikers in the region.\n\n"
        "Signed by the following organisations:\n\n"
        "Transport Workers Union (UK)\nCGT, France\nIvan Petrov, chairman, Miners Union of Russia\n"
    )
    assert [(s.name, s.organisation, s.country) for s in parties(text).signatories] == [
        (None, "Transport Workers Union", "GB"),
        (None, "CGT", "FR"),  # an acronym with no given name is no family name
        ("Ivan Petrov", "Miners Union of Russia", "RU"),
    ]


def test_groups_never_sign() -> None:
    assert parties("Біз талап етеміз.\n\nҚұрметпен,\nЗауыт жұмысшылары\n", "kk").signatories == ()


def test_mail_header_author_signs_when_nobody_else_does() -> None:
    p = parties("From: JK <jk@example.org>\nSent: 3 May 2004\n\nPlease support the strikers.\n")
    assert [(s.name, s.email) for s in p.signatories] == [("JK", "jk@example.org")]


# Evidence spans ---------------------------------------------------------------------------------


def test_every_party_quotes_its_source() -> None:
    text = (
        "To the Minister of Labour\n\nDear Minister,\n\nThe Miners' Union of Karaganda demands that X.\n\n"
        "Sincerely,\n\nOle Lund\nSecretary\n\ncc: Ombudsman\n"
    )
    p = parties(text)
    for party in (*p.senders, *p.signatories, *p.recipients, *p.copies):
        assert party.span is not None
        quoted = text[party.span.start : party.span.end]
        key = party.name or party.organisation or party.role or ""
        assert key.split()[0] in quoted


def test_never_raises_on_odd_input() -> None:
    for text in ("", "\n\n", "Dear", "cc:", "From", "We, ", "1.", "(((", "Мы, ", "Біз ", "?" * 50, ";" * 50):
        parties(text)
