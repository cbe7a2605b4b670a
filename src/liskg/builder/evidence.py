"""The evidence checks of the build: every link the review must state has its sentences, and they name it.

Run on the asserted graph, before inference (check()):

- coverage: every assertion of a property marked liskg:requiresEvidence in the ontology (and every typing
  of an individual with a narrower class of a class so marked: a strategy's processing method) has, on an
  OWL 2 axiom annotation of it, either liskg:evidence sentences or liskg:assertionBasis
  liskg:EditorsInference with a liskg:sourceNote, not both; every measurement, effect statement and claim
  has its own sentences (liskg:evidence on the node) or is marked an editors' inference with a reason; a
  link or number of a paper outside the review is evidenced by its source instead (by_source(): the one
  definition);
- both ends: the sentences cited for a link together name each end of it, and each one names at least one
  end (liskg.base.evidence says what names a thing); a measurement's sentences give its number as printed,
  an effect statement's name its method and its failure mode.

Each problem is one line, `file:line: ...`, at the axiom or record that carries the evidence, or at the
assertion that lacks it; for a fact entered in a template sheet, `file:row:column` of the cell that gives it
(its name, or the evidence cell that fails).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern

import pyoxigraph as ox

from liskg.base import engine, vocab
from liskg.base import evidence as ev
from liskg.base.project import Project
from liskg.base.vocab import RDF_TYPE, shorten
from liskg.sources.loading import LoadedSources
from liskg.sources.positions import TriplePositions


@dataclass
class EvidenceReport:
    """What the checks found: PROBLEMS fail the build; STATED and INFERRED count the links and records
    with sentences and those marked the editors' inference; SOURCED those of papers outside the review,
    evidenced by their source (by_source)."""

    problems: list[str] = field(default_factory=list)
    stated: int = 0
    inferred: int = 0
    sourced: int = 0


@dataclass(slots=True)
class _Axiom:
    """What annotates one assertion (or one record): a few hundred thousand of them at 10M triples, so each is
    small: slots, and the sets shared (the empty one, and each combination of bases: _shared)."""

    evidence: frozenset[str] = frozenset()
    bases: frozenset[str] = frozenset()
    noted: bool = False
    source: bool = False  # dcterms:source, the DOI of a paper outside the review
    row: bool = False  # liskg:templateRow, the sheet row it was entered on


def by_source(item: _Axiom, record: bool = False) -> bool:
    """Whether ITEM, an axiom annotation or (RECORD) a measurement, is evidenced by its source rather than by the
    review: a link or number of a paper outside the review, entered in a template sheet, cites no sentence of
    the review; its DOI (dcterms:source) and its row (liskg:templateRow) are the evidence, and a link's axiom
    says so with liskg:assertionBasis liskg:StatedInSource. Such a link is covered, and there are no sentences
    for the both-ends check to read. Anything citing sentences or marked an editors' inference is not."""
    if item.evidence or ev.INFERRED in item.bases or not (item.source and item.row):
        return False
    return record or item.bases == {ev.STATED_IN_SOURCE}


