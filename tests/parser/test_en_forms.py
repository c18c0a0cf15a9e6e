"""English letter forms the seeds and dev set lack: one minimal invented example per rule."""

from __future__ import annotations

from kzlabour.models import Letter
from kzlabour.parser import parse
from kzlabour.parser.roles import describe


def _one(text: str) -> Letter:
    letters = parse(text)
    assert len(letters) == 1, [lt.source for lt in letters]
    return letters[0]


def _demands(letter: Letter) -> list[tuple[str, str]]:
    return [(d.text, d.category.value) for d in letter.demands]


# --- which texts are letters -------------------------------------------------------------------


def test_news_saying_unions_write_to_someone_is_no_letter() -> None:
    text = (
        "Unions write to minister over dismissals\n\n"
        "Twenty unions have written to the minister about the dismissals, a spokesman said.\n"
    )
    assert parse(text) == []


def test_undersigned_organisations_make_a_statement() -> None:
    text = (
        "The undersigned organisations condemn the ban on the union and call on the authorities to lift it.\n"
    )
    assert len(parse(text)) == 1


def test_resolution_that_resolves_is_a_letter() -> None:
    text = (
        "Emergency resolution on the dockers\n\n"
        "The Congress notes with alarm the dismissal of the dockers.\n\n"
        "The Congress resolves to:\n\n"
        "a) call on the port company to reinstate the dockers;\n"
        "b) urge all branches to send messages of support.\n"
    )
    letter = _one(text)
    assert letter.title == "Emergency resolution on the dockers"
    assert _demands(letter) == [
        ("reinstate the dockers", "workers_livelihood"),
        ("send messages of support", "solidarity_action"),
    ]
    assert [d.target for d in letter.demands] == ["the port company", "all branches"]


def test_labelled_document_heading_starts_the_letter() -> None:
    letter = _one("Petition: Free the dockers\n\nWe demand that the dockers be released.\n")
    assert letter.title == "Petition: Free the dockers"


# --- senders and signatories ------------------------------------------------------------------


def test_body_sending_solidarity_is_the_sender() -> None:
    text = (
        "Dear friends,\n\nThe Dockers' Union of Norway sends its solidarity to the port workers.\n"
        "We call on the company to reinstate them.\n"
    )
    assert [p.organisation for p in _one(text).senders] == ["Dockers' Union of Norway"]


def test_numbered_congress_is_an_organ_of_its_body() -> None:
    text = "The 3rd Congress of the Dockers' Union, meeting in Bergen on 4 May 2019, resolves to act.\n"
    sender = _one(text).senders[0]
    assert (sender.role, sender.organisation) == ("3rd Congress", "Dockers' Union")


def test_signature_organisation_line_under_a_role() -> None:
    text = (
        "Dear Minister,\n\nWe urge you to reinstate the dockers.\n\nSincerely,\n\n"
        "Kari Hansen\nGeneral Secretary\nPublic Services International\n"
    )
    (person,) = _one(text).signatories
    assert (person.name, person.role, person.organisation) == (
        "Kari Hansen",
        "General Secretary",
        "Public Services International",
    )


def test_signed_by_list_on_one_line() -> None:
    text = (
        "Joint statement on the dockers\n\nThe undersigned organisations call on the company to "
        "reinstate the dockers.\n\nSigned by: Amnesty International, Human Rights Watch, "
        "Front Line Defenders and Article 19\n"
    )
    assert [p.organisation for p in _one(text).signatories] == [
        "Amnesty International",
        "Human Rights Watch",
        "Front Line Defenders",
        "Article 19",
    ]


def test_closing_slogan_then_signing_body() -> None:
    text = "We demand that the company pay the wages.\n\nSolidarity forever!\n\nDockers' Network\n"
    assert [p.organisation for p in _one(text).signatories] == ["Dockers' Network"]


def test_describe_splits_final_country_and_role_comma_body() -> None:
    aff = describe("National Union of Mineworkers, UK")
    assert (aff.organisation, aff.country) == ("National Union of Mineworkers", "GB")
    aff = describe("Secretary, Leeds Trades Union Council")
    assert (aff.role, aff.organisation) == ("Secretary", "Leeds Trades Union Council")
    assert describe("Commissioner for Human Rights").role == "Commissioner for Human Rights"
    assert describe("MP for Labour Party").organisation == "Labour Party"


# --- recipients, copies, contacts -------------------------------------------------------------


def test_unnamed_office_holder_over_his_body() -> None:
    text = (
        "His Excellency the Ambassador\nEmbassy of the Republic of Kazakhstan\n125 Pall Mall\n"
        "London SW1Y 5EA\n\nYour Excellency,\n\nWe protest against the arrests and ask you to "
        "convey this protest to your Government.\n"
    )
    (who,) = _one(text).recipients
    assert (who.role, who.organisation) == ("Ambassador", "Embassy of the Republic of Kazakhstan")


