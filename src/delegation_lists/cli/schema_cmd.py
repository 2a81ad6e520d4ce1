"""`dlists schema`"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..model.schema import KINDS, json_schema
from ..problems import msg
from .common import UserError, command, emit, lang_option


def schema_command(
    kind: str = typer.Argument("list", help="list | region | duties | adjustments"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    out_dir: Path | None = typer.Option(None, "--out-dir", help="Write every schema (list, region, duties, adjustments .schema.json) here."),
    lang: str | None = lang_option(),
) -> None:
    """Print the JSON Schema of a file kind, for editors.

    With yaml-language-server (VS Code's YAML extension and others), put a modeline at the top of a file:
    `# yaml-language-server: $schema=../schemas/list.schema.json`
    """
    if out_dir is not None:
        for name in KINDS:
            emit(_dump(name), out_dir / f"{name}.schema.json")
        return
    if kind not in KINDS:
        raise UserError(msg("cli.schema.kind", kind=kind))
    emit(_dump(kind), output)


def _dump(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2)


def register(app: typer.Typer) -> None:
    app.command("schema")(command(schema_command))
