"""Demands of a letter: what it asks, split, trimmed, categorised and addressed.

The letter is read block by block (blocks.py): a sentence of prose gives the
demands its lead-ins, requests or prescriptive clauses hold (prose.py); a
sentence ending in a colon after a lead-in announces a list, whose items are
one demand each (§18); a numbered point that opens with "Demand" is one too.
Each demand gets its category (categories.py) and target (targets.py).
"""

from __future__ import annotations

import re
from functools import cache

from kzlabour.models import Demand, DemandCategory, Span
from kzlabour.parser.blocks import Block, blocks, first_sentence, sentences
from kzlabour.parser.categories import categorise
from kzlabour.parser.demand_lexicon import DemandLexicon, demand_lexicon, phrase_pattern
from kzlabour.parser.document import Segment
from kzlabour.parser.leadins import THAT, LeadIn, find_lead_ins, is_infinitive
from kzlabour.parser.memo import memo
from kzlabour.parser.parties import Parties
from kzlabour.parser.prose import MAX_SENTENCE, PRESCRIPTIVE, Found, read_sentence, skip_connectives
from kzlabour.parser.splitting import trim
from kzlabour.parser.targets import addressees, contacts_after, named_target, subject_target

__all__ = ["read_demands"]

# Lines of an unmarked list after "We demand:" are short; a longer line is prose again.
_LIST_LINE = 160
# No letter holds more demands than this; past it the text is degenerate (100,000 bullet lines).
MAX_DEMANDS = 500


def read_demands(seg: Segment, language: str | None, parties: Parties) -> tuple[Demand, ...]:
    """The demands of one letter, in order of appearance. Never raises on any segment."""
    lex = demand_lexicon(language)
    found = _find(seg, lex, _sender_words(parties))
    return _finish(seg.text, found[:MAX_DEMANDS], language, parties)


def _find(seg: Segment, lex: DemandLexicon, sender_words: frozenset[str]) -> list[Found]:
    text = seg.text
    found: list[Found] = []
    intro: tuple[LeadIn, int] | None = None  # the pending list head and the end of its sentence
    fresh = False  # the list head has no items yet: unmarked lines after a blank line may be its items
    all_blocks = blocks(seg)
    governed = _final_verb_items(text, all_blocks, lex)
    for n, block in enumerate(all_blocks):
        if len(found) >= MAX_DEMANDS:
            break
        if block.kind == "item":
            if intro is None and n in governed:
                found.extend(_governed_item(text, block, lex))
            elif intro is not None:
                found.extend(_list_item(text, block.start, block.end, intro, lex, sender_words))
            else:
                found.extend(_lone_item(text, block, lex, sender_words))
            fresh = False
            continue
        spans = sentences(text, block.lines, lex.language)
        if intro is not None and fresh and _unmarked_list(text, block):
            fresh = False
            for s, e in spans:
                found.extend(_list_item(text, s, e, intro, lex, sender_words))
            continue
        intro = None
        for k, (s, e) in enumerate(spans):
            if len(found) >= MAX_DEMANDS:
                break
            reading = read_sentence(text, s, e, lex, sender_words)
            found.extend(reading.found)
            if reading.intro is not None and text[s:e].rstrip().endswith(":"):
                intro = (reading.intro, e)
            elif _list_head(text, s, e, lex) and k == len(spans) - 1:
                intro = (LeadIn(s, e, "intro"), e)
            if intro is not None:
                # "Мы требуем:" followed by one demand per line, with no markers.
                rest = [line for line in block.lines if line.start >= e and not line.blank]
                for line in rest:
                    found.extend(_list_item(text, line.start, line.end, intro, lex, sender_words))
                fresh = not rest
                break
    return found


def _final_verb_items(text: str, all_blocks: list[Block], lex: DemandLexicon) -> frozenset[int]:
    """Items of a list whose last item ends in the verb of demanding, which governs them all.

    Kazakh puts the verb last: "1. … алуды; 2. … тоқтатуды; 3. … жасамауды талап етеміз."
    """
    words = lex.words("final_verbs")
    if not words:
        return frozenset()
    final = _final_pattern(lex.language)
    out: set[int] = set()
    run: list[int] = []
    for n, block in enumerate([*all_blocks, None]):
        if block is not None and block.kind == "item":
            run.append(n)
            continue
        if len(run) >= 2:
            last = all_blocks[run[-1]]
            s, e = first_sentence(text, last.start, last.end, lex.language)
            if e - s <= MAX_SENTENCE and final.search(text[s:e]):
                out.update(run)
        run = []
    return frozenset(out)


@cache
def _final_pattern(language: str) -> re.Pattern[str]:
    verbs = phrase_pattern(demand_lexicon(language).words("final_verbs"))
    return re.compile(r"(?<!\w)" + verbs + r"[\s.!;]*$", re.IGNORECASE)


