"""Formats only LibreOffice reads well (.doc, OLE .wps, .odt, .rtf, .xlsb, an "Excel" file that is a web page):
converted with `soffice --headless --convert-to` in a private profile and a temporary folder, then read as the
format it was converted to. Without LibreOffice, a message naming what to install or how to save the file."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..said import msg
from .table import ReadError, Table

TIMEOUT = 300  # seconds: a list converts in a few
TARGET = {"doc": "docx", "odt": "docx", "rtf": "docx", "xlsb": "xlsx", "html": "xlsx", "ole": "xlsx"}
#: format -> the catalogue message naming it (import.office.*), shown in the language in use
NAMES = {fmt: f"import.office.{fmt}" for fmt in TARGET}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_converted(path: Path, fmt: str, read: Callable[[Path], list[Table]]) -> list[Table]:
    """Convert `path` (of format `fmt`) to .docx or .xlsx with LibreOffice and read that with `read`."""
    target = TARGET[fmt]
    program = soffice()
    if program is None:
        raise ReadError(msg("import.read.office_missing", what=NAMES[fmt], target=target), path)
    with tempfile.TemporaryDirectory(prefix="dlists-convert-") as tmp:
        source = Path(tmp) / f"source{path.suffix.lower() or '.' + fmt}"
        shutil.copyfile(path, source)  # a name LibreOffice cannot take as an option, in a folder we own
        try:
            subprocess.run([program, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
                            "--convert-to", target, "--outdir", f"{tmp}/out", str(source)],
                           check=True, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ReadError(msg("import.read.office_timeout", seconds=TIMEOUT), path) from None
        except (subprocess.CalledProcessError, OSError) as exc:
            raise ReadError(msg("import.read.office_failed", error=str(exc)), path) from None
        made = sorted((Path(tmp) / "out").glob(f"*.{target}"))
        if not made:
            raise ReadError(msg("import.read.office_unread", what=NAMES[fmt]), path)
        tables = read(made[0])
    for table in tables:
        table.notes.append(msg("import.note.converted", what=NAMES[fmt]))
    return tables
