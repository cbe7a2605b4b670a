"""`liskg compare`: the numbers of the selected studies side by side, one column per quantity and unit.

Rows are studies (or strategies); a column holds one kind of quantity in one unit, and every value of
that quantity whose unit converts to it (QUDT conversion multipliers from the ontology, exactly, in
Decimal) is shown in it, with the value as reported kept beside. Units that do not convert (Ω and
Ω cm2: absolute and area-specific resistance) get columns of their own. Each value carries its
baseline ("950 → 75") and its test conditions; a value with no stated condition is marked "*".
A row that draws on several review sections names the section in each cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

import pyoxigraph as ox

from liskg.base import engine, runner, vocab, wrap
from liskg.base.errors import LiskgError
from liskg.base.formats import COMPARE_FORMATS, COMPARE_ROWS
from liskg.base.labels import Labeller
from liskg.base.names import Names
from liskg.base.numbers import DOUBTFUL, condition_parts, format_number, format_qualifier, format_unit
from liskg.querying.grid import markdown, table
from liskg.querying.lookups import ELECTROLYTE

METHOD = ox.NamedNode(vocab.LISKG + "ProcessingMethod")
QUANTITY = ox.NamedNode(vocab.LISKG + "QuantityKind")
FORMATS = COMPARE_FORMATS
ROWS = COMPARE_ROWS
SI_PREFIXES = "yzafpnuµmcdhkMGTPEZY"
UNSTATED = "*"
UNSTATED_NOTE = "* no test condition stated in the review"
DOUBTFUL_NOTE = f"{DOUBTFUL} kept as printed in the review, doubted by the editors (the record's source note says why)"


@dataclass(frozen=True)
class Column:
    quantity: str
    unit: str
    multiplier: Decimal | None

    @property
    def heading(self) -> str:
        return f"{self.quantity} ({self.unit})" if self.unit else self.quantity


@dataclass
class Entry:
    """One reported number, as the compare query returns it."""

    measurement: str
    base: str
    study: str
    reference: int | None  # None for a paper outside the review, named by its DOI (source)
    section: str
    strategy: str
    quantity: str
    unit: str
    multiplier: Decimal | None
    numbers: dict[str, Decimal]  # value, minimum, maximum, baseline: those reported
    qualifier: str
    conditions: dict[str, str]
    baseline_qualifier: str = ""
    doubtful: bool = False  # kept as printed, doubted by the editors (liskg:doubtfulValue)
    electrolytes: tuple[str, ...] = ()  # the electrolyte materials it was measured on (or its strategy involves)
    source: str = ""  # the DOI IRI of a paper outside the review
    kind: str = ""  # the IRI of the quantity kind it measures

    @property
    def cited_as(self) -> str:
        """The 'ref' column: the review's reference number, or the DOI of a paper outside the review."""
        return str(self.reference) if self.reference is not None else self.source.replace("https://doi.org/", "doi:")


@dataclass
class Comparison:
    """The table: a heading line, the column headings and the rows of cell text, and its notes."""

    description: str
    headers: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    record_headers: list[str] = field(default_factory=list)  # the long form: one record per number (csv)
    records: list[list[str]] = field(default_factory=list)
    measurements: list[str] = field(default_factory=list)  # the IRIs of the numbers shown (and their baselines)

    def render(self, fmt: str, width: int | None = None) -> str:
        """The table in FMT; a table (for people) fitted to WIDTH, its heading and notes wrapped at spaces.
        CSV is the long form, for a spreadsheet: one line per number, labels, numbers and units apart."""
        if fmt == "csv":
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(self.record_headers)
            writer.writerows(self.records)
            return out.getvalue().rstrip("\n")
        if fmt == "md":
            return "\n\n".join([self.description + ":", markdown(self.headers, self.rows)] + self.notes)
        if fmt == "latex":
            return latex(self.headers, self.rows, self.description, self.notes)
        return "\n".join(
            [wrap.fill(self.description + ":", width), table(self.headers, self.rows, width=width)]
            + [wrap.fill(note, width, hang="  ") for note in self.notes]
        )


