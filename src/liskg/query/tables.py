"""Render query results: for people (tables that fit the terminal, Markdown) and for programs (W3C formats).

For people, IRIs are shown by their rdfs:label and numbers as researchers write them (liskg.numbers):
a column `xUnit` (or `x_unit`) gives the unit of column `x`, and a column named `unit` gives the
unit of the numeric columns to its left back to the previous unit column; unit columns are then
folded away. A `qualifier` column joins the number to its right ("> 99 %"), a `baseline` column joins
`value` ("950 → 75 Ω cm²"), and condition columns (cRate, temperature, currentDensity, cycles) become
one `conditions` column; these answer columns move next to the first column. A table is fitted to
a width by wrapping long cells within their column, and repeated cells of a group are shown once.
For programs, csv/tsv/json/xml are the SPARQL 1.1 Query Results formats as the engine writes them,
with raw IRIs and exact values (csv/tsv with labels=True add an `xLabel` column beside each IRI
column), and graph results (CONSTRUCT, DESCRIBE) are N-Triples or Turtle.
"""

from __future__ import annotations

import textwrap

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import LiskgError
from liskg.numbers import format_conditions, format_number, format_ratio, format_unit, format_value
from liskg.query.engine import QueryResult

RDFS_LABEL = ox.NamedNode(vocab.RDFS_LABEL)
UNIT_SYMBOL = ox.NamedNode(vocab.LISKG + "unitSymbol")
FALLBACK_LABELS = {vocab.SKOS + "altLabel": "also called", vocab.SKOS + "definition": "definition",
                   "http://www.w3.org/2000/01/rdf-schema#subClassOf": "a kind of",
                   "http://www.w3.org/2002/07/owl#Class": "class"}
HUMAN_FORMATS = ("table", "md")
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
GRAPH_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
FORMATS = HUMAN_FORMATS + tuple(RESULT_FORMATS) + tuple(GRAPH_FORMATS)
CONDITION_COLUMNS = {"crate": "crate", "temperature": "temperature", "currentdensity": "current", "cycles": "cycles"}
ANSWER_COLUMNS = ("quantity", "value", "conditions")
NUMBER_COLUMNS = ("value", "conditions")  # number and unit stay on one line
GAP = 2  # spaces between columns
NBSP = "\u00a0"


def is_number(term) -> bool:
    return isinstance(term, ox.Literal) and term.datatype.value in vocab.NUMERIC_TYPES


class Labeller:
    """Turns terms into the text a person reads, looking labels and unit symbols up in the store (or, made by
    remembering(), in the look-ups the build kept with a precomputed answer)."""

    def __init__(self, store: ox.Store | None):
        self.store = store
        self._cache: dict[tuple, str | None] = {}

    @classmethod
    def remembering(cls, known: dict[tuple[str, str], str]) -> Labeller:
        """A Labeller with no store that knows these (IRI, predicate IRI) -> value look-ups, and no others."""
        labeller = cls(None)
        labeller._cache.update(known)
        return labeller

    def lookup(self, node: ox.NamedNode, predicate: ox.NamedNode) -> str | None:
        """The node's value of the predicate (English first), or None."""
        key = (node.value, predicate.value)
        if key not in self._cache:
            values = [q.object for q in self.store.quads_for_pattern(node, predicate, None)] if self.store else []
            english = [v for v in values if getattr(v, "language", None) == "en"]
            chosen = (english or values or [None])[0]
            self._cache[key] = chosen.value if chosen is not None else None
        return self._cache[key]

    def text(self, term) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            return self.lookup(term, RDFS_LABEL) or FALLBACK_LABELS.get(term.value) or vocab.shorten(term.value)
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        if is_number(term):
            return format_number(term.value)
        return str(term.value)

    def unit(self, term) -> str:
        """The unit symbol as written (S cm-1); format_unit makes it S cm⁻¹."""
        if not isinstance(term, ox.NamedNode):
            return self.text(term)
        symbol = self.lookup(term, UNIT_SYMBOL)
        return symbol if symbol is not None else self.text(term)


def _unit_targets(variables: list[str]) -> dict[int, list[int]]:
    """Unit column index -> the column indexes whose numbers it qualifies."""
    targets: dict[int, list[int]] = {}
    start = 0
    for index, name in enumerate(variables):
        lowered = name.lower()
        if lowered == "unit":
            targets[index] = list(range(start, index))
            start = index + 1
        elif lowered.endswith("unit") and len(name) > 4:
            base = name[: -5] if name[-5] == "_" else name[: -4]
            if base in variables:
                targets[index] = [variables.index(base)]
            start = index + 1
    return targets


