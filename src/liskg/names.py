"""Finding things by what people call them: labels, synonyms, formulas, numerals, prefixed names and IRIs.

The one name resolver behind every command that takes a name (strategies, study, material, failure,
viz --focus) and the graph page's search. Matching is case-insensitive: whole-name matches win,
otherwise every name that contains the text; no match is an error that suggests close names.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import LiskgError
from liskg.query import engine
from liskg.query.tables import Labeller

NUMERALS = ("I", "II", "III", "IV")


class Names:
    """Name look-ups over one store, each query bounded by `timeout` seconds (None: in-process, no bound)."""

    def __init__(self, store: ox.Store, timeout: float | None = None):
        self.store = store
        self.timeout = timeout
        self.labels = Labeller(store)

    def _rows(self, needle: str, kind: ox.NamedNode | None, classes: bool) -> list[tuple]:
        values = {"needle": [ox.Literal(needle)]}
        if kind is not None:
            values.update(kind=[kind], classes=[ox.Literal(classes)])
        text = engine.bind(vocab.sparql("query/sparql/find-names.rq"), **values)
        return engine.run(self.store, text, timeout=self.timeout, origin="find-names").rows

    def named(self, text: str) -> list[ox.NamedNode]:
        """The things whose IRI or prefixed name (lkd:mat-llzo) is TEXT, when it is one."""
        iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
        prefix, _, local = iri.partition(":")
        if prefix in vocab.PREFIXES and local and not local.startswith("//"):
            iri = vocab.PREFIXES[prefix] + local
        node = ox.NamedNode(iri) if "://" in iri else None
        return [node] if node is not None and next(self.store.quads_for_pattern(node, None, None), None) else []

    def find(self, what: str, text: str, kind: ox.NamedNode | None = None, *, classes: bool = False,
             among: Collection[str] | None = None) -> list[ox.NamedNode]:
        """Things named TEXT, sorted by label: individuals of KIND (at any depth), or with classes=True KIND and its
        subclasses, or with no KIND anything named; AMONG limits them to those IRIs. WHAT names them in errors."""
        needle = engine.require_text(text, what).strip().lower()
        if not needle:
            raise LiskgError(f"name a {what}")
        rows = [r for r in self._rows(needle, kind, classes) if among is None or r[0].value in among]
        exact = [thing for thing, _name, is_exact in rows if is_exact.value == "true"]
        found = exact or [thing for thing, _name, _exact in rows]
        found = found or [n for n in self.named(text.strip()) if among is None or n.value in among]
        if found:
            return sorted(set(found), key=lambda t: (self.labels.text(t).lower(), t.value))
        names = {name.value for thing, name, _e in self._rows("", kind, classes) if among is None or thing.value in among}
        close = close_names(needle, names)
        hint = f"; close names: {', '.join(close)}" if close else ""
        raise LiskgError(f"no {what} is called {text!r}{hint}")

    def members(self, kind: ox.NamedNode) -> list[ox.NamedNode]:
        """Every named individual of KIND (at any depth of the class hierarchy), sorted by label."""
        found = {thing for thing, _name, _exact in self._rows("", kind, False)}
        return sorted(found, key=lambda t: (self.labels.text(t).lower(), t.value))

    def one(self, what: str, text: str, kind: ox.NamedNode | None = None, *, classes: bool = False,
            among: Collection[str] | None = None) -> ox.NamedNode:
        """The one thing named TEXT (see find); several is an error that lists them by LABEL."""
        found = self.find(what, text, kind, classes=classes, among=among)
        if len(found) > 1:
            shown = ", ".join(repr(self.labels.text(f)) for f in found[:5]) + (", …" if len(found) > 5 else "")
            raise LiskgError(f"{len(found)} {what}s match {text!r} ({shown}); give a whole name")
        return found[0]

    def interface(self, text: str) -> ox.NamedNode:
        """An interface by numeral (I-IV), label or synonym; 'Li/SSE' finds 'Li/SSE interface'.

        A Roman numeral must match whole: 'V' is not part of 'IV'."""
        upper = engine.require_text(text, "interface").strip().upper()
        if upper and set(upper) <= set("IVX") and upper not in NUMERALS:
            raise LiskgError(f"no interface has the numeral {text.strip()!r}; the review numbers them I to IV")
        found = self.find("interface", text, ox.NamedNode(vocab.LISKG + "Interface"))
        if len(found) > 1:
            names = ", ".join(self.labels.text(f) for f in found)
            raise LiskgError(f"{text!r} names several interfaces ({names}); use a numeral I-IV or a full name")
        return found[0]

    def studies(self, text: str) -> list[ox.NamedNode]:
        """Studies by reference number (67) or by label or author text (Sharafi)."""
        if engine.require_text(text, "study").strip().isdigit():
            query = engine.bind(vocab.sparql("query/sparql/find-study.rq"), number=[ox.Literal(int(text.strip()))])
            rows = engine.run(self.store, query, timeout=self.timeout, origin="find-study").rows
            if not rows:
                raise LiskgError(f"no study is cited as reference [{text.strip()}] in the graph")
            return [rows[0][0]]
        return self.find("study", text, ox.NamedNode(vocab.LISKG + "Study"))


def close_names(needle: str, names: Collection[str], limit: int = 5) -> list[str]:
    """Names that look like a misspelling of `needle`, as a whole or word by word, best first."""
    def similarity(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    words = needle.split()
    scored = []
    for name in names:
        lower = name.lower()
        by_words = sum(max(similarity(w, n) for n in lower.split()) for w in words) / len(words)
        score = max(similarity(needle, lower), by_words)
        if score >= 0.75:
            scored.append((-score, name))
    return [name for _score, name in sorted(scored)[:limit]]
