"""Render query results: for people (tables that fit the terminal, Markdown) and for programs (W3C formats).

For people, IRIs are shown by their rdfs:label and numbers as researchers write them (liskg.numbers):
a column `xUnit` (or `x_unit`) gives the unit of column `x`, and a column named `unit` gives the
unit of the numeric columns to its left back to the previous unit column; unit columns are then
folded away. A `qualifier` column joins the number to its right ("> 99 %"), a `baseline` column joins
`value` ("950 → 75 Ω cm²"), and condition columns (cRate, temperature, currentDensity, cycles) become
one `conditions` column; these answer columns move next to the first column. liskg.query.grid fits
the cells to a width.
For programs, csv/tsv/json/xml are the SPARQL 1.1 Query Results formats as the engine writes them,
with raw IRIs and exact values (csv/tsv with labels=True add an `xLabel` column beside each IRI
column), and graph results (CONSTRUCT, DESCRIBE) are N-Triples or Turtle.
"""

from __future__ import annotations

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import LiskgError
from liskg.numbers import format_conditions, format_number, format_ratio, format_unit, format_value
from liskg.query.engine import QueryResult
from liskg.query.formats import GRAPH_FORMATS, HUMAN_FORMATS, RESULT_FORMATS
from liskg.query.grid import ANSWER_COLUMNS, counted, markdown

RDFS_LABEL = ox.NamedNode(vocab.RDFS_LABEL)
UNIT_SYMBOL = ox.NamedNode(vocab.LISKG + "unitSymbol")
FALLBACK_LABELS = {
    vocab.SKOS + "altLabel": "also called",
    vocab.SKOS + "definition": "definition",
    "http://www.w3.org/2000/01/rdf-schema#subClassOf": "a kind of",
    "http://www.w3.org/2002/07/owl#Class": "class",
}
RESULT_SYNTAX = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_SYNTAX = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}
CONDITION_COLUMNS = {"crate": "crate", "temperature": "temperature", "currentdensity": "current", "cycles": "cycles"}


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
            base = name[:-5] if name[-5] == "_" else name[:-4]
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
    qualified = (
        next((i for i in range(qualifier + 1, len(names)) if i not in targets and i not in conditions), None)
        if qualifier is not None
        else None
    )
    folded = (
        set(targets)
        | set(conditions)
        | {i for i in (qualifier if qualified is not None else None, baseline, said) if i is not None}
    )
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
            cells["conditions"] = format_conditions(
                **{k: row[i].value for i, k in conditions.items() if row[i] is not None}
            )
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
        return markdown(headers, rows) if fmt == "md" else counted(headers, rows, width=width)
    if result.form == "graph":
        if fmt not in GRAPH_FORMATS:
            raise LiskgError(
                f"a CONSTRUCT or DESCRIBE result is a graph: choose --format {', '.join(HUMAN_FORMATS + GRAPH_FORMATS)}"
            )
        triples = ox.parse(result.data, format=ox.RdfFormat.N_TRIPLES)
        return ox.serialize(triples, format=GRAPH_SYNTAX[fmt], prefixes=vocab.PREFIXES).decode().rstrip("\n")
    if fmt not in RESULT_FORMATS:
        raise LiskgError(
            f"--format {fmt} is for graph results; a {result.form.upper()} result takes "
            f"{', '.join(HUMAN_FORMATS + RESULT_FORMATS)}"
        )
    if result.form == "ask" and fmt in ("csv", "tsv"):
        return "true" if result.boolean else "false"
    if labels and fmt in ("csv", "tsv"):
        return labelled(result, fmt, labeller)
    parsed = ox.parse_query_results(result.data, format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=RESULT_SYNTAX[fmt]).decode().rstrip("\r\n")
