"""Demands in one sentence of prose (§17-§19): lead-ins, requests to readers, prescriptive clauses.

`read_sentence` returns the demands a sentence holds as spans, with what the
sentence says about whom it asks, and whether it announces a list (a lead-in
ending in a colon). Categories and targets are settled by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from kzlabour.parser.demand_lexicon import DemandLexicon, demand_lexicon, phrase_pattern
from kzlabour.parser.leadins import INTRO, NOUN, TO, LeadIn, find_lead_ins, read_lead_in
from kzlabour.parser.splitting import prescriptive_parts, split_body, split_verbs, trim

__all__ = ["MAX_SENTENCE", "PRESCRIPTIVE", "Found", "Reading", "read_sentence", "skip_connectives"]


@dataclass(frozen=True)
class Found:
    """One demand as a span, with what its sentence says about whom it asks."""

    start: int
    end: int
    target: str | None = None  # the addressee the sentence names, as written
    mode: str = NOUN  # how the demand's words continue its lead-in (THAT clauses name their subject)
    reader: bool = False  # a request to the letter's readers
    by_readers: bool = False  # a demand readers are to make of those they write to
    sentence_end: int = 0


@dataclass
class Reading:
    """What a sentence gives: its demands, and the list it announces, if any."""

    found: list[Found] = field(default_factory=list)
    intro: LeadIn | None = None  # the sentence ends in a colon that opens a list of demands
    intro_reader: bool = False


_MIN_WORDS = 2
# Sentences longer than this are not read for demands (a demand runs to a few hundred characters).
MAX_SENTENCE = 3000
# Inside a request to readers, the demand it carries: "Sign this petition to call on X to …",
# "Write to the minister and demand …", "…, demanding …".
# "… to call on X", "…, demanding that …", "a message to the company demanding that …".
_CARRIED = re.compile(
    r"(?:\s+to|,?\s+and|,)\s+(?=(?:call|urge|ask|demand)(?:ing)?\b)|\s+(?=(?:calling|urging|demanding)\b)",
    re.IGNORECASE,
)
# A prescriptive clause ("X should be guaranteed"): its subject is asked only when it acts itself.
PRESCRIPTIVE = "prescriptive"


def read_sentence(
    text: str, start: int, end: int, lex: DemandLexicon, sender_words: frozenset[str]
) -> Reading:
    """The demands of text[start:end], one sentence."""
    reading = Reading()
    if end - start > MAX_SENTENCE:
        return reading  # no letter's sentence is this long: degenerate input, read in constant time
    if not _has_trigger(text[start:end], lex.language):
        return reading  # no word of demanding at all: most sentences stop here, after one scan
    s = skip_connectives(text, start, end, lex)
    if _purpose_opening(text, s, end, lex):
        return reading  # "To prepare the conference, it is necessary to …": the sender's own means
    leads = [
        lead
        for lead in find_lead_ins(text, start, end, lex)
        if not lead.third_person or _speaks_as_sender(text[start : lead.start], sender_words)
    ]
    if leads:
        _read_lead_ins(text, leads, end, lex, reading)
        return reading
    if lex.pattern("not_demand_regex").search(text[s:end]):
        return reading
    reader = _reader_request(text, s, end, lex, initial=s == start)
    if reader is not None:
        reading.found.extend(reader)
        return reading
    if lex.language == "kk":
        if _phrase(lex.language, "final_verbs", r"\s*:\s*$").search(text, s, end):
            reading.intro = LeadIn(s, end, INTRO)  # "Біз мынаны талап етеміз:" and a list
            return reading
        reading.found.extend(_kazakh(text, s, end, lex))
        return reading
    if _headline(text, start, end):
        return reading  # "Kazakhstan must free the oil workers" above the text: a title, not a demand
    modal = _modal(text, s, end, lex)
    if modal and not _slogan(text[s:end]):
        body = _skip_opinion(text, s, end, lex)
        parts = [
            v for p in prescriptive_parts(text, body, end, lex) for v in split_verbs(text, p[0], p[1], lex)
        ]
        reading.found.extend(_pieces(text, parts, lex, end, PRESCRIPTIVE))
        return reading
    if (
        lex.language == "en"
        and _imperative(text, s, end, lex, "action_verbs", s == start)
        and not text[s:end].rstrip().endswith("!")
    ):
        reading.found.extend(
            _pieces(text, [(a, b) for a, b, _ in split_body(text, s, end, TO, lex)], lex, end, TO)
        )
    return reading


def _read_lead_ins(text: str, leads: list[LeadIn], end: int, lex: DemandLexicon, reading: Reading) -> None:
    for i, lead in enumerate(leads):
        body_end = leads[i + 1].start if i + 1 < len(leads) else end
        stripped = text[lead.body : body_end].rstrip()
        mode = lead.mode
        if mode == INTRO and stripped and not stripped.endswith(":"):
            mode = NOUN  # "We demand: the release of X and an end to Y." — the list runs on in the line
        if mode == INTRO or (stripped.endswith(":") and i + 1 == len(leads)):
            if re.search(r",\s*to\s*:$", stripped):
                pass  # "…, to:" announces addresses, not demands: the words before are the demand
            else:
                reading.intro = lead
                own = re.search(r"(?:,\s*|\s+)(?:and|и)(?:\s+to)?\s*:$", stripped)
                if mode == INTRO or not own:
                    continue
                body_end = lead.body + own.start()
                mode = lead.mode
        body = _strip_nested_verb(text, lead.body, body_end, lex)
        for a, b, by_readers in split_body(text, body, body_end, mode if mode != INTRO else NOUN, lex):
            a, b = trim(text, a, b, lex)
            if _enough(text[a:b]) and not lex.pattern("not_demand_regex").search(text[a:b]):
                reading.found.append(Found(a, b, lead.target, mode, False, by_readers, end))


def _strip_nested_verb(text: str, start: int, end: int, lex: DemandLexicon) -> int:
    """ "… to claim for the respect of …": a second verb of demanding opens the words."""
    m = _noun_verbs(lex.language).match(text, start, end)
    return m.end() if m else start


@cache
def _noun_verbs(language: str) -> re.Pattern[str]:
    lex = demand_lexicon(language)
    return re.compile(phrase_pattern(lex.words("noun_verbs")) + r"(?!\w)\s*", re.IGNORECASE)


def _reader_request(text: str, s: int, end: int, lex: DemandLexicon, initial: bool) -> list[Found] | None:
    """A request to whoever reads: "Please …", "Sign this petition …", "Letters can be sent to …"."""
    please = _phrase(lex.language, "please", r"(?!\w)[\s,]*").match(text, s, end)
    sentence = text[s:end]
    if please and please.end() < end:
        return _reader_pieces(text, please.end(), end, lex)
    if lex.pattern("reader_statements_regex").search(sentence):
        return _reader_pieces(text, s, end, lex, whole=True)
    mid = re.search(r",\s*(?:please|пожалуйста)[\s,]+(?=\w)", sentence, re.IGNORECASE)
    if mid:
        # A condition before "please" stays ("If you'd like to …, please send …"); a vocative goes.
        if re.match(r"(?:if|when|should|in case|если|когда)\b", sentence, re.IGNORECASE):
            return _reader_pieces(text, s, end, lex, whole=True)
        return _reader_pieces(text, s + mid.end(), end, lex)
    m = re.match(r"(?:if|если)\b[^.!?]{1,200}?,\s*", sentence, re.IGNORECASE)
    if m and _imperative(text, s + m.end(), end, lex, "reader_verbs", initial=False):
        return _reader_pieces(text, s, end, lex, whole=True)
    if _imperative(text, s, end, lex, "reader_verbs", initial) and re.search(r"[.!;:…]\W*$", sentence):
        return _reader_pieces(text, s, end, lex)
    return None


def _reader_pieces(text: str, s: int, end: int, lex: DemandLexicon, whole: bool = False) -> list[Found]:
    """The reader's action, and a demand it carries ("Sign this petition to call on X to Y" is two)."""
    found: list[Found] = []
    inner = None if whole else _CARRIED.search(text, s, end)
    stop = inner.start() if inner else end
    for a, b in [(s, stop)] if whole else split_verbs(text, s, stop, lex):
        a, b = trim(text, a, b, lex)
        if _enough(text[a:b]):
            found.append(Found(a, b, None, NOUN, True, False, end))
    if inner:
        verb = re.compile(r"(call on|call upon|urge|ask|demand)(?:ing)?(?!\w)", re.IGNORECASE).match(
            text, inner.end(), end
        )
        lead = read_lead_in(text, inner.start(), verb.end(), end, verb.group(1), lex) if verb else None
        carried_by_readers = not inner.group().lstrip().startswith("to")  # "write … and demand X"
        if lead is not None:
            for x, y, by_readers in split_body(text, lead.body, end, lead.mode, lex):
                x, y = trim(text, x, y, lex)
                if _enough(text[x:y]):
                    found.append(
                        Found(x, y, lead.target, lead.mode, False, by_readers or carried_by_readers, end)
                    )
    return found


