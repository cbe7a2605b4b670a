"""Quality checks on the sources, in the spirit of ODK's QC report: labels, definitions, declarations.

Each problem is one line 'file:line: what is wrong; what to do'. Problems are errors: the build stops.
The ontology's modules are checked on their Python triples; the terms and labels of every file by a
SourceScan, which sees each asserted triple once as it streams past (the build serializes the merged
output from the same stream), so a large graph_data/ is never held as Python triples.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from liskg.base.project import Project
from liskg.base.vocab import DCTERMS, LISKG, LKD, OWL, OWNED_NAMESPACES, RDF_TYPE, RDFS_LABEL, SKOS, UNIT, shorten
from liskg.sources.loading import LoadedSources, SourceFile

DEFINITION = SKOS + "definition"
TERM_TYPES = {OWL + "Class", OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty"}
DECLARATION_TYPES = TERM_TYPES | {OWL + "NamedIndividual", OWL + "Ontology"}
HEADER_FIELDS = {"title": DCTERMS + "title", "description": DCTERMS + "description", "license": DCTERMS + "license"}


def _iri(term) -> str | None:
    return term.value if isinstance(term, ox.NamedNode) else None


def _line_of(path: Path, iri: str) -> int:
    """The first line of a file that mentions the IRI, written in full or as prefix:local."""
    local = re.split(r"[#/]", iri)[-1]
    pattern = re.compile(rf"(<{re.escape(iri)}>|:{re.escape(local)}(?![\w\-.]))")
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if pattern.search(line):
            return number
    return 1


class RecordLocator:
    """'file:line' of the record that declares an IRI, or '': in graph_data/, the first line where the IRI
    starts a record (written in full or as prefix:local); in ontology/, that line in the file typing it; in a
    template sheet, 'file:row:column' of the cell that gave the property a violation names (else the row).
    Each file is read and indexed once, however many records are asked for."""

    def __init__(self, project: Project, loaded: LoadedSources):
        self.project = project
        self.files = loaded.data_files(project) + loaded.ontology_files(project)
        self.starts: dict[Path, tuple[dict[str, int], dict[str, int]]] = {}
        self.rows = {iri: place for sheet in loaded.sheets() for iri, place in (sheet.places or {}).items()}
        self.cells: dict[tuple[str, str], str] = {}  # (IRI, property) -> the first sheet cell that gave a value
        for sheet in loaded.sheets():
            for key, place in (sheet.cells or {}).items():
                if key[0] != "evidence":
                    self.cells.setdefault((key[0], key[1]), place)

    def __call__(self, iri: str, path: str = "") -> str:
        """IRI's record; for one entered on a template sheet, the cell that gave its property PATH, else the row's
        first cell ('file:row:column')."""
        if iri in self.rows:
            return self.cells.get((iri, path)) or f"{self.rows[iri]}:1"
        local = re.split(r"[#/]", iri)[-1]
        for source in self.files:
            if source.triples is not None and not any(
                t.subject.value == iri and t.predicate.value == RDF_TYPE for t in source.triples
            ):
                continue
            in_full, by_local = self._record_starts(source.path)
            line = min((n for n in (in_full.get(iri), by_local.get(local)) if n), default=None)
            if line or source.triples is not None:
                return f"{self.project.relative(source.path)}:{line or _line_of(source.path, iri)}"
        return ""

    def _record_starts(self, path: Path) -> tuple[dict[str, int], dict[str, int]]:
        """The first line starting with each <IRI>, and with each prefix:LOCAL (by LOCAL)."""
        if path not in self.starts:
            in_full: dict[str, int] = {}
            by_local: dict[str, int] = {}
            for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                start = _RECORD_START.match(text)
                if start and start.group(1) is not None:
                    in_full.setdefault(start.group(1), number)
                elif start:
                    by_local.setdefault(start.group(2), number)
            self.starts[path] = in_full, by_local
        return self.starts[path]


_RECORD_START = re.compile(r"<([^>]*)>|[\w\-]*:([\w\-.:]*)")


def check(project: Project, loaded: LoadedSources, scan: SourceScan | None = None) -> list[str]:
    """All QC problems of the loaded sources, one line each, in a stable order. SCAN has seen every file's
    triples, in load order (by default it reads them from LOADED, which must then hold them all)."""
    if scan is None:
        scan = SourceScan(project)
        for source in loaded.files:
            assert source.triples is not None  # loaded without a store: every file's triples are kept
            for _ in scan.watch(source, source.triples):
                pass
    ontology_files = loaded.ontology_files(project)
    return (
        _check_headers(project, ontology_files)
        + _check_term_annotations(project, ontology_files)
        + scan.label_problems()
        + scan.reference_problems(declarations(ontology_files), loaded)
    )


class SourceScan:
    """What the term checks need from the asserted triples, gathered in one pass by watch(), file by file as
    they load: the terms of the ontology's namespaces each file uses, the lkd: individuals it uses as objects,
    the individuals graph_data/ types, and the labels of LiSKG's own terms."""

    def __init__(self, project: Project):
        self.project = project
        self.data_dir = project.data_dir.resolve()
        self.minted: dict[Path, dict[str, None]] = {}  # by file, in the order they are met
        self.individuals: dict[Path, dict[str, None]] = {}
        self.typed_in_data: set[str] = set()
        self.owners: dict[str, list[tuple[str, Path]]] = defaultdict(list)
        self.rows: dict[str, str] = {}  # the template sheets' IRIs -> "file:row"

    def where(self, path: Path, iri: str) -> str:
        """'file:line' of IRI in PATH, or 'file:row' of the template row that declares it."""
        if iri in self.rows and self.rows[iri].startswith(self.project.relative(path) + ":"):
            return self.rows[iri]
        return f"{self.project.relative(path)}:{_line_of(path, iri) if path.suffix == '.ttl' else 1}"

    def watch(self, source: SourceFile, triples: Iterable) -> Iterator:
        """Yield TRIPLES (or quads) of SOURCE unchanged, recording what the checks need from each."""
        path, in_data = source.path, source.path.parent == self.data_dir or source.is_sheet
        self.rows.update(source.places or {})
        minted, individuals = self.minted.setdefault(path, {}), self.individuals.setdefault(path, {})
        skipped = (OWL + "imports", OWL + "versionIRI", OWL + "priorVersion")
        for t in triples:
            yield t
            predicate, subject, obj = t.predicate.value, t.subject, t.object
            subject = subject.value if type(subject) is ox.NamedNode else None
            referenced = obj.value if type(obj) is ox.NamedNode and predicate not in skipped else None
            for iri in (predicate, referenced, subject):
                if iri and iri.startswith((LISKG, UNIT)):
                    minted[iri] = None
            if referenced and referenced.startswith(LKD):
                individuals[referenced] = None
            if predicate == RDF_TYPE and in_data and subject:
                self.typed_in_data.add(subject)
            elif predicate == RDFS_LABEL and subject and subject.startswith(OWNED_NAMESPACES):
                self.owners[obj.value.strip().lower()].append((subject, path))

    def reference_problems(self, declared: dict[str, Path], loaded: LoadedSources) -> list[str]:
        """Terms the ontology (DECLARED) does not declare, and individuals no graph_data/ file types."""
        modules, problems = {f.ontology_iri for f in loaded.files}, []
        for path, minted in self.minted.items():
            for iri in minted:
                if iri not in declared and iri not in modules:
                    problems.append(
                        f"{self.where(path, iri)}: {shorten(iri)} is not declared in the ontology; "
                        "check the spelling or declare it in ontology/"
                    )
            for iri in self.individuals[path]:
                if iri not in self.typed_in_data and iri not in modules:
                    problems.append(
                        f"{self.where(path, iri)}: {shorten(iri)} is used but never declared (no "
                        "rdf:type) in graph_data/; check the spelling or declare it"
                    )
        return problems

    def label_problems(self) -> list[str]:
        problems = []
        for label, holders in sorted(self.owners.items()):
            subjects = sorted({s for s, _ in holders})
            if len(subjects) > 1:
                path = next(p for s, p in holders if s == subjects[1])
                problems.append(
                    f"{self.where(path, subjects[1])}: label {label!r} is used "
                    f"by {', '.join(shorten(s) for s in subjects)}; labels must be unique"
                )
        return problems


