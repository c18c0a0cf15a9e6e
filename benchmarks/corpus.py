"""A reproducible synthetic corpus: a repository (sources/ + sidecars) of N letters from a seed.

    python benchmarks/corpus.py OUT --letters 10000 --seed 15

Letters come in the forms the parser reads: kk/ru/en letterheads with addresses,
phones and e-mails; dates in every supported form (26.05.2026, 17.11.99,
27 June 2012, June 27, 2012, 16th June 2011, 27 июня 2012 г., 2012 жылғы 27
маусым, 22.10.12/jr/, ISO, e-mail Sent: headers, month and year only);
references after исх. №, Ref:, Our ref; recipients, salutations, 0–12 demands
(numbered, bulleted or in prose), 0–200 signatories in the list layouts of real
statements, cc: lines and page furniture around the letter. People and
organisations are drawn from a registry (about one entity per two letters,
Zipf-distributed, so they repeat) and written in varied spellings
(transliterations, Cyrillic, abbreviations). The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import vocab as V

__all__ = ["Registry", "generate", "letter_text"]

LANGS = ("en", "ru", "kk")
LANG_WEIGHTS = (0.55, 0.33, 0.12)


@dataclass(frozen=True)
class Person:
    given: str
    family: str
    country: str


@dataclass(frozen=True)
class Organisation:
    en: str
    ru: str
    kk: str
    abbreviation: str | None


class Registry:
    """The entities letters name, with a skewed draw so that mentions repeat across letters."""

    def __init__(self, rng: random.Random, n_people: int, n_orgs: int) -> None:
        self.rng = rng
        self.people = [
            Person(
                rng.choice(V.GIVEN_LATIN), rng.choice(V.FAMILY_LATIN) + _suffix(i), rng.choice(V.COUNTRIES)
            )
            for i in range(n_people)
        ]
        self.orgs = [_international(i) for i in range(len(V.INTERNATIONAL))]
        self.orgs += [_organisation(rng, i) for i in range(max(0, n_orgs - len(self.orgs)))]
        # Zipf-like weights: entity k is drawn with weight 1/(k+1).
        self._pw = _cumulative(len(self.people))
        self._ow = _cumulative(len(self.orgs))

    def person(self) -> Person:
        return self.rng.choices(self.people, cum_weights=self._pw)[0]

    def org(self) -> Organisation:
        return self.rng.choices(self.orgs, cum_weights=self._ow)[0]

    def person_name(self, p: Person, lang: str, *, family_first: bool = False) -> str:
        """A mention of a person: the registry spelling, a transliteration variant, or Cyrillic."""
        given, family = p.given, p.family
        if lang != "en" and given in V.CYRILLIC and _base(family) in V.CYRILLIC:
            given, family = V.CYRILLIC[given], V.CYRILLIC[_base(family)] + family[len(_base(family)) :]
            if self.rng.random() < 0.15:
                family = _variant(self.rng, family, V.CYRILLIC_VARIANTS)
        elif self.rng.random() < 0.3:
            family = _variant(self.rng, family, V.LATIN_VARIANTS)
        if family_first:
            return f"{family.upper()}, {given}"
        return f"{given} {family}"

    def org_name(self, o: Organisation, lang: str) -> str:
        if o.abbreviation and self.rng.random() < 0.3:
            return o.abbreviation
        return {"en": o.en, "ru": o.ru, "kk": o.kk}[lang]


def _suffix(i: int) -> str:
    # Keeps the pool of distinct people large without inventing unpronounceable names.
    return "" if i < 200 else f"-{_ALPHA[i % 26]}{_ALPHA[(i // 26) % 26]}"


_ALPHA = "abcdefghijklmnopqrstuvwxyz"


def _base(family: str) -> str:
    return family.split("-", 1)[0]


def _cumulative(n: int) -> list[float]:
    total, out = 0.0, []
    for k in range(n):
        total += 1.0 / (k + 1)
        out.append(total)
    return out


def _variant(rng: random.Random, word: str, table: list[tuple[str, str]]) -> str:
    options = [(a, b) for a, b in table if a in word]
    if not options:
        return word
    a, b = rng.choice(options)
    return word.replace(a, b, 1)


def _international(i: int) -> Organisation:
    en, abbr, ru = V.INTERNATIONAL[i]
    return Organisation(en, ru, ru, abbr)


def _organisation(rng: random.Random, i: int) -> Organisation:
    en_t, ru_t, kk_t = rng.choice(V.ORG_KINDS)
    sector_en, sector_ru, sector_kk = rng.choice(V.SECTORS)
    region_en, region_ru, region_kk = rng.choice(V.REGIONS)
    x = f"{region_en} {sector_en}"
    xr = f"{sector_ru} {region_ru}".strip()
    xk = f"{region_kk} {sector_kk}"
    number = f" No. {i}" if i >= 400 else ""
    return Organisation(
        en_t.format(x=x) + number, ru_t.format(xr=xr) + number, kk_t.format(xk=xk) + number, None
    )


# ---------------------------------------------------------------- dates


def date_text(rng: random.Random, lang: str) -> str:
    """A date in one of the forms letters write, chosen to suit the letter's language."""
    y, m, d = rng.randint(1995, 2026), rng.randint(1, 12), rng.randint(1, 28)
    forms = {
        "en": [
            f"{d} {V.MONTHS_EN[m - 1]} {y}",
            f"{V.MONTHS_EN[m - 1]} {d}, {y}",
            f"{d}{_ordinal(d)} {V.MONTHS_EN[m - 1]} {y}",
            f"{d:02d}.{m:02d}.{y}",
            f"{y}-{m:02d}-{d:02d}",
            f"{d:02d}.{m:02d}.{y % 100:02d}/jr/",
            f"{V.MONTHS_EN[m - 1]} {y}",
        ],
        "ru": [
            f"{d} {V.MONTHS_RU_GEN[m - 1]} {y} г.",
            f"{d:02d}.{m:02d}.{y}",
            f"{d:02d}.{m:02d}.{y % 100:02d}",
        ],
        "kk": [f"{y} жылғы {d} {V.MONTHS_KK[m - 1]}", f"{d:02d}.{m:02d}.{y}"],
    }[lang]
    return rng.choice(forms)


