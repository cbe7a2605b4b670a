"""Quality checks on the sources, in the spirit of ODK's QC report: labels, definitions, declarations.

Each problem is one line 'file:line: what is wrong; what to do'. Problems are errors: the build stops.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from liskg.project import Project
from liskg.sources.loading import LoadedSources, SourceFile
from liskg.vocab import DCTERMS, LISKG, LKD, OWL, OWNED_NAMESPACES, RDF_TYPE, RDFS_LABEL, SKOS, UNIT, shorten

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


def locate(project: Project, loaded: LoadedSources, iri: str) -> str:
    """'file:line' of the record that declares IRI (the file typing it, the line where it is the subject), or ''."""
    for source in loaded.data_files(project) + loaded.ontology_files(project):
        if any(t.subject.value == iri and t.predicate.value == RDF_TYPE for t in source.triples):
            local = re.split(r"[#/]", iri)[-1]
            subject = re.compile(rf"^(<{re.escape(iri)}>|[\w\-]*:{re.escape(local)})(?![\w\-.:])")
            lines = source.path.read_text(encoding="utf-8").splitlines()
            line = next((n for n, text in enumerate(lines, start=1) if subject.match(text)), None)
            return f"{project.relative(source.path)}:{line or _line_of(source.path, iri)}"
    return ""


def check(project: Project, loaded: LoadedSources) -> list[str]:
    """All QC problems of the loaded sources, one line each, in a stable order."""
    problems: list[str] = []
    ontology_files = loaded.ontology_files(project)
    declared = declarations(ontology_files)
    typed_in_data = {_iri(t.subject) for f in loaded.data_files(project) for t in f.triples if t.predicate.value == RDF_TYPE}
    problems += _check_headers(project, ontology_files)
    problems += _check_term_annotations(project, ontology_files)
    problems += _check_unique_labels(project, loaded)
    for source in loaded.files:
        problems += _check_references(project, source, declared, typed_in_data)
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
                problems.append(f"{project.relative(f.path)}:{_line_of(f.path, f.ontology_iri)}: ontology header "
                                f"has no dcterms:{name}; add one")
    return problems


def _check_term_annotations(project: Project, files: list[SourceFile]) -> list[str]:
    problems = []
    for f in files:
        terms = sorted({t.subject.value for t in f.triples
                        if t.predicate.value == RDF_TYPE and _iri(t.object) in TERM_TYPES
                        and _iri(t.subject) and t.subject.value.startswith(LISKG)})
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


def _check_unique_labels(project: Project, loaded: LoadedSources) -> list[str]:
    owners: dict[str, list[tuple[str, Path]]] = defaultdict(list)
    for f in loaded.files:
        for t in f.triples:
            if t.predicate.value == RDFS_LABEL and _iri(t.subject) and t.subject.value.startswith(OWNED_NAMESPACES):
                owners[t.object.value.strip().lower()].append((t.subject.value, f.path))
    problems = []
    for label, holders in sorted(owners.items()):
        subjects = sorted({s for s, _ in holders})
        if len(subjects) > 1:
            path = next(p for s, p in holders if s == subjects[1])
            problems.append(f"{project.relative(path)}:{_line_of(path, subjects[1])}: label {label!r} is used by "
                            f"{', '.join(shorten(s) for s in subjects)}; labels must be unique")
    return problems


def _check_references(project: Project, source: SourceFile, declared: dict[str, Path],
                      typed_in_data: set[str]) -> list[str]:
    problems, reported = [], set()
    skipped = (OWL + "imports", OWL + "versionIRI")
    for t in source.triples:
        predicate, obj = t.predicate.value, t.object
        referenced = obj.value if type(obj) is ox.NamedNode and predicate not in skipped else None
        subject = t.subject.value if type(t.subject) is ox.NamedNode else None
        for is_object, iri in ((False, predicate), (True, referenced), (False, subject)):
            if not iri or iri in reported or iri == source.ontology_iri:
                continue
            if iri.startswith((LISKG, UNIT)):
                if iri not in declared:
                    reported.add(iri)
                    problems.append(f"{project.relative(source.path)}:{_line_of(source.path, iri)}: {shorten(iri)} is "
                                    "not declared in the ontology; check the spelling or declare it in ontology/")
            elif is_object and iri.startswith(LKD) and iri not in typed_in_data:
                reported.add(iri)
                problems.append(f"{project.relative(source.path)}:{_line_of(source.path, iri)}: {shorten(iri)} is used "
                                "but never declared (no rdf:type) in graph_data/; check the spelling or declare it")
    return problems