def _governed_item(text: str, block: Block, lex: DemandLexicon) -> list[Found]:
    """One item of a list governed by a final verb: the item, without that verb on the last one."""
    s, e = first_sentence(text, block.start, block.end, lex.language)
    if e - s > MAX_SENTENCE:
        return []
    m = _final_pattern(lex.language).search(text, s, e)
    stop = m.start() if m else e
    a, b = trim(text, s, stop, lex)
    a = skip_connectives(text, a, b, lex)
    if len(re.findall(r"\w+", text[a:b])) < 2:
        return []
    return [Found(a, b, None, "item", False, False, e)]


def _unmarked_list(text: str, block: Block) -> bool:
    lines = [ln for ln in block.lines if not ln.blank]
    return len(lines) >= 2 and all(len(ln.content.strip()) <= _LIST_LINE for ln in lines)


def _list_item(
    text: str,
    start: int,
    end: int,
    intro: tuple[LeadIn, int],
    lex: DemandLexicon,
    sender_words: frozenset[str],
) -> list[Found]:
    """An item of an announced list is one demand, up to the end of its own sentence (§18)."""
    lead, intro_end = intro
    s, e = first_sentence(text, start, end, lex.language)
    if e - s > MAX_SENTENCE:
        return []
    if find_lead_ins(text, s, e, lex):
        return read_sentence(text, s, e, lex, sender_words).found  # "- We also demand that …"
    verb_end = _strip_item_verb(text, s, e, lex)
    target, s = _item_object(text, s, verb_end, e, lead.target)
    s = skip_connectives(text, s, e, lex)
    if lex.pattern("not_demand_regex").search(text[s:e]) or _sender_act(text, s, e, lex):
        return []
    a, b = trim(text, s, e, lex)
    if not re.search(r"\w", text[a:b]):
        return []
    return [Found(a, b, target, "item", False, False, intro_end)]


# "call on the Government of X to release …" as a list item: the addressee, then "to" + a verb.
_ITEM_OBJECT_VERB = re.compile(
    r"(?:call(?:s|ing)? (?:on|upon)|urg(?:e|es|ing)|ask(?:s|ing)?|appeal(?:s|ing)? to)\b", re.I
)
_TO_VERB = re.compile(r"\s+to\s+(?=[a-z])")


def _item_object(text: str, s: int, verb_end: int, e: int, target: str | None) -> tuple[str | None, int]:
    """After an item's own "call on / urge / ask" verb: (who is asked, where the demand starts)."""
    if verb_end == s or not _ITEM_OBJECT_VERB.match(text, s, verb_end):
        return target, verb_end
    m = _TO_VERB.search(text, verb_end, min(e, verb_end + 120))
    if m is None or any(c in text[verb_end : m.start()] for c in ",;:."):
        return target, verb_end
    return text[verb_end : m.start()].strip(), m.end()


def _lone_item(text: str, block: Block, lex: DemandLexicon, sender_words: frozenset[str]) -> list[Found]:
    """A list item with no announcing lead-in: a demand when it says so ("1. Demand the release …")."""
    s, e = first_sentence(text, block.start, block.end, lex.language)
    if e - s > MAX_SENTENCE:
        return []
    verb_end = _strip_item_verb(text, s, e, lex)
    if verb_end == s and find_lead_ins(text, s, e, lex):
        return read_sentence(text, s, e, lex, sender_words).found
    if verb_end > s or (_opens_with_action(text, s, e, lex) and not _title_case(text[s:e])):
        target, begin = _item_object(text, s, verb_end, e, None)
        a, b = trim(text, begin, e, lex)
        if len(re.findall(r"\w+", text[a:b])) >= 2:
            return [Found(a, b, target, "item", False, False, e)]
    return []


def _strip_item_verb(text: str, s: int, e: int, lex: DemandLexicon) -> int:
    """A numbered point's own verb of demanding is trimmed: "Demand the immediate release …"."""
    m = _item_verbs(lex.language).match(text, s, e)
    return m.end() if m else s


@cache
def _item_verbs(language: str) -> re.Pattern[str]:
    lex = demand_lexicon(language)
    return re.compile(phrase_pattern(lex.words("item_demand_verbs")) + r"(?!\w)[\s:,]*", re.IGNORECASE)


def _opens_with_action(text: str, s: int, e: int, lex: DemandLexicon) -> bool:
    word = re.match(r"[\w-]+", text[s:e])
    if not word:
        return False
    if lex.language == "ru":
        w = word.group()
        return w[:1].isupper() and (is_infinitive(w) or w.casefold() in _words(lex.language, "head_nouns"))
    return word.group()[:1].isupper() and word.group().casefold() in _words(lex.language, "action_verbs")


