"""`kzlabour report OUT/`: a static page to look at the letters, with no server and no network.

OUT/index.html holds everything inline (style, a few lines of script, SVG
charts): a timeline of the letters, who wrote to whom, demand categories by
year, and a searchable table of every letter. When the source texts are at
hand, OUT/texts/NAME.html shows each source text with its letters and demands
marked, and the table links each letter to its place there; otherwise the
table links to the source's URL, where the package records one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from kzlabour.export.charts import LetterView, category_heatmap, network, timeline
from kzlabour.export.common import ExportResult, dataset_tables, licence, title, write_atomic
from kzlabour.export.texts import SourceTexts, read_texts

if TYPE_CHECKING:
    from kzlabour.loader import Dataset
    from kzlabour.models.rows import LetterRow, PartyRow, SourceRow
    from kzlabour.tables import Tables

__all__ = ["write_report"]

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;
background:#fbfaf8}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:18px}h1{font-size:1.6em;margin:.2em 0}h2{margin-top:1.6em;font-size:1.2em}
.meta{color:#666}svg text{font-size:12px;fill:#333}svg text.head{font-weight:600}svg .num{fill:#fff}
section{background:#fff;border:1px solid #e4e1dc;border-radius:6px;padding:4px 16px 12px;margin:16px 0}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;vertical-align:top;
padding:6px 8px;border-bottom:1px solid #eee}th{background:#f3f1ed;position:sticky;top:0}
input[type=search]{font-size:15px;padding:6px 10px;width:min(420px,90%);margin:8px 0}
.chip{display:inline-block;white-space:nowrap;background:#f6e3e0;color:#7a2a21;border-radius:10px;
padding:0 8px;margin:1px;
font-size:12px}tr:target{background:#fff6d6}a{color:#1f4e79}
pre{white-space:pre-wrap;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace}
.letter{display:block;border-left:4px solid #b03a2e;padding-left:10px;margin:8px 0}
.letter:target{background:#fff6d6}
mark{background:#f6e3e0}
"""

SCRIPT = """
(function () {
  var input = document.getElementById("search");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#letters tbody tr"));
  var count = document.getElementById("count");
  function update() {
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var show = !q || row.getAttribute("data-search").indexOf(q) !== -1;
      row.hidden = !show;
      if (show) { shown += 1; }
    });
    count.textContent = shown + " of " + rows.length + " letters";
  }
  input.addEventListener("input", update);
  update();
})();
"""


def _anchor(letter_id: str) -> str:
    return "letter-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in letter_id)


def _party_name(party: PartyRow, people: dict[str, str], orgs: dict[str, str]) -> str:
    """A person by name, else the organisation: the registry's name where the party is linked to it."""
    if party.name:
        return people.get(party.person or "", party.name)
    if party.organisation:
        return orgs.get(party.organisation_id or "", party.organisation)
    return party.role or "?"


def _page(head_title: str, body: str, script: str = "") -> str:
    js = f"<script>{script}</script>" if script else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
        f"<title>{escape(head_title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}{js}</body></html>\n"
    )


def _views(tables: Tables) -> list[LetterView]:
    parties: dict[tuple[str, str], list[PartyRow]] = defaultdict(list)
    for p in sorted(tables.letter_parties, key=lambda r: r.order):
        parties[(p.letter, p.kind.value)].append(p)
    categories: dict[str, list[str]] = defaultdict(list)
    for d in sorted(tables.demands, key=lambda r: r.order):
        categories[d.letter].append(d.category.value)
    people = {p.id: p.name for p in tables.people}
    orgs = {o.id: o.name for o in tables.organisations}
    views = []
    for row in tables.letters:
        senders = parties[(row.id, "sender")] or parties[(row.id, "signatory")]
        recipients = parties[(row.id, "recipient")]
        names_from = tuple(dict.fromkeys(_party_name(p, people, orgs) for p in senders))
        names_to = tuple(dict.fromkeys(_party_name(p, people, orgs) for p in recipients))
        label = row.title or (
            f"{names_from[0] if names_from else 'letter'} to {names_to[0]}" if names_to else row.id
        )
        views.append(
            LetterView(
                row.id, _anchor(row.id), label, row.date, names_from, names_to, tuple(categories[row.id])
            )
        )
    return views


def _source_link(row: LetterRow, texts: SourceTexts, urls: dict[str, str | None]) -> str:
    stem = row.source.rsplit(".", 1)[0]
    if row.source in texts.texts:
        return (
            f'<a class="source" href="texts/{escape(stem)}.html#{_anchor(row.id)}">{escape(row.source)}</a>'
        )
    url = _web_url(urls.get(row.source))
    if url:
        return f'<a class="source" href="{escape(url)}">{escape(row.source)}</a>'
    return escape(row.source)


