"""The hostile texts the hostile-input tests feed to parse, add, build and validate (bytes by case name)."""

from __future__ import annotations

import codecs

LETTER_EN = (
    "International Trade Union Confederation\n"
    "Brussels, 12 March 2012\n\n"
    "To: President Nursultan Nazarbayev\n"
    "Astana, Kazakhstan\n\n"
    "Dear President,\n\n"
    "We demand the immediate release of Natalia Sokolova, lawyer of the oil workers' union.\n"
    "We call on the authorities to drop all charges against the strikers.\n\n"
    "Yours sincerely,\n\n"
    "Sharan Burrow\n"
    "General Secretary\n"
)
LETTER_RU = (
    "Федерация профсоюзов Республики Казахстан\n"
    "Алматы, 5 мая 2011 г.\n\n"
    "Министру труда и социальной защиты населения\n\n"
    "Уважаемый министр!\n\n"
    "Мы требуем немедленно освободить Наталью Соколову.\n"
    "Просим прекратить преследование бастующих нефтяников.\n\n"
    "С уважением,\n"
    "Председатель Иван Петров\n"
)


def hostile_texts() -> dict[str, bytes]:
    """Every hostile case of issue 14 by name; all within 5 MB."""
    return {
        "empty": b"",
        "whitespace": b"  \n\t\n \r\n\x0c   \n",
        "binary": bytes(range(256)) * 64,
        "nul-bytes": LETTER_EN.encode().replace(b"\n\n", b"\n\x00\n"),
        "invalid-utf8": LETTER_EN.encode().replace(b"Dear", b"D\xc3\x28ar\xff\xfe"),
        "utf16-bom": codecs.BOM_UTF16_LE + LETTER_RU.encode("utf-16-le"),
        "utf16-be-no-bom": LETTER_RU.encode("utf-16-be"),
        "utf8-bom": codecs.BOM_UTF8 + LETTER_EN.encode(),
        "cp1251": LETTER_RU.encode("cp1251"),
        "koi8-r": LETTER_RU.encode("koi8_r"),
        "crlf": LETTER_EN.replace("\n", "\r\n").encode(),
        "lone-cr": LETTER_EN.replace("\n", "\r").encode(),
        "mojibake": LETTER_RU.encode("utf-8").decode("cp1251", "replace").encode("utf-8"),
        "2mb-line": b"x" * 2_000_000,
        "100k-bullets": (LETTER_EN + "\n" + "\u2022 We demand freedom of association.\n" * 100_000).encode(),
        "200k-names": ("Signed: " + "NAME, Given, " * 200_000).encode(),
        "deep-quotes": ('"' * 200_000 + "\u00ab" * 100_000 + "\u201c" * 100_000 + "'" * 100_000).encode(),
    }


# Cases holding the same letter as a plain UTF-8 text, so their parse must agree with it.
SAME_AS_UTF8 = {
    "utf16-bom": LETTER_RU,
    "utf16-be-no-bom": LETTER_RU,
    "utf8-bom": LETTER_EN,
    "cp1251": LETTER_RU,
    "koi8-r": LETTER_RU,
}
