"""Demands: one minimal invented example per rule of ANNOTATION.md "Demands" and ANNOTATION-DECISIONS §17-§22.

Each test reads demands from a segment spanning the whole text, so it checks the
demands step alone (segmentation and parties are other modules' work).
"""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlabour.models import Demand, Party
from kzlabour.parser.demands import read_demands
from kzlabour.parser.document import Segment
from kzlabour.parser.parties import Parties

MINISTER = Parties(recipients=(Party(role="Minister of Labour"),))


def demands(text: str, language: str = "en", parties: Parties = MINISTER) -> tuple[Demand, ...]:
    return read_demands(Segment(text, 0, len(text)), language, parties)


def texts(text: str, language: str = "en", parties: Parties = MINISTER) -> list[str]:
    return [d.text for d in demands(text, language, parties)]


# --- what counts (§17) -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We will organise an international outcry. We intend to publicise the case.",
        "We warn that we will hold the authorities responsible.",
        "The union counts on the responsible position of the embassy.",
        "We express our concern. Such incidents are deeply troubling.",
        "We condemn the arrest of the strike leaders.",
        "The miners' families have asked for help. The strikers demand higher wages.",
        "Never forget the victims!",
        "The strike must go on!",
        "We must unite.",
        "Thank you for your support.",
        "It should be noted that the strike is legal.",
        "To prepare the conference, it is necessary to print leaflets.",
    ],
)
def test_not_demands(text: str) -> None:
    assert texts(text) == []


def test_prescriptive_sentence_counts_without_we_demand() -> None:
    assert texts("The fair claims of the strikers should be met.") == [
        "The fair claims of the strikers should be met"
    ]


def test_opinion_lead_in_before_a_prescriptive_clause_is_trimmed() -> None:
    assert texts("We believe that freedom of assembly should be guaranteed for all.") == [
        "freedom of assembly should be guaranteed for all"
    ]


def test_plain_clause_beside_a_prescriptive_one_is_left_out() -> None:
    assert texts("Reform is long overdue and real changes should be introduced.") == [
        "real changes should be introduced"
    ]


def test_russian_prescriptive_without_action_is_no_demand() -> None:
    assert texts("Необходимы срочные действия. Необходимо добиться начала переговоров.", "ru") == [
        "начала переговоров"
    ]


def test_to_claim_for_is_a_demand() -> None:
    assert texts("We address the President to claim for the respect of democratic principles.") == [
        "the respect of democratic principles"
    ]


def test_reader_widget_and_statement_to_readers() -> None:
    assert texts("Use the form above to write to the minister.") == [
        "Use the form above to write to the minister"
    ]
    assert texts("Protest letters can be sent to the ministry.") == [
        "Protest letters can be sent to the ministry"
    ]
    assert texts("Письма протеста можно направить в министерство.", "ru") == [
        "Письма протеста можно направить в министерство"
    ]


def test_sender_speaking_of_itself_by_name() -> None:
    union = Parties(senders=(Party(organisation="Dockers' Union"),))
    assert texts("The Dockers' Union demands that the sacked pickets be reinstated.", parties=union) == [
        "the sacked pickets be reinstated"
    ]
    assert texts("The company demands that the pickets leave.", parties=union) == []


# --- lists (§18) -------------------------------------------------------------------------------


def test_each_list_item_is_one_demand_even_with_two_verbs() -> None:
    text = "We consider it necessary to:\n\n- release the pickets;\n- Reopen the mine and pay the wages."
    assert texts(text) == ["release the pickets", "Reopen the mine and pay the wages"]


def test_last_item_ends_at_its_own_sentence() -> None:
    text = "We call on you to:\n- stop the lockout\n- reinstate the drivers. We believe the dispute can end."
    assert texts(text) == ["stop the lockout", "reinstate the drivers"]


def test_numbered_point_own_verb_demand_is_trimmed_and_other_acts_are_not_demands() -> None:
    text = (
        "The unions:\n1. Demand the release of the strikers.\n2. Denounce the government.\n"
        "3. Express our solidarity."
    )
    assert texts(text) == ["the release of the strikers"]