def _web_url(url: str | None) -> str | None:
    """Only http(s) addresses become links: a package from elsewhere could hold `javascript:` ones."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def _table(tables: Tables, views: Sequence[LetterView], texts: SourceTexts) -> str:
    urls = {s.file: s.url for s in tables.sources}
    rows = []
    for row, view in zip(tables.letters, views, strict=True):
        chips = "".join(
            f'<span class="chip">{escape(c.replace("_", " "))}{f" ×{n}" if n > 1 else ""}</span>'
            for c, n in Counter(view.categories).items()
        )
        cells = [
            escape(row.date or "undated"),
            escape(view.label),
            escape("; ".join(view.senders)),
            escape("; ".join(view.recipients)),
            chips,
            escape(row.language or ""),
            _source_link(row, texts, urls),
        ]
        fields = (row.id, row.date, row.place, row.reference, view.label)
        search = " ".join([*(f for f in fields if f), *view.senders, *view.recipients, *view.categories])
        if texts.texts:
            search += " " + (texts.letter_text(row.source, row.start, row.end) or "")
        rows.append(
            f'<tr id="{view.anchor}" data-letter="{escape(row.id)}" data-search="{escape(search.lower())}">'
            + "".join(f"<td>{c}</td>" for c in cells)
            + "</tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("date", "letter", "from", "to", "demands", "lang", "source"))
    return (
        '<input id="search" type="search" placeholder="Search letters: names, places, words…" '
        'aria-label="search letters"> <span id="count"></span>'
        f'<table id="letters"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _index(dataset: Dataset, tables: Tables, texts: SourceTexts) -> str:
    from kzlabour.models import DemandCategory

    views = _views(tables)
    lic = licence(dataset)
    dated = sum(1 for v in views if v.date)
    body = (
        f"<header><h1>{escape(title(dataset))}</h1>"
        f'<p class="meta">{escape(dataset.name)} {escape(dataset.version)} · {len(views)} letters · '
        f"{len(tables.demands)} demands · {len(tables.organisations)} organisations · "
        f"{len(tables.people)} people · data licence "
        f'<a href="{escape(lic.get("path", ""))}">{escape(lic.get("title") or lic.get("name", ""))}</a>'
        "; each source text keeps its own rights</p></header><main>"
        f"<section><h2>Timeline</h2><p class=meta>{dated} dated letters; hollow: month or year only"
        f"</p>{timeline(views)}</section>"
        f"<section><h2>Who wrote to whom</h2>{network(views)}</section>"
        "<section><h2>Demand categories by year</h2>"
        f"{category_heatmap(views, [c.value for c in DemandCategory])}</section>"
        f"<section><h2>Letters</h2>{_table(tables, views, texts)}</section></main>"
    )
    return _page(title(dataset), body, SCRIPT)


def _text_page(
    dataset: Dataset,
    src: SourceRow,
    text: str,
    letters: Sequence[LetterRow],
    marks: dict[str, list[tuple[int, int]]],
) -> str:
    """A source text with its letters (anchors the table links to) and their demands marked."""
    out, pos = [], 0
    for row in letters:
        out.append(escape(text[pos : row.start]))
        inner, at = [], row.start
        for start, end in sorted(marks[row.id]):
            if start < at or end > row.end:
                continue  # overlapping or outside the letter: not marked
            inner += [escape(text[at:start]), f"<mark>{escape(text[start:end])}</mark>"]
            at = end
        inner.append(escape(text[at : row.end]))
        out.append(f'<span class="letter" id="{_anchor(row.id)}">{"".join(inner)}</span>')
        pos = row.end
    out.append(escape(text[pos:]))
    web = _web_url(src.url)
    url = f' · <a href="{escape(web)}">found at</a>' if web else ""
    body = (
        f'<header><p><a href="../index.html">← {escape(title(dataset))}</a></p>'
        f"<h1>{escape(src.title)}</h1><p class=meta>{escape(src.file)} · retrieved {escape(src.retrieved)}"
        f"{url} · SHA-256 {escape(src.sha256)}<br>Rights: {escape(src.rights)}</p></header>"
        f"<main><section><pre>{''.join(out)}</pre></section></main>"
    )
    return _page(src.title, body)


def write_report(dataset: Dataset, out: str | Path, *, sources: Path | None = None) -> ExportResult:
    """Write the report into the folder `out`: index.html, and texts/NAME.html when texts are at hand."""
    out = Path(out)
    tables = dataset_tables(dataset)
    texts = read_texts(dataset, sources)
    index = out / "index.html"
    write_atomic(index, _index(dataset, tables, texts).encode("utf-8"))
    result = ExportResult("report", [index], {"letters": len(tables.letters)}, [texts.note()])
    by_source: dict[str, list[LetterRow]] = defaultdict(list)
    for row in tables.letters:
        by_source[row.source].append(row)
    marks: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d in tables.demands:
        if d.start is not None and d.end is not None:
            marks[d.letter].append((d.start, d.end))
    for src in tables.sources:
        if src.file not in texts.texts:
            continue
        letters = sorted(by_source[src.file], key=lambda r: r.start)
        path = out / "texts" / (src.file.rsplit(".", 1)[0] + ".html")
        write_atomic(path, _text_page(dataset, src, texts.texts[src.file], letters, marks).encode("utf-8"))
        result.paths.append(path)
    result.counts["source pages"] = len(texts.texts)
    return result
