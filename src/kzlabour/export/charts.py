"""The report's charts as inline SVG, drawn here so the page needs no script library and no network.

Each function takes plain data (see `page.LetterView`) and returns one `<svg>`
element as a string: a timeline of the letters, who wrote to whom, and demand
categories by year.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

__all__ = ["LetterView", "category_heatmap", "network", "timeline"]

ACCENT = "#b03a2e"
MUTED = "#8a8a8a"


@dataclass(frozen=True)
class LetterView:
    """What the report shows of a letter."""

    id: str
    anchor: str
    label: str
    date: str | None
    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    categories: tuple[str, ...]


def _year_fraction(date: str) -> float:
    """A date as a year with a fraction; a partial date sits at the start of its range."""
    parts = [int(p) for p in date.split("-")]
    year, month, day = parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    return year + (dt.date(year, month, day) - start).days / days


def _short(text: str, limit: int = 42) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline(letters: Sequence[LetterView], width: int = 960) -> str:
    """Dated letters as dots on a year axis (stacked when close); undated ones counted at the right."""
    dated = sorted((v for v in letters if v.date), key=lambda v: (v.date or "", v.id))
    undated = [v for v in letters if not v.date]
    left, right = 40, width - (150 if undated else 30)
    years = [_year_fraction(v.date) for v in dated if v.date]
    low, high = (int(min(years)), int(max(years)) + 1) if years else (2000, 2001)
    step = 1 if high - low <= 12 else 5 if high - low <= 60 else 10
    first, last = low - low % step, high + (-high) % step
    span = max(last - first, 1)

    def x(year: float) -> float:
        return left + (year - first) / span * (right - left)

    placed: list[tuple[float, int]] = []
    for year in years:
        cx = x(year)
        placed.append((cx, sum(1 for px, _ in placed if abs(px - cx) < 14)))
    top = max((level for _, level in placed), default=0)
    if undated:
        top = max(top, (len(undated) - 1) // 6)
    axis = 30 + 16 * top

    def dot(cx: float, level: int, fill: str, tip: str, anchor: str) -> str:
        return (
            f'<a href="#{anchor}"><circle class="dot" cx="{cx:.1f}" cy="{axis - 14 - 16 * level}" r="6" '
            f'fill="{fill}" stroke="{ACCENT if fill != MUTED else MUTED}" stroke-width="2">'
            f"<title>{escape(tip)}</title></circle></a>"
        )

    parts = [f'<line x1="{left}" x2="{right}" y1="{axis}" y2="{axis}" stroke="{MUTED}"/>']
    for year in range(first, last + 1, step):
        parts.append(
            f'<line x1="{x(year):.1f}" x2="{x(year):.1f}" y1="{axis}" y2="{axis + 6}" stroke="{MUTED}"/>'
            f'<text x="{x(year):.1f}" y="{axis + 22}" text-anchor="middle">{year}</text>'
        )
    for view, (cx, level) in zip(dated, placed, strict=True):
        hollow = len((view.date or "").split("-")) < 3  # month or year only
        parts.append(
            dot(cx, level, "white" if hollow else ACCENT, f"{view.date} — {view.label}", view.anchor)
        )
    for i, view in enumerate(undated):
        parts.append(dot(right + 40 + 16 * (i % 6), i // 6, MUTED, f"undated — {view.label}", view.anchor))
    if undated:
        parts.append(f'<text x="{right + 34}" y="{axis + 22}">undated ({len(undated)})</text>')
    return (
        f'<svg id="timeline" viewBox="0 0 {width} {axis + 32}" width="100%" role="img" '
        f'aria-label="timeline of {len(letters)} letters">{"".join(parts)}</svg>'
    )


def network(letters: Sequence[LetterView], width: int = 960) -> str:
    """Senders on the left, recipients on the right, a line per pair, thicker for more letters."""
    pairs = Counter((s, r) for v in letters for s in v.senders for r in v.recipients)
    senders = sorted({s for s, _ in pairs} | {s for v in letters for s in v.senders})
    recipients = sorted({r for _, r in pairs} | {r for v in letters for r in v.recipients})
    rows = max(len(senders), len(recipients), 1)
    height = 30 + rows * 26
    lx, rx = 330, width - 330

    def y(i: int, n: int) -> float:
        return 20 + (i + 0.5) * (height - 30) / max(n, 1)

    sy = {name: y(i, len(senders)) for i, name in enumerate(senders)}
    ry = {name: y(i, len(recipients)) for i, name in enumerate(recipients)}
    parts = []
    for (s, r), n in sorted(pairs.items()):
        parts.append(
            f'<line class="edge" x1="{lx}" y1="{sy[s]:.1f}" x2="{rx}" y2="{ry[r]:.1f}" '
            f'stroke="{ACCENT}" stroke-opacity="0.55" stroke-width="{1.5 + 2 * (n - 1)}">'
            f"<title>{escape(s)} → {escape(r)}: {n} letter{'s' if n != 1 else ''}</title></line>"
        )
    for name, cy in sy.items():
        parts.append(
            f'<circle cx="{lx}" cy="{cy:.1f}" r="5" fill="{ACCENT}"/>'
            f'<text x="{lx - 10}" y="{cy + 4:.1f}" text-anchor="end">{escape(_short(name))}'
            f"<title>{escape(name)}</title></text>"
        )
    for name, cy in ry.items():
        parts.append(
            f'<circle cx="{rx}" cy="{cy:.1f}" r="5" fill="#1f4e79"/>'
            f'<text x="{rx + 10}" y="{cy + 4:.1f}">{escape(_short(name))}<title>{escape(name)}</title></text>'
        )
    heads = (
        f'<text x="{lx}" y="12" text-anchor="middle" class="head">senders</text>'
        f'<text x="{rx}" y="12" text-anchor="middle" class="head">recipients</text>'
    )
    return (
        f'<svg id="network" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="senders and recipients">{heads}{"".join(parts)}</svg>'
    )


def category_heatmap(letters: Sequence[LetterView], categories: Sequence[str], width: int = 960) -> str:
    """Demands per category (rows) and year (columns); the number in each cell."""
    counts = Counter(((v.date or "")[:4] or "undated", c) for v in letters for c in v.categories)
    years = sorted({y for y, _ in counts if y != "undated"})
    if any(y == "undated" for y, _ in counts):
        years.append("undated")
    used = [c for c in categories if any(c == k for _, k in counts)]
    label_w, cell_h = 230, 24
    cell_w = min(70, (width - label_w - 10) / max(len(years), 1))
    height = 40 + cell_h * max(len(used), 1)
    top = max(counts.values(), default=1)
    parts = [
        f'<text x="{label_w + (i + 0.5) * cell_w:.1f}" y="20" text-anchor="middle">{escape(y)}</text>'
        for i, y in enumerate(years)
    ]
    for j, category in enumerate(used):
        cy = 30 + j * cell_h
        name = escape(category.replace("_", " "))
        parts.append(f'<text x="{label_w - 8}" y="{cy + 16}" text-anchor="end">{name}</text>')
        for i, year in enumerate(years):
            n = counts.get((year, category), 0)
            opacity = 0.08 if n == 0 else 0.25 + 0.75 * n / top
            parts.append(
                f'<rect class="cell" x="{label_w + i * cell_w:.1f}" y="{cy}" width="{cell_w - 2:.1f}" '
                f'height="{cell_h - 2}" fill="{ACCENT}" fill-opacity="{opacity:.2f}">'
                f"<title>{escape(category)}, {escape(year)}: {n}</title></rect>"
            )
            if n:
                parts.append(
                    f'<text x="{label_w + (i + 0.5) * cell_w:.1f}" y="{cy + 16}" '
                    f'text-anchor="middle" class="num">{n}</text>'
                )
    if not used:
        parts.append('<text x="10" y="50">no demands</text>')
    return (
        f'<svg id="categories" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-label="demand categories by year">{"".join(parts)}</svg>'
    )