def test_unmarked_lines_after_a_colon_lead_in() -> None:
    text = "Мы требуем:\nОсвобождения задержанных\nПрекратить все репрессии против бастующих\n"
    assert texts(text, "ru") == ["Освобождения задержанных", "Прекратить все репрессии против бастующих"]


def test_list_head_without_a_verb() -> None:
    assert texts("Our demands:\n1) Payment of wage arrears;\n2) Recognition of the union.") == [
        "Payment of wage arrears",
        "Recognition of the union",
    ]


def test_address_list_after_to_colon_is_not_a_demand_list() -> None:
    text = "We ask all unions to send faxes, to:\n1. Minister of Labour - Astana, fax 123.\n2. The akimat."
    assert texts(text) == ["send faxes"]


def test_a_list_item_keeps_its_leading_to() -> None:
    assert texts(
        "It is necessary to take measures:\n– to ensure decent wages;\n– ratify the Convention."
    ) == [
        "to ensure decent wages",
        "ratify the Convention",
    ]


def test_lead_in_before_a_list_with_its_own_infinitive() -> None:
    text = (
        "We call on you to respect human rights and to:\n• Investigate the killings\n• Review the sentences"
    )
    assert texts(text) == ["respect human rights", "Investigate the killings", "Review the sentences"]


# --- splitting in prose (§18) ------------------------------------------------------------------


def test_one_demand_per_that_clause() -> None:
    text = (
        "We demand that the sentences be reviewed, that torture be investigated, and that the law be changed."
    )
    assert texts(text) == ["the sentences be reviewed", "torture be investigated", "the law be changed"]


def test_relative_clause_inside_a_that_clause_is_not_a_demand() -> None:
    text = "We demand that the law that bans strikes – and that is used against unions – be repealed."
    assert texts(text) == ["the law that bans strikes – and that is used against unions – be repealed"]


def test_one_demand_per_infinitive_and_per_verb() -> None:
    assert texts("We call on the authorities to stop the raids and to release the pickets.") == [
        "stop the raids",
        "release the pickets",
    ]
    assert texts("Release the workers and reopen the mine.") == ["Release the workers", "reopen the mine"]
    assert texts("The akimat must repeal the decree, as well as compensate the families.") == [
        "The akimat must repeal the decree",
        "compensate the families",
    ]


def test_verbs_that_are_one_object_and_alternatives_stay_one() -> None:
    assert texts("We call on the government to allow him to return unhindered and go about his work.") == [
        "allow him to return unhindered and go about his work"
    ]
    assert texts("We urge you to add your voice by emailing or faxing the letter.") == [
        "add your voice by emailing or faxing the letter"
    ]


def test_coordinated_noun_objects_split_at_the_top_level_only() -> None:
    text = "We demand an end to the repression and harassment of the strikers and the release of the pickets."
    assert texts(text) == [
        "an end to the repression and harassment of the strikers",
        "the release of the pickets",
    ]


def test_subject_stays_with_the_first_verb_and_names_the_target() -> None:
    found = demands("We demand that the authorities stop the raids and release the pickets.")
    assert [d.text for d in found] == ["the authorities stop the raids", "release the pickets"]
    assert [d.target for d in found] == ["the authorities", "the authorities"]


def test_call_on_x_to_makes_x_the_target() -> None:
    found = demands("We urge the world's unions to join the campaign.")
    assert [(d.text, d.target) for d in found] == [("join the campaign", "the world's unions")]


def test_russian_oblique_addressee_before_the_infinitive() -> None:
    found = demands("Просим министерство отменить приказ, восстановить уволенных.", "ru")
    assert [(d.text, d.target) for d in found] == [
        ("отменить приказ", "министерство"),
        ("восстановить уволенных", "министерство"),
    ]


