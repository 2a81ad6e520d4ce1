"""A validation Report -> JSON, GitHub workflow commands, or SARIF 2.1.0."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .. import __version__
from ..check.report import Report
from ..rules import RULES

INFO_URI = "https://github.com/delegation-lists/delegation-lists"


def to_json(report: Report) -> str:
    """`{"problems": [...], "counts": {...}}` (problem objects as spec §3)."""
    counts = {**report.counts(), "files": report.files, "items": report.items}
    return json.dumps({"problems": [p.to_dict() for p in report.problems], "counts": counts}, ensure_ascii=False, indent=2)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _shown(file: str, root: Path | None) -> str:
    """`file` as the annotations name it: relative to `root` (the checkout GitHub matches paths against) when it is
    inside it, so a run from a subfolder still annotates the pull request's files; else as given."""
    if root is None:
        return file
    path, top = os.path.abspath(file), os.path.abspath(root)
    return Path(os.path.relpath(path, top)).as_posix() if os.path.commonpath([path, top]) == top else file


def to_github(report: Report, root: Path | None = None) -> str:
    """One `::error file=…,line=…,col=…,title=CODE::message` line per problem (GitHub Actions annotations); paths
    relative to `root` (the workspace, GITHUB_WORKSPACE) when given."""
    lines = []
    for p in report.problems:
        props = [f"file={_escape_prop(_shown(p.file, root))}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={_escape_prop(p.code + ' ' + RULES[p.code].name)}")
        suffix = f" [{p.item}]" if p.item else ""
        lines.append(f"::{p.severity} {','.join(props)}::{_escape_data(p.text() + suffix)}")
    return "\n".join(lines)


def to_sarif(report: Report, root: Path | None = None) -> str:
    """A SARIF 2.1.0 log with one run (for GitHub code scanning and other SARIF viewers); paths relative to `root`
    when given, as for `to_github`."""
    used = sorted({p.code for p in report.problems})
    rules = [_sarif_rule(code) for code in used]
    index = {code: i for i, code in enumerate(used)}
    results = [_sarif_result(p, index[p.code], root) for p in report.problems]
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "dlists", "version": __version__, "informationUri": INFO_URI, "rules": rules}},
                  "results": results}],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)


def _sarif_rule(code: str) -> dict[str, Any]:
    r = RULES[code]
    return {
        "id": code,
        "name": r.name,
        "shortDescription": {"text": r.summary},
        "fullDescription": {"text": r.doc},
        "defaultConfiguration": {"level": r.severity},
    }


def _sarif_result(p: Any, rule_index: int, root: Path | None = None) -> dict[str, Any]:
    region = {"startLine": max(p.line, 1), "startColumn": max(p.column, 1)}
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _shown(p.file, root)}, "region": region}}
    if p.path:
        loc["logicalLocations"] = [{"fullyQualifiedName": p.path}]
    out = {"ruleId": p.code, "ruleIndex": rule_index, "level": p.severity, "message": {"text": p.text()}, "locations": [loc]}
    if p.related:
        out["relatedLocations"] = [
            {"id": i, "physicalLocation": {"artifactLocation": {"uri": _shown(r.file, root)},
                                           "region": {"startLine": max(r.line, 1), "startColumn": max(r.column, 1)}}}
            for i, r in enumerate(p.related)
        ]
    return out
