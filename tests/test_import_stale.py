"""After `kill -9` of `dlists import -o DIR --force`, the hidden temporary folder `.DIR.dlists-PID-XXXX` beside DIR
is removed by the next import into DIR (with a note), once nothing can still be writing it: older than the running
process, its PID gone (or reused by a process that started later). Nothing else is touched."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from delegation_lists.importer.stale import stale_temps, started

pytestmark = pytest.mark.skipif(os.name != "posix", reason="processes and /proc: POSIX")
DAY = 86_400


def _csv(path: Path) -> Path:
    path.write_text("事项名称,事项类型,实施部门\n食品经营许可,行政许可,市场监管局\n", encoding="utf-8")
    return path


def _import(*args: object, lang: str = "en") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DLISTS_NO_CACHE": "1", "LANG": f"{lang}.UTF-8", "LC_ALL": ""}
    return subprocess.run([sys.executable, "-m", "delegation_lists", "import", *map(str, args)], env=env,
                          capture_output=True, text=True, check=False, timeout=120)


def _folder(beside: Path, name: str, age: float) -> Path:
    folder = beside / name
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    then = time.time() - age
    os.utime(folder, (then, then))
    return folder


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_killed_import_is_cleaned_by_the_next(tmp_path: Path):
    """kill -9 while the files are written: the temporary folder (named with the writer's PID) stays beside DIR;
    the next `dlists import -o DIR --force` removes it and says so."""
    out = tmp_path / "out"
    assert _import(_csv(tmp_path / "list.csv"), "-o", out, "-j", "610000").returncode == 0
    script = ("import sys, time\nfrom pathlib import Path\nimport delegation_lists.importer.output as o\n"
              "slow = o.write_text\no.write_text = lambda p, t: (time.sleep(0.02), slow(p, t))\n"
              "o.write_tree(Path(sys.argv[1]), {f'{i // 10}/{i}.yaml': 'new' for i in range(400)}, force=True)\n")
    proc = subprocess.Popen([sys.executable, "-c", script, str(out)])
    deadline = time.monotonic() + 60
    while not [p for p in tmp_path.iterdir() if p.name.startswith(".out.dlists-")] and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".out.dlists-")]
    assert [p.name.split("-")[1] for p in left] == [str(proc.pid)]  # .out.dlists-PID-XXXX
    result = _import(tmp_path / "list.csv", "-o", out, "-j", "610000", "--force", lang="zh_CN")
    assert result.returncode == 0, result.stderr
    assert f"已删除 {left[0]}" in (result.stdout + result.stderr).replace("\n", ""), result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv", "out"]


def test_what_is_kept(tmp_path: Path):
    """Kept: a folder a live process may be writing, one changed after the running process started, one an older
    version wrote (no PID), a link, another DIR's; removed: a dead process's, and one whose PID now belongs to a
    process that started after the folder was last changed."""
    out = tmp_path / "out"
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        while started(live.pid) is None:
            time.sleep(0.01)
        time.sleep(1.1)
        mine = _folder(tmp_path, f".out.dlists-{live.pid}-live", 0)  # changed after the live process started
        reused = _folder(tmp_path, f".out.dlists-{live.pid}-reused", DAY)  # before it started: not its folder
        dead = _folder(tmp_path, f".out.dlists-{_dead_pid()}-dead", DAY)
        old_fallback = _folder(tmp_path, f".out.dlists-{_dead_pid()}-abcd.old", DAY)
        recent = _folder(tmp_path, f".out.dlists-{_dead_pid()}-recent", 0)  # newer than this test's process
        legacy = _folder(tmp_path, ".out.dlists-k2j4x9_a", DAY)
        other = _folder(tmp_path, f".other.dlists-{_dead_pid()}-x", DAY)
        target = _folder(tmp_path, "elsewhere", DAY)
        link = tmp_path / f".out.dlists-{_dead_pid()}-link"
        link.symlink_to(target)
        found = stale_temps(out)
        assert sorted(found) == sorted([reused, dead, old_fallback])
        for kept in (mine, recent, legacy, other, target, link):
            assert kept not in found
    finally:
        live.kill()
        live.wait()