def test_a_readers_action_and_the_demand_it_carries_are_two() -> None:
    found = demands("Sign this petition to call on the President to free the pickets.", parties=Parties())
    assert [(d.text, d.category.value, d.target) for d in found] == [
        ("Sign this petition", "solidarity_action", None),
        ("free the pickets", "release_detainees", "the President"),
    ]


def test_demands_readers_are_to_make() -> None:
    text = "We ask all unions to send faxes, demanding to release the pickets and to stop the raids."
    assert texts(text) == ["send faxes", "release the pickets", "stop the raids"]


# --- trimming (§19) ----------------------------------------------------------------------------


def test_text_is_verbatim_with_line_breaks_joined_and_final_punctuation_dropped() -> None:
    text = "We demand that the pickets\nbe released!"
    found = demands(text)
    assert [d.text for d in found] == ["the pickets be released"]
    assert text[found[0].span.start : found[0].span.end] == "the pickets\nbe released"  # type: ignore[union-attr]


def test_connectives_and_please_are_trimmed_conditions_stay() -> None:
    assert texts("In addition, please send a copy to the union.") == ["send a copy to the union"]
    assert texts("If you can, please send them to the union.") == [
        "If you can, please send them to the union"
    ]
    assert texts("In addition, if you are a unionist, try and win support from your branch.") == [
        "if you are a unionist, try and win support from your branch"
    ]


def test_that_clause_keeps_its_subject() -> None:
    assert texts("We insist that you reinstate the workers.") == ["you reinstate the workers"]


def test_purpose_clause_stays_and_address_list_goes() -> None:
    assert texts("Please send us a copy, so that we can use it, to:") == [
        "send us a copy, so that we can use it"
    ]


def test_kazakh_final_verb_and_opening_connective_are_trimmed() -> None:
    text = "Біздің талабымыз: жалақыны көтеруді талап етеміз! Сонымен қатар, сыйақы төлеуіңізді сұраймыз."
    assert texts(text, "kk") == ["жалақыны көтеруді", "сыйақы төлеуіңізді"]


def test_kazakh_two_verbal_nouns_are_two_demands() -> None:
    assert texts("Біз жалақыны көтеруді және қудалауды тоқтатуды талап етеміз.", "kk") == [
        "жалақыны көтеруді",
        "қудалауды тоқтатуды",
    ]


def test_two_russian_infinitives_are_two_demands() -> None:
    assert texts("Мы требуем освободить задержанных и прекратить преследование активистов.", "ru") == [
        "освободить задержанных",
        "прекратить преследование активистов",
    ]


# --- truncated (§20) ---------------------------------------------------------------------------


def test_truncated_demand_with_content_is_kept_and_one_without_is_dropped() -> None:
    assert texts("We demand the nationalisation of the oil sec") == ["the nationalisation of the oil sec"]
    assert texts("We also demand that the") == []


# --- targets (§22) -----------------------------------------------------------------------------


def test_target_is_the_addressee_by_name_else_role_else_null() -> None:
    person = Parties(recipients=(Party(name="Kassym-Jomart Tokayev", role="President"),))
    assert (
        demands("We demand the release of the pickets.", parties=person)[0].target == "Kassym-Jomart Tokayev"
    )
    office = Parties(
        recipients=(Party(role="Ambassador of the Embassy London", organisation="Embassy London"),)
    )
    assert demands("We demand the release of the pickets.", parties=office)[0].target == (
        "Ambassador of the Embassy London"
    )
    assert demands("The pickets should be released.", parties=Parties())[0].target is None


def test_you_means_the_addressees_joined() -> None:
    two = Parties(recipients=(Party(name="A. Akimov"), Party(organisation="Ministry of Labour")))
    assert (
        demands("We ask you to reinstate the drivers.", parties=two)[0].target
        == "A. Akimov, Ministry of Labour"
    )


def test_russian_group_target_in_the_nominative() -> None:
    assert demands("Я очень прошу всех поддержать кампанию.", "ru", Parties())[0].target == "все"


