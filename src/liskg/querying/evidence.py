"""The sentences behind a link: read from the built graph, found by name, shown as quotations.

A stated link carries the review's sentences on an OWL 2 axiom annotation of its assertion; a measurement,
an effect statement and a claim carry them on the node; an editors' inference carries its reason instead
(docs/modelling.md). A method's computed links (methodMitigates, methodRisks, methodLeavesUnsolved) stand
for effect statements, whose sentences are theirs; a narrower method inherits what is said of the broader
ones, shown as inherited, never materialized.

    from liskg.querying.evidence import EvidenceReader
    reader = EvidenceReader(store)
    said = reader.why("Sharafi [107]", "at interface", "Li/SSE")   # Saids, found by name
    print(reader.render(said))

The sentences are quotations of the review (CC BY 4.0): they are shown only as evidence, in quotation
marks, with where the review prints them and the attribution (ATTRIBUTION).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from liskg.base import engine, vocab, wrap
from liskg.base.errors import LiskgError
from liskg.base.evidence import cited_numbers
from liskg.base.labels import Labeller
from liskg.base.names import Names, normalize

ATTRIBUTION = (
    "Quotations from Qi et al. 2024, A Review on Engineering Design for Enhancing Interfacial Contact in "
    "Solid-State Lithium–Sulfur Batteries, Nano-Micro Letters; CC BY 4.0."
)
STATED = vocab.LISKG + "StatedInReview"
INFERRED = vocab.LISKG + "EditorsInference"
STUDY = ox.NamedNode(vocab.LISKG + "Study")
METHOD = ox.NamedNode(vocab.LISKG + "ProcessingMethod")
TYPE_WORDS = ("a", "is a", "type", "typed as", "method", "kind")
COMPUTED = {"methodMitigates": "Mitigates", "methodRisks": "Causes", "methodLeavesUnsolved": "LeavesUnsolved"}
EFFECT_WORDS = {  # what a reader says of a method -> the computed link
    "mitigates": "methodMitigates",
    "relieves": "methodMitigates",
    "risks": "methodRisks",
    "causes": "methodRisks",
    "leaves unsolved": "methodLeavesUnsolved",
}


@dataclass(frozen=True)
class Quote:
    """One sentence of the review: its IRI, words, section number and title, paragraph, place, and the
    reference numbers it cites."""

    sentence: str
    text: str
    section: str
    title: str
    position: int
    cites: tuple[int, ...]

    def where(self) -> str:
        section = f"Section {self.section}" if self.section else self.title or "the review"
        cited = f"; cites {', '.join(f'[{n}]' for n in self.cites)}" if self.cites else ""
        return f"{section}, {vocab.shorten(self.sentence)}{cited}"


@dataclass
class Said:
    """What the graph says of one link (or one node when OBJECT is None): whether the review states it
    (basis "stated", with QUOTES), the editors inferred it ("inferred", with NOTE), or nothing says
    (None: a link the build computed or one not yet curated). VIA names what the link stands for
    (an effect statement, and "inherited from <method>" for a broader method's)."""

    subject: str
    predicate: str | None
    object: str | None
    basis: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    note: str | None = None
    via: str | None = None


class EvidenceReader:
    """Evidence look-ups over one store (the built graph, or the asserted one)."""

    def __init__(self, store: ox.Store):
        self.store = store
        self.labels = Labeller(store)
        self.names = Names(store)

    def _rows(self, name: str, **values: list) -> list:
        text = engine.bind(vocab.sparql(f"querying/sparql/{name}.rq"), **values)
        return list(engine.solutions(self.store, text))

    # ---- reading ------------------------------------------------------------------------------

    def links(self, subjects: list[str]) -> list[Said]:
        """Every annotated link from SUBJECTS, with its sentences or reason, in a stable order."""
        found: dict[tuple[str, str, str], Said] = {}
        for row in self._rows("evidence-of-links", subject=[ox.NamedNode(s) for s in subjects]):
            key = (row["subject"].value, row["property"].value, row["object"].value)
            said = found.setdefault(key, Said(*key))
            self._fill(said, row)
        return list(found.values())

    def nodes(self, nodes: list[str]) -> list[Said]:
        """The sentences on each of NODES itself (measurements, effect statements, claims)."""
        found: dict[str, Said] = {}
        for row in self._rows("evidence-of-nodes", node=[ox.NamedNode(n) for n in nodes]):
            said = found.setdefault(row["node"].value, Said(row["node"].value, None, None))
            self._fill(said, row)
        return [found[n] for n in nodes if n in found]

    def _fill(self, said: Said, row) -> None:
        if row["basis"] is not None:
            said.basis = "stated" if row["basis"].value == STATED else "inferred"
        if row["note"] is not None:
            said.note = row["note"].value
        if row["sentence"] is not None and all(q.sentence != row["sentence"].value for q in said.quotes):
            said.basis = said.basis or "stated"  # the asserted graph has no marks: a cited sentence states it
            text = row["text"].value
            said.quotes.append(
                Quote(
                    row["sentence"].value,
                    text,
                    row["section"].value if row["section"] is not None else "",
                    row["title"].value if row["title"] is not None else "",
                    int(row["position"].value),
                    tuple(sorted(cited_numbers(text))),
                )
            )
            said.quotes.sort(key=_reading_order)

    def effects(self, method: str, *, inherited: bool = False) -> list[Said]:
        """What the review says METHOD (a method class) mitigates, causes or leaves unsolved, one Said per
        effect statement (predicate: the computed link); with INHERITED, what it says of each broader method,
        marked so."""
        methods = [method]
        if inherited:
            rows = self._rows("evidence-broader-methods", method=[ox.NamedNode(method)])
            methods = [row["broader"].value for row in rows]
        found = []
        for m in methods:
            rows = self._rows("evidence-effects", method=[ox.NamedNode(m)])
            statements = {row["statement"].value: row for row in rows}
            quoted = {s.subject: s for s in self.nodes(list(statements))}
            for iri, row in statements.items():
                said = quoted.get(iri, Said(iri, None, None))
                found.append(
                    Said(
                        method,
                        row["computed"].value,
                        row["failureMode"].value,
                        said.basis,
                        said.quotes,
                        said.note,
                        via=f"inherited from {self.labels.text(ox.NamedNode(m))}" if inherited else iri,
                    )
                )
        return found

    # ---- finding by name ------------------------------------------------------------------------

    def why(
        self, subject: str, predicate: str | None = None, obj: str | None = None, *, inherited: bool = False
    ) -> list[Said]:
        """The evidence of the links SUBJECT PREDICATE OBJECT, each found by name (liskg.base.names); a study
        stands for its strategies, cells and measurements too, a claim for its effect statements. Without
        PREDICATE and OBJECT: every link of SUBJECT and the sentences on it. With INHERITED, a method's
        effects include what the review says of its broader methods, marked so."""
        things = self._subjects(subject)
        effects_of = self._all_effects(things, inherited)
        if predicate is None:
            return self.nodes(things) + self.links(things) + effects_of
        properties = self._properties(predicate, things)
        effects = [p for p in properties if p.removeprefix(vocab.LISKG) in COMPUTED]
        found = [s for s in self.links(things) if s.predicate in properties]
        found += [s for s in effects_of if s.predicate in effects]
        if obj is not None:
            objects = {s.object for s in found if s.object}
            if not objects:
                raise LiskgError(self._nothing(subject, predicate))
            try:
                chosen = {o.value for o in self.names.find("object", obj, among=objects)}
            except LiskgError:
                linked = sorted({self.labels.text(_term(o)) for o in objects})
                raise LiskgError(
                    f"{self._nothing(subject, predicate, obj)}; it links to: {'; '.join(linked)}"
                ) from None
            found = [s for s in found if s.object in chosen]
        if not found:
            raise LiskgError(self._nothing(subject, predicate, obj) + self._narrower_hint(things, effects, predicate))
        return found

    def _narrower_hint(self, things: list[str], effects: list[str], predicate: str) -> str:
        """When a method family has no effect statement of its own: the narrower methods the review says it of
        (the named query method-failure-modes rolls those up to the family)."""
        methods = [ox.NamedNode(t) for t in things if self._is_method(t)]
        if not effects or not methods:
            return ""
        rows = self._rows("evidence-narrower-effects", method=methods)
        narrower = dict.fromkeys(self.labels.text(r["narrower"]) for r in rows if r["computed"].value in effects)
        if not narrower:
            return ""
        return "; the review says it of a narrower method: " + "; ".join(
            f'liskg why "{name}" "{predicate}"' for name in narrower
        )

    def _all_effects(self, things: list[str], inherited: bool = False) -> list[Said]:
        methods = [t for t in things if self._is_method(t)]
        found = [said for m in methods for said in self.effects(m)]
        return found + [said for m in methods if inherited for said in self.effects(m, inherited=True)]

    def _is_method(self, iri: str) -> bool:
        return bool(self._rows("evidence-methods", candidate=[ox.NamedNode(iri)]))

    def _subjects(self, text: str) -> list[str]:
        """The things TEXT names as a subject, and those a study or claim stands for."""
        if re.search(r"\[\s*\d+\s*\]|^\s*(ref\.?\s*)?\d+\s*$", text, re.I):
            found = [t.value for t in self.names.studies(text)]
        else:
            found = [t.value for t in self.names.find("thing", text)]
        more = [row["subject"].value for row in self._rows("evidence-subjects", thing=[ox.NamedNode(f) for f in found])]
        return list(dict.fromkeys(found + more))

    def _properties(self, text: str, things: list[str]) -> set[str]:
        """The properties TEXT names (a label or synonym, or a local name; "a" for the method typing; "risks" of
        a method for methodRisks), with the narrower properties they stand for."""
        needle = normalize(text)
        if needle in TYPE_WORDS:
            return {vocab.RDF_TYPE}
        rows = self._rows("evidence-properties")
        names: dict[str, set[str]] = {}
        narrower: dict[str, set[str]] = {}
        for row in rows:
            prop = row["property"].value
            names.setdefault(prop, set()).update({normalize(row["name"].value), normalize(vocab.shorten(prop))})
            names[prop].add(normalize(prop.rsplit("#", 1)[-1]))
            if row["narrower"] is not None:
                narrower.setdefault(prop, set()).add(row["narrower"].value)
        chosen = {p for p, ns in names.items() if needle in ns} or {
            p for p, ns in names.items() if any(needle in n for n in ns)
        }
        if needle in EFFECT_WORDS and any(self._is_method(t) for t in things):
            chosen.add(vocab.LISKG + EFFECT_WORDS[needle])
        if not chosen:
            raise LiskgError(
                f"no property is called {text!r}; try a label such as 'at interface', 'uses electrolyte', 'a'"
            )
        return chosen | {n for p in chosen for n in narrower.get(p, ())}

    def _nothing(self, subject: str, predicate: str, obj: str | None = None) -> str:
        linked = f" {obj!r}" if obj else ""
        return f"no link {subject!r} {predicate!r}{linked} has evidence or an editors' note in the graph"

    # ---- showing ----------------------------------------------------------------------------------

    def render(self, said: list[Said], width: int | None = None, *, attribution: bool = True) -> str:
        """The links and their sentences as a reader reads them: the link in labels, then how the graph knows
        it: each sentence in quotation marks with its section and the references it cites, or the editors'
        reason; the attribution of the quotations last."""
        out = []
        for s in said:
            out += wrap.lines(self._headline(s), width, hang="  ")
            out += self._body(s, width)
        if attribution and any(s.quotes for s in said):
            out += [""] + wrap.lines(ATTRIBUTION, width)
        return "\n".join(out)

    def _headline(self, s: Said) -> str:
        label = self.labels.text
        if s.predicate is None:
            return label(ox.NamedNode(s.subject))
        link = f"{label(ox.NamedNode(s.subject))}  {label(ox.NamedNode(s.predicate))}  {label(_term(s.object))}"
        if s.via and s.via.startswith("inherited"):
            return f"{link}  ({s.via})"
        return link

    def _body(self, s: Said, width: int | None) -> list[str]:
        if s.basis == "inferred":
            return [_wrap(f"inferred by the editors: {s.note}", width, "    ")]
        if not s.quotes:
            return ["    no sentence cited yet (the evidence of this file is being curated)"]
        lines = ["    stated in the review:"]
        for q in s.quotes:
            lines.append(_wrap(f"“{q.text}”", width, "      "))
            lines.append(_wrap(f"— {q.where()}", width, "        "))
        return lines


def _term(iri: str | None):
    return ox.NamedNode(iri) if iri else ox.Literal("")


def _wrap(text: str, width: int | None, indent: str) -> str:
    return wrap.fill(text, width, indent=indent, hang=indent + " ")


def _reading_order(q: Quote) -> tuple:
    """Sentences in the order the review prints them (their IRIs count sections, paragraphs, sentences)."""
    return tuple(int(n) for n in re.findall(r"\d+", q.sentence.rsplit("/", 1)[-1]))
