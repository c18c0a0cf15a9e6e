"""Find the letters in a text: their spans, page furniture left out.

The rules (ANNOTATION-DECISIONS §1-§3), in the order they apply:

1. Lines that start a letter ("anchors"): an address line ("To the ...", "Для ...",
   "... мырзаға"), a salutation ("Dear ...", "Уважаемый ...", "Құрметті ..."), a by-line
   ("From X, 21 March 2001", "From X:"), a repost line, a forwarded e-mail header, a heading
   that names the document ("Open letter ...", "Резолюция ..."). Anchors with no running
   text between them belong to one letter (address block, date line, salutation).
2. A letter's span reaches up over its header (address block, letterhead, date and
   reference lines) and over one heading directly above it; never over running text,
   a label ("Письмо 1:") or furniture.
3. Running text before the first anchor is a letter of its own when it calls readers to act
   or speaks in the first person ("please send", "we demand"); otherwise it is the article
   around the letter and lies outside.
4. Without anchors: a quoted appeal inside «…» is a letter spanning the quotation; else the
   text is one letter when it speaks in the first person (an article lead before a
   resolution's operative sentence stays outside); else it holds no letter (a news report).
5. A letter ends before the next letter, before terminal furniture (donation appeals,
   comment boxes, buttons), and where the page switches to another language (a translation
   is a letter of its own).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from kzlabour.parser.document import Line, Segment, split_lines
from kzlabour.parser.furniture import TERMINAL, furniture_kinds
from kzlabour.parser.header_lexicon import any_match, pattern
from kzlabour.parser.language import line_script, split_by_language
from kzlabour.parser.linekind import (
    anchor_kind,
    is_date_line,
    is_label,
    is_list_item,
    is_prose,
    is_signoff,
    is_title_like,
)
from kzlabour.parser.quotes import quoted_appeals, unquoted

__all__ = ["first_letter_start", "segment"]


class _Page:
    """The lines of a text with what segmentation needs to know about each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: tuple[Line, ...] = split_lines(text)
        self.s: list[str] = [ln.content.strip() for ln in self.lines]
        self.furniture = furniture_kinds(self.lines)
        self.anchor: list[str | None] = [
            None if (not s or self.furniture[i]) else anchor_kind(s) for i, s in enumerate(self.s)
        ]
        self._forwarded_headers()
        # Running text per line, and a prefix count of it, so "is there body between" is O(1).
        self.prose = [bool(x) and is_prose(x) for x in self.s]
        self.body_before = [0]
        for i, x in enumerate(self.s):
            body = (
                bool(x)
                and not self.furniture[i]
                and not self.anchor[i]
                and (self.prose[i] or is_list_item(x))
            )
            self.body_before.append(self.body_before[-1] + int(body))

    def _forwarded_headers(self) -> None:
        """A 'From: ... / Sent: ...' header (not a mailing list's) starts the letter it dates."""
        start, sent = pattern("anchors.forward_from"), pattern("anchors.forward_sent")
        for i, s in enumerate(self.s):
            if not s or self.furniture[i] or not start.search(s[:200]):
                continue
            if any(sent.search(f[:200]) for f in self.s[i + 1 : i + 5]):
                self.anchor[i] = "forward"

    def blank(self, i: int) -> bool:
        return not self.s[i]

    def content(self, i: int) -> bool:
        return bool(self.s[i]) and self.furniture[i] is None

    def single_line_block(self, i: int) -> bool:
        above = i == 0 or self.blank(i - 1)
        below = i + 1 >= len(self.s) or self.blank(i + 1)
        return above and below


def segment(text: str) -> list[Segment]:
    """The letters' spans in order of appearance; [] for a text that holds none."""
    return [Segment(text, start, end) for start, end in _spans(text)]


def first_letter_start(text: str) -> int | None:
    """Where the first letter of `text` starts (None when it holds none); cheap once segmented.

    The header reader asks this for each letter: building every segment of the text again for
    each of its letters would cost the square of their number.
    """
    spans = _spans(text)
    return spans[0][0] if spans else None  # the spans are in order of their starts


