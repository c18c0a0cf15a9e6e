"""`kzlabour.load` on untrusted packages: crafted archives, paths, URLs and tampering are refused clearly."""

from __future__ import annotations

import csv
import hashlib
import http.server
import io
import json
import os
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import kzlabour
from kzlabour.errors import PackageError
from kzlabour.untrusted import is_url
from tests.conftest import ROOT


@pytest.fixture
def package(tmp_path: Path) -> Path:
    folder = tmp_path / "pkg"
    shutil.copytree(ROOT / "datapackage", folder)
    return folder


def _zip(folder: Path, archive: Path, prefix: str = "kzlabour-data/") -> Path:
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                zf.write(f, prefix + f.relative_to(folder).as_posix())
    return archive


def _write_sums(folder: Path) -> Path:
    lines = [
        f"{hashlib.sha256(f.read_bytes()).hexdigest()}  {f.relative_to(folder).as_posix()}"
        for f in sorted(folder.rglob("*"))
        if f.is_file() and f.name != "SHA256SUMS"
    ]
    (folder / "SHA256SUMS").write_text("\n".join(lines) + "\n")
    return folder / "SHA256SUMS"


def _set_resource_path(package: Path, resource: str, value: object) -> None:
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text())
    next(r for r in descriptor["resources"] if r["name"] == resource)["path"] = value
    path.write_text(json.dumps(descriptor))


# --- archives -------------------------------------------------------------------------------------


@pytest.mark.parametrize("member", ["../evil.txt", "/etc/evil.txt", "a/../../evil.txt", "a\\..\\evil.txt"])
def test_zip_slip_members_are_refused(tmp_path: Path, member: str) -> None:
    archive = tmp_path / "evil.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("datapackage.json", "{}")
        zf.writestr(member, "x")
    with pytest.raises(PackageError, match=r"evil\.zip: member .* points outside the archive; refused"):
        kzlabour.load(archive)
    assert not (tmp_path / "evil.txt").exists()


def test_zip_symlink_member_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "link.zip"
    info = zipfile.ZipInfo("kzlabour-data/letters.csv")
    info.external_attr = 0o120777 << 16
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(PackageError, match=r"'kzlabour-data/letters\.csv' is a symbolic link; refused"):
        kzlabour.load(archive)


def test_zip_bomb_by_ratio_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("datapackage.json", b"0" * 5_000_000)
    with pytest.raises(PackageError, match=r"compresses over 200:1 \(zip bomb\?\)"):
        kzlabour.load(archive)


def test_zip_bomb_spread_over_many_members_is_refused(tmp_path: Path) -> None:
    """Each member below the per-member ratio check's reach, the archive as a whole far above it."""
    archive = tmp_path / "spread.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n in range(40):
            info = zipfile.ZipInfo(f"part{n}.bin")
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, b"\0" * 100_000)
    with zipfile.ZipFile(archive) as zf:  # the per-member check alone would let some through
        assert sum(i.file_size for i in zf.infolist()) > 200 * sum(i.compress_size for i in zf.infolist())
    with pytest.raises(PackageError, match=r"spread\.zip: .*compresses over 200:1"):
        kzlabour.load(archive)


def test_zip_bomb_by_total_size_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlabour.loader as loader

    monkeypatch.setattr(loader, "MAX_ZIP_BYTES", 1_000_000)
    archive = tmp_path / "big.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
        for n in range(3):
            zf.writestr(f"part{n}.bin", os.urandom(400_000))
    with pytest.raises(PackageError, match=r"big\.zip: unpacks to over 1000000 bytes; refused"):
        kzlabour.load(archive)


def test_zip_with_too_many_members_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlabour.loader as loader

    monkeypatch.setattr(loader, "MAX_ZIP_MEMBERS", 50)
    archive = tmp_path / "many.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for n in range(51):
            zf.writestr(f"f{n}", "")
    with pytest.raises(PackageError, match=r"many\.zip: holds 51 members, over 50; refused"):
        kzlabour.load(archive)


def test_not_a_zip(tmp_path: Path) -> None:
    archive = tmp_path / "fake.zip"
    archive.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(PackageError, match=r"fake\.zip: not a readable zip archive"):
        kzlabour.load(archive)


# --- descriptor paths and URLs --------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["../letters.csv", "/etc/passwd", "sub/../../letters.csv", "C:\\letters.csv", "", "c:letters.csv"]
)
def test_resource_paths_that_leave_the_package(package: Path, path: str) -> None:
    _set_resource_path(package, "letters", path)
    with pytest.raises(PackageError, match=r"resource 'letters' path .* leaves the package; refused"):
        kzlabour.load(package)


def test_remote_resource_refused_without_permission(package: Path) -> None:
    _set_resource_path(package, "letters", "https://example.org/letters.csv")
    with pytest.raises(
        PackageError,
        match=r"resource 'letters' path 'https://example\.org/letters\.csv' is a remote URL and leaves "
        r"the package; refused \(pass allow_remote=True to download it\)",
    ):
        kzlabour.load(package)