def _title_case(words: str) -> bool:
    """ "Support Committee for Kazakh Workers": a name in a list, not an imperative."""
    long = [w for w in re.findall(r"\w+", words) if len(w) > 3]
    return len(long) >= 2 and all(w[:1].isupper() for w in long)


def _sender_act(text: str, s: int, e: int, lex: DemandLexicon) -> bool:
    """ "Denounce …", "Express our solidarity …": numbered acts of the sender, not requests."""
    if lex.language != "en":
        return False
    return bool(
        re.match(
            r"(?:express|denounce|condemn|salute|welcome|declare|reaffirm|note|support our)\b",
            text[s:e],
            re.IGNORECASE,
        )
    )


def _has_own_lead_in(text: str, s: int, body: int) -> bool:
    return bool(re.search(r"\w", text[s:body]))


def _list_head(text: str, s: int, e: int, lex: DemandLexicon) -> bool:
    """ "Our demands:" / "Наши требования:" heads a list even without a verb."""
    sentence = text[s:e].strip()
    return sentence.endswith(":") and bool(
        _list_heads(lex.language).fullmatch(sentence) or lex.pattern("list_heads_regex").search(sentence)
    )


@cache
def _list_heads(language: str) -> re.Pattern[str]:
    return re.compile(phrase_pattern(demand_lexicon(language).words("list_heads")) + r"\s*:", re.IGNORECASE)


@cache
def _words(language: str, key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in demand_lexicon(language).words(key))


def _sender_words(parties: Parties) -> frozenset[str]:
    words: set[str] = set()
    for party in parties.senders + parties.signatories:
        words.update(_value_words(party.name or "", False))
        words.update(_value_words(party.organisation or "", True))
        words.update(_value_words(party.role or "", False))
    return frozenset(words)


@memo(maxsize=1 << 12, longest=300)  # a list of signatories repeats its bodies and positions
def _value_words(value: str, organisation: bool) -> frozenset[str]:
    """The words of one party value that name the sender, and an organisation's initials."""
    words = {w.casefold() for w in _LONG_WORD.findall(value)}
    # An acronym the sender goes by: "Конфедерация труда России (КТР)", or its initials
    words.update(w.casefold() for w in _SHORT_WORD.findall(value) if w.isupper())
    initials = "".join(w[0] for w in _INITIAL_WORD.findall(value))
    if 2 <= len(initials) <= 6 and organisation:
        words.add(initials.casefold())
    return frozenset(words)


_LONG_WORD = re.compile(r"\w{4,}")
_SHORT_WORD = re.compile(r"\b[^\W\d_]{2,3}\b")
_INITIAL_WORD = re.compile(r"[^\W\d_]{3,}")


def _finish(text: str, found: list[Found], language: str | None, parties: Parties) -> tuple[Demand, ...]:
    """Categories and targets; one demand per span."""
    out: list[Demand] = []
    seen: set[tuple[int, int]] = set()
    reader_group: str | None = None
    subject: tuple[int, str | None] = (-1, None)  # the last that-clause subject and its sentence
    for i, f in enumerate(found):
        if (f.start, f.end) in seen or f.end <= f.start:
            continue
        seen.add((f.start, f.end))
        words = " ".join(text[f.start : f.end].split())
        category = categorise(words, language)
        target = _target(f, found, i, words, language, parties, reader_group)
        if f.mode in (THAT, PRESCRIPTIVE) and not f.target:
            own = subject_target(words, language, parties, prescriptive=f.mode == PRESCRIPTIVE)
            if own:
                subject = (f.sentence_end, own)
            elif subject[0] == f.sentence_end and subject[1]:
                target = subject[1]  # "that the authorities stop X and release Y": Y is theirs too
        if (
            f.target
            and category is DemandCategory.solidarity_action
            and target == named_target(f.target, language, parties)
        ):
            reader_group = target if target != addressees(parties) else reader_group
        out.append(Demand(text=words, category=category, target=target, span=Span(start=f.start, end=f.end)))
    return tuple(out)


def _target(
    f: Found,
    found: list[Found],
    i: int,
    words: str,
    language: str | None,
    parties: Parties,
    reader_group: str | None,
) -> str | None:
    if f.by_readers:
        stop = next((g.start for g in found[i + 1 :] if g.start >= f.sentence_end), None)
        return contacts_after(parties, f.sentence_end, stop) or addressees(parties)
    if f.target:
        return named_target(f.target, language, parties)
    if f.mode in (THAT, PRESCRIPTIVE):
        subject = subject_target(words, language, parties, prescriptive=f.mode == PRESCRIPTIVE)
        if subject:
            return subject
    if f.reader and reader_group:
        return reader_group
    return addressees(parties)
