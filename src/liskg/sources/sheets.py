"""Template sheets: the tables a spreadsheet opens (TSV or CSV) in which a paper is entered without an IRI.

A set of sheets is a folder under graph_data/templates/ holding any of studies, strategies, cells,
measurements and materials (.tsv, or .csv); `liskg new study` writes a blank, commented set. Lines that start
with # are comments; the first other line is the header, whose names are checked against SHEETS (the one
table of the columns: the blank sheets, the header check and docs/extending.md all follow it); every later
line is a row. Rows and columns are counted as a spreadsheet counts them, from 1, comment lines included, so
`file:row:column` is where the cell is in the editor.

This module reads and checks the shape of the sheets; liskg.sources.templates turns their rows into triples.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from liskg.base.errors import LiskgError
from liskg.base.files import write_atomically

TEMPLATES = "templates"  # graph_data/templates/: the sets of sheets
SUFFIXES = (".tsv", ".csv")


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header, whether a row must fill it, and what goes in it (for the blank sheets'
    comments and the docs)."""

    name: str
    required: bool
    help: str


def _columns(*specs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(name.rstrip("*"), name.endswith("*"), text) for name, text in specs)


# The columns of each sheet, in the order a blank sheet has them; * marks the ones a row must fill. A cell that
# names things takes several names separated by ";". Any name of a link may carry its own evidence in
# brackets, "LLZO [2-3-1-4]", or "[inferred: why]" for a link the source does not state (an editors' inference:
# liskg:assertionBasis liskg:EditorsInference with the reason as its liskg:sourceNote); on a strategy row the
# study's name takes the evidence of the study's link to the strategy ("107 [2-3-1-3]"). A strategy's
# spellings are skos:hiddenLabel: matched by the evidence checks, never shown.
SHEETS: dict[str, tuple[Column, ...]] = {
    "studies": _columns(
        ("study*", "the review's reference number (107), or the DOI of a paper outside the review (10.5555/…)"),
        ("first author*", "the first author's family name, as the paper prints it"),
        ("authors", "every author as the paper prints the name, separated by ',' (Jane Doe, Richard Roe)"),
        ("year", "the year of publication"),
        ("venue", "the journal or conference"),
        ("section", "the review section(s) that discuss it (2.3); only for a study of the review"),
        ("summary*", "what the study did and found, in your own words (never copied)"),
        ("note", "a remark on how the source states something"),
    ),
    "strategies": _columns(
        ("study*", "the study (its reference number, DOI or first author)"),
        ("key*", "a short name for this strategy, unique in the study: the end of its IRI (heat-treatment)"),
        ("label*", "what was done, in a few words; the build appends (Author [n])"),
        ("method*", "the processing method (cold pressing, vacuum evaporation); a coating technique as a second"),
        ("interface", "the interface(s) it addresses: a numeral (I) or a name (Li/SSE)"),
        ("electrolyte", "the electrolyte(s) it uses (LLZO)"),
        ("materials", "other materials with their roles: 'buffer material: aluminum; active material: sulfur'"),
        ("produces", "the materials it forms (Li-Al alloy)"),
        ("mitigates", "the failure modes it relieves"),
        ("risks", "the failure modes it causes or risks"),
        ("precedes", "the key of a later strategy of the same cell"),
        ("cells", "the keys of the cells it built, when the study reports several"),
        ("section", "the review section that describes this strategy, when it is not the study's"),
        ("summary", "how it works, in your own words"),
        ("note", "a remark on how the source states something"),
        ("evidence", "the review's sentences that state this row (2-3-1-3; or a short quote in double quotes)"),
        (
            "spellings",
            "the review's own words for this strategy, if not the label's (conformal Al coating); never shown",
        ),
    ),
    "cells": _columns(
        ("study*", "the study"),
        ("key", "empty for the study's one cell, else a short name (high-loading)"),
        ("label*", "the cell in a few words (Li/LLZO cell heated to 175 °C); the build appends (Author [n])"),
        ("format", "the cell format (pouch cell, pellet cell)"),
        ("anode", "anode material(s)"),
        ("electrolyte", "electrolyte material(s)"),
        ("cathode", "cathode material(s)"),
        ("section", "the review section that describes the cell"),
    ),
    "measurements": _columns(
        ("study*", "the study"),
        ("key*", "a short name, unique in the study: the end of its IRI (resistance-after)"),
        ("label*", "what was measured, in a few words; the build appends (Author [n])"),
        ("strategy", "the key of the strategy this number belongs to"),
        ("role", "outcome (default) or parameter (a processing condition such as a temperature)"),
        ("quantity*", "the quantity kind (interfacial resistance, specific capacity)"),
        ("qualifier", "approximately, greater than, at least, less than, up to, on the order of"),
        ("value*", "the number (514), a range (3.8 to 4.3) or, with a qualifier, the bound"),
        ("unit*", "the unit as you write it (Ω cm2, mS/cm, mAh g-1, °C)"),
        ("doubtful", "yes for a number kept as printed but doubted (say why in note)"),
        ("temperature", "test temperature in °C (60), or room temperature"),
        ("C-rate", "the C-rate (0.05)"),
        ("current density", "in mA cm-2"),
        ("pressure", "in MPa"),
        ("sulfur loading", "in mg cm-2"),
        ("cycles", "the number of cycles after which it was measured"),
        ("baseline", "the key of the measurement it is compared with (before, or the untreated control)"),
        ("baseline kind", "treatment (default: before a treatment, or a control) or cycling (before cycling)"),
        ("cell", "the key of the cell it was measured on (empty key: 'cell')"),
        ("material", "the material it was measured on"),
        ("context", "the circumstances in a few words"),
        ("section", "the review section that reports it, when the study has several"),
        ("note", "a remark on how the source states it"),
        ("evidence", "the review's sentences that state the number (2-3-1-4)"),
    ),
    "materials": _columns(
        ("name*", "the name the graph will use (unique): a new material only; existing ones are found by name"),
        ("formula", "the chemical formula (Li7La3Zr2O12)"),
        ("synonyms", "other names and abbreviations"),
        ("family*", "what it is: the material class(es) (garnet-type electrolyte, lithium alloy)"),
        ("made from", "the materials it is made of"),
        ("section", "the review section(s) that name it"),
    ),
}
ORDER = ("materials", "studies", "cells", "strategies", "measurements")  # the order sheets compile in
ONE = {
    "studies": "study",
    "strategies": "strategy",
    "cells": "cell",
    "measurements": "measurement",
    "materials": "material",
}


