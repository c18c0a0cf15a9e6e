"""Write curation/NAME.yaml stating a hand-made gold annotation as the published record.

Used once to curate the seed letters from ../shared/gold (the project's own
annotations of its own seed texts). Usage: python scripts/curation_from_gold.py GOLD.json...
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

KEYS = (
    "date",
    "place",
    "reference",
    "language",
    "title",
    "senders",
    "signatories",
    "recipients",
    "copies",
    "contacts",
    "demands",
    "flags",
)


def curation(gold: dict) -> dict:
    letters = gold["letters"]
    return {
        "source": gold["source"],
        "spans": [[g["source"]["start"], g["source"]["end"]] for g in letters],
        "letters": [
            {"letter": n, "start": g["source"]["start"], "set": {k: g.get(k, []) for k in KEYS}}
            for n, g in enumerate(letters, 1)
        ],
    }


def main() -> None:
    for arg in sys.argv[1:]:
        gold = json.loads(Path(arg).read_text(encoding="utf-8"))
        out = Path("curation") / (Path(gold["source"]).stem + ".yaml")
        out.parent.mkdir(exist_ok=True)
        header = f"# Curated record of sources/{gold['source']}: what the published letters must be.\n"
        out.write_text(
            header + yaml.safe_dump(curation(gold), allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
        print(out)


if __name__ == "__main__":
    main()