def _imperative(text: str, s: int, end: int, lex: DemandLexicon, key: str, initial: bool = True) -> bool:
    """The sentence opens with a verb of `key` in its base form ("Send …", "Подпишите …")."""
    m = lex.pattern(key).match(text, s, end)
    if not m:
        return False
    after = text[m.end() : m.end() + 2]
    if not re.match(r"\s+[^\W\d]", text[m.end() : m.end() + 3]) or after.startswith("s "):
        return False  # "E-mail: …", "fax 10-…" are labels, not requests
    return lex.language != "en" or text[s].isupper() or not initial


def _modal(text: str, s: int, end: int, lex: DemandLexicon) -> bool:
    """A prescriptive sentence: a modal not said of the sender, not in an if-clause, not a set phrase."""
    sentence = text[s:end]
    if lex.pattern("modal_exceptions").search(sentence):
        return False
    for m in lex.pattern("modals").finditer(sentence):
        before = sentence[max(0, m.start() - 200) : m.start()]
        if re.search(r"(?:^|\W)(?:we|i|us|мы|я)\s*$", before, re.IGNORECASE):
            continue
        if re.search(r"(?:^|\W)(?:if|when|whether|unless|если|когда|ли)\b[^,;]*$", before, re.IGNORECASE):
            continue
        if _REPORTED.search(before):
            continue  # "The workers said that they must be paid": what others say, not the letter's demand
        return True
    return False