def _ordinal(d: int) -> str:
    return "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


# ---------------------------------------------------------------- letters


def letter_text(rng: random.Random, reg: Registry, lang: str) -> str:
    """One letter with its furniture, as a page copy would hold it."""
    parts: list[str] = []
    if rng.random() < 0.25:
        parts.append(_web_header(rng))
    sender = reg.org()
    parts.append(_letterhead(rng, reg, sender, lang))
    parts.append(_dateline(rng, lang))
    parts.append(_recipient(rng, reg, lang))
    parts.append(_body(rng, reg, lang))
    parts.append(_demands(rng, reg, lang))
    parts.append(_closing(rng, reg, sender, lang))
    signatories = _signatory_count(rng)
    if signatories:
        parts.append(_signatories(rng, reg, lang, signatories))
    if rng.random() < 0.3:
        parts.append(f"cc: {reg.person_name(reg.person(), lang)}, {reg.org_name(reg.org(), lang)}")
    for _ in range(rng.choice((0, 0, 1, 2))):
        parts.append(rng.choice(V.FURNITURE))
    return "\n\n".join(p for p in parts if p) + "\n"


def _web_header(rng: random.Random) -> str:
    y, m, d = rng.randint(2000, 2026), rng.randint(1, 12), rng.randint(1, 28)
    line = rng.choice(V.HEADERS)
    return line.format(weekday=rng.choice(V.WEEKDAYS_EN), month=V.MONTHS_EN[m - 1], day=d, year=y)