def unit_stem(symbol: str) -> str:
    """The unit symbol with any SI prefix of its first factor taken off: 'mS cm-1' -> 'S cm-1', 'µm' -> 'm'."""
    first, _, rest = symbol.partition(" ")
    if len(first) > 1 and first[0] in SI_PREFIXES:
        first = first[1:]
    return f"{first} {rest}".strip()


def convertible(a: Column | Entry, b: Column | Entry) -> bool:
    """Same quantity, and units that differ at most by an SI prefix, both with a conversion multiplier."""
    if a.quantity != b.quantity:
        return False
    if a.unit == b.unit:
        return True
    return a.multiplier is not None and b.multiplier is not None and unit_stem(a.unit) == unit_stem(b.unit)


def convert(number: Decimal, source: Decimal | None, target: Decimal | None) -> Decimal:
    """NUMBER in the unit of multiplier SOURCE, expressed in the unit of multiplier TARGET."""
    if source is None or target is None or source == target:
        return number
    return number * source / target


class Comparer:
    """The comparison over one store, evaluated in this process (a caller bounds the whole comparison)."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.labels = Labeller(store)
        self.names = Names(store)

    def select(self, *, interface=None, electrolyte=None, method=None, quantity=None) -> tuple[str, dict]:
        """A description of the selection and the VALUES to bind, from the names a person typed."""
        values, said = {}, []
        if interface:
            values["interface"] = [self.names.interface(interface)]
            said.append(f"at the {self.labels.text(values['interface'][0])}")
        if electrolyte:
            values["electrolyteClass"] = self.names.find("electrolyte class", electrolyte, ELECTROLYTE, classes=True)
            said.append("with " + " or ".join(self.labels.text(c) for c in values["electrolyteClass"]))
        if method:
            values["method"] = self.names.find("method", method, METHOD, classes=True)
            said.append("by " + " or ".join(self.labels.text(c) for c in values["method"]))
        if quantity:
            values["quantityKind"] = self.names.find("quantity", quantity, QUANTITY)
            said.append("measuring " + " or ".join(self.labels.text(c) for c in values["quantityKind"]))
        return "numbers of the studies " + (" ".join(said) if said else "in the graph"), values

    def electrolytes(self) -> dict[str, tuple[str, ...]]:
        """Measurement IRI -> the labels of the electrolyte materials it was measured on (else its strategy's)."""
        rows = runner.run(self.store, vocab.sparql("querying/sparql/compare-electrolytes.rq"), origin="compare").rows
        found: dict[str, list[str]] = defaultdict(list)
        for measurement, electrolyte in rows:
            found[measurement.value].append(self.labels.text(electrolyte))
        return {m: tuple(sorted(set(labels), key=str.lower)) for m, labels in found.items()}

    def entries(self, values: dict) -> list[Entry]:
        text = engine.bind(vocab.sparql("querying/sparql/compare-measurements.rq"), **values)
        result = runner.run(self.store, text, origin="compare-measurements")
        electrolytes = self.electrolytes()
        found = []
        for row in result.rows:
            cell = dict(zip(result.variables, row))
            numbers = {k: Decimal(cell[k].value) for k in ("value", "minimum", "maximum", "baseline") if cell[k]}
            conditions = {
                k: cell[k].value
                for k in (
                    "temperature",
                    "roomTemperature",
                    "cRate",
                    "currentDensity",
                    "pressure",
                    "sulfurLoading",
                    "cycles",
                )
                if cell[k] is not None
            }
            found.append(
                Entry(
                    measurement=cell["measurement"].value,
                    base=cell["base"].value if cell["base"] else "",
                    study=self.labels.text(cell["study"]),
                    reference=int(cell["reference"].value) if cell["reference"] else None,
                    source=cell["source"].value if cell["source"] else "",
                    section=cell["section"].value if cell["section"] else "",
                    strategy=self.labels.text(cell["strategy"]) if cell["strategy"] else "",
                    quantity=self.labels.text(cell["quantity"]),
                    unit=format_unit(self.labels.unit(cell["unit"])),
                    multiplier=Decimal(cell["multiplier"].value) if cell["multiplier"] else None,
                    numbers=numbers,
                    qualifier=self.labels.text(cell["qualifier"]),
                    conditions=conditions,
                    baseline_qualifier=self.labels.text(cell["baselineQualifier"]),
                    doubtful=cell["doubtful"] is not None and cell["doubtful"].value == "true",
                    electrolytes=electrolytes.get(cell["measurement"].value, ()),
                    kind=cell["quantity"].value,
                )
            )
        return found

    def compare(
        self,
        *,
        interface=None,
        electrolyte=None,
        method=None,
        quantity=None,
        rows: str = "study",
        units: tuple[str, ...] = (),
    ) -> Comparison:
        """The comparison table of the selected numbers; UNITS name the unit a column is shown in."""
        if rows not in ROWS:
            raise LiskgError(f"--rows must be one of {', '.join(ROWS)}, not {rows!r}")
        description, values = self.select(
            interface=interface, electrolyte=electrolyte, method=method, quantity=quantity
        )
        return self.table(description, self.entries(values), rows, units)

    def table(
        self, description: str, entries: list[Entry], rows: str = "study", units: tuple[str, ...] = ()
    ) -> Comparison:
        """The comparison of ENTRIES (as entries() returns them for a selection)."""
        if not entries:
            raise LiskgError(f"no numbers match: {description}")
        bases = {e.base for e in entries}
        entries = [e for e in entries if e.measurement not in bases]  # shown as the "before" of its "after"
        if rows == "study":  # a number two strategies of one study share is one number of the study
            entries = list({e.measurement: e for e in entries}.values())
        columns = choose_columns(entries, self.unit_multipliers(units))
        comparison = layout(description, entries, columns, rows)
        comparison.measurements = list(
            dict.fromkeys([e.measurement for e in entries] + [e.base for e in entries if e.base])
        )
        return comparison

    def by_quantity(self) -> dict[str, Comparison]:
        """The comparison of every quantity a number measures, by its label: what `liskg compare --quantity LABEL`
        shows, from one run of the query (the graph page's Compare tab)."""
        everything = self.entries({})
        broader: dict[str, set[str]] = defaultdict(set)
        for narrower, kind in runner.run(
            self.store, vocab.sparql("querying/sparql/compare-quantity-kinds.rq"), origin="compare-quantity-kinds"
        ).rows:
            broader[narrower.value].add(kind.value)
        tables = {}
        for label in sorted({e.quantity for e in everything}, key=str.lower):
            description, values = self.select(quantity=label)
            wanted = {kind.value for kind in values["quantityKind"]}
            chosen = [e for e in everything if broader[e.kind] & wanted]
            tables[label] = self.table(description, chosen)
        return tables

    def unit_multipliers(self, symbols: tuple[str, ...]) -> dict[str, Decimal]:
        """The conversion multiplier of each unit named by its symbol (as `liskg study` prints it)."""
        query = vocab.sparql("querying/sparql/compare-unit-multipliers.rq")
        rows = runner.run(self.store, query, origin="compare-unit-multipliers").rows
        known = {format_unit(s.value): Decimal(m.value) for s, m in rows}
        for symbol in symbols:
            if format_unit(symbol) not in known:
                raise LiskgError(
                    f"--unit {symbol!r}: no unit with a conversion factor has that symbol; "
                    f"known: {', '.join(sorted(k for k in known if k))}"
                )
        return {format_unit(s): known[format_unit(s)] for s in symbols}


def choose_columns(entries: list[Entry], wanted: dict[str, Decimal]) -> list[Column]:
    """One column per quantity and convertible family of units, in the unit asked for, else the unit most of
    its values have (ties: the first symbol in sort order)."""
    counts: dict[Column, int] = defaultdict(int)
    for entry in entries:
        counts[Column(entry.quantity, entry.unit, entry.multiplier)] += 1
    columns: list[Column] = []
    for candidate in sorted(counts, key=lambda c: (c.quantity.lower(), -counts[c], c.unit)):
        if not any(convertible(candidate, chosen) for chosen in columns):
            columns.append(candidate)
    for index, column in enumerate(columns):
        for symbol, multiplier in wanted.items():
            target = Column(column.quantity, symbol, multiplier)
            if convertible(column, target):
                columns[index] = target
    return sorted(columns, key=lambda c: (c.quantity.lower(), c.unit))


def cell_text(entry: Entry, column: Column, with_section: bool) -> str:
    """'5822 → 514' in the column's unit, the reported value in brackets when converted, conditions, mark."""

    def shown(name: str) -> str:
        return format_number(convert(entry.numbers[name], entry.multiplier, column.multiplier))

    qualifier = entry.qualifier
    if "value" in entry.numbers:
        value = shown("value")
    else:
        bounds = [n for n in ("minimum", "maximum") if n in entry.numbers]
        dash = "–" if all(entry.numbers[n] >= 0 for n in bounds) else " to "
        value = dash.join(shown(n) for n in bounds)
        if len(bounds) == 1 and not qualifier:  # a bound the review words no further
            qualifier = "at least" if bounds == ["minimum"] else "at most"
    text = " ".join(filter(None, (format_qualifier(qualifier), value, DOUBTFUL if entry.doubtful else "")))
    if "baseline" in entry.numbers:
        before = " ".join(filter(None, (format_qualifier(entry.baseline_qualifier), shown("baseline"))))
        text = f"{before} → {text}"
    if entry.unit != column.unit:
        reported = "–".join(
            format_number(entry.numbers[n]) for n in ("value", "minimum", "maximum") if n in entry.numbers
        )
        text += f" (as {reported} {entry.unit})"
    parts = condition_parts(entry.conditions)
    if parts:  # "at 60 °C, after 10 cycles", but "after 40 cycles" alone
        text += (" " if parts[0].startswith("after") else " at ") + ", ".join(parts)
    else:
        text += f" {UNSTATED}"
    if with_section and entry.section:
        text += f" §{entry.section}"
    return text


def sort_value(entry: Entry, column: Column) -> Decimal:
    """The number a row is sorted by in COLUMN's unit: the value, else a bound."""
    for name in ("value", "minimum", "maximum"):
        if name in entry.numbers:
            return convert(entry.numbers[name], entry.multiplier, column.multiplier)
    return Decimal(0)


# The long form (CSV): one record per number, in the table's order; numbers exact and plain, each unit and each
# condition in a column of its own, the value as reported beside a converted one.
CONDITION_HEADERS = {
    "temperature": "temperature (°C)",
    "roomTemperature": "room temperature",
    "cRate": "C-rate (C)",
    "currentDensity": "current density (mA cm⁻²)",
    "pressure": "pressure (MPa)",
    "sulfurLoading": "sulfur loading (mg cm⁻²)",
    "cycles": "cycles",
}
RECORD_NUMBERS = ("qualifier", "value", "minimum", "maximum", "baseline qualifier", "baseline", "unit")
RECORD_TAIL = ["reported value", "reported unit"] + list(CONDITION_HEADERS.values()) + ["doubtful", "measurement"]


def plain(number: Decimal) -> str:
    """A number as a spreadsheet reads it: no exponent, no trailing zeros ('0.000115', '5822')."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "") else text


def record_headers(rows: str) -> list[str]:
    head = ["study", "reference", "section"] + (["strategy"] if rows == "strategy" else []) + ["electrolyte"]
    return head + ["quantity"] + list(RECORD_NUMBERS) + RECORD_TAIL


def record(entry: Entry, column: Column, rows: str) -> list[str]:
    """ENTRY's line of the long form, its numbers in COLUMN's unit."""
    numbers = {n: plain(convert(v, entry.multiplier, column.multiplier)) for n, v in entry.numbers.items()}
    converted = entry.unit != column.unit
    reported = "–".join(plain(entry.numbers[n]) for n in ("value", "minimum", "maximum") if n in entry.numbers)
    conditions = [
        ("yes" if entry.conditions.get(name) == "true" else "")
        if name == "roomTemperature"
        else entry.conditions.get(name, "")
        for name in CONDITION_HEADERS
    ]
    head = [entry.study, str(entry.reference), entry.section] + ([entry.strategy] if rows == "strategy" else [])
    return (
        head
        + ["; ".join(entry.electrolytes), column.quantity, format_qualifier(entry.qualifier)]
        + [numbers.get(n, "") for n in ("value", "minimum", "maximum")]
        + [format_qualifier(entry.baseline_qualifier) if "baseline" in numbers else "", numbers.get("baseline", "")]
        + [column.unit, reported if converted else "", entry.unit if converted else ""]
        + conditions
        + ["yes" if entry.doubtful else "", entry.measurement]
    )


def layout(description: str, entries: list[Entry], columns: list[Column], rows: str) -> Comparison:
    """Group entries by study (or strategy) and column; a row with several values in a column takes as many
    lines, the first naming the study, reference and section; each line names the electrolytes measured.
    Rows are sorted by value within a quantity: by their first column with a value, then by that value
    (smallest first), and so are the lines of a row."""
    groups: dict[tuple, dict[int, list[Entry]]] = {}
    for entry in entries:
        cited = (entry.reference if entry.reference is not None else 0, entry.cited_as, entry.study)
        key = cited + ((entry.strategy or "(study as a whole)",) if rows == "strategy" else ())
        index = next(i for i, c in enumerate(columns) if convertible(entry, c))
        groups.setdefault(key, defaultdict(list))[index].append(entry)
    for cells in groups.values():
        for i, es in cells.items():
            es.sort(key=lambda e: (sort_value(e, columns[i]), e.measurement))
    used = sorted({i for cells in groups.values() for i in cells})
    head = ["study", "ref", "section"] + (["strategy"] if rows == "strategy" else []) + ["electrolyte"]
    result = Comparison(description, head + [columns[i].heading for i in used], record_headers=record_headers(rows))
    marked = False

    def order(key: tuple) -> tuple:
        first = min(groups[key])
        return (first, sort_value(groups[key][first][0], columns[first]), key)

    for key in sorted(groups, key=order):
        cells = groups[key]
        sections = sorted(
            {e.section for es in cells.values() for e in es if e.section},
            key=lambda s: [int(p) for p in s.split(".") if p.isdigit()],
        )
        several = len(sections) > 1
        height = max(len(es) for es in cells.values())
        for line in range(height):
            first = [str(key[2]), str(key[1]), ", ".join(sections)] + ([str(key[3])] if rows == "strategy" else [])
            row = first if line == 0 else [""] * len(first)
            measured = [m for i in used for e in cells.get(i, [])[line : line + 1] for m in e.electrolytes]
            row.append(", ".join(dict.fromkeys(measured)))
            for i in used:
                es = cells.get(i, [])
                if line < len(es):
                    result.records.append(record(es[line], columns[i], rows))
                text = cell_text(es[line], columns[i], several) if line < len(es) else ""
                marked = marked or text.endswith(UNSTATED) or f" {UNSTATED} §" in text
                row.append(text)
            result.rows.append(row)
    if marked:
        result.notes.append(UNSTATED_NOTE)
    if any(entry.doubtful for entry in entries):
        result.notes.append(DOUBTFUL_NOTE)
    return result


PLAIN_DIGITS = str.maketrans("⁻⁰¹²³⁴⁵⁶⁷⁸⁹", "-0123456789")
LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "→": r"$\rightarrow$",
    "Ω": r"$\Omega$",
    "µ": r"$\mu$",
    "°": r"\textdegree{}",
    "×": r"$\times$",
    "–": "--",
    "§": r"\S{}",
    "β": r"$\beta$",
    "≈": r"$\approx$",
}


SUPERSCRIPT_RUN = re.compile("[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def latex_escape(text: str) -> str:
    """Text for a LaTeX cell: specials escaped, Greek and arrows in math mode, 'cm⁻¹' as 'cm$^{-1}$'."""
    escaped = "".join(LATEX_SPECIALS.get(ch, ch) for ch in text)
    return SUPERSCRIPT_RUN.sub(lambda m: "$^{" + m.group(0).translate(PLAIN_DIGITS) + "}$", escaped)


def latex(headers: list[str], rows: list[list[str]], description: str, notes: list[str]) -> str:
    """A booktabs table (needs \\usepackage{booktabs,textcomp}) with the description as caption."""
    out = [
        r"\begin{table}",
        r"\centering",
        f"\\caption{{{latex_escape(description)}}}",
        r"\begin{tabular}{" + "l" * len(headers) + "}",
        r"\toprule",
        " & ".join(latex_escape(h) for h in headers) + r" \\",
        r"\midrule",
    ]
    out += [" & ".join(latex_escape(c) for c in row) + r" \\" for row in rows]
    out += [r"\bottomrule", r"\end{tabular}"]
    out += [f"\\par\\footnotesize {latex_escape(note)}" for note in notes]
    out.append(r"\end{table}")
    return "\n".join(out)
