"""Hostile YAML is bounded in memory (issue 13): aliases are counted in characters as well as nodes, long values
are shortened in messages, and a long source line is shown around its caret. Peak memory is measured in a child
process (`resource.getrusage`), never time."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

HEAD = 'list:\n  jurisdiction: "610928"\n  level: county\n  title: x\n  version: "1"\nitems:\n'
ITEM = '  - code: "610928-CF-{n:05d}"\n    name: {name}\n    kind: penalty\n    department: 公安局\n    legal_basis: [x]\n'

#: runs `dlists ARGS` in a grandchild with an address-space limit and prints its exit code and peak RSS (kB):
#: the test process's own children (other tests) do not count, and a regression fails instead of swapping
_MEASURE = """
import json, resource, subprocess, sys
limit = int(sys.argv[1])
def cap():
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
run = subprocess.run([sys.executable, "-m", "delegation_lists", *sys.argv[2:]], capture_output=True, preexec_fn=cap,
                     timeout=300)
print(json.dumps({"rc": run.returncode, "kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                  "out": run.stdout.decode("utf-8", "replace")[:200_000], "err": run.stderr.decode("utf-8", "replace")[-2000:],
                  "out_bytes": len(run.stdout)}))
"""


def _measured(*args: str, limit_mb: int = 3000) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(limit_mb * 1024 * 1024), *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=400, env={"DLISTS_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    out: dict[str, object] = json.loads(done.stdout)
    return out


def _aliased(path: Path, aliases: int, name_chars: int = 1_000_000) -> Path:
    """A list whose first item's name (`name_chars` Chinese characters, 3 bytes each) is aliased by `aliases`
    other items: DL102 (same name, department and kind) on each."""
    first = ITEM.format(n=1, name="&n " + "甲" * name_chars)
    rest = "".join(ITEM.format(n=n, name="*n") for n in range(2, aliases + 2))
    path.write_text(HEAD + first + rest, encoding="utf-8")
    return path


def test_a_long_name_aliased_thousands_of_times(tmp_path: Path) -> None:
    """The issue's file: 3 MB, a 1,000,000-character name aliased 3,000 times (before: over 3 GB, and 20 GB and 4
    minutes for `-f json`). Now DL004 at the anchor, under 300 MB."""
    path = _aliased(tmp_path / "county.yaml", 3000)
    assert path.stat().st_size > 3_000_000
    run = _measured("validate", str(path), "-f", "json")
    assert run["rc"] == 1, run["err"]
    problems = json.loads(str(run["out"]))["problems"]
    assert [(p["code"], p["line"]) for p in problems] == [("DL004", 8)]
    assert int(str(run["kb"])) < 300 * 1024, run["kb"]


def test_messages_shorten_what_they_quote(tmp_path: Path) -> None:
    """Under the alias budget (a 1,000,000-character name aliased 5 times) every DL102 message quotes the name
    shortened to 400 characters and `…`; the text report shows each long source line around its caret."""
    path = _aliased(tmp_path / "county.yaml", 5)
    run = _measured("validate", str(path), "-f", "json")
    problems = json.loads(str(run["out"]))["problems"]
    assert [p["code"] for p in problems].count("DL102") == 5
    for p in problems:
        assert len(p["message"]) < 600, (p["code"], len(p["message"]))
        assert p["code"] != "DL102" or p["message"].endswith("甲…")
    text = _measured("validate", str(path), "--lang", "zh")
    assert int(str(text["out_bytes"])) < 20_000, text["out_bytes"]
    assert int(str(text["kb"])) < 300 * 1024


def test_a_long_line_is_shown_around_its_caret(tmp_path: Path) -> None:
    """A one-line catalog of a megabyte whose 5,000 items each have a problem (an undeclared department): each
    problem shows a window of the line with `…` and the caret under the column named, not the whole line (before:
    5,000 copies of it, 5 GB)."""
    items = ", ".join(f'{{code: "610928-CF-{n:05d}", name: 事项{n}, kind: penalty, department: 公安局, legal_basis: [x]}}'
                      for n in range(1, 5001))
    path = tmp_path / "county.yaml"
    path.write_text('{list: {jurisdiction: "610928", level: county, title: x, version: "1"}, items: [' + items + "]}\n",
                    encoding="utf-8")
    assert path.stat().st_size > 500_000
    run = _measured("validate", str(path), "--lang", "en")
    assert int(str(run["out_bytes"])) < 5000 * 1200, run["out_bytes"]
    lines = str(run["out"]).splitlines()
    found = [i for i, ln in enumerate(lines) if "DL105" in ln]
    assert len(found) > 100
    for i in found[:-1]:  # (the output read is cut at 200,000 characters)
        shown, caret = lines[i + 1], lines[i + 2]
        col = int(lines[i].split(": ", 1)[0].rsplit(":", 1)[1])
        assert len(shown) < 400 and (col < 100 or shown.split("│ ", 1)[1].startswith("…")), shown
        # the caret stands under `公安局` (a Chinese character takes two cells)
        text = shown.split("│ ", 1)[1]
        gutter = len(shown) - len(text)
        cells = caret.index("^") - gutter
        before = next(k for k in range(len(text) + 1) if sum(2 if ord(c) > 0x2E7F else 1 for c in text[:k]) >= cells)
        assert text[before:].startswith("公安局"), (text, cells)
