"""Parse the Turtle sources and follow owl:imports through the catalogs into one set of triples."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import LiskgError
from liskg.project import Project
from liskg.sources.catalog import read_catalogs


@dataclass
class SourceFile:
    """One parsed source file and the ontology it declares."""

    path: Path
    triples: list[ox.Triple]
    ontology_iri: str | None
    imports: list[str]


@dataclass
class LoadedSources:
    """The import closure of the data root, file by file, in load order."""

    files: list[SourceFile] = field(default_factory=list)

    def triples(self) -> list[ox.Triple]:
        return [t for f in self.files for t in f.triples]

    def ontology_files(self, project: Project) -> list[SourceFile]:
        return [f for f in self.files if f.path.parent == project.ontology_dir.resolve()]

    def data_files(self, project: Project) -> list[SourceFile]:
        return [f for f in self.files if f.path.parent == project.data_dir.resolve()]


def parse_turtle(path: Path, shown_as: str | None = None) -> list[ox.Triple]:
    """Parse one Turtle file; a syntax error becomes 'file:line:column: message'."""
    shown = shown_as or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LiskgError(f"{shown}: cannot read ({exc.strerror})") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:  # Oxigraph lets bad bytes through in comments; later steps read text
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise LiskgError(f"{shown}:{line}:{column}: not UTF-8 text (byte 0x{data[exc.start]:02x}); "
                         "save the file as UTF-8") from None
    try:
        return [q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())]
    except SyntaxError as exc:
        message = str(exc).split(" (", 1)[0] if str(exc).endswith(")") else str(exc)
        message = re.sub(r"^Parser error (between line \d+ column \d+ and line \d+ column \d+|at line \d+ "
                         r"between columns \d+ and \d+|at line \d+ column \d+)?:?\s*", "", message).strip()
        raise LiskgError(f"{shown}:{exc.lineno}:{exc.offset}: Turtle syntax error: {message}") from None


def declared_ontology(triples: list[ox.Triple]) -> tuple[str | None, list[str]]:
    ontologies = [t.subject.value for t in triples
                  if t.predicate.value == vocab.RDF_TYPE and t.object.value == vocab.OWL_ONTOLOGY]
    imports = sorted(t.object.value for t in triples if t.predicate.value == vocab.OWL_IMPORTS)
    return (ontologies[0] if ontologies else None), imports


def walk_imports(project: Project, root: Path, catalog: dict[str, Path]) -> list[SourceFile]:
    """ROOT and every file it imports, transitively, parsed, in load order (breadth-first); each
    owl:imports IRI is resolved to a local file by CATALOG, never fetched."""
    files: list[SourceFile] = []
    seen: set[Path] = set()
    pending: list[tuple[Path, str | None]] = [(root.resolve(), None)]
    while pending:
        path, importer = pending.pop(0)
        if path in seen:
            continue
        if not path.exists():
            raise LiskgError(f"{project.relative(path)}: file not found (imported by {importer or 'the build'})")
        seen.add(path)
        triples = parse_turtle(path, project.relative(path))
        iri, imports = declared_ontology(triples)
        files.append(SourceFile(path, triples, iri, imports))
        for imported in imports:
            target = catalog.get(imported)
            if target is None:
                raise LiskgError(
                    f"{project.relative(path)}: owl:imports <{imported}>, which no catalog-v001.xml maps to a "
                    f"local file; add <uri name=\"{imported}\" uri=\"FILE\"/> to the catalog"
                )
            pending.append((target, project.relative(path)))
    return files


def load_sources(project: Project) -> LoadedSources:
    """Load the data root and everything it imports, resolving IRIs with the catalogs."""
    catalog = read_catalogs([project.data_dir, project.ontology_dir])
    loaded = LoadedSources(walk_imports(project, project.root_file, catalog))
    _check_everything_imported(project, {f.path for f in loaded.files})
    return loaded


def _check_everything_imported(project: Project, loaded: set[Path]) -> None:
    """A Turtle file in the source folders that nothing imports would silently drop out of the graph."""
    for folder in (project.ontology_dir, project.data_dir):
        for path in sorted(folder.glob("*.ttl")):
            if path.resolve() not in loaded and path.resolve() != project.shapes_file.resolve():
                raise LiskgError(
                    f"{project.relative(path)}: not imported by {project.relative(project.root_file)}; add its "
                    "ontology IRI to owl:imports there and a <uri> line to catalog-v001.xml"
                )
