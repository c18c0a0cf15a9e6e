"""The machine description and the result tables (text for the terminal, Markdown for README.md)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def machine(snapshot: Path) -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "src"], capture_output=True, text=True, check=False
    ).stdout.strip()
    versions = subprocess.run(
        [
            sys.executable,
            "-c",
            "import kzlabour, kzlabour.parser as p, frictionless, pydantic;"
            "print(kzlabour.__version__, p.PARSER_VERSION, frictionless.__version__, pydantic.VERSION)",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(snapshot)},
    ).stdout.split()
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_mb": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "kzlabour": versions[0] if versions else "?",
        "parser_version": versions[1] if len(versions) > 1 else "?",
        "frictionless": versions[2] if len(versions) > 2 else "?",
        "pydantic": versions[3] if len(versions) > 3 else "?",
        "commit": commit + (" + uncommitted changes in src/" if dirty else ""),
        "load_before": os.getloadavg(),
    }


def derived(entry: dict[str, Any]) -> str:
    """The throughput or split a row is read for."""
    d, t = entry.get("data", {}), entry.get("median", 0.0)
    name = entry["name"]
    if name.startswith("parse, 1 text"):
        return "; ".join(
            f"k={k}: {v['bytes'] / 1e3:.0f} kB in {v['seconds']:.2f} s "
            f"({v['seconds'] / (v['bytes'] / 1e6):.1f} s/MB)"
            for k, v in d.get("sizes", {}).items()
        )
    if name.startswith("parse") and t:
        return (
            f"{d['bytes'] / 1e6 / t:.3f} MB/s, {d['letters'] / t:.1f} letters/s "
            f"({d['texts']} texts, {d['bytes'] / 1e6:.2f} MB)"
        )
    if name.startswith("registry"):
        return (
            f"index {d['index_seconds']:.2f} s + lookups {d['lookup_seconds']:.2f} s; "
            f"{d['distinct_mentions']} distinct mentions, {d['matched']} matched"
        )
    if name.startswith("build") and t:
        return (
            f"{d.get('letters', 0) / t:.1f} letters/s, {1000 * t / max(1, d.get('letters', 1)):.2f} ms/letter"
        )
    if name.startswith("import"):
        return f"bare python {d['bare_python']:.3f} s"
    if "validate" in name:
        return "valid" if d.get("ok") else f"problems: {d.get('problems', 'invalid')}"
    if name.startswith("kzlabour.load"):
        return f"{d.get('letters', 0)} letters"
    return ""


def ratio(entry: dict[str, Any], results: list[dict[str, Any]]) -> str:
    """Against the reference of the same size: frictionless for validate, the cold build for builds."""
    ref_name = None
    if entry["name"].startswith("kzlabour validate"):
        ref_name = "frictionless validate (reference)"
    elif entry["name"].startswith("build") and "cold" not in entry["name"]:
        ref_name = "build, cold (parse all, 2 cores)"
    if ref_name is None:
        return ""
    ref = next(
        (r for r in results if r["name"] == ref_name and r["size"] == entry["size"] and "median" in r), None
    )
    if ref is None or not ref["median"]:
        return ""
    return f"{entry['median'] / ref['median']:.2f}x"


def _row(entry: dict[str, Any], results: list[dict[str, Any]]) -> list[str]:
    size = f"{entry['size']:,}" if entry.get("size") else ""
    if "absent" in entry:
        return [entry["name"], size, "-", "-", "-", "-", entry["absent"]]
    return [
        entry["name"],
        size,
        f"{entry['median']:.3f}",
        ratio(entry, results),
        f"{entry['peak_mb']:.0f}" if entry["peak_mb"] else "",
        f"{entry['load']:.2f}",
        derived(entry),
    ]


HEADER = ["measurement", "letters", "median s", "ratio", "peak MB", "load", "notes"]


def render_text(results: list[dict[str, Any]], info: dict[str, Any] | None = None) -> str:
    lines = []
    if info:
        lines.append(describe(info))
    if results:
        rows = [_row(e, results) for e in results]
        widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER) - 1)]
        for r in ([HEADER] if info else []) + rows:
            lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)) + "  " + r[-1])
    return "\n".join(lines)


def describe(info: dict[str, Any]) -> str:
    load = info.get("load_before", ())
    after = info.get("load_after")
    text = (
        f"{info['cpu']}, {info['cores']} cores, {info['memory_mb']} MB RAM, {info['os']}, "
        f"Python {info['python']}; kzlabour {info['kzlabour']} (parser {info['parser_version']}), "
        f"frictionless {info['frictionless']}, pydantic {info['pydantic']}; commit {info['commit']}; "
        f"load average before {', '.join(f'{x:.2f}' for x in load)}"
    )
    if after:
        text += f", after {', '.join(f'{x:.2f}' for x in after)}"
    return text


def render_markdown(results: list[dict[str, Any]], info: dict[str, Any]) -> str:
    out = [f"Machine: {describe(info)}.", ""]
    out.append("| " + " | ".join(HEADER) + " |")
    out.append("|" + "---|" * len(HEADER))
    for e in results:
        out.append("| " + " | ".join(c.replace("|", "/") for c in _row(e, results)) + " |")
    return "\n".join(out)