def check(project: Project, loaded: LoadedSources, store) -> EvidenceReport:
    """The evidence problems of the asserted graph in STORE (see the module docstring)."""
    report = EvidenceReport()
    places = _Places(project, loaded)
    links = _links(store)
    axioms = _axioms(store)
    records = _records(store)

    uncovered: list[tuple[tuple[str, str, str], str]] = []
    for link in links:
        axiom = axioms.get(link)
        if axiom is not None and axiom.evidence and ev.INFERRED in axiom.bases:
            report.problems.append(
                f"{places.axiom(link)}: {_triple(link)} has evidence and is marked an editors' inference; "
                "keep one of the two"
            )
        elif axiom is not None and axiom.evidence:
            report.stated += 1
        elif axiom is not None and ev.INFERRED in axiom.bases and axiom.noted:
            report.inferred += 1
        elif axiom is not None and by_source(axiom):
            report.sourced += 1
        elif axiom is None or ev.INFERRED not in axiom.bases:  # an inference without a reason is SHACL's to report
            uncovered.append((link, f"no evidence for {_triple(link)}"))
    report.problems += _unasserted(store, axioms, set(links), places)
    for iri, (kind, record) in sorted(records.items()):
        if record.evidence and ev.INFERRED in record.bases:
            report.problems.append(
                f"{places.record(iri)}: {shorten(iri)} has evidence and is marked an editors' inference; keep one"
            )
        elif record.evidence or (ev.INFERRED in record.bases and record.noted):
            report.stated += bool(record.evidence)
            report.inferred += not record.evidence
        elif by_source(record, record=True):
            report.sourced += 1
        elif ev.INFERRED not in record.bases:
            uncovered.append(((iri, RDF_TYPE, kind), f"no evidence for the {_KINDS[kind]} {shorten(iri)}"))

    for triple, message in uncovered:
        where = places.record(triple[0]) if triple[2] in _KINDS else places.assertion(triple)
        report.problems.append(
            f"{where}: {message}; cite the sentences that state it (liskg:evidence) or mark it "
            "liskg:EditorsInference with a liskg:sourceNote (scripts/propose_evidence.py lists candidates)"
        )
    report.problems += _both_ends(store, axioms, records, places)
    report.problems.sort(key=_place)
    return report


def _unasserted(store, axioms: dict, asserted: set, places: _Places) -> list[str]:
    """The axioms, cited or inferred, whose assertion the graph does not hold (else only the real link's missing
    evidence would be said, and SHACL, which names these too, does not run after a problem)."""
    problems = []
    for triple, axiom in axioms.items():
        if not (axiom.evidence or ev.INFERRED in axiom.bases) or triple in asserted or _asserted(store, triple):
            continue
        if axiom.evidence:
            problems.append(
                f"{places.axiom(triple)}: evidence for {_triple(triple)}, which the graph does not assert; "
                "add the triple itself, or remove its evidence"
            )
        else:
            problems.append(
                f"{places.axiom(triple)}: the annotated assertion is not in the graph: {_triple(triple)} is marked "
                "an editors' inference; add the triple itself, not only its annotation"
            )
    return problems


def _place(problem: str) -> tuple[str, int, int, str]:
    """A problem line's file, line (a sheet's row) and column, for sorting: the order a reader fixes them in."""
    where, _, rest = problem.partition(": ")
    found = re.fullmatch(r"(.*?):(\d+)(?::(\d+))?", where)
    return (found.group(1), int(found.group(2)), int(found.group(3) or 0), rest) if found else (where, 0, 0, rest)


_KINDS = {ev.MEASUREMENT: "measurement", ev.EFFECT_STATEMENT: "effect statement", ev.CLAIM: "claim"}


def _triple(triple: tuple[str, str, str]) -> str:
    return " ".join(shorten(x) for x in triple)


def _asserted(store, triple: tuple[str, str, str]) -> bool:
    import pyoxigraph as ox

    s, p, o = triple
    if not (s.startswith(("http", "urn")) and o.startswith(("http", "urn"))):
        return True  # a literal or blank end: not a link the checks follow
    return any(True for _ in store.quads_for_pattern(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o)))


def _rows(store, name: str, **values: list[str]):
    """The solutions of builder/sparql/NAME.rq with each VALUES slot bound to IRIs."""
    text = vocab.sparql(f"builder/sparql/{name}.rq")
    return engine.solutions(store, engine.bind(text, **{k: [ox.NamedNode(v) for v in vs] for k, vs in values.items()}))


def requiring(store) -> tuple[list[str], list[str]]:
    """The properties and the classes marked liskg:requiresEvidence, sorted."""
    rows = _rows(store, "evidence-requiring")
    properties: list[str] = []
    classes: list[str] = []
    for row in rows:
        (classes if row["class"].value == "true" else properties).append(row["x"].value)
    return sorted(properties), sorted(classes)