def test_copy_to_a_human_rights_commissioner() -> None:
    text = (
        "Dear Minister,\n\nWe urge you to reinstate the dockers.\n\n"
        "cc: Ms Elvira Azimova, Commissioner for Human Rights\n"
    )
    (copy,) = _one(text).copies
    assert (copy.name, copy.role, copy.country) == ("Elvira Azimova", "Commissioner for Human Rights", "KZ")


def test_contact_address_block_with_fax_and_email_lines() -> None:
    text = (
        "Write to the authorities urging them to release the lawyer.\n\nPlease send your appeals to:\n\n"
        "Prosecutor General Ivan Petrov\nOffice of the Prosecutor General\n1 Main Avenue, Astana\n"
        "Fax: +7 7172 00 00 00\nEmail: office@example.kz\n"
    )
    (contact,) = _one(text).contacts
    assert (contact.name, contact.role, contact.organisation) == (
        "Ivan Petrov",
        "Prosecutor General",
        "Office of the Prosecutor General",
    )
    assert (contact.phone, contact.email, contact.address) == (
        "fax +7 7172 00 00 00",
        "office@example.kz",
        "1 Main Avenue, Astana",
    )


# --- header ----------------------------------------------------------------------------------


def test_letterhead_postcode_gives_the_city_and_no_title() -> None:
    text = (
        "Leeds Trades Union Council\nUnity Hall, Leeds LS1 2AB\n\n18 January 2012\n\n"
        "Dear Sir,\n\nWe call for the release of the strikers.\n"
    )
    letter = _one(text)
    assert (letter.place, letter.title) == ("Leeds", None)
    assert [p.organisation for p in letter.senders] == ["Leeds Trades Union Council"]


def test_post_by_line_dates_the_authors_letter() -> None:
    text = (
        "Solidarity with the dockers\n\nPosted on 12 March 2015 by Dockers' Network\n\n"
        "We demand that the company pay the wage arrears.\n"
    )
    assert _one(text).date == "2015-03-12"


def test_labelled_headline_is_the_title() -> None:
    text = "URGENT ACTION: Union lawyer detained\n\nPlease write to the prosecutor to release her.\n"
    assert _one(text).title == "URGENT ACTION: Union lawyer detained"


# --- demands ---------------------------------------------------------------------------------


def test_repeated_for_splits_noun_objects() -> None:
    text = (
        "Dear Sir,\n\nWe call for an independent investigation into the killings, and for the "
        "release of all those arrested.\n"
    )
    assert _demands(_one(text)) == [
        ("an independent investigation into the killings", "investigate_abuses"),
        ("the release of all those arrested", "release_detainees"),
    ]


def test_cut_clause_leaves_no_trailing_and() -> None:
    text = (
        "Dear Minister,\n\nWe ask you to register the union without delay, and we urge the "
        "Government to stop the harassment of its members.\n"
    )
    assert [d.text for d in _one(text).demands] == [
        "register the union without delay",
        "stop the harassment of its members",
    ]


def test_expected_answer_by_a_deadline_is_a_demand() -> None:
    text = "Dear Sir,\n\nWe demand that you reinstate the miners. We expect a written answer within a week.\n"
    assert _demands(_one(text))[-1] == ("a written answer within a week", "other")


def test_category_cues_for_safety_force_and_restrictions() -> None:
    text = (
        "Dear Sir,\n\nWe urge you to install methane monitoring systems in every shaft. "
        "We call on the Government to withdraw the shoot-to-kill order. "
        "We demand that the restrictions placed on her freedom of movement be lifted and that "
        "the charges against the strike leaders be dropped.\n"
    )
    assert [c for _, c in _demands(_one(text))] == [
        "workers_livelihood",
        "protect_civilians",
        "end_repression",
        "release_detainees",
    ]


# --- second round: forms written after the first fixes ----------------------------------------


def test_on_behalf_of_a_name_with_and_inside() -> None:
    text = (
        "Dear Sir,\n\nI am writing on behalf of the Oil and Gas Workers' Union of Norway about the "
        "dismissals. We urge you to reinstate the workers.\n"
    )
    (sender,) = _one(text).senders
    assert (sender.organisation, sender.country) == ("Oil and Gas Workers' Union of Norway", "NO")


def test_concerned_body_with_its_acronym_is_the_sender() -> None:
    text = (
        "Dear Minister,\n\nThe Dockers' Federation of Norway (DFN) is deeply concerned about the "
        "arrests. We call on you to release the dockers.\n"
    )
    assert [p.organisation for p in _one(text).senders] == ["Dockers' Federation of Norway"]


