"""`import csv FILE --kind event|club|venue`: read a town's spreadsheet into `ImportedRecord`s.

The file is what Excel, LibreOffice or a town's software saves: UTF-8 (with or without the byte
order mark Excel writes for „CSV UTF-8“), Windows-1252 (Excel's „CSV (Trennzeichen-getrennt)“ on
a German Windows) or UTF-16 with its byte order mark (Excel's „Unicode-Text“); semicolons,
commas or tabs between the cells (whichever the header line uses most); quoted cells may hold
line breaks. Empty lines, and lines of nothing but separators, are skipped. The first line that
is not empty names the columns (`csv_columns`); an unknown name stops the import before anything
is written, and so do bytes that are text in neither encoding.

A row becomes one record (`csv_records`); what it cannot carry over becomes a note on the record.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.importing.csv_columns import Column, column_index, column_key, understood_names
from generator.importing.csv_records import CONTACT_FIELDS, Row, build_records, numbered
from generator.importing.records import ImportedRecord, ImportProblem, Kind
from generator.models.town import Town

_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_DELIMITERS = {";": "Semikolon", ",": "Komma", "\t": "Tabulator"}
_KIND_WORDS = {"events": "Veranstaltungen", "clubs": "Vereine", "venues": "Orte"}
_IGNORED_PREFIX = "#"
"""A column whose name starts with it is skipped (internal notes of the town's spreadsheet)."""


@dataclass
class CsvRead:
    """The records of one CSV file, and how the file was read (for the summary)."""

    records: list[ImportedRecord]
    encoding: str
    """„UTF-8“, „Windows-1252“ or „UTF-16“."""
    delimiter: str
    """The separator in German words („Semikolon“)."""
    remarks: list[str] = field(default_factory=list)
    """What holds for every record (e.g. the import date as `reviewed`), in German."""


def read_csv(
    path: Path, kind: Kind, town: Town, today: date, source: str | None = None, category: str | None = None
) -> CsvRead:
    """Read ``path`` as a spreadsheet of ``kind``; `ImportProblem` when it cannot be read at all."""
    name = source or path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(name, None, f"Die Datei lässt sich nicht lesen ({exc.strerror}).") from None
    text, encoding = decode(data, name)
    return read_text(text, kind, town, today, name, encoding, category)


def read_text(
    text: str,
    kind: Kind,
    town: Town,
    today: date,
    source: str,
    encoding: str = "UTF-8",
    category: str | None = None,
) -> CsvRead:
    """Read decoded CSV ``text``; the part of `read_csv` after the bytes became text."""
    delimiter = sniff_delimiter(text)
    rows = _rows(text, delimiter, source)
    header_line, header = next(rows, (0, []))
    if not any(cell.strip() for cell in header):
        raise ImportProblem(source, None, "Die Datei ist leer: Es fehlt die Kopfzeile mit den Spaltennamen.")
    columns = _map_header(header, header_line, kind, source)
    table = [_row(line, cells, header, columns, source) for line, cells in rows]
    records, remarks = build_records(kind, [row for row in table if row is not None], town, today, source, category)
    return CsvRead(records, encoding, _DELIMITERS[delimiter], remarks)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """The text of ``data`` and the name of its encoding: UTF-8 first, then Windows-1252.

    A file that is not UTF-8 but holds UTF-8 sequences mixes both (parts pasted from another
    file): read as Windows-1252 it would silently become „MÃ¼ller“, so it is refused instead.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError as exc:
            raise ImportProblem(source, _line_of(data, exc.start), "Die Datei ist als UTF-16 nicht lesbar.") from None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    line = _line_of(data, first_bad)
    if _UTF8_SEQUENCE.search(data):
        raise ImportProblem(
            source,
            line,
            "Die Datei mischt zwei Zeichenkodierungen: Sie enthält Umlaute in UTF-8, diese Zeile aber ein "
            f"Zeichen (Byte 0x{data[first_bad]:02X}), das kein UTF-8 ist. Öffnen Sie die Datei in Excel oder "
            "LibreOffice, prüfen Sie die Umlaute dieser Zeile und speichern Sie sie als „CSV UTF-8“.",
        )
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as exc:
        raise ImportProblem(
            source,
            _line_of(data, exc.start),
            f"Diese Zeile enthält ein Zeichen (Byte 0x{data[exc.start]:02X}), das weder UTF-8 noch Windows-1252 "
            "ist. Speichern Sie die Tabelle in Excel oder LibreOffice als „CSV UTF-8“ und importieren Sie erneut.",
        ) from None


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def sniff_delimiter(text: str) -> str:
    """The separator the header line (the first line that is not empty) uses most, outside quotes."""
    for line in text.splitlines():
        if line.strip():
            outside = re.sub(r'"[^"]*"', "", line)
            counts = {delimiter: outside.count(delimiter) for delimiter in _DELIMITERS}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ";"
    return ";"


def _rows(text: str, delimiter: str, source: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, cells) of every row with a value; blank rows are skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:  # its English text says nothing a town's editor needs
            raise ImportProblem(
                source,
                line,
                "Diese Zeile ist kein gültiges CSV: Ein Anführungszeichen ist nicht geschlossen oder steht nach "
                "einem Text in Anführungszeichen. Ein Text mit Trennzeichen oder Zeilenumbruch steht ganz in "
                '"…", ein Anführungszeichen darin wird verdoppelt ("").',
            ) from None
        if any(cell.strip() for cell in cells):
            yield line, cells
        line = reader.line_num + 1


def _map_header(header: list[str], line: int, kind: Kind, source: str) -> list[Column | None]:
    """The column each header cell names (None: skipped); unknown or doubled names stop the import."""
    index = column_index(kind)
    keys = {column_key(name) for name in header}
    if kind == "events" and any(index.get(key) is index["ort"] for key in keys - {"ort"}):
        index["ort"] = index["ortschaft"]  # „Veranstaltungsort“ and „Ort“: „Ort“ is the town
    mapped: list[Column | None] = []
    seen: dict[str, str] = {}
    for position, name in enumerate(header, start=1):
        label = name.strip()
        if not label or label.startswith(_IGNORED_PREFIX):
            mapped.append(None)  # an unnamed column must be empty: checked per row
            continue
        column = index.get(column_key(label)) or _numbered(label, index)
        if column is None:
            raise ImportProblem(
                source,
                line,
                f"Die Spalte „{label}“ (Spalte {position}) kennt der Import nicht. Für "
                f"{_KIND_WORDS[kind]} verstanden werden: {understood_names(kind)}. Benennen Sie die Spalte um, "
                f"löschen Sie sie, oder setzen Sie „{_IGNORED_PREFIX}“ vor ihren Namen, damit sie übersprungen wird.",
            )
        if column.field in seen and not column.several:
            raise ImportProblem(
                source,
                line,
                f"Die Spalten „{seen[column.field]}“ und „{label}“ meinen dasselbe. "
                "Löschen Sie eine davon, oder setzen Sie „#“ vor ihren Namen, damit sie übersprungen wird.",
            )
        seen.setdefault(column.field, label)
        mapped.append(column)
    return mapped


def _numbered(label: str, index: dict[str, Column]) -> Column | None:
    """„Telefon 2“, „E-Mail 2“, „Ansprechpartner 2“: the fields of a further contact, by its number."""
    match = re.fullmatch(r"(.*?)(\d+)", column_key(label))
    base = index.get(match[1]) if match else None
    if match is None or base is None or base.field not in CONTACT_FIELDS or int(match[2]) < 1:
        return None
    return Column(numbered(base.field, int(match[2])), (label,))


def _row(line: int, cells: list[str], header: list[str], columns: list[Column | None], source: str) -> Row | None:
    row = Row(line)
    for position, value in enumerate(cells):
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()  # Excel's line breaks in a cell
        if not text:
            continue
        if position >= len(columns):
            row.note(
                f"Die Zeile hat mehr Zellen als die Kopfzeile; „{_short(text)}“ in Spalte {position + 1} hat keinen "
                "Spaltennamen und wurde nicht übernommen."
            )
            continue
        column = columns[position]
        if column is None:
            if not header[position].strip():
                row.note(
                    f"„{_short(text)}“ steht in Spalte {position + 1}, die keinen Namen hat, "
                    "und wurde nicht übernommen."
                )
            continue
        row.add(column.field, header[position].strip(), text)
    return row if row.cells or row.notes else None  # only skipped columns filled: a row for the town's eyes


def _short(text: str) -> str:
    plain = " ".join(text.split())
    return plain if len(plain) <= 40 else plain[:39] + "…"