_TRIGGER_KEYS = (
    "object_verbs",
    "that_verbs",
    "noun_verbs",
    "to_verbs",
    "third_person",
    "impersonal",
    "participles",
    "please",
    "reader_verbs",
    "action_verbs",
    "modals",
    "final_verbs",
    "final_modals",
    "list_heads",
    "item_demand_verbs",
)


@cache
def _trigger_words(language: str) -> frozenset[str]:
    lex = demand_lexicon(language)
    firsts = {w.split()[0].casefold() for key in _TRIGGER_KEYS for w in lex.words(key) if w.split()}
    return frozenset(firsts | {"can", "may", "можно", "you"})


def _has_trigger(sentence: str, language: str) -> bool:
    """Any word that can start a demand; a sentence without one is skipped after one scan."""
    if ":" in sentence:
        return True
    return not _trigger_words(language).isdisjoint(_WORDS.findall(sentence.casefold()))


_WORDS = re.compile(r"[\w-]+")


@cache
def _phrase(language: str, key: str, suffix: str, prefix: str = "") -> re.Pattern[str]:
    """A list of the lexicon as one compiled phrase pattern (compiled once per language)."""
    return re.compile(prefix + phrase_pattern(demand_lexicon(language).words(key)) + suffix, re.IGNORECASE)


@cache
def _verbal_noun_end(language: str) -> re.Pattern[str]:
    ending = demand_lexicon(language).pattern("verbal_noun_endings_regex").pattern
    return re.compile(ending + r"(?=(?:,\s*|\s+және\s+)\w)", re.IGNORECASE)


_REPORTED = re.compile(
    r"(?<!\w)(?:said|says|told|stated|reported|claimed|announced|explained|added|wrote|promised|argued|"
    r"сказал\w*|заявил\w*|сообщил\w*|отметил\w*|пишут|говорят|считают)(?!\w)",
    re.IGNORECASE,
)


def _headline(text: str, start: int, end: int) -> bool:
    """A short line of its own with no closing punctuation, with more text after it: a heading."""
    line = text[start:end]
    if "\n" in line or len(line) > 100 or re.search(r"[.!?;:…]\W*$", line):
        return False
    return text[end : end + 2].strip(" \t")[:1] in ("\n", "\r") and bool(text[end : end + 300].strip())


def _slogan(sentence: str) -> bool:
    """ "The strike must go on!": a short exclamation is a slogan, not a demand (§17)."""
    return sentence.rstrip().endswith("!") and len(sentence.split()) <= 6


def _skip_opinion(text: str, s: int, end: int, lex: DemandLexicon) -> int:
    m = _phrase(lex.language, "opinion", r"(?!\w)\s*").match(text, s, end)
    return m.end() if m else s


_KK_ABLATIVE = re.compile(r"\s*([^\W\d_]+?)(?:дан|ден|тан|тен|нан|нен)\s+", re.IGNORECASE)
_KK_CAUSE = re.compile(r",\s*(?:себебі|өйткені|себебi|өйткенi)(?!\w)", re.IGNORECASE)


