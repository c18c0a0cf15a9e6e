"""kzlabour: protest and solidarity letters about labour rights in Kazakhstan, as open data.

    >>> import kzlabour
    >>> ds = kzlabour.load()            # the data package shipped with the library
    >>> letters = kzlabour.parse(text)  # the parser, a pure function of the text

Importing kzlabour is cheap: models, the parser and frictionless load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

# public name -> module that defines it; resolved lazily by __getattr__
_LAZY: dict[str, str] = {
    "Dataset": "kzlabour.loader",
    "Demand": "kzlabour.models",
    "DemandCategory": "kzlabour.models",
    "Flag": "kzlabour.models",
    "KzlabourError": "kzlabour.errors",
    "Letter": "kzlabour.models",
    "Party": "kzlabour.models",
    "PartyKind": "kzlabour.models",
    "Source": "kzlabour.models",
    "build": "kzlabour.package",
    "export_cmif": "kzlabour.export",
    "export_parquet": "kzlabour.export",
    "export_popolo": "kzlabour.export",
    "export_sqlite": "kzlabour.export",
    "load": "kzlabour.loader",
    "parse": "kzlabour.parser",
    "parse_file": "kzlabour.parser",
    "validate": "kzlabour.validation",
    "write_report": "kzlabour.export",
}

__all__ = [
    "Dataset",
    "Demand",
    "DemandCategory",
    "Flag",
    "KzlabourError",
    "Letter",
    "Party",
    "PartyKind",
    "Source",
    "__version__",
    "build",
    "export_cmif",
    "export_parquet",
    "export_popolo",
    "export_sqlite",
    "load",
    "parse",
    "parse_file",
    "validate",
    "write_report",
]

if TYPE_CHECKING:
    from kzlabour.errors import KzlabourError
    from kzlabour.export import export_cmif, export_parquet, export_popolo, export_sqlite, write_report
    from kzlabour.loader import Dataset, load
    from kzlabour.models import Demand, DemandCategory, Flag, Letter, Party, PartyKind, Source
    from kzlabour.package import build
    from kzlabour.parser import parse, parse_file
    from kzlabour.validation import validate


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kzlabour' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