def test_non_http_url_refused_even_when_remote_allowed(package: Path) -> None:
    _set_resource_path(package, "letters", "file:///etc/passwd")
    with pytest.raises(PackageError, match=r"URL 'file:///etc/passwd' is not http\(s\); refused"):
        kzlabour.load(package, allow_remote=True)


def test_remote_package_url_refused_without_permission() -> None:
    with pytest.raises(
        PackageError,
        match=r"^https://example\.org/pkg\.zip: a remote URL; refused "
        r"\(pass allow_remote=True to download it\)$",
    ):
        kzlabour.load("https://example.org/pkg.zip")


@pytest.fixture
def server(tmp_path: Path, package: Path) -> Iterator[str]:
    """A loopback HTTP server over tmp_path (holding pkg/ and pkg.zip)."""
    _zip(package, tmp_path / "pkg.zip")
    root = str(tmp_path)

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=root, **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_remote_package_loads_when_allowed(server: str, package: Path) -> None:
    local = kzlabour.load(package).letters
    for url in (f"{server}/pkg.zip", f"{server}/pkg/datapackage.json"):
        dataset = kzlabour.load(url, allow_remote=True)
        assert dataset.letters == local
        assert dataset.origin == url


def test_remote_resource_loads_when_allowed(server: str, package: Path) -> None:
    local = kzlabour.load(package).letters
    _set_resource_path(package, "demands", f"{server}/pkg/demands.csv")
    shutil.copy(package / "demands.csv", package.parent / "demands-copy.csv")
    _set_resource_path(package, "demands", f"{server}/demands-copy.csv")
    with pytest.raises(PackageError, match="remote URL"):
        kzlabour.load(package)
    assert kzlabour.load(package, allow_remote=True).letters == local


def test_remote_download_is_size_limited(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlabour.untrusted as untrusted

    monkeypatch.setattr(untrusted.fetch, "__defaults__", (1000, 60.0))
    with pytest.raises(PackageError, match=r"pkg\.zip: larger than the 1000-byte download limit; refused"):
        kzlabour.load(f"{server}/pkg.zip", allow_remote=True)


def test_remote_download_failure_is_a_package_error(server: str) -> None:
    with pytest.raises(PackageError, match=r"missing\.zip: cannot be downloaded \(HTTP Error 404"):
        kzlabour.load(f"{server}/missing.zip", allow_remote=True)


def test_is_url() -> None:
    assert is_url("https://x.org/a.csv") and is_url("file:///etc/passwd") and is_url("s3://b/k")
    assert not is_url("letters.csv") and not is_url("C:\\x.csv") and not is_url("a/b://c")


# --- links inside a package folder ----------------------------------------------------------------


def test_symlinked_resource_is_refused(package: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    shutil.copy(package / "demands.csv", outside)
    (package / "demands.csv").unlink()
    (package / "demands.csv").symlink_to(outside)
    with pytest.raises(PackageError, match=r"demands\.csv: is a symbolic link; refused"):
        kzlabour.load(package)


def test_resource_in_a_symlinked_folder_is_refused(package: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.move(package / "demands.csv", outside / "demands.csv")
    (package / "data").symlink_to(outside)
    _set_resource_path(package, "demands", "data/demands.csv")
    with pytest.raises(PackageError, match=r"demands\.csv: lies outside the package folder"):
        kzlabour.load(package)


# --- SHA256SUMS -----------------------------------------------------------------------------------


def test_matching_checksums_load(package: Path, tmp_path: Path) -> None:
    _write_sums(package)
    assert kzlabour.load(package).letters == kzlabour.load().letters
    assert kzlabour.load(_zip(package, tmp_path / "ok.zip")).letters == kzlabour.load().letters


def test_tampered_file_fails_its_checksum(package: Path, tmp_path: Path) -> None:
    _write_sums(package)
    data = (package / "demands.csv").read_bytes()
    (package / "demands.csv").write_bytes(data.replace(b",", b";", 1))
    with pytest.raises(
        PackageError, match=r"demands\.csv: its SHA-256 does not match SHA256SUMS; the file was altered"
    ):
        kzlabour.load(package)
    with pytest.raises(PackageError, match=r"demands\.csv: its SHA-256 does not match SHA256SUMS"):
        kzlabour.load(_zip(package, tmp_path / "tampered.zip"))


def test_release_layout_checksums_at_archive_root(package: Path, tmp_path: Path) -> None:
    """A release zip: SHA256SUMS at its root lists datapackage/... and sources/...; tampering is caught."""
    release = tmp_path / "release"
    shutil.copytree(package, release / "datapackage")
    (release / "sources").mkdir()
    (release / "sources" / "a.txt").write_text("a letter\n")
    _write_sums(release)
    assert kzlabour.load(_zip(release, tmp_path / "r.zip", "kzlabour-data-0.1.0/")).letters
    (release / "sources" / "a.txt").write_text("another letter\n")
    with pytest.raises(PackageError, match=r"sources/a\.txt: its SHA-256 does not match SHA256SUMS"):
        kzlabour.load(_zip(release, tmp_path / "r2.zip", "kzlabour-data-0.1.0/"))


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("not a checksum line", r"SHA256SUMS:1: not a `SHA256  FILE` line"),
        ("0" * 64 + "  ../outside.csv", r"SHA256SUMS:1: '\.\./outside\.csv' points outside the package"),
        ("0" * 64 + "  gone.csv", r"SHA256SUMS:1: lists gone\.csv, which is missing"),
    ],
)
def test_malformed_checksum_files(package: Path, line: str, problem: str) -> None:
    (package / "SHA256SUMS").write_text(line + "\n")
    with pytest.raises(PackageError, match=problem):
        kzlabour.load(package)


# --- malformed and tampered content ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"{not json", "not a readable JSON descriptor"),
        (b"[1, 2]", "the descriptor is not a JSON object"),
        (b'{"resources": "letters.csv"}', "`resources` is not a list of objects"),
        (b'{"resources": ["letters.csv"]}', "`resources` is not a list of objects"),
        (b'{"resources": [{"name": 1, "path": "x.csv"}]}', "a resource without a name or a single path"),
        (b'{"resources": [{"name": "letters", "path": ["a.csv"]}]}', "without a name or a single path"),
        (b"[" * 100_000 + b"]" * 100_000, r"not a readable JSON descriptor \(nested too deeply\)"),
        (b'{"resources": []}', "no resource 'sources'"),
        (b"\xff\xfe{}", "not a readable JSON descriptor"),
    ],
)
def test_malformed_descriptor(package: Path, data: bytes, problem: str) -> None:
    (package / "datapackage.json").write_bytes(data)
    with pytest.raises(PackageError, match=problem):
        kzlabour.load(package)


