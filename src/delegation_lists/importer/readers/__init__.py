"""Readers: a file -> `Table`s, the format found by content (`sniff`), each format behind the same interface so
headers, section rows, merged cells and attachment furniture are handled once, in `rows`."""

from __future__ import annotations

import csv
from pathlib import Path

from ...load.errors import LoadError
from .calamine import read_calamine
from .office import read_converted
from .pdf import read_pdf
from .sniff import sniff
from .table import ReadError, Table
from .text import read_csv, read_json
from .word import read_docx
from .xlsx import read_xlsx

__all__ = ["ReadError", "Table", "read_tables"]

REFUSED = {
    "empty": "the file is empty",
    "encrypted": "the file is password-protected; open it and save it without a password",
    "corrupt-zip": "the file is a damaged zip (.xlsx/.docx/.ods): open it in Excel, WPS or LibreOffice and save it again",
    "zip": "a zip archive, not a list: unpack it and import the attachment inside",
}


def _dispatch(path: Path, fmt: str, encoding: str | None) -> list[Table]:
    if fmt in REFUSED:
        raise ReadError(f"{path}: {REFUSED[fmt]}")
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
        raise exc if str(exc).startswith(str(path)) else ReadError(f"{path}: {exc}") from None
    except (LoadError, UnicodeDecodeError, csv.Error) as exc:
        raise ReadError(f"{path}: {exc}") from None
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from None
    except RecursionError:
        raise ReadError(f"{path}: nested too deeply to be a list") from None
    suffix = path.suffix.lower().lstrip(".")
    if suffix and fmt not in ("csv", "json") and suffix not in SAME.get(fmt, (fmt,)):
        for table in tables:
            table.notes.append(f"read as .{fmt}: the file's content is {fmt}, whatever its name says")
            break
    return tables


SAME = {"xlsx": ("xlsx", "xlsm", "et"), "xls": ("xls", "et"), "docx": ("docx", "wps"), "doc": ("doc", "wps", "dot"),
        "html": ("xls", "htm", "html"), "csv": ("csv", "tsv", "txt")}
