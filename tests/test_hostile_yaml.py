"""YAML is read safely: no code, no aliases (billion laughs), bounded size and depth, no links."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kzlabour.yamlio import MAX_YAML_BYTES, MAX_YAML_DEPTH, YamlError, read_yaml

BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
)


def _yaml(tmp_path: Path, text: str | bytes, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_billion_laughs_is_refused_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    with pytest.raises(
        YamlError, match=r"x\.yaml:2: invalid YAML: anchors and aliases \(\*name\) are not allowed"
    ):
        read_yaml(_yaml(tmp_path, BILLION_LAUGHS))
    assert time.monotonic() - started < 1


@pytest.mark.parametrize(
    "tag",
    [
        "!!python/object/apply:os.system ['echo pwned']",
        "!!python/name:os.system",
        "!!python/object/new:subprocess.Popen [['true']]",
    ],
)
def test_python_tags_are_refused(tmp_path: Path, tag: str) -> None:
    with pytest.raises(YamlError, match=r"x\.yaml:1: invalid YAML: could not determine a constructor"):
        read_yaml(_yaml(tmp_path, f"title: {tag}\n"))


def test_size_limit(tmp_path: Path) -> None:
    path = _yaml(tmp_path, "a: " + "x" * 200 + "\n")
    assert read_yaml(path) == {"a": "x" * 200}
    with pytest.raises(YamlError, match=r"^.*x\.yaml: is over the 100-byte limit for YAML files$"):
        read_yaml(path, max_bytes=100)
    assert MAX_YAML_BYTES == 2_000_000


@pytest.mark.parametrize(
    "text", ["[" * 100_000 + "]" * 100_000, "a:\n" + "".join(" " * i + "- \n" for i in range(1, 200))]
)
def test_deep_nesting_is_refused(tmp_path: Path, text: str) -> None:
    with pytest.raises(YamlError, match=rf"invalid YAML: nested deeper than {MAX_YAML_DEPTH} levels"):
        read_yaml(_yaml(tmp_path, text))


def test_nesting_within_the_limit_reads(tmp_path: Path) -> None:
    depth = MAX_YAML_DEPTH - 1
    assert read_yaml(_yaml(tmp_path, "[" * depth + "]" * depth)) is not None


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\xff\xfetitle: x", r"is not UTF-8 \(byte 0\)"),
        (b"title: \x00x", r"invalid YAML: unacceptable character #x0000"),
        (b"a:\t- b", r"x\.yaml:1: invalid YAML: found character '\\t' that cannot start any token"),
        (b"a: [1, 2", r"invalid YAML"),
    ],
)
def test_broken_yaml_is_one_clear_line(tmp_path: Path, data: bytes, problem: str) -> None:
    with pytest.raises(YamlError, match=problem) as info:
        read_yaml(_yaml(tmp_path, data))
    assert "\n" not in str(info.value)


def test_symlinks_and_non_files_are_refused(tmp_path: Path) -> None:
    target = _yaml(tmp_path, "title: secret\n", "target.yaml")
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    with pytest.raises(YamlError, match=r"link\.yaml: is a symbolic link; refused"):
        read_yaml(link)
    with pytest.raises(YamlError, match=r"is not a regular file"):
        read_yaml(tmp_path)
    with pytest.raises(YamlError, match=r"is not a regular file"):
        read_yaml(Path("/dev/zero"))
    with pytest.raises(YamlError, match=r"missing\.yaml: cannot be read \(No such file or directory\)"):
        read_yaml(tmp_path / "missing.yaml")


def test_dates_stay_text(tmp_path: Path) -> None:
    assert read_yaml(_yaml(tmp_path, "retrieved: 2026-11-24\nn: [1999-11-17]\n")) == {
        "retrieved": "2026-11-24",
        "n": ["1999-11-17"],
    }


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.text(max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_read_or_fail_cleanly(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("y") / "f.yaml"
    path.write_bytes(data)
    try:
        read_yaml(path)
    except YamlError as exc:
        assert "\n" not in str(exc) and "f.yaml" in str(exc)


def _read_slowly(path: Path) -> object:
    """read_yaml with the libyaml fast path switched off: the checking pure-Python loader only."""
    import kzlabour.yamlio

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kzlabour.yamlio, "_plainly_shallow", lambda text: False)
        return _outcome(path)


def _outcome(path: Path) -> object:
    try:
        return read_yaml(path)
    except YamlError as exc:
        return ("error", str(exc))


@pytest.mark.parametrize("depth", range(MAX_YAML_DEPTH - 4, MAX_YAML_DEPTH + 4))
def test_fast_path_keeps_the_depth_limit(tmp_path: Path, depth: int) -> None:
    mapping = "".join("  " * i + f"k{i}:\n" for i in range(depth)) + "  " * depth + "v\n"
    sequence = "".join(" " * i + "-\n" for i in range(depth)) + " " * depth + "x\n"
    for text in (mapping, sequence):
        path = _yaml(tmp_path, text)
        assert _outcome(path) == _read_slowly(path)


_YAML_PIECES = st.sampled_from(
    [
        "a:",
        " b:",
        "  - ",
        "- - ",
        "x",
        " 1",
        " 2020-01-02",
        " 'q''s'",
        ' "é\\n"',
        "\n",
        "\n  ",
        ": ",
        "#c",
        "|",
        ">",
        "\t",
        "!x",
        "%Y",
        "---",
        "...",
        "\ufeff",
        "\r",
        "\x85",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_YAML_PIECES, max_size=30).map("".join))
def test_fast_and_checking_loaders_agree(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    """libyaml reads plain sidecars (6x faster); whatever it accepts or refuses, the checking loader
    accepts or refuses alike, with the same data or the same message."""
    path = _yaml(tmp_path_factory.mktemp("y"), text)
    assert _outcome(path) == _read_slowly(path)
