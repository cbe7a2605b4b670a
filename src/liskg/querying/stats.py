"""Counts of what the graph holds: studies, strategies, materials by role, failure modes, measurements, claims."""

from __future__ import annotations

import pyoxigraph as ox

from liskg.base import engine, vocab


def _number(term) -> int:
    return int(term.value)


def counts(store: ox.Store) -> dict[str, int]:
    """The headline counts plus the triple count."""
    row = next(iter(engine.solutions(store, vocab.sparql("querying/sparql/stats-counts.rq"))))
    names = ["studies", "cited_analyses", "strategies", "materials", "failure_modes", "measurements", "claims", "cells"]
    result = {name: _number(row[name]) for name in names}
    result["triples"] = len(store)
    return result


def materials_by_role(store: ox.Store) -> list[tuple[str, int]]:
    return [
        (row["role"].value, _number(row["materials"]))
        for row in engine.solutions(store, vocab.sparql("querying/sparql/stats-materials-by-role.rq"))
    ]


def evidence_coverage(store: ox.Store) -> dict[str, int]:
    """On the asserted graph: the links the review must state (links), those citing sentences (stated) and the
    editors' inferences (inferred); the measurements and those citing sentences (measured)."""
    row = next(iter(engine.solutions(store, vocab.sparql("querying/sparql/stats-evidence.rq"))), None)
    names = ("links", "stated", "inferred", "measurements", "measured")
    return {name: _number(row[name]) if row is not None and row[name] is not None else 0 for name in names}


def numbers_per_quantity(store: ox.Store) -> list[tuple[str, int]]:
    """(quantity, how many numbers of it), most first."""
    return [
        (row["quantity"].value, _number(row["numbers"]))
        for row in engine.solutions(store, vocab.sparql("querying/sparql/stats-quantities.rq"))
    ]


def studies_per_interface_and_method(store: ox.Store) -> dict[str, dict[str, int]]:
    """Interface (review order) -> processing method family -> studies, zero included (the matrix chart's
    query, viz/sparql/chart-matrix.rq)."""
    matrix: dict[str, dict[str, int]] = {}
    for row in engine.solutions(store, vocab.sparql("viz/sparql/chart-matrix.rq")):
        matrix.setdefault(row["interfaceLabel"].value, {})[row["methodLabel"].value] = _number(row["count"])
    return matrix
