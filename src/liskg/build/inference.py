"""Materialize the inferences queries rely on, with SPARQL CONSTRUCT rules run to a fixpoint.

The rules (build/rules/rule-*.rq) are the RDFS entailments LiSKG's queries need (class and property
hierarchies, domains, ranges) plus OWL transitive properties. They are run by Oxigraph; bench/
compares them with owlrl's full OWL-RL closure, which is ten to a hundred times slower here.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import CheckFailed

MAX_ROUNDS = 20
# Rules whose conclusions feed others run first, so one round usually reaches the fixpoint and the
# second only confirms it; rules not named here run after these, by file name.
ORDER = ["rule-subclass-closure.rq", "rule-subproperty-values.rq", "rule-transitive-properties.rq",
         "rule-domain-types.rq", "rule-range-types.rq", "rule-subclass-types.rq"]


def rule_queries() -> dict[str, str]:
    """The inference rules shipped with the package (build/rules/rule-*.rq), by file name."""
    return vocab.sparql_folder("build/rules", "rule-")


def materialize(store: ox.Store) -> int:
    """Add every triple the rules entail to the store's default graph; return how many were added.

    Each CONSTRUCT rule runs as the SPARQL UPDATE `INSERT {template} WHERE {pattern}`, so the entailed
    triples go from Oxigraph's evaluation into the store without becoming Python objects."""
    found = rule_queries()
    names = [n for n in ORDER if n in found] + sorted(n for n in found if n not in ORDER)
    updates = [re.sub(r"(?m)^CONSTRUCT\b", "INSERT", found[name], count=1) for name in names]
    before = len(store)
    for _ in range(MAX_ROUNDS):
        size = len(store)
        for update in updates:
            store.update(update)
        if len(store) == size:
            return len(store) - before
    raise CheckFailed(f"inference did not reach a fixpoint in {MAX_ROUNDS} rounds; a chain of transitive or "
                      "subclass links this long is likely a modelling error")