def declarations(files: list[SourceFile]) -> dict[str, Path]:
    return {
        t.subject.value: f.path
        for f in files
        for t in f.triples
        if t.predicate.value == RDF_TYPE and _iri(t.object) in DECLARATION_TYPES and _iri(t.subject)
    }


def _check_headers(project: Project, files: list[SourceFile]) -> list[str]:
    problems = []
    for f in files:
        if not f.ontology_iri:
            problems.append(f"{project.relative(f.path)}:1: no owl:Ontology header; declare the module's ontology IRI")
            continue
        present = {t.predicate.value for t in f.triples if t.subject.value == f.ontology_iri}
        for name, predicate in HEADER_FIELDS.items():
            if predicate not in present:
                problems.append(
                    f"{project.relative(f.path)}:{_line_of(f.path, f.ontology_iri)}: ontology header "
                    f"has no dcterms:{name}; add one"
                )
    return problems


def _check_term_annotations(project: Project, files: list[SourceFile]) -> list[str]:
    problems = []
    for f in files:
        terms = sorted(
            {
                t.subject.value
                for t in f.triples
                if t.predicate.value == RDF_TYPE
                and _iri(t.object) in TERM_TYPES
                and _iri(t.subject)
                and t.subject.value.startswith(LISKG)
            }
        )
        values = defaultdict(list)
        for t in f.triples:
            if t.predicate.value in (RDFS_LABEL, DEFINITION) and _iri(t.subject):
                values[(t.subject.value, t.predicate.value)].append(t.object.value)
        for term in terms:
            labels, found = values[(term, RDFS_LABEL)], []
            if len(labels) != 1:
                found.append(f"has {len(labels)} rdfs:label values; give it exactly one")
            elif labels[0] != labels[0].strip() or "  " in labels[0]:
                found.append(f"label {labels[0]!r} has stray whitespace")
            if len(values[(term, DEFINITION)]) != 1:
                found.append("needs exactly one skos:definition")
            if found:  # the line is looked up only for a term with a problem
                where = f"{project.relative(f.path)}:{_line_of(f.path, term)}"
                problems += [f"{where}: {shorten(term)} {problem}" for problem in found]
    return problems