def _links(store) -> list[tuple[str, str, str]]:
    """Every asserted link that needs evidence: (subject, property, object), IRIs (interned: _axioms' keys are
    the same strings), sorted."""
    properties, classes = requiring(store)
    found = []
    if properties:
        found += [_triple_of(r) for r in _rows(store, "evidence-property-links", p=properties)]
    if classes:
        found += [
            (intern(r["s"].value), RDF_TYPE, intern(r["o"].value))
            for r in _rows(store, "evidence-class-links", root=classes)
        ]
    return sorted(set(found))


def _triple_of(row) -> tuple[str, str, str]:
    return intern(row["s"].value), intern(row["p"].value), intern(row["o"].value)


def _shared(items: frozenset[str]) -> frozenset[str]:
    """One object for each combination of bases, however many axioms have it."""
    return _COMBINATIONS.setdefault(items, items)


_COMBINATIONS: dict[frozenset[str], frozenset[str]] = {}


def _axioms(store) -> dict[tuple[str, str, str], _Axiom]:
    found: dict[tuple[str, str, str], _Axiom] = defaultdict(_Axiom)
    for row in _rows(store, "evidence-axioms"):
        axiom = found[_triple_of(row)]
        if row["e"] is not None:
            axiom.evidence |= {row["e"].value}
        if row["basis"] is not None:
            axiom.bases = _shared(axiom.bases | {row["basis"].value})
        axiom.noted |= row["note"] is not None
        axiom.source |= row["source"] is not None
        axiom.row |= row["row"] is not None
    return dict(found)


def _records(store) -> dict[str, tuple[str, _Axiom]]:
    """The measurements, effect statements and claims, with the evidence and marks on each node."""
    found: dict[str, tuple[str, _Axiom]] = {}
    for row in _rows(store, "evidence-records"):
        kind, record = found.setdefault(row["x"].value, (row["kind"].value, _Axiom()))
        if row["e"] is not None:
            record.evidence |= {row["e"].value}
        if row["basis"] is not None:
            record.bases = _shared(record.bases | {row["basis"].value})
        record.noted |= row["note"] is not None
        record.source |= row["source"] is not None
        record.row |= row["row"] is not None
    return found


def _both_ends(store, axioms: dict, records: dict, places: _Places) -> list[str]:
    cited = {s for a in axioms.values() for s in a.evidence} | {s for _, r in records.values() for s in r.evidence}
    texts = ev.sentence_texts(store, cited)
    stated_records = {iri: r for iri, (kind, r) in records.items() if r.evidence and kind != ev.CLAIM}
    ends = _record_ends(store, stated_records)
    wanted = {x for (s, _p, o), a in axioms.items() if a.evidence for x in (s, o)}
    wanted |= {x for parts in ends.values() for x in parts}
    names = ev.names_of(store, wanted | set(stated_records))
    problems = []
    for (s, p, o), axiom in sorted(axioms.items()):
        if not axiom.evidence:
            continue
        found = _check_sentences(
            _triple((s, p, o)), sorted(axiom.evidence), texts, [(shorten(s), names[s]), (shorten(o), names[o])]
        )
        problems += [f"{places.axiom((s, p, o))}: {problem}" for problem in found]
    for iri, record in sorted(stated_records.items()):
        parts = ends[iri]
        if records[iri][0] == ev.EFFECT_STATEMENT:
            method, failure = parts
            found = _check_sentences(
                shorten(iri),
                sorted(record.evidence),
                texts,
                [(shorten(method), names[method]), (shorten(failure), names[failure])],
            )
        else:  # a measurement: its number as printed, and each sentence about it, its study or material
            own = names[iri]
            about = ev.Names(
                citations=set(own.citations),
                numbers=set(own.numbers),
                strings={n for x in parts for n in names[x].strings},
            )
            found = _check_measurement(iri, sorted(record.evidence), texts, own, about)
        problems += [f"{places.record(iri)}: {problem}" for problem in found]
    return problems


