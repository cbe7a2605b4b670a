"""Helpers for the query tests: run a named query and compare answers as plain Python values."""

from __future__ import annotations

import re
import shlex
from decimal import Decimal

import pyoxigraph as ox

from liskg.base import named, runner
from liskg.base.vocab import NUMERIC_TYPES, shorten


def plain(term):
    """A pyoxigraph or rdflib term as a comparable value: compact IRI, Decimal (9 significant digits), bool or text."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode) or type(term).__name__ == "URIRef":
        return shorten(str(term.value if isinstance(term, ox.NamedNode) else term))
    datatype = term.datatype.value if isinstance(term, ox.Literal) else (str(term.datatype) if term.datatype else "")
    lexical = term.value if isinstance(term, ox.Literal) else str(term)
    if datatype in NUMERIC_TYPES:
        return Decimal(f"{Decimal(lexical):.9g}")
    if datatype.endswith("#boolean"):
        return lexical == "true"
    return lexical


def answer(project, store, name: str) -> set[tuple]:
    """The named query's answer on the store, as a set of plain-value tuples."""
    result = runner.run(store, named.named_queries(project)[name].text, timeout=60)
    return {tuple(plain(t) for t in row) for row in result.rows}


NUMBER = re.compile(r"-?\d+(\.\d+)?$")


def parse_rows(table: str) -> list[tuple]:
    """Answer rows written one per line, cells in the query's column order: prefixed IRIs (lkd:, liskg:,
    unit:), numbers, "quoted text", true/false, and - for unbound; lines starting with # are comments."""
    rows = []
    for line in table.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        cells = []
        for token in shlex.split(line, posix=False):
            if token == "-":
                cells.append(None)
            elif token in ("true", "false"):
                cells.append(token == "true")
            elif token.startswith('"'):
                cells.append(token[1:-1])
            elif NUMBER.match(token):
                cells.append(Decimal(f"{Decimal(token):.9g}"))
            else:
                cells.append(token)
        rows.append(tuple(cells))
    return rows
