"""A query's answer as Python reads it (liskg.query returns one): rows of Cells, each with the RDF term, its
Python value and the label a person reads."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pyoxigraph as ox

from liskg.base import vocab
from liskg.base.engine import QueryResult
from liskg.base.labels import Labeller


@dataclass(frozen=True)
class Cell:
    """One value of a result row: the RDF term, its Python value, and the text a person reads."""

    term: ox.NamedNode | ox.BlankNode | ox.Literal | None
    value: object  # an IRI as str; int, Decimal, float, bool or str for a literal; None when unbound
    label: str  # rdfs:label of an IRI (else its prefixed name), a number without trailing zeros, the text


@dataclass(frozen=True)
class Answer:
    """A query's answer: rows (dicts of Cells by variable) for SELECT, triples as rows for CONSTRUCT, boolean for ASK."""

    form: str  # "select", "ask" or "graph"
    variables: list[str]
    rows: list[dict[str, Cell]]
    boolean: bool | None = None

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def labels(self) -> list[dict[str, str]]:
        """The rows as text people read (for a table or pandas.DataFrame)."""
        return [{name: cell.label for name, cell in row.items()} for row in self.rows]

    def values(self) -> list[dict[str, object]]:
        """The rows as Python values: IRIs as str, numbers as int, Decimal or float."""
        return [{name: cell.value for name, cell in row.items()} for row in self.rows]


def answer(result: QueryResult, labels: Labeller) -> Answer:
    """The Answer of an engine result, its IRIs named by LABELS."""
    rows = [
        {name: Cell(term, value(term), labels.text(term)) for name, term in zip(result.variables, row)}
        for row in result.rows
    ]
    return Answer(result.form, list(result.variables), rows, result.boolean)


def value(term) -> object:
    """A term as a Python value: an IRI as str, a blank node as _:id, a literal as int, Decimal, float or bool
    after its datatype (a malformed one keeps its text), None when unbound."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    datatype = term.datatype.value
    try:
        if datatype == vocab.XSD + "boolean":
            return term.value == "true" or term.value == "1"
        if datatype in (vocab.XSD + "double", vocab.XSD + "float"):
            return float(term.value)
        if datatype == vocab.XSD + "decimal":
            return Decimal(term.value)
        if datatype in vocab.NUMERIC_TYPES:
            return int(term.value)
    except (ArithmeticError, ValueError):  # a malformed literal keeps its text
        pass
    return term.value