@dataclass
class Cell:
    text: str
    row: int
    column: int


@dataclass
class Row:
    """One row of a sheet: its cells by column name (only the columns the header has)."""

    sheet: Sheet
    number: int
    cells: dict[str, Cell] = field(default_factory=dict)

    def text(self, column: str) -> str:
        cell = self.cells.get(column)
        return cell.text.strip() if cell else ""

    def where(self, column: str | None = None) -> str:
        """'file:row:column' of a cell (of the row's first cell without COLUMN)."""
        cell = self.cells.get(column) if column else None
        number = cell.column if cell else (self.sheet.header.get(column, 1) if column else 1)
        return f"{self.sheet.shown}:{self.number}:{number}"

    def error(self, column: str | None, message: str) -> LiskgError:
        return LiskgError(f"{self.where(column)}: {message}")


@dataclass
class Sheet:
    path: Path
    shown: str  # the path as messages give it
    kind: str
    header: dict[str, int] = field(default_factory=dict)  # column name -> column number
    rows: list[Row] = field(default_factory=list)


def sheet_files(data_dir: Path) -> list[Path]:
    """Every sheet under DATA_DIR/templates/, sorted by path."""
    folder = data_dir / TEMPLATES
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())


def read_sheet(path: Path, shown: str) -> Sheet:
    """Read and check one sheet: its kind from its name, its header against SHEETS, its rows."""
    kind = path.stem.lower()
    if kind not in SHEETS:
        close = difflib.get_close_matches(kind, SHEETS, n=1)
        hint = f"; did you mean {close[0]}{path.suffix}?" if close else ""
        raise LiskgError(f"{shown}:1:1: not a template sheet: name it {', '.join(SHEETS)} ({path.suffix}){hint}")
    sheet = Sheet(path, shown, kind)
    lines = _lines(path, shown)
    for number, values in lines:
        if not sheet.header:
            sheet.header = _header(sheet, number, values)
            continue
        if not any(v.strip() for v in values):
            continue
        extra = [i for i, v in enumerate(values, start=1) if v.strip() and i > len(sheet.header)]
        if extra:
            raise LiskgError(f"{shown}:{number}:{extra[0]}: a value in a column without a header; add the header")
        by_number = {i: name for name, i in sheet.header.items()}
        row = Row(sheet, number)
        row.cells = {by_number[i]: Cell(v, number, i) for i, v in enumerate(values, start=1) if i in by_number}
        _check_required(row)
        sheet.rows.append(row)
    if not sheet.header:
        raise LiskgError(f"{shown}:1:1: no header line; copy the one `liskg new study` writes")
    return sheet


