"""Splitting what follows a lead-in into one demand each, and trimming their ends (§18, §19).

All functions take and return (start, end) spans into the decoded text, so the
demands keep their evidence. Separators are found with flat regexes in one
pass; whether a separator splits is then decided on the words around it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from kzlabour.parser.demand_lexicon import DemandLexicon, demand_lexicon, phrase_pattern
from kzlabour.parser.leadins import INTRO, NOUN, THAT, TO, is_infinitive, norm
from kzlabour.parser.memo import line_memo

__all__ = ["Piece", "prescriptive_parts", "split_body", "split_verbs", "trim"]

Span = tuple[int, int]
# A demand's span and whether it is one the readers are to make of others ("..., demanding to ...").
Piece = tuple[int, int, bool]

_WORD = re.compile(r"[\w’'-]+")
_LEADING = re.compile(r"(?:\s|,|;|—|–|-(?=\s))+", re.IGNORECASE)
_LEADING_WORD = re.compile(
    r"(?:and|also|that|чтобы|и|а также|және|әрі|сондай-ақ|сондай ақ)\s+", re.IGNORECASE
)
_TRAILING_CHARS = frozenset(" \t\r\n\u00a0,;:.!")
# A joining word left at the end where the next clause was cut off: "… without delay, and".
# Not after a stripped address (",, and" stays, §19 "Fragments left by stripped addresses stay").
# Nor after a preposition whose address was stripped ("please send them to, and").
_TRAILING_JOIN = re.compile(r"(?<=\w)(?<!\bto)(?<!\bat)(?<!\bon),\s+(?:and|и|және)$", re.IGNORECASE)
# An address list announced at the end of a request: "…, to:" — the addresses are not the demand.
_ADDRESS_TAIL = re.compile(r"(?:,\s*to|,?\s*(?:по адресу|по адресам|в адрес))\s*:\s*$", re.IGNORECASE)
_SUBJUNCTIVE = re.compile(r"(?<!\w)(?:should|must|shall|ought|be|is to|are to)(?!\w)", re.IGNORECASE)


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    lex = demand_lexicon(language)
    verbs = phrase_pattern(lex.words("action_verbs") + lex.words("reader_verbs"))
    heads = phrase_pattern(lex.words("head_nouns"))
    participles = phrase_pattern(lex.words("participles"))
    flags = re.IGNORECASE
    if language == "ru":
        return {
            # "…, чтобы прокуратура возбудила дело, а компания выплатила …": ", а" opens a second clause.
            "that": re.compile(r"(?:[,;]\s*(?:и\s+)?|\s+и\s+)чтобы\s+|,\s+а\s+(?!также(?!\w))", flags),
            "to": re.compile(r",\s*(?:а\s+также\s+|и\s+)?|\s+и\s+|;\s*", flags),
            "noun": re.compile(rf"(?:,\s*(?:а\s+также\s+|и\s+)?|\s+и\s+|;\s*)(?={heads}(?!\w))", flags),
            "verb_and": re.compile(r"(?:,\s*|\s+)и\s+|,\s+", flags),
            # "направить письма … с требованием восстановить …": what the readers' letters demand.
            "participle": re.compile(
                rf",\s*{participles}(?!\w)\s*|\s+с\s+(?:требованием|требованиями|призывом)\s+(?=[а-яё]+т[ьи](?!\w))",
                flags,
            ),
        }
    return {
        "that": re.compile(r"(?:[,;]\s*(?:and\s+)?|\s+and\s+)that\s+", flags),
        "to": re.compile(
            rf"(?:,\s*|;\s*|\s+)and\s+to\s+|;\s*to\s+|,?\s+and\s+by\s+|,\s*to\s+(?={verbs}(?!\w))", flags
        ),
        # "call for an inquiry, and for the release of …": the repeated "for" starts a second object.
        "noun": re.compile(
            rf"(?:,\s*|\s+)and\s+for\s+(?=(?:the|an|a|all)\s)|"
            rf"(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)(?=(?:the|an|a)\s+{heads}(?!\w))",
            flags,
        ),
        "verb_and": re.compile(rf"(?:,?\s+and|,?\s+as\s+well\s+as|,)\s+(?={verbs}(?!\w))", flags),
        # "Send a message to the company demanding that …": comma or not, the message carries a demand.
        "participle": re.compile(rf"(?:,\s*|\s+){participles}(?!\w)\s*", flags),
    }


def split_body(text: str, start: int, end: int, mode: str, lex: DemandLexicon) -> list[Piece]:
    """The demands in the words after a lead-in: one per that-clause, infinitive or head noun."""
    pats = _patterns(lex.language)
    pieces: list[Piece] = []
    part = pats["participle"].search(text, start, end)
    if part and part.start() > start:
        # "... by sending faxes, demanding to provide X": the readers' action, then what they demand.
        pieces.extend((s, e, False) for s, e in _split_mode(text, start, part.start(), mode, lex))
        inner = part.end()
        inner_mode = NOUN
        if text.startswith("to ", inner):
            inner, inner_mode = inner + 3, TO
        elif text.startswith("that ", inner):
            inner, inner_mode = inner + 5, THAT
        elif lex.language == "ru" and _infinitive_next(text, inner, end):
            inner_mode = TO
        pieces.extend((s, e, True) for s, e in _split_mode(text, inner, end, inner_mode, lex))
        return pieces
    return [(s, e, False) for s, e in _split_mode(text, start, end, mode, lex)]


def _split_mode(text: str, start: int, end: int, mode: str, lex: DemandLexicon) -> list[Span]:
    pats = _patterns(lex.language)
    if mode == THAT:
        parts = _cut(text, start, end, pats["that"], lambda m: _clause_follows(text, m.end(), end, lex))
        parts = [q for p in parts for q in _split_clauses(text, p[0], p[1], lex)]
        return [q for p in parts for q in split_verbs(text, p[0], p[1], lex)]
    if mode == TO:
        if lex.language == "ru":
            parts = _cut(text, start, end, pats["to"], lambda m: _infinitive_next(text, m.end(), end))
        else:
            parts = _cut(text, start, end, pats["to"], lambda m: True)
            # "ensure that A is released and that B are dropped": one demand per that-clause.
            parts = [
                q
                for p in parts
                for q in _cut(
                    text, p[0], p[1], pats["that"], lambda m: _clause_follows(text, m.end(), end, lex)
                )
            ]
        return [q for p in parts for q in split_verbs(text, p[0], p[1], lex)]
    if mode in (NOUN, INTRO):
        return _cut(text, start, end, pats["noun"], lambda m: True)
    return [(start, end)]


def _cut(
    text: str, start: int, end: int, pattern: re.Pattern[str], ok: Callable[[re.Match[str]], bool]
) -> list[Span]:
    """Split text[start:end] at the separators `pattern` finds where `ok` holds."""
    out: list[Span] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.start() <= pos or not ok(m):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


def _clause_follows(text: str, pos: int, end: int, lex: DemandLexicon) -> bool:
    """A complementizer "that" is followed by a subject; a relative "that" by a verb."""
    if lex.language != "en":
        return True
    word = _WORD.match(text, pos, end)
    if not word:
        return False
    w = word.group()
    if w[:1].isupper() or norm(w) in _words(lex.language, "determiners"):
        return True
    if norm(w) in _words(lex.language, "finite_verbs"):
        return False  # "… and that is used against unions": a relative clause
    stop = min(end, pos + 200)
    comma = re.compile(r"[,;–—]").search(text, pos, stop)
    return _SUBJUNCTIVE.search(text, pos, comma.start() if comma else stop) is not None


def _split_clauses(text: str, start: int, end: int, lex: DemandLexicon) -> list[Span]:
    """ "X should be freed and Y should be met" is two demands; "X and Y should be met" is one."""
    if lex.language != "en":
        return [(start, end)]
    seps = list(re.finditer(r",?\s+and\s+", text[start:end]))
    if not seps:
        return [(start, end)]
    bounds = [start] + [start + m.start() for m in seps] + [end]
    out: list[Span] = []
    pos = start
    for i, m in enumerate(seps):
        left = text[pos : bounds[i + 1]]
        right = text[start + m.end() : bounds[i + 2]]
        if _SUBJUNCTIVE.search(left) and _SUBJUNCTIVE.search(right):
            out.append((pos, start + m.start()))
            pos = start + m.end()
    out.append((pos, end))
    return out


def split_verbs(text: str, start: int, end: int, lex: DemandLexicon) -> list[Span]:
    """ "release the workers and reopen the mine" is two; "allow X to return and go", "find and punish" one.

    A bare comma splits only after a part that already holds its own verb ("pay X, reinstate Y"),
    so a subject with an apposition ("the operator, which employs 2,000 dockers, reinstate …") stays whole.
    """
    pattern = _patterns(lex.language)["verb_and"]
    out: list[Span] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.start() <= pos:
            continue
        left = text[pos : m.start()]
        words = left.split()
        if len(words) < 2 or _INFINITIVE_OBJECT.search(" ".join(words[1:])):
            continue
        if lex.language == "ru" and not _verb_at(text, m.end(), end):
            continue
        if "and" not in m.group() and "и" not in m.group().split() and not _has_verb(left, lex):
            continue
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return out


# "allow X to return … and go": the verbs after "to" together are one object.
_INFINITIVE_OBJECT = re.compile(
    r"\bto\s+(?!(?:the|a|an|all|his|her|their|its|our|your|this|these|those|them|him|us|me|it)\b)\w",
    re.IGNORECASE,
)


def _has_verb(left: str, lex: DemandLexicon) -> bool:
    verbs = _words(lex.language, "action_verbs") | _words(lex.language, "reader_verbs")
    if lex.language == "ru":
        return any(_verb_at(w, 0, len(w)) for w in left.split()[:3])
    return any(w.casefold() in verbs for w in re.findall(r"[\w-]+", left)[:3]) or bool(
        lex.pattern("modals").search(left)
    )


def _verb_at(text: str, pos: int, end: int) -> bool:
    """A Russian verb (finite or infinitive) opens text[pos:end]."""
    word = _WORD.match(text, pos, end)
    return word is not None and _is_verb_ru(word.group())


@line_memo(maxsize=1 << 14, longest=60)  # keyed on words: bounded
def _is_verb_ru(word: str) -> bool:
    if not re.fullmatch(r"[а-яёА-ЯЁ-]+", word):
        return False
    from kzlabour.parser.morph import parse_word

    parses = parse_word(word)
    return bool(parses) and parses[0].tag.POS in {"VERB", "INFN"}


def _infinitive_next(text: str, pos: int, end: int) -> bool:
    """The next word, or the one after an adverb, is a Russian infinitive."""
    for count, word in enumerate(_WORD.finditer(text, pos, min(end, pos + 60))):
        if is_infinitive(word.group()):
            return True
        if count >= 1 or not word.group().casefold().endswith(("о", "е")):
            return False
    return False


def prescriptive_parts(text: str, start: int, end: int, lex: DemandLexicon) -> list[Span]:
    """The prescriptive clauses of a sentence; a plain clause beside them is left out (§17).

    Parts without a modal and without a finite verb (coordinated subjects or
    objects) join the clause after them; parts with a finite verb of their own
    and no modal ("Reform is long overdue") are dropped.
    """
    sep = (
        r"\s+and\s+|,\s+and\s+|;\s+|,?\s+but\s+"
        if lex.language == "en"
        else r"\s+и\s+|,\s+а\s+|;\s+|,\s+но\s+"
    )
    modal = lex.pattern("modals")
    finite = lex.pattern("finite_verbs")
    out: list[Span] = []
    pending: int | None = None
    pos = start
    bounds = [(m.start(), m.end()) for m in re.finditer(sep, text[start:end], re.IGNORECASE)]
    parts = []
    for s, e in bounds:
        parts.append((pos, start + s))
        pos = start + e
    parts.append((pos, end))
    for s, e in parts:
        chunk = text[s:e]
        if modal.search(chunk):
            out.append((pending if pending is not None else s, e))
            pending = None
        elif finite.search(chunk):
            pending = None
        elif out and pending is None and s > out[-1][1]:
            out[-1] = (out[-1][0], e)  # "…, the judiciary and the army": the list goes on
        elif pending is None:
            pending = s
    return out


def trim(text: str, start: int, end: int, lex: DemandLexicon) -> Span:
    """Drop surrounding space, joining words, a final ; . ! and an announced address list."""
    m = _LEADING.match(text, start, end)
    if m:
        start = m.end()
    m = _LEADING_WORD.match(text, start, end)
    if m:
        start = m.end()
    changed = True
    while changed and end > start:
        changed = False
        while end > start and text[end - 1].isspace():
            end -= 1
        # Only the last few characters can hold "…, to:", so the search stays short.
        tail = _ADDRESS_TAIL.search(text, max(start, end - 24), end) if text[end - 1 : end] == ":" else None
        if tail:
            end, changed = tail.start(), True
        while end > start and text[end - 1] in _TRAILING_CHARS:
            end, changed = end - 1, True
        join = _TRAILING_JOIN.search(text, max(start, end - 12), end)
        if join:
            end, changed = join.start(), True
    return start, end


def iter_words(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    return _WORD.finditer(text, start, end)


@cache
def _words(language: str, key: str) -> frozenset[str]:
    return frozenset(norm(w) for w in demand_lexicon(language).words(key))