@lru_cache(maxsize=4)
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: the header reader asks again for the spans of the text it reads a letter of."""
    return tuple((s.start, s.end) for s in _segments(text))


def _segments(text: str) -> list[Segment]:
    page = _Page(text)
    ranges = _anchored_letters(page) or _unanchored_letters(page)
    spans: list[tuple[int, int]] = []
    for first, last in ranges:
        spans.extend(_split_translations(page, first, last))
    segments = [_to_segment(page, first, last) for first, last in spans]
    segments += [s for s in quoted_appeals(text) if not ranges]
    return sorted((s for s in segments if s.end > s.start), key=lambda s: s.start)


def _to_segment(page: _Page, first: int, last: int) -> Segment:
    """Lines first..last (inclusive) as a segment: from the first character to after the last non-space."""
    content = page.lines[first].content
    lead = len(content) - len(content.lstrip())
    # A quotation opened on the letter's first line and not closed on it ("«Аманат» …" is a name).
    opened = content[lead : lead + 1]
    quoted = opened in ("«", "“", "„") and not any(c in content[lead + 1 :] for c in "»”“")
    start = page.lines[first].start + lead + int(quoted)  # a quoted letter spans the inside of its quotes
    tail = page.lines[last].content.rstrip()
    close = max(tail.rfind("»"), tail.rfind("”"), tail.rfind("“")) if quoted else -1
    end = page.lines[last].start + (len(tail[:close].rstrip()) if close > 0 else len(tail))
    return Segment(page.text, start, max(start, end))


# --- letters that start at anchors ---------------------------------------------------------


def _anchored_letters(page: _Page) -> list[tuple[int, int]]:
    """Line ranges (first, last inclusive) of the letters found from anchors, in order."""
    starts: list[int] = []
    previous_end = -1
    for i, kind in enumerate(page.anchor):
        if kind is None:
            continue
        if starts and not _has_body(page, starts[-1], i):
            continue  # still the header of the letter begun above (address block, salutation ...)
        start = _reach_up(page, i, previous_end)
        if not starts:
            lead = _lead_letter(page, start)
            if lead is not None:
                starts.append(lead)
        starts.append(start)
        previous_end = start
    letters: list[tuple[int, int]] = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(page.s)
        last = _last_line(page, start, stop)
        if last is not None and not _reports_only(page, start, last):
            letters.append((start, last))
    return letters


def _reports_only(page: _Page, first: int, last: int) -> bool:
    """A headline such as "Open letter to X demands …" over a news report: no letter of its own.

    Only for letters found by a heading or by-line alone; an address, salutation, forwarded
    header or repost line is a letter's own form.
    """
    kinds = {page.anchor[i] for i in range(first, last + 1)} - {None}
    if kinds - {"doc", "byline"}:
        return False
    content = [i for i in range(first, last + 1) if page.content(i)]
    text = unquoted(" ".join(page.s[i] for i in content))
    if any_match("letter_cues", text) or any_match("appeal_cues", text):
        return False
    if any_match("report_cues", text):
        return True
    dated = any(is_date_line(page.s[i]) for i in content[:4])  # "Резолюция … / Копенгаген, 7 декабря 2018"
    return not (dated or any_match("statement_cues", text))


def _has_body(page: _Page, start: int, stop: int) -> bool:
    """Whether lines start..stop hold running text (so an anchor at `stop` starts a new letter)."""
    return page.body_before[stop] > page.body_before[start]


def _reach_up(page: _Page, anchor: int, floor: int) -> int:
    """The letter's first line: up from its anchor over header lines and one heading directly above."""
    start = anchor
    if page.anchor[anchor] == "repost":
        return anchor  # a repost line opens the reposted text; above it is the reposter's
    only_heading = page.anchor[anchor] in ("byline", "doc")
    crossed_blank = False
    j = anchor - 1
    while j > floor:
        s = page.s[j]
        if not s:
            crossed_blank = True
            j -= 1
            continue
        if page.furniture[j] or is_prose(s) or is_list_item(s):
            break
        if is_label(s) and (page.single_line_block(j) or j == anchor - 1 or pattern("label").match(s)):
            break  # "Письмо 1:", "Letter 2", "Your message:" belong to the page
        if only_heading and not (is_title_like(s) or (is_date_line(s) and not crossed_blank)):
            break  # above a by-line or a document heading only its own heading and date line
        start = j
        if pattern("cc_line").match(s):
            j -= 1  # "Копия: …" under the address block: header, never the heading
            continue
        if page.single_line_block(j) and is_title_like(s) and page.anchor[j] is None:
            break  # the heading directly above: inside, and nothing above it
        j -= 1
    return _repeated_heading(page, start, floor)


def _repeated_heading(page: _Page, start: int, floor: int) -> int:
    """A heading printed twice is taken whole: start at its first copy."""
    j = start - 1
    while j > floor and page.s[j] and page.s[j] == page.s[start]:
        start = j
        j -= 1
    return start


def _lead_letter(page: _Page, first_start: int) -> int | None:
    """The start of running text before the first anchored letter when it is a letter of its own."""
    lines = [i for i in range(first_start) if page.content(i)]
    prose = [i for i in lines if is_prose(page.s[i])]
    if not prose:
        return None
    text = unquoted(" ".join(page.s[i] for i in lines))
    if not (any_match("appeal_cues", text) or any_match("demand_cues", text)):
        return None
    return _after_leading_furniture(page, 0, prose[0])


