"""The extent of each sheet of an .xls (Excel 97-2003 and OLE WPS .et: BIFF records in the `Workbook` stream of an
OLE compound file), read before calamine loads it: calamine holds a sheet dense from its first to its last cell,
so one value at IV65536 in a 6 KB file costs a gigabyte. A sheet whose values are spread thin over a large extent
(`Extent.sparse`) is refused too: saved as .xlsx it is streamed instead. The records that hold a value (NUMBER, RK, MULRK,
LABELSST, LABEL, RSTRING, FORMULA, BOOLERR) give each sheet's extent, held to the limits of extent.py; blank cells
(BLANK, MULBLANK: a style only) do not count. An encrypted workbook (FILEPASS) is left to calamine, which refuses
it; a compound file this reader cannot follow is refused."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

from ..said import msg
from .extent import Extent, refuse_sparse
from .table import ReadError

MAX_FILE = 512 * 1024 * 1024
END = 0xFFFFFFFE
FREE = 0xFFFFFFFF
VALUE_RECORDS = frozenset((0x0006, 0x00FD, 0x0203, 0x027E, 0x0205, 0x0204, 0x00D6))
MULRK, MERGED, BOF, EOF, BOUNDSHEET, FILEPASS = 0x00BD, 0x00E5, 0x0809, 0x000A, 0x0085, 0x002F


class _Broken(Exception):
    """The compound file cannot be followed."""


def _u32s(data: bytes) -> list[int]:
    return list(struct.unpack_from(f"<{len(data) // 4}I", data))


class Compound:
    """An OLE compound file's streams (the sector chains, the mini stream for small streams)."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512:
            raise _Broken("shorter than its header")
        self.data = data
        self.size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.mini = 1 << struct.unpack_from("<H", data, 0x20)[0]
        if self.size not in (512, 4096) or self.mini != 64:
            raise _Broken("unknown sector size")
        count, directory, self.cutoff, minifat, minis, difat, difats = struct.unpack_from("<I I 4x I I I I I", data, 0x2C)
        fat_sectors = [s for s in _u32s(data[0x4C:0x200]) if s < END]
        seen: set[int] = set()
        while difat < END and len(seen) <= difats:
            seen.add(difat)
            entries = _u32s(self._sector(difat))
            fat_sectors += [s for s in entries[:-1] if s < END]
            difat = entries[-1]
        self.fat = [n for s in fat_sectors[:count] for n in _u32s(self._sector(s))]
        self.directory = self._chain(directory, self.fat, self._sector)
        root = self._entry(0)
        self.ministream = self._chain(root[2], self.fat, self._sector)[: root[3]]
        self.minifat = _u32s(self._chain(minifat, self.fat, self._sector)) if minis else []

    def _sector(self, n: int) -> bytes:
        start = (n + 1) * self.size
        if start + self.size > len(self.data):
            raise _Broken(f"sector {n} past the end")
        return self.data[start:start + self.size]

    def _chain(self, start: int, table: list[int], read: Callable[[int], bytes]) -> bytes:
        """The sectors from `start` on, as `table` links them (a loop or a link out of the table: _Broken)."""
        parts: list[bytes] = []
        n = start
        while n < END:
            if n >= len(table) or len(parts) > len(table):
                raise _Broken("a broken sector chain")
            parts.append(read(n))
            n = table[n]
        return b"".join(parts)

    def _mini(self, n: int) -> bytes:
        return self.ministream[n * self.mini:(n + 1) * self.mini]

    def _entry(self, i: int) -> tuple[str, int, int, int]:
        raw = self.directory[i * 128:(i + 1) * 128]
        if len(raw) < 128:
            raise _Broken("no root entry")
        length = min(struct.unpack_from("<H", raw, 64)[0], 64)
        name = raw[:max(length - 2, 0)].decode("utf-16-le", "replace")
        return name, raw[66], struct.unpack_from("<I", raw, 116)[0], struct.unpack_from("<I", raw, 120)[0]

    def stream(self, *names: str) -> bytes | None:
        for i in range(len(self.directory) // 128):
            name, kind, start, size = self._entry(i)
            if kind == 2 and name in names:
                if size < self.cutoff:
                    return self._chain(start, self.minifat, self._mini)[:size]
                return self._chain(start, self.fat, self._sector)[:size]
        return None


def _sheet_names(book: bytes) -> dict[int, str]:
    """BOUNDSHEET records: the stream position of each sheet's BOF -> its name (BIFF8 names)."""
    names, pos = {}, 0
    while pos + 4 <= len(book):
        kind, length = struct.unpack_from("<HH", book, pos)
        body = book[pos + 4:pos + 4 + length]
        if kind == BOUNDSHEET and len(body) >= 8:
            count, wide = body[6], body[7] & 1
            text = body[8:8 + count * (2 if wide else 1)]
            names[struct.unpack_from("<I", body)[0]] = text.decode("utf-16-le" if wide else "latin-1", "replace")
        elif kind == EOF:
            break
        pos += 4 + length
    return names


def _extents(book: bytes) -> list[Extent]:
    names = _sheet_names(book)
    extents: list[Extent] = []
    current: Extent | None = None
    pos = 0
    while pos + 4 <= len(book):
        kind, length = struct.unpack_from("<HH", book, pos)
        body = book[pos + 4:pos + 4 + length]
        if kind == FILEPASS:
            return []  # encrypted: the cells cannot be read here; calamine says so
        if kind == BOF and len(body) >= 4:
            current = Extent(names.get(pos, f"Sheet{len(extents) + 1}")) if struct.unpack_from("<H", body, 2)[0] == 0x10 else None
            if current is not None:
                extents.append(current)
        elif current is not None and len(body) >= 4:
            if kind in VALUE_RECORDS:
                row, column = struct.unpack_from("<HH", body)
                current.value_at(row + 1, column + 1)
            elif kind == MULRK and len(body) >= 6:
                row = struct.unpack_from("<H", body)[0]
                current.value_at(row + 1, struct.unpack_from("<H", body, len(body) - 2)[0] + 1)
            elif kind == MERGED:
                for i in range(min(struct.unpack_from("<H", body)[0], (len(body) - 2) // 8)):
                    r0, r1, c0, c1 = struct.unpack_from("<HHHH", body, 2 + 8 * i)
                    current.merge((r0 + 1, c0 + 1), (r1 + 1, c1 + 1))
        pos += 4 + length
    return [e.finish() for e in extents]


def xls_extents(path: Path) -> list[Extent]:
    """Each worksheet's extent (TooBig past the limits); ReadError when the compound file cannot be followed."""
    if path.stat().st_size > MAX_FILE:
        raise ReadError(msg("import.zip.size", size=f"{path.stat().st_size / 2**20:,.0f}", limit=f"{MAX_FILE // 2**20:,}"), path)
    try:
        book = Compound(path.read_bytes()).stream("Workbook", "Book")
    except (_Broken, struct.error) as exc:
        raise ReadError(msg("import.read.unreadable_save", fmt="xls", error=str(exc)), path) from None
    extents = _extents(book) if book is not None else []
    refuse_sparse(extents)
    return extents
