"""No regular expression in the parser backtracks catastrophically: ~1 MB adversarial texts parse in time.

Each text repeats a unit that regular expressions typically trip on (runs of one
character, near-misses of names, dates, quotes, bullets, e-mails) up to about
1 MB. A linear parser reads each in seconds; a quadratic or exponential one
would take minutes or forever, far beyond the generous limit.
"""

from __future__ import annotations

import time

import pytest

from kzlabour.parser import parse

SIZE = 1_000_000
LIMIT = 60.0  # seconds per text: generous on a loaded 2-core machine

UNITS = {
    "letters": "a",
    "capitals": "A",
    "spaces": " ",
    "nbsp": "\u00a0",
    "tabs": "\t",
    "newlines": "\n",
    "crs": "\r",
    "dots": ".",
    "dashes": "-",
    "digits": "1",
    "commas": ",",
    "ats": "@",
    "slashes": "/",
    "parens": "(",
    "double-quotes": '"',
    "guillemets": "\u00ab",
    "curly-quotes": "\u201c",
    "apostrophes": "'",
    "word-space": "word ",
    "initials": "A. ",
    "name-given": "NAME, Given, ",
    "cyrillic-name": "Иван Петров, ",
    "dates": "12.12.",
    "date-words": "12 March ",
    "emails": "a@b.",
    "urls": "http://",
    "titles": "Mr. ",
    "dear": "Dear ",
    "to": "To: ",
    "demand": "We demand ",
    "bullet": "\u2022 ",
    "sign-offs": "Sincerely,\n",
    "capital-words": "Trade Union ",
    "numbered": "1. ",
    "colons": "a: ",
    "brackets": "[a] ",
    "phone": "+7 701 ",
}


@pytest.mark.timeout(300)
@pytest.mark.parametrize("unit", sorted(UNITS))
def test_adversarial_megabyte_parses_in_time(unit: str) -> None:
    text = UNITS[unit] * (SIZE // len(UNITS[unit].encode("utf-8")))
    started = time.monotonic()
    letters = parse(text)
    elapsed = time.monotonic() - started
    assert elapsed < LIMIT, f"{unit}: {elapsed:.1f} s for {len(text)} characters"
    for letter in letters:
        assert 0 <= letter.source.start < letter.source.end <= len(text)


_IN_SUBPROCESS = r"""
import sys
from kzlabour.parser import parse
parse(sys.stdin.read())
"""


def test_long_word_before_an_at_sign_parses_in_time() -> None:
    """A letter whose contact line is one 200 KB word ending in '@' (killed after the time limit)."""
    import subprocess
    import sys

    from tests.hostile_texts import LETTER_EN

    text = LETTER_EN + "Contact: " + "a" * 200_000 + "@\n"
    proc = subprocess.run([sys.executable, "-c", _IN_SUBPROCESS], input=text, text=True, timeout=20)
    assert proc.returncode == 0


def test_long_token_inside_a_letter_parses_in_time() -> None:
    """A letter whose body holds a 200 KB run of guillemets (no spaces), killed after the time limit."""
    import subprocess
    import sys

    from tests.hostile_texts import LETTER_EN

    head, tail = LETTER_EN.split("Yours sincerely,")
    text = head + "\u00ab" * 200_000 + "\n\nYours sincerely," + tail
    proc = subprocess.run([sys.executable, "-c", _IN_SUBPROCESS], input=text, text=True, timeout=20)
    assert proc.returncode == 0
