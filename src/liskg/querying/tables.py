"""Render query results: for people (tables that fit the terminal, Markdown) and for programs (W3C formats).

For people, the cells are those of liskg.base.cells (labels, numbers with units, one column of
conditions), fitted to a width by liskg.querying.grid.
For programs, csv/tsv/json/xml are the SPARQL 1.1 Query Results formats as the engine writes them,
with raw IRIs and exact values (csv/tsv with labels=True add an `xLabel` column beside each IRI
column), and graph results (CONSTRUCT, DESCRIBE) are N-Triples or Turtle.
"""

from __future__ import annotations

import io

import pyoxigraph as ox

from liskg.base import vocab
from liskg.base.cells import human_rows
from liskg.base.engine import QueryResult
from liskg.base.errors import LiskgError
from liskg.base.formats import GRAPH_FORMATS, HUMAN_FORMATS, RESULT_FORMATS
from liskg.base.labels import REFERENCE_NUMBER, Labeller
from liskg.querying.grid import counted, markdown

RESULT_SYNTAX = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_SYNTAX = {"nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE}


def labelled(result: QueryResult, fmt: str, labeller: Labeller) -> str:
    """CSV or TSV with exact values and IRIs, plus an `xLabel` column after each column that holds IRIs and an
    `xRef` column (the reference number) after each that holds cited works; the page's export writes the same."""
    iri_columns = {i for i in range(len(result.variables)) if any(isinstance(r[i], ox.NamedNode) for r in result.rows)}

    def reference(term) -> str:
        number = labeller.lookup(term, REFERENCE_NUMBER) if isinstance(term, ox.NamedNode) else None
        return "" if number is None else str(number)

    ref_columns = {i for i in iri_columns if any(reference(r[i]) for r in result.rows)}
    header = []
    for i, name in enumerate(result.variables):
        header += [name] + ([f"{name}Label"] if i in iri_columns else []) + ([f"{name}Ref"] if i in ref_columns else [])
    import csv  # 1 ms at start-up: only csv and tsv output need it

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\r\n")
    writer.writerow(header)
    for row in result.rows:
        cells = []
        for i, term in enumerate(row):
            cells.append("" if term is None else term.value)
            if i in iri_columns:
                cells.append(labeller.text(term) if isinstance(term, ox.NamedNode) else "")
            if i in ref_columns:
                cells.append(reference(term))
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
        graph = ox.serialize(triples, format=GRAPH_SYNTAX[fmt], prefixes=vocab.PREFIXES)
        assert graph is not None  # serialized to bytes: no output was given
        return graph.decode().rstrip("\n")
    if fmt not in RESULT_FORMATS:
        raise LiskgError(
            f"--format {fmt} is for graph results; a {result.form.upper()} result takes "
            f"{', '.join(HUMAN_FORMATS + RESULT_FORMATS)}"
        )
    if result.form == "ask" and fmt in ("csv", "tsv"):
        return "true" if result.boolean else "false"
    if labels and fmt in ("csv", "tsv"):
        return labelled(result, fmt, labeller)
    serialized = ox.parse_query_results(result.data, format=ox.QueryResultsFormat.JSON).serialize(
        format=RESULT_SYNTAX[fmt]
    )
    assert serialized is not None  # serialized to bytes: no output was given
    return serialized.decode().rstrip("\r\n")