def test_chairman_of_the_board_of_a_named_company() -> None:
    text = (
        "To: Mr Serik Abenov, Chairman of the Board, Port Services LLP\n\nDear Mr Abenov,\n\n"
        "We urge you to reinstate the dockers.\n"
    )
    (who,) = _one(text).recipients
    assert (who.name, who.role, who.organisation) == (
        "Serik Abenov",
        "Chairman of the Board",
        "Port Services LLP",
    )


def test_body_and_country_line_under_a_signing_person() -> None:
    text = (
        "Dear Sir,\n\nWe urge you to reinstate the dockers.\n\nRespectfully,\n\n"
        "Leif Sande\nPresident\nIndustri Energi, Norway\n"
    )
    (person,) = _one(text).signatories
    assert (person.name, person.role, person.organisation, person.country) == (
        "Leif Sande",
        "President",
        "Industri Energi",
        "NO",
    )


def test_quoted_letter_signed_by_a_person_takes_its_body_from_the_article() -> None:
    text = (
        "Union writes to minister\n\nThe Teachers' Union of Ireland has sent a letter to the minister. "
        'The letter reads:\n\n"Dear Minister,\n\nWe call on you to release the teachers.\n\n'
        'Yours sincerely,\nMichael Gillespie\nGeneral Secretary"\n\nThe union said it would act.\n'
    )
    letter = _one(text)
    assert [p.organisation for p in letter.senders] == ["Teachers' Union of Ireland"]
    assert [(p.name, p.role) for p in letter.signatories] == [("Michael Gillespie", "General Secretary")]


def test_category_cues_for_charges_pardon_and_forming_unions() -> None:
    text = (
        "Dear Sir,\n\nWe call on you to drop all criminal charges against the strikers, to pardon "
        "the activist and to guarantee that workers can form unions without interference.\n"
    )
    assert [c for _, c in _demands(_one(text))] == [
        "release_detainees",
        "release_detainees",
        "freedom_of_association",
    ]


# --- third round ------------------------------------------------------------------------------


def test_honorable_address_block_and_members_of_a_body() -> None:
    text = (
        "The Honorable Jane Doe\nMinister of Labour\nMain Street 1, Astana\n\nDear Minister:\n\n"
        "On behalf of the 1.4 million members of the United Steelworkers (USW), I write to urge you "
        "to reinstate the dockers.\n"
    )
    letter = _one(text)
    assert [(p.name, p.role) for p in letter.recipients] == [("Jane Doe", "Minister of Labour")]
    assert [p.organisation for p in letter.senders] == ["United Steelworkers"]


def test_bare_entries_in_a_list_of_organisations_are_organisations() -> None:
    text = (
        "Statement on the dockers\n\nWe demand that the company reinstate the dockers.\n\n"
        "Co-signed by:\n- Unite the Union (UK)\n- FNV (Netherlands)\n- IG Metall (Germany)\n"
    )
    assert [(p.name, p.organisation, p.country) for p in _one(text).signatories] == [
        (None, "Unite the Union", "GB"),
        (None, "FNV", "NL"),
        (None, "IG Metall", "DE"),
    ]


def test_message_demanding_that_carries_a_demand() -> None:
    text = (
        "What you can do:\n\nSend a message to the port company demanding that the dockers be "
        "reinstated.\n\nPlease also raise the case with the embassy in your country.\n"
    )
    assert _demands(_one(text)) == [
        ("Send a message to the port company", "solidarity_action"),
        ("the dockers be reinstated", "workers_livelihood"),
        ("raise the case with the embassy in your country", "solidarity_action"),
    ]


def test_no_one_punished_is_an_end_to_repression() -> None:
    text = "We demand that no striker be punished for taking part in the strike.\n"
    assert _demands(_one(text)) == [
        ("no striker be punished for taking part in the strike", "end_repression")
    ]


def test_qualified_role_and_acronym_body_after_a_comma() -> None:
    aff = describe("Senior Assistant General Secretary, RMT")
    assert (aff.role, aff.organisation) == ("Senior Assistant General Secretary", "RMT")


def test_roman_numeral_items_under_we_demand() -> None:
    text = (
        "Dear Sir/Madam,\n\nWe therefore demand:\n\n(i) the immediate release of the workers;\n"
        "(ii) an independent investigation into the actions of the police;\n"
        "(iii) the lifting of the ban on public assembly.\n"
    )
    assert [c for _, c in _demands(_one(text))] == [
        "release_detainees",
        "investigate_abuses",
        "right_to_strike_and_assembly",
    ]