def test_duplicate_resource_is_refused(package: Path) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text())
    descriptor["resources"].append(dict(descriptor["resources"][0]))
    (package / "datapackage.json").write_text(json.dumps(descriptor))
    with pytest.raises(PackageError, match=r"resource 'sources' is described twice"):
        kzlabour.load(package)


def test_oversized_descriptor_is_refused(package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlabour.untrusted as untrusted

    monkeypatch.setattr(untrusted.read_descriptor, "__defaults__", (1000,))
    with pytest.raises(PackageError, match=r"datapackage\.json: is \d+ bytes, over the 1000-byte limit"):
        kzlabour.load(package)


def _rewrite_cell(package: Path, table: str, column: str, value: str, where: str | None = None) -> int:
    """Set `column` of the first row (whose `where` column is non-empty) to `value`; its row number."""
    path = package / f"{table}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    header = rows[0]
    n = next(i for i, r in enumerate(rows) if i and (where is None or r[header.index(where)]))
    rows[n][header.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    return n + 1


@pytest.mark.parametrize(
    ("table", "column", "value", "problem"),
    [
        (
            "demands",
            "letter",
            "999_nowhere/1",
            r"letter='999_nowhere/1' is not in letters \(broken foreign key\)",
        ),
        (
            "letters",
            "source",
            "nowhere.txt",
            r"source='nowhere\.txt' is not in sources \(broken foreign key\)",
        ),
        ("letter_parties", "person", "no-such-person", r"person='no-such-person' is not in people"),
        ("demands", "order", "not-a-number", r"order: Input should be a valid integer"),
        ("demands", "category", "freedom", r"category: Input should be"),
    ],
)
def test_tampered_rows(package: Path, table: str, column: str, value: str, problem: str) -> None:
    row = _rewrite_cell(package, table, column, value, where=column)
    with pytest.raises(PackageError, match=rf"{table}\.csv:{row}: {problem}"):
        kzlabour.load(package)


def test_duplicate_primary_key(package: Path) -> None:
    path = package / "demands.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join([*lines, lines[1]]), encoding="utf-8")
    with pytest.raises(PackageError, match=rf"demands\.csv:{len(lines) + 1}: duplicate primary key letter="):
        kzlabour.load(package)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"\xff\xfe\x00garbage", "cannot be read"),
        (b"wrong,header\n1,2\n", "header"),
        (None, "cannot be read"),
    ],
)
def test_unreadable_tables(package: Path, data: bytes | None, problem: str) -> None:
    if data is None:
        (package / "people.csv").unlink()
    else:
        (package / "people.csv").write_bytes(data)
    with pytest.raises(PackageError, match=rf"people\.csv: {problem}"):
        kzlabour.load(package)


def test_short_row(package: Path) -> None:
    path = package / "demands.csv"
    path.write_text(path.read_text(encoding="utf-8") + "only,two\n", encoding="utf-8")
    with pytest.raises(
        PackageError, match=r"demands\.csv:\d+: the row has more or fewer cells than the header"
    ):
        kzlabour.load(package)