def human_rows(result: QueryResult, labeller: Labeller) -> tuple[list[str], list[list[str]]]:
    """Headers and cells as people read them: labels, numbers with units, answer columns first (see module)."""
    names = result.variables
    lowered = [n.lower() for n in names]
    targets = _unit_targets(names)
    unit_of = {column: unit for unit, columns in targets.items() for column in columns}
    conditions = {i: CONDITION_COLUMNS[n] for i, n in enumerate(lowered) if n in CONDITION_COLUMNS}
    qualifier = lowered.index("qualifier") if "qualifier" in lowered else None
    value = lowered.index("value") if "value" in lowered else None
    baseline = lowered.index("baseline") if "baseline" in lowered and value is not None else None
    said = lowered.index("baselinequalifier") if "baselinequalifier" in lowered and baseline is not None else None
    qualified = next((i for i in range(qualifier + 1, len(names)) if i not in targets and i not in conditions),
                     None) if qualifier is not None else None
    folded = set(targets) | set(conditions) | {i for i in (qualifier if qualified is not None else None, baseline, said)
                                               if i is not None}
    rows = []
    for row in result.rows:
        def number(i, row=row):
            term = row[i]
            if not is_number(term):
                return labeller.text(term)
            unit = labeller.unit(row[unit_of[i]]) if i in unit_of and row[unit_of[i]] is not None else None
            if lowered[i].endswith("factor"):
                return format_ratio(term.value)
            if lowered[i].endswith("percent"):
                return f"{format_number(term.value)} %"
            return format_value(term.value, unit)
        cells = {i: number(i) for i in range(len(names)) if i not in folded}
        if qualified is not None and row[qualifier] is not None and is_number(row[qualified]):
            cells[qualified] = _qualified(row, qualified, qualifier, unit_of, labeller)
        if baseline is not None and row[baseline] is not None and row[value] is not None:
            cells[value] = f"{_qualified(row, baseline, said, unit_of, labeller, unit=False)} → {cells[value]}"
        if conditions:
            cells["conditions"] = format_conditions(**{k: row[i].value for i, k in conditions.items() if row[i] is not None})
        rows.append(cells)
    keys = [i for i in range(len(names)) if i not in folded] + (["conditions"] if conditions else [])
    headers = {i: names[i] for i in keys if i != "conditions"} | ({"conditions": "conditions"} if conditions else {})
    answer = [k for k in keys if headers[k].lower() in ANSWER_COLUMNS]
    order = keys[:1] + [k for k in answer if k != keys[0]] + [k for k in keys[1:] if k not in answer]
    return [headers[k] for k in order], [[cells[k] for k in order] for cells in rows]


def _qualified(row, i: int, qualifier: int | None, unit_of: dict, labeller: Labeller, *, unit: bool = True) -> str:
    unit = labeller.unit(row[unit_of[i]]) if unit and i in unit_of and row[unit_of[i]] is not None else None
    said = row[qualifier].value if qualifier is not None and row[qualifier] is not None else None
    return format_value(row[i].value, unit, qualifier=said)


def table(headers: list[str], rows: list[list[str]], *, width: int | None = None) -> str:
    """An aligned plain-text table, numbers right-aligned; without WIDTH, one line per row.

    With WIDTH no line is longer than WIDTH: long cells wrap within their column, a group's repeated
    leading cells are shown once, and while the columns cannot fit without breaking words the longest
    text columns move out of the grid to an indented line under each row."""
    if not width or len(headers) < 2 or _natural_width(headers, rows) <= width:
        return _grid(headers, rows, None)
    rows = _blank_repeats(headers, rows)
    detail: list[int] = []
    text = [i for i, h in enumerate(headers[1:], 1) if h.lower() not in ANSWER_COLUMNS]
    longest = {i: max((len(r[i]) for r in rows), default=0) for i in text}
    top = max(longest.values(), default=0)  # of columns about as long, the rightmost goes first: it reads last
    text.sort(key=lambda i: (-(longest[i] >= 0.8 * top), -i if longest[i] >= 0.8 * top else -longest[i]))
    while text and len(headers) - len(detail) > 3:
        keep = [i for i in range(len(headers)) if i not in detail]
        floors = _floors([headers[i] for i in keep], [[r[i] for i in keep] for r in rows])[1]
        if sum(floors) + GAP * (len(keep) - 1) <= width:
            break
        detail.append(text.pop(0))
    return _grid(headers, rows, width, detail)


