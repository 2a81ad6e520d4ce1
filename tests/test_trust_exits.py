"""Nothing is left behind however a run ends (issue 13): SIGTERM mid-export removes the atomic output's temporary
file and xlsxwriter's own temporary files (kept in a folder beside the output); a full disk is one line and exit 2,
with no temporary file, no cache entry half-written and no "Exception ignored in ZipFile.__del__". The full disk
is a 1 MB tmpfs when the tests run as root (CI), and a write failing with ENOSPC in every case."""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CATALOGS, ROOT


@pytest.fixture(scope="module")
def big_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "catalog"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--counties", "10", "--townships", "10",
                    "--seed", "1", "--plant", "0", "-o", str(out)], check=True, capture_output=True)
    return out


def _everything(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "delegation_lists", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **env}, timeout=300)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_mid_export_leaves_nothing(big_catalog: Path, tmp_path: Path, sig: signal.Signals) -> None:
    out, scratch = tmp_path / "out", tmp_path / "tmp"
    out.mkdir()
    scratch.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "delegation_lists", "export", str(big_catalog), "-o", str(out / "lists.xlsx")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                            env={**os.environ, "TMPDIR": str(scratch), "DLISTS_NO_CACHE": "1"})
    try:
        deadline = time.monotonic() + 120
        while not [p for p in out.rglob("*") if p.is_file()] and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        seen = _everything(out)
        assert any(name.endswith(".tmp") for name in seen), seen  # caught mid-export
        proc.send_signal(sig)
        err = proc.communicate(timeout=60)[1].decode("utf-8", "replace")
    finally:
        with contextlib.suppress(OSError):
            proc.kill()
    assert proc.returncode in (130, 128 + sig), err
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert _everything(out) == [] and _everything(scratch) == []


@contextlib.contextmanager
def _tmpfs(where: Path, size: str = "1m") -> Iterator[Path]:
    where.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                                           capture_output=True).returncode != 0:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _one_line_error(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 2, (run.returncode, run.stderr)
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "No space left on device" in lines[0], run.stderr
    assert "bug in dlists" not in run.stderr and "Exception ignored" not in run.stderr


def _fill(folder: Path) -> None:
    """Fill the file system of `folder` (a file `filler` takes what is left)."""
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as fh:
        while True:
            fh.write(b"\0" * 4096)
            fh.flush()


def test_full_disk_tmpfs(big_catalog: Path, tmp_path: Path) -> None:
    xunyang = str(CATALOGS / "xunyang")
    with _tmpfs(tmp_path / "full") as full:
        env = {"DLISTS_NO_CACHE": "1", "TMPDIR": str(full)}
        _one_line_error(_run("export", str(big_catalog), "-o", str(full / "lists.xlsx"), env=env))  # too large for 1 MB
        assert _everything(full) == []
        # the parse cache filling the disk only costs speed: the same report, no entry half-written
        expected = _run("validate", xunyang, "-f", "json", env=env)
        cache_env = {"DLISTS_NO_CACHE": "", "DLISTS_CACHE_DIR": str(full / "cache"), "DLISTS_CACHE_HOME": str(full / "home")}
        first = _run("validate", str(big_catalog), "-f", "json", env=cache_env)  # 6 MB of entries: fills the disk
        assert first.returncode == 0 and "Traceback" not in first.stderr, first.stderr  # (a clean catalog)
        _fill(full)
        for run in (_run("validate", xunyang, "-f", "json", env=cache_env), _run("validate", xunyang, "-f", "json", env=cache_env)):
            assert (run.returncode, json.loads(run.stdout)) == (expected.returncode, json.loads(expected.stdout)), run.stderr
            assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr
        assert not [p for p in full.rglob("*") if p.name.endswith(".tmp")]
        before = _everything(full)
        _one_line_error(_run("validate", xunyang, "-f", "json", "-o", str(full / "report.json"), env=env))
        _one_line_error(_run("export", xunyang, "-o", str(full / "lists.xlsx"), "--include-drafts", env=env))
        assert _everything(full) == before


def test_full_disk_while_zipping(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch) -> None:
    """ENOSPC from the third part zipped into the output file (its ZipFile left open): one line, exit 2, no file
    left, and nothing for ZipFile.__del__ to complain about."""
    real = zipfile.ZipFile.open
    calls = [0]

    def open_part(self: zipfile.ZipFile, name: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if mode == "w" and self.filename is not None:  # (a part of the file on disk, not of a package in memory)
            calls[0] += 1
            if calls[0] == 3:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(self, name, mode, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", open_part)
    unraisable: list[object] = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    out = tmp_path / "out"
    out.mkdir()
    result = dlists("export", CATALOGS / "xunyang", "-o", out / "lists.xlsx", "--include-drafts")
    gc.collect()
    assert result.exit_code == 2 and calls[0] == 3
    assert "No space left on device" in result.output and len(result.output.strip().splitlines()) == 1, result.output
    assert _everything(out) == [] and unraisable == []


def test_temporaries_are_known_until_done(tmp_path: Path) -> None:
    """What the signal handler removes: every temporary file and folder being written (import and record write
    through `write_text`, export through `atomic_path` and `scratch_folder`), and nothing once they are done."""
    from delegation_lists import atomic

    target = tmp_path / "out.xlsx"
    with atomic.atomic_path(target) as tmp, atomic.scratch_folder(tmp) as scratch:
        (scratch / "part").write_bytes(b"x")
        tmp.write_bytes(b"y")
        assert {tmp, scratch} <= atomic._LIVE
        atomic.remove_temporaries()
        assert not tmp.exists() and not scratch.exists() and not atomic._LIVE
        tmp.write_bytes(b"z")  # the run would end here; written again, the rename still happens
    assert target.read_bytes() == b"z" and _everything(tmp_path) == ["out.xlsx"] and not atomic._LIVE