def _lines(path: Path, shown: str) -> list[tuple[int, list[str]]]:
    """The (row number, values) of every line that is not a comment, read as the file's suffix says."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LiskgError(f"{shown}: cannot read ({exc.strerror})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LiskgError(f"{shown}:{line}:1: not UTF-8 text; save the sheet as UTF-8 (Unicode)") from None
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    rows: list[tuple[int, list[str]]] = []
    physical = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    try:
        for values in reader:
            number = reader.line_num - sum(v.count("\n") for v in values)
            first = physical[number - 1] if number - 1 < len(physical) else ""
            if first.lstrip().startswith("#"):
                continue
            rows.append((number, values))
    except csv.Error as exc:
        raise LiskgError(f"{shown}:{reader.line_num}:1: cannot read the sheet ({exc})") from None
    return rows


def _header(sheet: Sheet, number: int, values: list[str]) -> dict[str, int]:
    columns = {c.name.casefold(): c.name for c in SHEETS[sheet.kind]}
    header: dict[str, int] = {}
    for i, value in enumerate(values, start=1):
        name = " ".join(value.split()).casefold()
        if not name:
            continue
        if name not in columns:
            close = difflib.get_close_matches(name, columns, n=1, cutoff=0.6)
            hint = f"did you mean {columns[close[0]]!r}?" if close else f"the columns are {', '.join(columns.values())}"
            raise LiskgError(f"{sheet.shown}:{number}:{i}: unknown column {value.strip()!r} in {sheet.kind}; {hint}")
        if columns[name] in header:
            raise LiskgError(f"{sheet.shown}:{number}:{i}: column {value.strip()!r} twice; keep one")
        header[columns[name]] = i
    missing = [c.name for c in SHEETS[sheet.kind] if c.required and c.name not in header]
    if missing:
        raise LiskgError(
            f"{sheet.shown}:{number}:{len(values) + 1}: the {sheet.kind} sheet has no column "
            f"{missing[0]!r}, which every row needs; add it to the header"
        )
    return header


def _check_required(row: Row) -> None:
    for column in SHEETS[row.sheet.kind]:
        if column.required and not row.text(column.name):
            raise row.error(column.name, f"{column.name} is empty; every {ONE[row.sheet.kind]} row needs one")


def blank(kind: str) -> str:
    """A blank sheet of KIND: a comment per column saying what goes in it, then the header (TSV)."""
    lines = [
        f"# LiSKG template sheet: {kind}. One row per {ONE[kind]}; lines starting with # are "
        "comments. Columns (* = every row fills it):"
    ]
    lines += [f"#   {c.name}{' *' if c.required else ''}: {c.help}" for c in SHEETS[kind]]
    lines.append(
        "# Several names in one cell: separate them with ';' (the authors cell alone with ',': Jane Doe, Richard "
        "Roe). docs/extending.md explains every column."
    )
    lines.append("\t".join(c.name for c in SHEETS[kind]))
    return "\n".join(lines) + "\n"


def write_blank(data_dir: Path, name: str, kinds: list[str] | None = None) -> list[Path]:
    """Write the blank sheets of KINDS (default: all, in SHEETS order) into DATA_DIR/templates/NAME/, each one
    atomically; their paths. An existing sheet is never overwritten: nothing is written then."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        raise LiskgError(f"{name!r}: name the set of sheets with letters, digits, '.', '-' or '_' (doe-2025)")
    unknown = [k for k in kinds or [] if k not in SHEETS]
    if unknown:
        raise LiskgError(f"no sheet is called {unknown[0]!r}; the sheets: {', '.join(SHEETS)}")
    folder = data_dir / TEMPLATES / name
    paths = [folder / f"{kind}.tsv" for kind in (kinds or list(SHEETS))]
    existing = [p for p in paths if p.exists()]
    if existing:
        raise LiskgError(f"{existing[0].relative_to(data_dir.parent)} exists; nothing was written")
    folder.mkdir(parents=True, exist_ok=True)
    for path in paths:
        write_atomically(path, blank(path.stem).encode("utf-8"))
    return paths
