"""Readers: a file -> `Table`s, the format found by content (`sniff`), each format behind the same interface so
headers, section rows, merged cells and attachment furniture are handled once, in `rows`."""

from __future__ import annotations

import csv
from pathlib import Path

from ...load.errors import LoadError
from ..said import msg
from .calamine import read_calamine
from .office import read_converted
from .pdf import read_pdf
from .sniff import sniff
from .table import ReadError, Table
from .text import read_csv, read_json
from .word import read_docx
from .xlsx import read_xlsx

__all__ = ["ReadError", "Table", "read_tables"]

REFUSED = {"empty": "import.read.empty", "encrypted": "import.read.encrypted", "corrupt-zip": "import.read.corrupt_zip",
           "zip": "import.read.zip_archive"}


def _dispatch(path: Path, fmt: str, encoding: str | None) -> list[Table]:
    if fmt in REFUSED:
        raise ReadError(msg(REFUSED[fmt]), path)
    if fmt == "xlsx":
        return read_xlsx(path)
    if fmt in ("xls", "ods"):
        return read_calamine(path, fmt)
    if fmt == "docx":
        return read_docx(path)
    if fmt == "pdf":
        return read_pdf(path)
    if fmt == "json":
        return read_json(path, encoding)
    if fmt == "csv":
        return read_csv(path, encoding)
    reader = read_docx if fmt in ("doc", "odt", "rtf") else read_xlsx
    return read_converted(path, fmt, reader)


def read_tables(path: Path, encoding: str | None = None) -> list[Table]:
    """The tables of `path`, whatever its extension says: .xlsx/.xlsm/.et, .xls, .ods, .docx/.wps, .doc, .pdf,
    .csv/.tsv/.txt, .json (and, with LibreOffice, .odt, .rtf, .xlsb and web pages saved as .xls)."""
    try:
        fmt = sniff(path)
        tables = _dispatch(path, fmt, encoding)
    except ReadError as exc:  # a reader's message names the file; a check's (extent, XML) may not
        if exc.file is None and not str(exc.message).startswith(str(path)):
            exc.file = path
        raise
    except LoadError as exc:
        raise ReadError(exc.message, f"{path}:{exc.line}:{exc.column}" if exc.line else path) from None
    except (UnicodeDecodeError, csv.Error) as exc:
        raise ReadError(msg("import.read.os", error=str(exc)), path) from None
    except OSError as exc:
        raise ReadError(msg("import.read.os", error=exc.strerror or str(exc)), path) from None
    except RecursionError:
        raise ReadError(msg("import.read.nested"), path) from None
    suffix = path.suffix.lower().lstrip(".")
    if suffix and fmt not in ("csv", "json") and suffix not in SAME.get(fmt, (fmt,)):
        for table in tables:
            table.notes.append(msg("import.note.read_as", fmt=fmt))
            break
    return tables


SAME = {"xlsx": ("xlsx", "xlsm", "et"), "xls": ("xls", "et"), "docx": ("docx", "wps"), "doc": ("doc", "wps", "dot"),
        "html": ("xls", "htm", "html"), "csv": ("csv", "tsv", "txt")}
