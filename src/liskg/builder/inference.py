"""Materialize the inferences queries rely on, with SPARQL CONSTRUCT rules run to a fixpoint.

The rules (build/rules/rule-*.rq) are the RDFS entailments LiSKG's queries need (class and property
hierarchies, domains, ranges) plus OWL transitive properties and LiSKG's own derived links. They are
run by Oxigraph; bench/ compares them with owlrl's full OWL-RL closure, which is ten to a hundred
times slower here. Rules named rule-post-*.rq look at the closed graph (most specific types, "no
other link" defaults): they run once each, in name order, after the others reach their fixpoint.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from liskg.base import vocab
from liskg.base.errors import CheckFailed

MAX_ROUNDS = 20
# Rules whose conclusions feed others run first, so one round usually reaches the fixpoint and the
# second only confirms it; rules not named here run after these, by file name.
ORDER = [
    "rule-subclass-closure.rq",
    "rule-subproperty-values.rq",
    "rule-transitive-properties.rq",
    "rule-domain-types.rq",
    "rule-range-types.rq",
    "rule-subclass-types.rq",
]
# Rules that feed only themselves and are cheap: each is repeated within a round until it adds nothing
# (a transitive shortcut doubles the chains it spans per run), so a long chain does not cost every
# rule another round.
REPEATED = {"rule-transitive-properties.rq"}


def rule_queries() -> dict[str, str]:
    """The inference rules shipped with the package (build/rules/rule-*.rq), by file name."""
    return vocab.sparql_folder("builder/rules", "rule-")


def materialize(store: ox.Store) -> int:
    """Add every triple the rules entail to the store's default graph; return how many were added:
    close() and then post_rules()."""
    return close(store) + post_rules(store)


def close(store: ox.Store) -> int:
    """Run the closing rules (every rule but rule-post-*.rq) to their fixpoint; return how many triples they added.

    Each CONSTRUCT rule runs as the SPARQL UPDATE `INSERT {template} WHERE {pattern}`, so the entailed
    triples go from Oxigraph's evaluation into the store without becoming Python objects."""
    found = rule_queries()
    closing = [n for n in ORDER if n in found] + sorted(n for n in found if n not in ORDER and not _is_post(n))
    before = len(store)
    for _ in range(MAX_ROUNDS):
        size = len(store)
        for name in closing:
            _run(store, found[name], repeat=name in REPEATED)
        if len(store) == size:
            return len(store) - before
    raise CheckFailed(
        f"inference did not reach a fixpoint in {MAX_ROUNDS} rounds; a chain of transitive or "
        "subclass links this long is likely a modelling error"
    )


def post_rules(store: ox.Store) -> int:
    """Run each rule-post-*.rq once, in name order, on the closed graph; return how many triples they added."""
    found = rule_queries()
    before = len(store)
    for name in sorted(n for n in found if _is_post(n)):
        store.update(_as_insert(found[name]))
    return len(store) - before


def _is_post(name: str) -> bool:
    return name.startswith("rule-post-")


def _run(store: ox.Store, rule: str, *, repeat: bool) -> None:
    """Run the rule once, or with REPEAT until a run adds nothing (len() of a store counts every triple:
    it is asked only for the repeated rules)."""
    size = len(store) if repeat else 0
    store.update(_as_insert(rule))
    while repeat and len(store) != size:
        size = len(store)
        store.update(_as_insert(rule))


def _as_insert(rule: str) -> str:
    return re.sub(r"(?m)^CONSTRUCT\b", "INSERT", rule, count=1)
