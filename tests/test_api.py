"""The public API: small, explicit, and cheap to import."""

from __future__ import annotations

import subprocess
import sys

import kzlabour


def test_all_is_sorted_and_resolvable() -> None:
    assert kzlabour.__all__ == sorted(kzlabour.__all__)
    for name in kzlabour.__all__:
        assert getattr(kzlabour, name) is not None


def test_import_is_light() -> None:
    code = (
        "import sys, kzlabour; heavy = [m for m in ('pydantic', 'frictionless', 'yaml', 'dateparser', "
        "'pycountry', 'pymorphy3', 'kzlabour.models') if m in sys.modules]; print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_parse_is_the_parser() -> None:
    code = (
        "import kzlabour; letters = kzlabour.parse('To the Minister of Labour\\n\\nWe demand that the union "
        "be registered.\\n'); print(all(isinstance(x, kzlabour.Letter) for x in letters), len(letters))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "1"]


def test_unknown_attribute() -> None:
    import pytest

    with pytest.raises(AttributeError):
        kzlabour.nothing  # noqa: B018


def test_public_functions_survive_submodule_imports() -> None:
    """No module shares a public function's name, so importing a submodule never hides a function."""
    import importlib

    for module in ("kzlabour.parser", "kzlabour.package", "kzlabour.loader", "kzlabour.validation"):
        importlib.import_module(module)
    for name in ("parse", "parse_file", "build", "load", "validate"):
        assert callable(getattr(kzlabour, name)), name
        assert not isinstance(getattr(kzlabour, name), type(kzlabour)), name
