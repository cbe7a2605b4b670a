"""Render query results: for people (aligned table, Markdown) and for programs (W3C result formats).

For people, IRIs are shown by their rdfs:label and numbers carry their unit: a column `xUnit` (or
`x_unit`) gives the unit of column `x`, and a column named `unit` gives the unit of the numeric
columns to its left back to the previous unit column; unit columns are then folded away. For
programs, csv/tsv/json/xml are the SPARQL 1.1 Query Results formats as the engine writes them, with
raw IRIs and values, and graph results (CONSTRUCT, DESCRIBE) are N-Triples or Turtle.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import LiskgError
from liskg.numbers import format_number
from liskg.query.engine import QueryResult

RDFS_LABEL = ox.NamedNode(vocab.RDFS_LABEL)
UNIT_SYMBOL = ox.NamedNode(vocab.LISKG + "unitSymbol")
FALLBACK_LABELS = {vocab.SKOS + "altLabel": "also called", vocab.SKOS + "definition": "definition"}
HUMAN_FORMATS = ("table", "md")
RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                  "json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML}
GRAPH_FORMATS = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
FORMATS = HUMAN_FORMATS + tuple(RESULT_FORMATS) + tuple(GRAPH_FORMATS)


def is_number(term) -> bool:
    return isinstance(term, ox.Literal) and term.datatype.value in vocab.NUMERIC_TYPES


class Labeller:
    """Turns terms into the text a person reads, looking labels and unit symbols up in the store."""

    def __init__(self, store: ox.Store):
        self.store = store
        self._cache: dict[tuple, str] = {}

    def _lookup(self, node, predicate) -> str | None:
        key = (node.value, predicate.value)
        if key not in self._cache:
            values = [q.object for q in self.store.quads_for_pattern(node, predicate, None)]
            english = [v for v in values if getattr(v, "language", None) == "en"]
            chosen = (english or values or [None])[0]
            self._cache[key] = chosen.value if chosen is not None else None
        return self._cache[key]

    def text(self, term) -> str:
        if term is None:
            return ""
        if isinstance(term, ox.NamedNode):
            return self._lookup(term, RDFS_LABEL) or FALLBACK_LABELS.get(term.value) or vocab.shorten(term.value)
        if isinstance(term, ox.BlankNode):
            return f"_:{term.value}"
        if is_number(term):
            return format_number(term.value)
        return str(term.value)

    def unit(self, term) -> str:
        if not isinstance(term, ox.NamedNode):
            return self.text(term)
        symbol = self._lookup(term, UNIT_SYMBOL)
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
    """Headers and cells as people read them: labels, numbers with units, unit columns folded away."""
    targets = _unit_targets(result.variables)
    keep = [i for i in range(len(result.variables)) if i not in targets]
    rows = []
    for row in result.rows:
        cells = [labeller.text(term) for term in row]
        for unit_index, columns in targets.items():
            symbol = labeller.unit(row[unit_index]) if row[unit_index] is not None else ""
            for column in columns:
                if symbol and is_number(row[column]):
                    cells[column] = f"{cells[column]} {symbol}"
        rows.append([cells[i] for i in keep])
    return [result.variables[i] for i in keep], rows


def table(headers: list[str], rows: list[list[str]]) -> str:
    """An aligned plain-text table; numbers right-aligned."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    numeric = [bool(rows) and all(_looks_numeric(r[i]) for r in rows if r[i]) for i in range(len(headers))]

    def line(cells):
        return "  ".join(c.rjust(w) if n else c.ljust(w) for c, w, n in zip(cells, widths, numeric)).rstrip()

    out = [line(headers), "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows]
    return "\n".join(out)


def _looks_numeric(cell: str) -> bool:
    try:
        Decimal(cell.split(" ", 1)[0])
        return True
    except InvalidOperation:
        return False


def markdown(headers: list[str], rows: list[list[str]]) -> str:
    def escape(cell: str) -> str:
        return cell.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(escape(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def render(result: QueryResult, fmt: str, store: ox.Store) -> str:
    """The result in one of FORMATS, as text ending without a newline."""
    if fmt in HUMAN_FORMATS:
        if result.form == "ask":
            return "true" if result.boolean else "false"
        headers, rows = human_rows(result, Labeller(store))
        if fmt == "md":
            return markdown(headers, rows)
        count = f"({len(rows)} row{'s' if len(rows) != 1 else ''})"
        return f"{table(headers, rows)}\n{count}"
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
    parsed = ox.parse_query_results(result.data, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=RESULT_FORMATS[fmt]).decode().rstrip("\r\n")
