"""PDF through LibreOffice: the exported workbook converted by `soffice --headless --convert-to pdf` in a private
profile and a temporary folder, the result moved over the target only when the conversion succeeded. Each sheet
prints as the workbook says (paper, 100 %, page breaks, its own page numbers)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..atomic import atomic_path
from ..problems import MessageError, msg

TIMEOUT = 600  # seconds: a county's lists convert in seconds, a province's in minutes


class PdfError(MessageError):
    """The PDF cannot be made (LibreOffice missing, failing or too slow)."""


def soffice() -> str:
    """LibreOffice's command, or PdfError naming what to install."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        raise PdfError(msg("cli.pdf.missing"))
    return program


def _run(command: list[str], timeout: float) -> None:
    """Run LibreOffice in a process group of its own, killed whole when it outlives `timeout` (soffice starts a
    child that would outlive its parent)."""
    with subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          start_new_session=True) as proc:
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise PdfError(msg("cli.pdf.timeout", seconds=f"{timeout:.0f}")) from None
    if proc.returncode != 0:
        raise PdfError(msg("cli.pdf.failed", reason=err.decode(errors="replace").strip()[:300]))


def write_pdf(write_source: Callable[[Path], None], suffix: str, target: str | Path, timeout: float = TIMEOUT) -> None:
    """Write the document `write_source` makes (a workbook or a Word document, `suffix` .xlsx or .docx) as a PDF
    at `target`, atomically; PdfError when LibreOffice is missing or fails."""
    program = soffice()
    with tempfile.TemporaryDirectory(prefix="dlists-pdf-") as tmp:
        source = Path(tmp) / f"list{suffix}"
        write_source(source)
        _run([program, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore",
              "--convert-to", "pdf", "--outdir", f"{tmp}/out", str(source)], timeout)
        made = Path(tmp) / "out" / "list.pdf"
        if not made.is_file():
            raise PdfError(msg("cli.pdf.none"))
        with atomic_path(target) as out:
            shutil.copyfile(made, out)