def _natural_width(headers: list[str], rows: list[list[str]]) -> int:
    return sum(max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)) + GAP * (len(headers) - 1)


def _grid(headers: list[str], rows: list[list[str]], width: int | None, detail: list[int] = ()) -> str:
    keep = [i for i in range(len(headers)) if i not in detail]
    grid_headers, grid_rows = [headers[i] for i in keep], [[r[i] for i in keep] for r in rows]
    natural = [max([len(h)] + [len(r[i]) for r in grid_rows]) for i, h in enumerate(grid_headers)]
    numeric = [bool(rows) and all(_looks_numeric(r[i]) for r in grid_rows if r[i]) for i in range(len(keep))]
    joined = [h.lower() in NUMBER_COLUMNS for h in grid_headers]
    widths = _fit(grid_headers, grid_rows, natural, width) if width else natural

    def lines(cells: list[str]) -> list[str]:
        parts = [[p.replace(NBSP, " ") for p in textwrap.wrap(_joined(c) if j else c, w, break_on_hyphens=False)]
                 or [""] for c, w, j in zip(cells, widths, joined)]
        return ["  ".join((p[k] if k < len(p) else "").rjust(w) if n else (p[k] if k < len(p) else "").ljust(w)
                          for p, w, n in zip(parts, widths, numeric)).rstrip()
                for k in range(max(len(p) for p in parts))]

    def under(cells: list[str]) -> list[str]:
        said = [c if k == 0 else f"{headers[i]}: {c}" for k, (i, c) in enumerate(zip(detail, cells)) if c]
        return textwrap.wrap("; ".join(said), width, initial_indent="    ", subsequent_indent="    ",
                             break_on_hyphens=False)

    out = lines(grid_headers) + (under(["↳ " + "; ".join(headers[i] for i in detail)]) if detail else [])
    out.append("  ".join("-" * w for w in widths))
    spaced = width is not None and any(not r[0] for r in rows) and (bool(detail) or widths != natural)
    for row, grid_row in zip(rows, grid_rows):
        if spaced and row[0] and len(out) > 2 + bool(detail):
            out.append("")
        out += lines(grid_row)
        if detail:
            out += under([row[i] for i in detail])
    return "\n".join(out)


def _floors(headers: list[str], rows: list[list[str]]) -> tuple[list[int], ...]:
    """The widths _fit shrinks columns to, in turn: text columns to their longest word (at most 18), then the
    number columns to theirs, then text columns to their header's longest word (at least 6), then all to 4."""
    natural = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    number = [h.lower() in NUMBER_COLUMNS for h in headers]
    words = [min(n, max(8, min(18, _longest_word(headers[i], rows, i)))) for i, n in enumerate(natural)]
    heads = [min(n, max([6] + [len(w) for w in h.split()])) for n, h in zip(natural, headers)]
    return ([n if a else w for n, w, a in zip(natural, words, number)], words,
            [w if a else h for w, h, a in zip(words, heads, number)], [min(n, 4) for n in natural])


def _fit(headers: list[str], rows: list[list[str]], natural: list[int], width: int) -> list[int]:
    """Column widths summing (with the gaps) to at most WIDTH, taking one character at a time from the column
    where that adds the fewest wrapped lines, down to each of the _floors in turn."""
    room = width - GAP * (len(headers) - 1)
    number = [h.lower() in NUMBER_COLUMNS for h in headers]
    words = [[[len(w) for w in (_joined(r[i]) if number[i] else r[i]).split(" ") if w] for r in rows]
             for i in range(len(headers))]
    counts: dict[tuple[int, int], list[int]] = {}

    def lines(i: int, w: int) -> list[int]:
        if (i, w) not in counts:
            counts[i, w] = [_line_count(cell, w) for cell in words[i]]
        return counts[i, w]

    def height(widths: list[int]) -> int:
        return sum(map(max, zip(*(lines(i, w) for i, w in enumerate(widths))))) if rows else 0

    widths = list(natural)
    for floor in _floors(headers, rows):
        while sum(widths) > room:
            shrinkable = [i for i in range(len(widths)) if widths[i] > floor[i]]
            if not shrinkable:
                break
            def cost(i: int) -> tuple[int, int]:
                return height(widths[:i] + [widths[i] - 1] + widths[i + 1:]), -widths[i]
            widths[min(shrinkable, key=cost)] -= 1
    return widths