def _letterhead(rng: random.Random, reg: Registry, org: Organisation, lang: str) -> str:
    langs = [lang] if rng.random() < 0.6 else ["kk", "ru", "en"] if lang != "en" else ["en"]
    blocks = []
    for code in langs:
        name = {"en": org.en, "ru": org.ru, "kk": org.kk}[code]
        city = rng.choice(V.CITIES)
        street = {
            "en": f"{rng.randint(1, 99)} Main Street",
            "ru": f"улица Абая {rng.randint(1, 99)}",
            "kk": f"Абай көшесі {rng.randint(1, 99)}",
        }[code]
        town = city[0] if code == "en" else city[1]
        phone = (
            f"тел. 8(7172) {rng.randint(100000, 999999)}"
            if code != "en"
            else f"Tel: +32 2 {rng.randint(1000000, 9999999)}"
        )
        mail = f"e-mail: info{rng.randint(1, 999)}@union{rng.randint(1, 99)}.org"
        blocks.append(f"{name}\n{rng.randint(10000, 99999)}, {town}, {street}\n{phone}\n{mail}")
    return "\n\n".join(blocks)


def _dateline(rng: random.Random, lang: str) -> str:
    date = date_text(rng, lang)
    ref = f"{rng.randint(1, 99)}/{rng.randint(1, 99)}"
    if lang == "en":
        choice = rng.random()
        if choice < 0.15:
            wd = rng.choice(V.WEEKDAYS_EN)
            m, d, y = rng.choice(V.MONTHS_EN), rng.randint(1, 28), rng.randint(2005, 2026)
            sent = f"Sent: {wd}, {m} {d}, {y} 10:{rng.randint(10, 59)} AM"
            return f"From: info@union.org\n{sent}\nSubject: Solidarity"
        ref_line = rng.choice([f"Our ref: PERC/{ref}", f"Ref: {ref}", ""])
        city = rng.choice(V.CITIES)[0]
        return "\n\n".join(x for x in (ref_line, f"{city}, {date}") if x)
    if lang == "ru":
        return f"исх. № {ref} от {date}" if rng.random() < 0.5 else f"{date}\nг. {rng.choice(V.CITIES)[1]}"
    return f"{date}\nШығ. № {ref}"


def _recipient(rng: random.Random, reg: Registry, lang: str) -> str:
    person = reg.person()
    name = reg.person_name(person, lang)
    if lang == "en":
        return f"Mr {name}\nPresident of the Republic of Kazakhstan\nAstana\n\nDear President,"
    if lang == "ru":
        return f"Президенту Республики Казахстан\nг-ну {name}\n\nУважаемый господин Президент!"
    return f"Қазақстан Республикасының Президенті\n{name} мырзаға\n\nҚұрметті Президент!"


def _body(rng: random.Random, reg: Registry, lang: str) -> str:
    paragraphs = []
    for _ in range(rng.randint(1, 5)):
        sentences = [
            s.format(
                region=rng.choice(V.REGIONS)[0 if lang == "en" else 2 if lang == "kk" else 1] or "Astana",
                company=rng.choice(V.COMPANIES),
                n=rng.randint(2, 300),
            )
            for s in rng.sample(V.BODY[lang], k=min(len(V.BODY[lang]), rng.randint(2, 4)))
        ]
        if rng.random() < 0.3:
            org = reg.org_name(reg.org(), lang)
            sentences.append(
                {
                    "en": f"The {org} has condemned these actions.",
                    "ru": f"{org} осуждает эти действия.",
                    "kk": f"{org} бұл әрекеттерді айыптайды.",
                }[lang]
            )
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def _demands(rng: random.Random, reg: Registry, lang: str) -> str:
    n = rng.randint(0, 12)
    if n == 0:
        return ""
    items = [
        text.format(
            person=reg.person_name(reg.person(), lang),
            company=rng.choice(V.COMPANIES),
            region=rng.choice(V.REGIONS)[0],
        )
        for _, text in (rng.choice(V.DEMANDS[lang]) for _ in range(n))
    ]
    lead = {"en": "We demand that the authorities:", "ru": "Мы требуем:", "kk": "Біз мынаны талап етеміз:"}[
        lang
    ]
    style = rng.random()
    if style < 0.4:
        return lead + "\n" + "\n".join(f"{i}. {t};" for i, t in enumerate(items, 1))
    if style < 0.8:
        return lead + "\n" + "\n".join(f"- {t};" for t in items)
    verb = {"en": "We call on the government to", "ru": "Призываем власти", "kk": "Біз үкіметтен"}[lang]
    tail = {"en": ".", "ru": ".", "kk": " сұраймыз."}[lang]
    return " ".join(f"{verb} {t}{tail}" for t in items)


