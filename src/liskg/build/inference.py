"""Materialize the inferences queries rely on, with SPARQL CONSTRUCT rules run to a fixpoint.

The rules (build/rules/rule-*.rq) are the RDFS entailments LiSKG's queries need (class and property
hierarchies, domains, ranges) plus OWL transitive properties and LiSKG's own derived links. They are
run by Oxigraph; bench/ compares them with owlrl's full OWL-RL closure, which is ten to a hundred
times slower here. Rules named rule-post-*.rq look at the closed graph (most specific types, "no
other link" defaults): they run once each, in name order, after the others reach their fixpoint.
"""

from __future__ import annotations

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import CheckFailed

MAX_ROUNDS = 20


def rule_queries() -> dict[str, str]:
    """The inference rules shipped with the package (build/rules/rule-*.rq), by file name."""
    return vocab.sparql_folder("build/rules", "rule-")


def materialize(store: ox.Store) -> int:
    """Add every triple the rules entail to the store's default graph; return how many were added."""
    rules = rule_queries()
    closing = [text for name, text in rules.items() if not name.startswith("rule-post-")]
    before = len(store)
    for _ in range(MAX_ROUNDS):
        size = len(store)
        for rule in closing:
            _add(store, rule)
        if len(store) == size:
            break
    else:
        raise CheckFailed(f"inference did not reach a fixpoint in {MAX_ROUNDS} rounds; a chain of transitive or "
                          "subclass links this long is likely a modelling error")
    for name, rule in rules.items():
        if name.startswith("rule-post-"):
            _add(store, rule)
    return len(store) - before


def _add(store: ox.Store, rule: str) -> None:
    store.extend([ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in store.query(rule)])