def _record_ends(store, records: dict) -> dict[str, tuple[str, ...]]:
    """For each effect statement its (method, failure mode); for each measurement what it is measured on."""
    ends: dict[str, tuple[str, ...]] = {iri: () for iri in records}
    if not records:
        return ends
    for row in _rows(store, "evidence-record-ends", x=sorted(records)):
        x = row["x"].value
        if row["method"] is not None:
            ends[x] = (row["method"].value, row["failure"].value)
        elif row["on"] is not None:
            ends[x] = (*ends[x], row["on"].value)
    return ends


def _check_sentences(
    described: str, sentences: list[str], texts: dict[str, str], ends: list[tuple[str, ev.Names]]
) -> list[str]:
    """A sentence that names neither end is one problem; when each names one, an end that none names is one."""
    problems = []
    named: dict[str, bool] = {label: False for label, _ in ends}
    for sentence in sentences:
        text = texts.get(sentence)
        if text is None:  # not a sentence, or one without its words: SHACL names it (EvidenceShape, SentenceShape)
            continue
        hits = [label for label, names in ends if ev.mentions(sentence, text, names)]
        for label in hits:
            named[label] = True
        if not hits:
            problems.append(f'evidence for {described} does not name {" or ".join(named)}: "{text}"')
    if not problems and all(s in texts for s in sentences):  # else SHACL names the sentence first
        quoted = " ".join(texts[s] for s in sentences if s in texts)
        problems += [
            f'evidence for {described} does not name {label}: "{quoted}"' for label, found in named.items() if not found
        ]
    return problems


def _check_measurement(
    iri: str, sentences: list[str], texts: dict[str, str], own: ev.Names, about: ev.Names
) -> list[str]:
    problems = []
    known = [s for s in sentences if s in texts]
    for sentence in known:  # one that is not a sentence, or has no words, is SHACL's to name
        if not ev.mentions(sentence, texts[sentence], about):
            problems.append(
                f'evidence for {shorten(iri)} does not name its number, study or material: "{texts[sentence]}"'
            )
    if own.numbers and known == sentences and not any(ev.mentions_number(texts[s], own) for s in known):
        shown = min(own.numbers, key=len)
        quoted = " ".join(texts[s] for s in known)
        problems.append(f'evidence for {shorten(iri)} does not name its number {shown}: "{quoted}"')
    return problems


class _Places:
    """`file:line` of assertions, axioms and records in the loaded data files (each file read once, lazily), and
    `file:row:column` of those entered in a template sheet: the cell they came from (compile_sheets)."""

    def __init__(self, project: Project, loaded: LoadedSources):
        self.project = project
        self.cells = {key: place for sheet in loaded.sheets() for key, place in (sheet.cells or {}).items()}
        self.files = [f.path for f in loaded.data_files(project)] + [f.path for f in loaded.ontology_files(project)]
        self._positions: dict[Path, TriplePositions] = {}
        self._relative: dict[Path, str] = {}

    def _each(self):
        for path in self.files:
            if path not in self._positions:
                self._positions[path] = TriplePositions(path)
            yield path, self._positions[path]

    def _shown(self, path: Path, line: int) -> str:
        if path not in self._relative:
            self._relative[path] = self.project.relative(path)
        return f"{self._relative[path]}:{line}"

    def assertion(self, triple: tuple[str, str, str]) -> str:
        if triple in self.cells:
            return self.cells[triple]
        for path, positions in self._each():
            line = positions.line(*triple)
            if line is not None:
                return self._shown(path, line)
        return self.record(triple[0])

    def axiom(self, triple: tuple[str, str, str]) -> str:
        if ("evidence", *triple) in self.cells:
            return self.cells[("evidence", *triple)]
        for path, positions in self._each():
            line = positions.axiom_line(*triple)
            if line is not None:
                return self._shown(path, line)
        return self.assertion(triple)

    def record(self, iri: str) -> str:
        if ("evidence", iri) in self.cells:
            return self.cells[("evidence", iri)]
        for path, positions in self._each():
            line = positions.subjects.get(iri)
            if line is not None:
                return self._shown(path, line)
        return "graph_data"