def _closing(rng: random.Random, reg: Registry, org: Organisation, lang: str) -> str:
    closing = {"en": "Yours sincerely,", "ru": "С уважением,", "kk": "Құрметпен,"}[lang]
    name = reg.person_name(reg.person(), lang)
    role = rng.choice(V.ROLES[lang])
    return f"{closing}\n\n{name}\n{role}\n{reg.org_name(org, lang)}"


def _signatory_count(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.55:
        return 0
    if r < 0.85:
        return rng.randint(1, 10)
    if r < 0.97:
        return rng.randint(11, 60)
    return rng.randint(61, 200)


def _signatories(rng: random.Random, reg: Registry, lang: str, n: int) -> str:
    layout = rng.random()
    entries = []
    for _ in range(n):
        p, o = reg.person(), reg.org()
        country, org = p.country, reg.org_name(o, "en" if lang == "en" else lang)
        if layout < 0.5:
            entries.append(f"{reg.person_name(p, 'en', family_first=True)}, {country}, {org}")
        else:
            entries.append(f"{reg.person_name(p, lang)} ({org}, {country})")
    head = {"en": "Signed by:", "ru": "Подписали:", "kk": "Қол қойғандар:"}[lang]
    if layout < 0.25:
        return head + "\n\n" + "; ".join(entries) + "."
    return head + "\n" + "\n".join(entries)


# ---------------------------------------------------------------- the repository


def generate(out: Path, letters: int, seed: int = 15) -> dict[str, int]:
    """Write `out/sources/*.txt` and sidecars holding `letters` letters; returns counts."""
    rng = random.Random(seed)
    reg = Registry(rng, n_people=max(50, letters // 3), n_orgs=max(20, letters // 6))
    sources = out / "sources"
    sources.mkdir(parents=True, exist_ok=True)
    made = files = size = 0
    while made < letters:
        lang = rng.choices(LANGS, LANG_WEIGHTS)[0]
        count = 2 if rng.random() < 0.08 and letters - made >= 2 else 1
        text = "\n\n".join(letter_text(rng, reg, lang if k == 0 else rng.choice(LANGS)) for k in range(count))
        data = text.encode("utf-8")
        name = f"{files:06d}_{hashlib.sha256(data).hexdigest()[:16]}"
        (sources / f"{name}.txt").write_bytes(data)
        (sources / f"{name}.yaml").write_text(_sidecar(rng, lang, files), encoding="utf-8")
        made, files, size = made + count, files + 1, size + len(data)
    return {"letters": made, "files": files, "bytes": size}


def _sidecar(rng: random.Random, lang: str, n: int) -> str:
    y, m, d = rng.randint(2020, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return (
        f"title: Synthetic letter {n}\n"
        f"url: https://example.org/letters/{n}\n"
        f"retrieved: {y}-{m:02d}-{d:02d}\n"
        f"language: {lang}\n"
        "rights: Synthetic text generated for benchmarks.\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--letters", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args(argv)
    counts = generate(args.out, args.letters, args.seed)
    print(f"{args.out}: {counts['letters']} letters in {counts['files']} files, {counts['bytes']} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