def _kazakh(text: str, s: int, end: int, lex: DemandLexicon) -> list[Found]:
    """Kazakh puts the verb last ("… төлеуіңізді талап етеміз!"): the words before it, one per verbal noun."""
    cause = _KK_CAUSE.search(text, s, end)
    if cause:
        end = cause.start()  # "… қарастыруды өтінеміз, себебі …": the reason given after is no demand
    sentence = text[s:end]
    final = _phrase(lex.language, "final_verbs", r"[\s.!]*$")
    m = final.search(sentence)
    keep_verb = False
    if not m:
        m = _phrase(lex.language, "final_modals", r"[\s.!]*$", r"(?<!\w)").search(sentence)
        keep_verb = True
    if not m:
        return []
    stop = end if keep_verb else s + m.start()
    colon = sentence.rfind(":", 0, m.start())
    body = skip_connectives(text, s + colon + 1 if colon >= 0 else s, stop, lex)
    # "Біз, Жаңаөзен мұнайшылары, Сізден …": the subject, its apposition and the addressee go.
    subject = re.match(
        r"\s*(?:(?:біз|біздер|мен)(?:,[^,.!?]{1,80},)?\s+)?(?:(?:сізден|сіздерден|сізге|сіздерге)\s+)?",
        text[body:stop],
        re.IGNORECASE,
    )
    body += subject.end() if subject else 0
    ablative = _KK_ABLATIVE.match(text, body, stop)
    if ablative and any(ablative[1].casefold().startswith(a) for a in lex.words("ablative_addressees")):
        body = ablative.end()  # "министрліктен …": the body asked is the target, not the demand
    split = _verbal_noun_end(lex.language)
    spans = []
    pos = body
    for v in split.finditer(text, body, stop):
        spans.append((pos, v.end()))
        pos = v.end()
    spans.append((pos, stop))
    return _pieces(text, spans, lex, end, NOUN)


def _pieces(
    text: str, spans: list[tuple[int, int]], lex: DemandLexicon, sentence_end: int, mode: str
) -> list[Found]:
    out = []
    for a, b in spans:
        a, b = trim(text, a, b, lex)
        a = skip_connectives(text, a, b, lex)
        if _enough(text[a:b]):
            out.append(Found(a, b, None, mode, False, False, sentence_end))
    return out


def skip_connectives(text: str, start: int, end: int, lex: DemandLexicon) -> int:
    """Past sentence openers ("In addition,", "Сонымен қатар,") that are no part of a demand."""
    pattern = _connectives(lex.language)
    for _ in range(3):
        m = pattern.match(text, start, end)
        if not m:
            break
        start = m.end()
    return start


@cache
def _connectives(language: str) -> re.Pattern[str]:
    lex = demand_lexicon(language)
    # Only a connective set off by a comma, or "and"/"і" style joiners, is dropped; a phrase of
    # several words ("Осыған байланысты", "In addition") is one without its comma too.
    words = lex.words("connectives")
    multi = phrase_pattern([w for w in words if len(w.split()) > 1])
    single = phrase_pattern(words)
    return re.compile(rf"\s*(?:{multi}(?!\w)\s*,?|{single}(?!\w)\s*,)\s*", re.IGNORECASE)


# Words after an opening "To" that make it an address ("To the Ministry"), not a purpose.
_NOT_VERBS = frozenset({"the", "a", "an", "all", "our", "your", "his", "her", "their", "whom"})


def _purpose_opening(text: str, s: int, end: int, lex: DemandLexicon) -> bool:
    if lex.language != "en":
        return bool(re.match(r"(?:для того,? чтобы|чтобы)\s", text[s : s + 20], re.IGNORECASE))
    m = re.match(r"(?:in order )?to\s+([a-z]+)\b[^,]{0,120},", text[s : min(end, s + 160)], re.IGNORECASE)
    return m is not None and m[1].casefold() not in _NOT_VERBS


def _speaks_as_sender(subject: str, sender_words: frozenset[str]) -> bool:
    """ "The International Trade Union Confederation … demands": only a sender demands in its own name."""
    words = {w.casefold() for w in re.findall(r"\w{4,}", subject)}
    words |= {w.casefold() for w in re.findall(r"\b[^\W\d_]{2,3}\b", subject) if w.isupper()}  # "КТР"
    if not sender_words:
        return bool(re.match(r"\s*(?:The\s+)?[A-ZА-Я]", subject)) and "undersigned" not in subject
    return bool(words & sender_words) or "undersigned" in subject.casefold()


def _enough(words: str) -> bool:
    """A clause cut off before it has content ("We also demand that the") is no demand (§20)."""
    tokens = re.findall(r"\w+", words)
    return len(tokens) >= _MIN_WORDS and any(len(t) >= 3 for t in tokens)