def _after_leading_furniture(page: _Page, begin: int, first_prose: int) -> int:
    """The first content line after the last furniture line that precedes the first running text."""
    start = begin
    for i in range(begin, first_prose):
        if page.furniture[i]:
            start = i + 1
    while start < first_prose and not page.content(start):
        start += 1
    return start


def _last_line(page: _Page, start: int, stop: int) -> int | None:
    """The letter's last content line before `stop`, terminal furniture, or the article resuming."""
    last = None
    signed = None  # line of the sign-off ("Yours sincerely", "С уважением"), once seen
    for i in range(start, stop):
        if page.furniture[i] == TERMINAL and last is not None:
            break
        if not page.content(i):
            continue
        s = page.s[i]
        if signed is not None and i - signed > 2 and page.prose[i] and any_match("report_cues", s):
            break  # after the signature the reporter speaks again: "The letter was signed by …, he said."
        if signed is None and is_signoff(s):
            signed = i
        last = i
    return _before_trailing_labels(page, start, last)


def _before_trailing_labels(page: _Page, start: int, last: int | None) -> int | None:
    """A label that introduces the next letter ("Letter 2", "Your message:") is not this letter's end."""
    while last is not None and last > start and is_label(page.s[last]):
        last = max((i for i in range(start, last) if page.content(i)), default=None)
    return last


# --- letters without anchors ---------------------------------------------------------------


def _unanchored_letters(page: _Page) -> list[tuple[int, int]]:
    """One letter for a text that speaks in the first person; none for a report."""
    content = [i for i in range(len(page.s)) if page.content(i)]
    prose = [i for i in content if is_prose(page.s[i])]
    if not prose:
        return []
    start = _operative_start(page, prose)
    if start is None:
        outside_quotes = unquoted(" ".join(page.s[i] for i in content))
        if not _speaks_for_itself(outside_quotes):
            return []
        start = _after_intro(page, prose) or _after_leading_furniture(page, 0, prose[0])
    last = _last_line(page, start, len(page.s))
    return [] if last is None else [(start, last)]


def _after_intro(page: _Page, prose: Sequence[int]) -> int | None:
    """The line after an article's 'The following statement was adopted …:' that introduces the letter."""
    for i in prose:
        s = page.s[i]
        if any_match("letter_cues", unquoted(s)):
            return None  # the letter has begun: no introduction above it
        if (s.endswith(":") or "below" in s.lower() or "ниже" in s.lower()) and pattern("intro_line").search(
            s
        ):
            following = [j for j in range(i + 1, len(page.s)) if page.content(j)]
            return following[0] if following else None
    return None


def _speaks_for_itself(text: str) -> bool:
    """First person or a call to act; or a body's own third-person statement with no reporter's words."""
    if any_match("letter_cues", text) or any_match("appeal_cues", text):
        return True
    return any_match("statement_cues", text) and not any_match("report_cues", text)


def _operative_start(page: _Page, prose: Sequence[int]) -> int | None:
    """A resolution's operative sentence ("… :" over numbered points) after an article's dated lead."""
    for i in prose:
        s = page.s[i]
        if not s.endswith(":") or any_match("letter_cues", s):
            continue
        items = [j for j in range(i + 1, min(i + 12, len(page.s))) if page.content(j)]
        if sum(1 for j in items[:3] if is_list_item(page.s[j])) < 2:
            continue
        if not pattern("anchors.operative_item").search(page.s[items[0]]):
            continue
        lead = [j for j in prose if j < i]
        dated = [j for j in lead if any(c.isdigit() for c in page.s[j]) and _has_year(page.s[j])]
        if len(dated) >= 2 and not any_match("letter_cues", " ".join(page.s[j] for j in lead)):
            return i
    return None


def _has_year(s: str) -> bool:
    return any(1800 <= int(w) <= 2100 for w in _digit_runs(s) if len(w) == 4)


def _digit_runs(s: str) -> list[str]:
    runs, cur = [], ""
    for c in s:
        if c.isdigit():
            cur += c
        elif cur:
            runs.append(cur)
            cur = ""
    if cur:
        runs.append(cur)
    return runs


# --- translations --------------------------------------------------------------------------


def _split_translations(page: _Page, first: int, last: int) -> list[tuple[int, int]]:
    """A letter followed by its version in another language: one letter per version."""
    labels = [line_script(page.s[i]) if page.content(i) else None for i in range(first, last + 1)]
    cut = split_by_language(labels, [page.s[i] for i in range(first, last + 1)])
    if cut is None:
        return [(first, last)]
    k = first + cut
    end_a = max((i for i in range(first, k) if page.content(i)), default=None)
    if end_a is None:
        return [(first, last)]
    return [(first, end_a), *_split_translations(page, k, last)]
