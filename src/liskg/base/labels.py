"""Terms as people read them: an IRI by its rdfs:label, a number as researchers write it (liskg.base.numbers).

Every stage that shows a term to a person (the build's answers and SHACL report, the tables, the look-ups,
the graph page) names it through one Labeller, which looks labels and unit symbols up in a store.
"""

from __future__ import annotations

import pyoxigraph as ox

from liskg.base import vocab
from liskg.base.numbers import format_number

RDFS_LABEL = ox.NamedNode(vocab.RDFS_LABEL)
UNIT_SYMBOL = ox.NamedNode(vocab.LISKG + "unitSymbol")
REFERENCE_NUMBER = ox.NamedNode(vocab.LISKG + "referenceNumber")
FALLBACK_LABELS = {
    vocab.SKOS + "altLabel": "also called",
    vocab.SKOS + "definition": "definition",
    "http://www.w3.org/2000/01/rdf-schema#subClassOf": "a kind of",
    "http://www.w3.org/2002/07/owl#Class": "class",
}


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
            chosen = english or values
            self._cache[key] = chosen[0].value if chosen else None
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