def _line_count(words: list[int], width: int) -> int:
    """How many lines textwrap.wrap makes of words of these lengths at WIDTH: a word longer than WIDTH
    first fills what is left of the current line, then whole lines."""
    lines, used = 1, 0
    for length in words:
        if used and used + 1 + length <= width:
            used += 1 + length
            continue
        if used and length > width:
            length -= max(0, width - used - 1)
        if used:
            lines, used = lines + 1, 0
        while length > width:
            length -= width
            lines += 1
        used = length
    return lines


def _longest_word(header: str, rows: list[list[str]], i: int) -> int:
    joined = header.lower() in NUMBER_COLUMNS
    return max([len(w) for w in header.split(" ")] +  # not split(): that would break at the no-break spaces too
               [len(w) for r in rows for w in (_joined(r[i]) if joined else r[i]).split(" ")])


def _joined(cell: str) -> str:
    """An answer cell whose number and unit stay on one line: it breaks only after '→' and between conditions."""
    return cell.replace(" ", NBSP).replace(f"{NBSP}→{NBSP}", f"{NBSP}→ ").replace(f",{NBSP}", ", ")


def _blank_repeats(headers: list[str], rows: list[list[str]]) -> list[list[str]]:
    """Rows with the leading non-answer cells that repeat the row above left blank (a group shows them once)."""
    out, previous = [], None
    keep = [h.lower() in ANSWER_COLUMNS for h in headers]
    for row in rows:
        shown = list(row)
        if previous is not None:
            for i, cell in enumerate(row):
                if keep[i]:
                    continue
                if cell != previous[i]:
                    break
                shown[i] = ""
        out.append(shown)
        previous = row
    return out


def _looks_numeric(cell: str) -> bool:
    first = cell.split(" ", 1)[0].replace("−", "-")
    return first[:1].isdigit() or (first[:1] in "-<>≈≤≥" and len(first) > 1 and first[1:2].isdigit())


def markdown(headers: list[str], rows: list[list[str]]) -> str:
    def escape(cell: str) -> str:
        return cell.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(escape(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def labelled(result: QueryResult, fmt: str, labeller: Labeller) -> str:
    """CSV or TSV with exact values and IRIs, plus an `xLabel` column after each column that holds IRIs."""
    iri_columns = {i for i in range(len(result.variables)) if any(isinstance(r[i], ox.NamedNode) for r in result.rows)}
    header = []
    for i, name in enumerate(result.variables):
        header += [name, f"{name}Label"] if i in iri_columns else [name]
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\r\n")
    writer.writerow(header)
    for row in result.rows:
        cells = []
        for i, term in enumerate(row):
            cells.append("" if term is None else term.value)
            if i in iri_columns:
                cells.append(labeller.text(term) if isinstance(term, ox.NamedNode) else "")
        writer.writerow(cells)
    return buffer.getvalue().rstrip("\r\n")


def render(result: QueryResult, fmt: str, labeller: Labeller, *, width: int | None = None, labels: bool = False) -> str:
    """The result in one of FORMATS, as text ending without a newline, IRIs named by LABELLER. WIDTH fits a
    table to that many columns (None: one line per row); LABELS adds label columns to csv and tsv."""
    if fmt in HUMAN_FORMATS:
        if result.form == "ask":
            return "true" if result.boolean else "false"
        headers, rows = human_rows(result, labeller)
        if fmt == "md":
            return markdown(headers, rows)
        count = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
        return f"{table(headers, rows, width=width)}\n{count}"
    if result.form == "graph":
        if fmt not in GRAPH_FORMATS:
            raise LiskgError(f"a CONSTRUCT or DESCRIBE result is a graph: choose --format "
                             f"{', '.join(HUMAN_FORMATS + tuple(GRAPH_FORMATS))}")
        triples = ox.parse(result.data, format=ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=GRAPH_FORMATS[fmt], prefixes=vocab.PREFIXES).decode().rstrip("\n")
    if fmt not in RESULT_FORMATS:
        raise LiskgError(f"--format {fmt} is for graph results; a {result.form.upper()} result takes "
                         f"{', '.join(HUMAN_FORMATS + tuple(RESULT_FORMATS))}")
    if result.form == "ask" and fmt in ("csv", "tsv"):
        return "true" if result.boolean else "false"
    if labels and fmt in ("csv", "tsv"):
        return labelled(result, fmt, labeller)
    parsed = ox.parse_query_results(result.data, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=RESULT_FORMATS[fmt]).decode().rstrip("\r\n")