# --- robustness --------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("We demand that to and, .:;-•1\nтребуем талап етеміз Please")),
        max_size=300,
    )
)
def test_never_raises_and_spans_quote_the_text(text: str) -> None:
    for d in demands(text):
        assert d.span is not None
        assert " ".join(text[d.span.start : d.span.end].split()) == d.text


@pytest.mark.parametrize(
    "text",
    [
        "a" * 2_000_000,
        "We demand:\n" + "- release the workers and stop the repression\n" * 100_000,
        "We demand that " + ", " * 300_000,
        "X should be " * 200_000,
        "Such is life here. " * 60_000,
        "We urge X to:" * 100_000,
    ],
    ids=["long-line", "bullets", "commas", "modals", "sentences", "colons"],
)
def test_adversarial_input_is_read_fast(text: str) -> None:
    started = time.perf_counter()
    demands(text)
    assert time.perf_counter() - started < 15


# --- more forms --------------------------------------------------------------------------------


def test_list_announced_by_a_demands_noun() -> None:
    assert texts("We make the following demands:\n1. Reinstate the drivers.\n2. Pay the arrears.") == [
        "Reinstate the drivers",
        "Pay the arrears",
    ]


def test_call_on_x_colon_announces_a_list_for_x() -> None:
    found = demands("We call on the Kazakh government:\n- to free the strikers;\n- to open talks.")
    assert [(d.text, d.target) for d in found] == [
        ("to free the strikers", "the Kazakh government"),
        ("to open talks", "the Kazakh government"),
    ]


def test_subject_with_apposition_and_writing_to() -> None:
    assert texts("We, the undersigned unions of Norway, urge you to free the pickets.") == [
        "free the pickets"
    ]
    assert texts("I am writing to urge you to drop the charges.") == ["drop the charges"]


@pytest.mark.parametrize(
    "text",
    [
        "Please find attached our statement.",
        "We ask you to accept the assurances of our highest consideration.",
        "Should you need further information, please contact our office.",
        "The workers said that they must be paid.",
        "Kazakhstan must free the oil workers\n\nThe workers were arrested last week.",
        "Stop repression in Kazakhstan\n\nThe strike goes on.",
    ],
)
def test_formulas_reports_and_headings_are_not_demands(text: str) -> None:
    assert texts(text) == []


def test_russian_addressee_with_a_request_noun() -> None:
    found = demands("Мы обращаемся к Президенту с требованием освободить рабочих.", "ru")
    assert [(d.text, d.target) for d in found] == [("освободить рабочих", "Президент")]


def test_a_list_after_a_colon_may_run_on_in_the_line() -> None:
    assert texts("We demand: the release of the pickets and an end to the raids.") == [
        "the release of the pickets",
        "an end to the raids",
    ]


def test_the_closing_after_a_list_is_not_an_item() -> None:
    text = "We demand:\n\nThe release of the pickets\nAn end to the raids\n\nYours sincerely,\nJohn Smith"
    assert texts(text) == ["The release of the pickets", "An end to the raids"]
    bullets = "We demand:\n\n- the release of the pickets\n\nYours sincerely,\nJohn Smith\nSecretary"
    assert texts(bullets) == ["the release of the pickets"]


def test_a_name_in_a_list_is_no_imperative() -> None:
    assert texts("Signed:\n- Support Committee for Kazakh Workers\n- Release the prisoners now") == [
        "Release the prisoners now"
    ]


def test_kazakh_list_announced_by_the_final_verb_and_bullets_without_space() -> None:
    assert texts("Біз мынаны талап етеміз:\n1. Жалақыны көтеру.\n2. Қудалауды тоқтату.", "kk") == [
        "Жалақыны көтеру",
        "Қудалауды тоқтату",
    ]
    assert texts("We demand:\n•Release the pickets\n•Stop the raids") == [
        "Release the pickets",
        "Stop the raids",
    ]


def test_impersonal_remarks_are_not_demands() -> None:
    assert texts("Необходимо отметить, что забастовка законна. Необходимо освободить рабочих.", "ru") == [
        "освободить рабочих"
    ]
    assert texts("It is necessary to note that the strike is legal.") == []
