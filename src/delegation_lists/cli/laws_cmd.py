"""`dlists laws PATH [--law TITLE [--article N]]`: the laws a catalog cites, or every entry citing one law."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.markup import escape

from ..catalog.parts import run_in_parts
from ..laws.index import law_index, merge_indexes
from ..laws.query import article_number, law_uses
from ..laws.results import LawIndex, LawUses
from ..problems import msg
from ..render.labels import label, lead
from ..render.laws import (
    hit_line,
    index_header,
    index_json,
    index_markdown,
    index_rows,
    not_found,
    unparsed_header,
    unparsed_rows,
    uses_header,
    uses_json,
    uses_markdown,
    uses_rows,
    uses_title,
)
from .common import (
    NO_CACHE_HELP,
    UserError,
    cache_root,
    command,
    console,
    emit,
    err_console,
    lang_option,
    load_config,
    pick_format,
)
from .table import print_table

FORMATS = ("text", "json", "markdown", "xlsx")


def laws_command(
    paths: list[Path] = typer.Argument(..., help="Catalog files or folders."),
    law: str | None = typer.Option(None, "--law", "-l", help="List every entry citing this law (short or full title, 《》 optional; an article may follow: 森林法第七十四条)."),
    article: str | None = typer.Option(None, "--article", "-a", help="With --law: only this article (74, 七十四, 第七十四条); entries citing the law without an article are listed too."),
    unparsed: bool = typer.Option(False, "--unparsed", help="text: also list the basis lines in which no law was found."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown | xlsx"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout (needed for xlsx)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
    lang: str | None = lang_option(),
) -> None:
    """The laws and regulations the lists cite (设定依据, 职责依据, 下放依据), each with the number of items at each
    level (township items inheriting a county item's basis through `source` included), duty entries and
    delegations citing it; with --law, every entry citing that law at every level, to review when it is amended
    or repealed. 《食品安全法》 and 《中华人民共和国食品安全法》 are one law."""
    chosen = pick_format(fmt, FORMATS)
    if chosen == "xlsx" and output is None:
        raise UserError(msg("cli.xlsx_output"))
    if article is not None and law is None:
        raise UserError(msg("cli.laws.article_alone"))
    wanted = None
    if article is not None:
        wanted = article_number(article)
        if wanted is None:
            raise UserError(msg("cli.laws.article", article=article))
    config = load_config()
    parts = run_in_parts(paths, law_index, encoding=config.encoding, exclude=config.exclude, cache=cache_root(no_cache, config))
    if parts.broken:
        err_console.print(f"[yellow]{lead('warning')}[/]" + label("partial.reconcile", n=parts.broken), highlight=False)
    index = merge_indexes(parts.results, parts.tree)
    if law is None:
        _show_index(index, chosen, output, unparsed)
        return
    result = law_uses(index, law, wanted)
    if chosen == "json":
        emit(json.dumps(uses_json(result), ensure_ascii=False, indent=2), output)
    elif chosen == "markdown":
        emit(uses_markdown(result), output)
    elif chosen == "xlsx":
        _write_book(result, output)
    elif result.uses:
        print_table(console, uses_title(result), uses_header(), uses_rows(result), [False] * 7)
    if not result.uses:
        err_console.print(escape(not_found(result)), highlight=False)


def _show_index(index: LawIndex, chosen: str, output: Path | None, unparsed: bool) -> None:
    if chosen == "json":
        emit(json.dumps(index_json(index), ensure_ascii=False, indent=2), output)
    elif chosen == "markdown":
        emit(index_markdown(index), output)
    elif chosen == "xlsx":
        _write_book(index, output)
    elif not index.laws:
        console.print(label("laws.no_laws"))
    else:
        rows = index_rows(index)
        print_table(console, label("laws.title"), index_header(index), rows, [isinstance(v, int) for v in rows[0]])
        line = hit_line(index) + ("" if unparsed or not index.unparsed else "；" + label("laws.unparsed_hint"))
        console.print("\n" + escape(line), highlight=False)
        if unparsed and index.unparsed:
            print_table(console, label("laws.unparsed"), unparsed_header(), unparsed_rows(index), [False] * 4)


def _write_book(result: LawIndex | LawUses, output: Path | None) -> None:
    from ..excel.laws import index_book, uses_book
    from ..excel.writer import write_book

    assert output is not None
    book = index_book(result) if isinstance(result, LawIndex) else uses_book(result)
    write_book(book, output)
    rows = sum(len(sheet.rows) for sheet in book.sheets)
    err_console.print(escape(label("export.wrote", output=output, sheets=len(book.sheets), rows=rows)), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("laws")(command(laws_command))
