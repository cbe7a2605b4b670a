"""Finding things by what people call them: labels, synonyms, formulas, numerals, prefixed names and IRIs.

The one name resolver behind every command that takes a name (strategies, study, material, failure,
method, viz --focus) and the graph page's search. Matching ignores case and sub/superscripts
(Li₇La₃Zr₂O₁₂ is Li7La3Zr2O12): whole-name matches win, otherwise every name that contains the text;
among classes, one that is broader than every other match stands for them all. Several matches is
an error listing the candidates; none is an error suggesting close names. Studies are found by
reference number, DOI or first author, never by the chemistry in their labels.

Template sheets (liskg.sources.templates) ask for whole names only (exact): a cell never takes part of a
name, and a name two things share is an error listing them. Units are found by their symbol as people
write it (mS/cm, Ω cm2, mAh g-1; unit), and the review's sentences by their IRI or a short quote (sentence).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

import pyoxigraph as ox

from liskg.base import engine, runner, vocab
from liskg.base.errors import LiskgError
from liskg.base.labels import Labeller
from liskg.base.numbers import unit_symbol

NUMERALS = ("I", "II", "III", "IV")
MATERIAL = vocab.LISKG + "Material"
UNIT = vocab.LISKG + "UnitOfMeasure"
SENTENCE = vocab.LISKG + "Sentence"
QUOTED_TEXT = ox.NamedNode(vocab.LISKG + "quotedText")
DOI = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
SENTENCE_ID = re.compile(r"^(?:lkd:)?(?:sent-)?((?:abstract|fig|table|\d+)(?:-\d+)+)$")


def doi_of(text: str) -> str | None:
    """The DOI TEXT gives (10.5555/x from 'doi:10.5555/x' or 'https://doi.org/10.5555/x'), lower-cased as DOIs
    compare, or None."""
    match = DOI.match(text.strip())
    return match.group(1).lower() if match else None


def normalize(text: str) -> str:
    """Text as names are compared: NFKC (subscripts and superscripts as digits), one minus sign, case-folded,
    single spaces."""
    folded = unicodedata.normalize("NFKC", text).replace("\u2212", "-").casefold()
    return " ".join(folded.split())


@dataclass(frozen=True)
class Kind:
    """What a template cell of one kind names: individuals of CLASSES (at any depth), classes under them, or both
    (individuals first), tried in this order; WHAT is one of them in messages, NEW says where a missing one goes."""

    what: str
    classes: tuple[str, ...]
    individuals: bool
    subclasses: bool
    new: str = ""
    glossed: bool = False  # a name nothing has lists the kinds that share its last word, each with its definition


# The names a template cell takes, by kind (`liskg names KIND` lists them): Names.term resolves a cell of one kind,
# Names.accepted lists what it accepts; units (Names.unit) and material roles (Names.role) are looked up their own
# way and listed with them.
KINDS: dict[str, Kind | None] = {
    "quantities": Kind(
        "quantity kind",
        ("QuantityKind",),
        True,
        True,
        "a new quantity kind is a subclass added in ontology/quantities.ttl (docs/extending.md, "
        '"When the graph lacks a name")',
        glossed=True,
    ),
    "units": None,
    "materials": Kind("material", ("Material",), True, False, "a new material goes on materials.tsv"),
    "material-classes": Kind("material class", ("Material",), False, True),
    "roles": None,
    "methods": Kind("processing method", ("ProcessingMethod", "CoatingTechnique"), False, True),
    "interfaces": Kind("interface", ("Interface",), True, False),
    "failure-modes": Kind("failure mode", ("FailureMode",), True, False),
    "cell-formats": Kind("cell format", ("Cell",), False, True),
}


def listed_by(kind: str) -> str:
    """'`liskg names KIND` lists them': the next step of an error about a name of KIND."""
    return f"`liskg names {kind}` lists them"


@dataclass(frozen=True)
class Understood:
    """What a name was taken to mean: CLASSES (with their narrower classes) or MATERIALS (with what is made
    from them), and a phrase saying so."""

    classes: tuple = ()
    materials: tuple = ()
    said: str = ""


class Names:
    """Name look-ups over one store, evaluated in this process (a caller bounds the whole look-up)."""

    def __init__(self, store: ox.Store, entered: Collection[str] = ()):
        self.store = store
        self.entered = entered  # IRIs a template sheet added: their other names never yield to a label (exact)
        self.labels = Labeller(store)
        self._cache: dict[tuple, list] = {}
        self._sentences: list[tuple[ox.NamedNode, str]] | None = None

    def refresh(self) -> None:
        """Forget every name looked up so far: the store has grown (template sheets add things as they compile)."""
        self._cache.clear()
        self.labels = Labeller(self.store)

    def _rows(self, needle: str, kind: ox.NamedNode | None, classes: bool) -> list[tuple]:
        values: dict[str, list[ox.NamedNode | ox.Literal]] = {"needle": [ox.Literal(needle)]}
        if kind is not None:
            values.update(kind=[kind], classes=[ox.Literal(classes)])
        text = engine.bind(vocab.sparql("base/sparql/find-names.rq"), **values)
        return runner.run(self.store, text, origin="find-names").rows

    def named(self, text: str) -> list[ox.NamedNode]:
        """The things whose IRI or prefixed name (lkd:mat-llzo) is TEXT, when it is one."""
        iri = text[1:-1] if text.startswith("<") and text.endswith(">") else text
        prefix, _, local = iri.partition(":")
        if prefix in vocab.PREFIXES and local and not local.startswith("//"):
            iri = vocab.PREFIXES[prefix] + local
        node = ox.NamedNode(iri) if "://" in iri else None
        return [node] if node is not None and next(self.store.quads_for_pattern(node, None, None), None) else []

    def _named(self, kind: ox.NamedNode | None, classes: bool) -> list[tuple[ox.NamedNode, str]]:
        key = (kind.value if kind is not None else None, classes)
        if key not in self._cache:
            self._cache[key] = [(thing, name.value) for thing, name, _e in self._rows("", kind, classes)]
        return self._cache[key]

    def matches(
        self,
        text: str,
        kind: ox.NamedNode | None = None,
        *,
        classes: bool = False,
        among: Collection[str] | None = None,
    ) -> tuple[list[ox.NamedNode], bool]:
        """(things named TEXT, whether by a whole name): whole-name matches, else names containing TEXT."""
        needle = normalize(text)
        named = [(t, normalize(n)) for t, n in self._named(kind, classes) if among is None or t.value in among]
        exact = {t for t, n in named if n == needle}
        found = exact or {t for t, n in named if needle in n}
        return self._sorted(found), bool(exact)

    def _sorted(self, things) -> list[ox.NamedNode]:
        return sorted(set(things), key=lambda t: (self.labels.text(t).lower(), t.value))

    def find(
        self,
        what: str,
        text: str,
        kind: ox.NamedNode | None = None,
        *,
        classes: bool = False,
        among: Collection[str] | None = None,
    ) -> list[ox.NamedNode]:
        """Things named TEXT, sorted by label: individuals of KIND (at any depth), or with classes=True KIND and its
        subclasses, or with no KIND anything named; AMONG limits them to those IRIs. WHAT names them in errors."""
        if not normalize(engine.require_text(text, what)):
            raise LiskgError(f"name a {what}")
        found, _exact = self.matches(text, kind, classes=classes, among=among)
        found = found or [n for n in self.named(text.strip()) if among is None or n.value in among]
        if found:
            return found
        raise LiskgError(f"no {what} is called {text!r}{self.suggest(text, kind, classes=classes, among=among)}")

    def suggest(
        self,
        text: str,
        kind: ox.NamedNode | None = None,
        *,
        classes: bool = False,
        among: Collection[str] | None = None,
    ) -> str:
        """'; close names: A, B' for a name that found nothing (or '')."""
        names = {n for t, n in self._named(kind, classes) if among is None or t.value in among}
        close = close_names(normalize(text), names)
        return f"; close names: {', '.join(close)}" if close else ""

    def exact(self, what: str, text: str, kind: ox.NamedNode | None = None, *, classes: bool = False) -> ox.NamedNode:
        """The one thing whose whole name (label, synonym or formula, compared as normalize() does) is TEXT: what
        a template cell names, or its prefixed name (lkd:mat-zno); the label of one thing wins over another's
        synonym or formula unless a sheet gave that name (entered). None is an error listing the names that contain
        TEXT or look like it, and a name several things share an error listing them by label and IRI, never a
        guess."""
        if not normalize(engine.require_text(text, what)):
            raise LiskgError(f"name a {what}")
        iri = next((n for n in self.named(text.strip()) if any(t == n for t, _n in self._named(kind, classes))), None)
        if iri is not None:
            return iri
        found, whole = self.matches(text, kind, classes=classes)
        labelled = [f for f in found if normalize(self.labels.text(f)) == normalize(text)] if whole else []
        # labels are unique: one thing's label beats another's synonym or formula, unless a sheet gave that other
        # name (a new material whose formula is an old one's label): then the sheet may mean either
        newer = [f for f in found if f not in labelled and f.value in self.entered]
        if (whole and len(found) == 1) or (len(labelled) == 1 and not newer):
            return (labelled or found)[0]
        if whole:
            shown = ", ".join(f"{self.labels.text(f)!r} ({vocab.shorten(f.value)})" for f in found[:8])
            hint = "write the label of the one you mean"
            if labelled:
                iri = labelled[0]
                others = [n for _t, n in self._named(kind, classes) if _t == iri and normalize(n) != normalize(text)]
                others = [
                    n for n in sorted(set(others), key=str.lower) if len(self.matches(n, kind, classes=classes)[0]) == 1
                ]
                hint += f", or for {vocab.shorten(iri.value)} {' or '.join(repr(n) for n in [*others, vocab.shorten(iri.value)])}"
            raise LiskgError(f"{len(found)} {what}s are called {text!r}: {shown}; {hint}")
        if found:
            shown = ", ".join(repr(self.labels.text(f)) for f in found[:6]) + (", …" if len(found) > 6 else "")
            raise LiskgError(f"no {what} is called {text!r}; names that contain it: {shown}")
        raise LiskgError(f"no {what} is called {text!r}{self.suggest(text, kind, classes=classes)}")

    def term(self, kind: str, text: str) -> ox.NamedNode:
        """The one thing of KIND (a key of KINDS) whose whole name is TEXT (see exact): what a template cell names.
        A name nothing has is an error saying how to list the names of KIND, and where a new one goes."""
        spec = KINDS[kind]
        assert spec is not None, kind
        first: LiskgError | None = None
        for local in spec.classes:
            for classes in [False] * spec.individuals + [True] * spec.subclasses:
                try:
                    return self.exact(spec.what, text, ox.NamedNode(vocab.LISKG + local), classes=classes)
                except LiskgError as exc:
                    first = first or exc
        assert first is not None
        message = str(first)
        if message.startswith(f"no {spec.what} is called"):
            sharing = self.sharing_head(text, spec) if spec.glossed else ""
            message = f"no {spec.what} is called {text!r}; {sharing}" if sharing else message
            message += "; " + "; ".join(filter(None, [listed_by(kind), spec.new]))
        raise LiskgError(message) from None

    def sharing_head(self, text: str, spec: Kind) -> str:
        """'the kinds of temperature: operating temperature (temperature at which a cell is tested), process
        temperature (…)': every current thing of SPEC whose label ends in TEXT's last word (a name of two words
        or more), with the first words of its definition, so that a reader picks by meaning, not spelling
        ('evaporation temperature' looks like 'operating temperature' and is a process temperature); '' when
        none."""
        words = normalize(text).split()
        if len(words) < 2:
            return ""
        found: dict[str, ox.NamedNode] = {}
        for local in spec.classes:
            for classes in [False] * spec.individuals + [True] * spec.subclasses:
                for thing, _name in self._named(ox.NamedNode(vocab.LISKG + local), classes):
                    label = self.labels.text(thing)
                    if normalize(label).split()[-1:] == words[-1:] and not self._deprecated(thing):
                        found[label] = thing
        if not found:
            return ""
        shown = ", ".join(f"{label} ({self._gloss(found[label])})" for label in sorted(found, key=str.lower))
        return f"the kinds of {words[-1]}: {shown}"

    def _deprecated(self, thing: ox.NamedNode) -> bool:
        quad = next(self.store.quads_for_pattern(thing, ox.NamedNode(vocab.OWL + "deprecated"), None), None)
        return quad is not None and isinstance(quad.object, ox.Literal) and quad.object.value == "true"

    def _gloss(self, thing: ox.NamedNode, words: int = 10) -> str:
        """The first sentence of THING's definition up to its first comma, lower-cased at its start, cut after WORDS
        words."""
        quad = next(self.store.quads_for_pattern(thing, ox.NamedNode(vocab.SKOS + "definition"), None), None)
        if quad is None or not isinstance(quad.object, ox.Literal):
            return "no definition"
        sentence = quad.object.value.split(". ")[0].split(", ")[0].rstrip(".").split()
        first = sentence[0] if sentence[0][1:2].isupper() else sentence[0][:1].lower() + sentence[0][1:]
        return " ".join([first, *sentence[1:words]]) + (" …" if len(sentence) > words else "")

    def accepted(self, kind: str) -> list[tuple[str, list[str]]]:
        """What a template cell of KIND (a key of KINDS) accepts: each thing's label and its other names (a unit's
        symbol first, then synonyms, formulas, numerals), sorted by label; for a kind of classes, the classes
        under its root (a cell format is a pouch cell, never 'cell')."""
        if kind == "roles":
            rows = runner.run(self.store, vocab.sparql("base/sparql/find-roles.rq"), origin="find-roles").rows
            roles = {label.value.removeprefix("uses ") for _role, label in rows}
            return sorted(((role, []) for role in roles), key=_by_label)
        spec = KINDS[kind]
        groups = (
            [(UNIT, False)]
            if spec is None
            else [
                (vocab.LISKG + local, classes)
                for local in spec.classes
                for classes in [False] * spec.individuals + [True] * spec.subclasses
            ]
        )
        names: dict[str, list[str]] = {}
        for root, classes in groups:
            for thing, name in self._named(ox.NamedNode(root), classes):
                if not (classes and thing.value == root):
                    names.setdefault(thing.value, []).append(name)
        listed: dict[str, list[str]] = {}
        for iri, found in names.items():
            thing = ox.NamedNode(iri)
            label = self.labels.text(thing)
            first = [self.labels.unit(thing)] if spec is None else []
            others = listed.setdefault(label, [])
            seen = {normalize(n) for n in [label, *others]}
            for name in [*first, *sorted(found, key=str.lower)]:
                if normalize(name) not in seen:
                    seen.add(normalize(name))
                    others.append(name)
        return sorted(listed.items(), key=_by_label)

    def unit(self, text: str) -> ox.NamedNode:
        """The unit written TEXT as people write it (mS/cm, Ω cm2, mAh g-1, ohm cm^2, °C), or by its label."""
        symbol = unit_symbol(engine.require_text(text, "unit"))
        units = {self.labels.unit(u): u for u in self.members(ox.NamedNode(UNIT))}
        if symbol in units:
            return units[symbol]
        found, whole = self.matches(text, ox.NamedNode(UNIT))
        if whole and len(found) == 1:
            return found[0]
        close = close_names(symbol.lower(), [u for u in units if u])
        hint = f"; close units: {', '.join(close)}" if close else ""
        raise LiskgError(f"no unit is written {symbol!r}{hint}; {listed_by('units')}")

    def role(self, text: str) -> ox.NamedNode:
        """A material role, the sub-property of liskg:usesMaterial labelled TEXT or 'uses TEXT' (buffer material)."""
        rows = runner.run(self.store, vocab.sparql("base/sparql/find-roles.rq"), origin="find-roles").rows
        labels = {normalize(label.value).removeprefix("uses "): role for role, label in rows}
        needle = normalize(engine.require_text(text, "role")).removeprefix("uses ")
        if needle in labels:
            return labels[needle]
        close = close_names(needle, labels)
        hint = f"; close roles: {', '.join(close)}" if close else ""
        raise LiskgError(f"no material role is called {text!r}{hint}; {listed_by('roles')}")

    def sentence(self, text: str) -> ox.NamedNode:
        """The review's sentence TEXT names: its IRI (lkd:sent-2-3-1-4), the IRI's end (2-3-1-4, fig-5-3), or a
        quote of it (a few words in a row, compared as normalize() does) that exactly one sentence holds."""
        written = engine.require_text(text, "sentence").strip()
        said = written.strip('"“”')
        if self._sentences is None:
            found = self.store.quads_for_pattern(None, QUOTED_TEXT, None)
            self._sentences = sorted(
                (q.subject, normalize(q.object.value))
                for q in found
                if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
            )
        identifier = None if written.startswith(('"', "“")) else SENTENCE_ID.match(said)
        if identifier:
            node = ox.NamedNode(f"{vocab.LKD}sent-{identifier.group(1)}")
            if any(s == node for s, _t in self._sentences):
                return node
            raise LiskgError(f"the review has no sentence {vocab.shorten(node.value)}")
        needle = normalize(said)
        holding = [s for s, t in self._sentences if needle and needle in t]
        if len(holding) == 1:
            return holding[0]
        if not holding:
            raise LiskgError(f"no sentence of the review says {said!r}; copy a few words exactly, or give its IRI")
        shown = ", ".join(vocab.shorten(s.value) for s in holding[:6])
        raise LiskgError(f"{len(holding)} sentences of the review say {said!r} ({shown}); quote more words")

    def broadest(self, found: list[ox.NamedNode]) -> ox.NamedNode | None:
        """The one class among FOUND that every other one is narrower than, if there is one."""
        if len(found) == 1:
            return found[0]
        query = engine.bind(vocab.sparql("base/sparql/find-broader.rq"), candidate=found)
        broader: dict[str, set[str]] = {}
        for narrower, above in runner.run(self.store, query, origin="find-broader").rows:
            broader.setdefault(narrower.value, set()).add(above.value)
        roots = [c for c in found if all(c.value in broader.get(o.value, ()) for o in found if o != c)]
        return roots[0] if len(roots) == 1 else None

    def one_class(self, what: str, text: str, kind: ox.NamedNode) -> ox.NamedNode:
        """The class named TEXT under KIND: a whole name, else the one match broader than all others."""
        found = self.find(what, text, kind, classes=True)
        chosen = self.broadest(found)
        if chosen is None:
            raise LiskgError(self.ambiguous(what, text, found))
        return chosen

    def ambiguous(self, what: str, text: str, found: list[ox.NamedNode]) -> str:
        shown = ", ".join(repr(self.labels.text(f)) for f in found[:8]) + (", …" if len(found) > 8 else "")
        return f"{len(found)} {what}s match {text!r}: {shown}; give one of these names"

    def electrolytes(self, text: str, electrolyte: ox.NamedNode) -> Understood:
        """An electrolyte class (and its narrower classes) or an electrolyte material (and the materials made from
        it), whichever TEXT names; a whole name wins, and a class wins over a material only when both match alike."""
        engine.require_text(text, "electrolyte")
        classes, class_exact = self.matches(text, electrolyte, classes=True)
        materials, material_exact = self.matches(text, ox.NamedNode(MATERIAL))
        if classes and (class_exact or not material_exact):
            chosen = self.broadest(classes)
            if chosen is None and not materials:
                raise LiskgError(self.ambiguous("electrolyte class", text, classes))
            if chosen is not None:
                return Understood(
                    classes=(chosen,), said=f"{self.labels.text(chosen)} (the class, narrower classes included)"
                )
        if len(materials) == 1:
            return Understood(
                materials=tuple(materials),
                said=f"{self.labels.text(materials[0])} (the material, and materials made from it)",
            )
        if materials:
            raise LiskgError(self.ambiguous("electrolyte", text, self._sorted(classes + materials)))
        hint = self.suggest(text, electrolyte, classes=True) or self.suggest(text, ox.NamedNode(MATERIAL))
        raise LiskgError(f"no electrolyte class or material is called {text!r}{hint}")

    def members(self, kind: ox.NamedNode) -> list[ox.NamedNode]:
        """Every named individual of KIND (at any depth of the class hierarchy), sorted by label."""
        found = {thing for thing, _name, _exact in self._rows("", kind, False)}
        return sorted(found, key=lambda t: (self.labels.text(t).lower(), t.value))

    def one(
        self,
        what: str,
        text: str,
        kind: ox.NamedNode | None = None,
        *,
        classes: bool = False,
        among: Collection[str] | None = None,
    ) -> ox.NamedNode:
        """The one thing named TEXT (see find); several is an error that lists them by LABEL."""
        found = self.find(what, text, kind, classes=classes, among=among)
        if len(found) > 1:
            raise LiskgError(self.ambiguous(what, text, found))
        return found[0]

    def interface(self, text: str) -> ox.NamedNode:
        """An interface by numeral (I-IV), label or synonym; 'Li/SSE' finds 'Li/SSE interface'.

        A Roman numeral must match whole: 'V' is not part of 'IV'."""
        upper = engine.require_text(text, "interface").strip().upper()
        if upper and set(upper) <= set("IVX") and upper not in NUMERALS:
            raise LiskgError(f"no interface has the numeral {text.strip()!r}; the review numbers them I to IV")
        try:
            found = self.find("interface", text, ox.NamedNode(vocab.LISKG + "Interface"))
        except LiskgError as exc:
            raise LiskgError(f"{exc}; {listed_by('interfaces')}") from None
        if len(found) > 1:
            names = ", ".join(self.labels.text(f) for f in found)
            raise LiskgError(f"{text!r} names several interfaces ({names}); use a numeral I-IV or a full name")
        return found[0]

    def studies(self, text: str) -> list[ox.NamedNode]:
        """Studies by reference number (67, [67], ref 67, Sharafi [107]), DOI (10.5555/x, doi:…, https://doi.org/…)
        or first author (Sharafi), never by label chemistry."""
        needle = normalize(engine.require_text(text, "study"))
        number = re.fullmatch(r"(?:ref\.?\s*)?\[?(\d+)\]?", needle) or re.search(r"\[(\d+)\]", needle)  # Sharafi [107]
        rows = runner.run(self.store, vocab.sparql("base/sparql/find-authors.rq"), origin="find-authors").rows
        doi = doi_of(text)
        if doi:
            found = [t for t, _a, _n, source in rows if source is not None and doi_of(source.value) == doi]
            if not found:
                raise LiskgError(f"no study in the graph has the DOI {doi}")
            return found[:1]
        rows = [row[:3] for row in rows]
        if number:
            found = [t for t, _a, n in rows if n is not None and n.value == number.group(1)]
            if not found:
                raise LiskgError(f"no study is cited as reference [{number.group(1)}] in the graph")
            return found[:1]
        if not needle:
            raise LiskgError("name a study: a reference number (107), a DOI or a first author (Sharafi)")
        authors = {t: normalize(a.value) for t, a, _n in rows if a is not None}
        found = [t for t, a in authors.items() if a == needle] or [
            t for t, a in authors.items() if a.startswith(needle)
        ]
        if found:
            numbers = {t: int(n.value) for t, _a, n in rows if n is not None}
            return sorted(found, key=lambda t: (numbers.get(t, 0), t.value))  # a paper outside the review first
        close = close_names(needle, {a.value for _t, a, _n in rows if a is not None})
        hint = f"; close names: {', '.join(close)}" if close else ""
        raise LiskgError(f"no study has the first author {text!r}{hint} (give an author, a reference number or a DOI)")


def _by_label(row: tuple[str, list[str]]) -> tuple[str, str]:
    return row[0].lower(), row[0]


def close_names(needle: str, names: Collection[str], limit: int = 5) -> list[str]:
    """Names that look like a misspelling of `needle`, as a whole or word by word, best first."""

    def similarity(a: str, b: str) -> float:
        return difflib.SequenceMatcher(None, a, b).ratio()

    words = needle.split()
    scored = []
    for name in names:
        lower = name.lower()
        if not lower.split() or not words:
            continue
        by_words = sum(max(similarity(w, n) for n in lower.split()) for w in words) / len(words)
        score = max(similarity(needle, lower), by_words)
        if score >= 0.75:
            scored.append((-score, name))
    return [name for _score, name in sorted(scored)[:limit]]
