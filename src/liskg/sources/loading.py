"""Parse the Turtle sources and follow owl:imports through the catalogs into one set of triples.

The build loads graph_data/ (which grows with the literature) straight into an Oxigraph store and
keeps Python triples only of the ontology's modules, which the term checks read; the publishing
steps load every file as Python triples."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from liskg.base import vocab
from liskg.base.errors import LiskgError
from liskg.base.project import Project
from liskg.sources.catalog import read_catalogs


@dataclass
class SourceFile:
    """One parsed source file and the ontology it declares; TRIPLES is None for a file that was loaded
    into a store only (load_sources with a store: the graph_data/ files)."""

    path: Path
    triples: list[ox.Triple] | None
    ontology_iri: str | None
    imports: list[str]
    places: dict[str, str] | None = None  # a template sheet's: IRI -> "file:row" where it was entered
    cells: dict[tuple[str, ...], str] | None = None  # a template sheet's: the cell of each fact (compile_sheets)

    @property
    def is_sheet(self) -> bool:
        return self.places is not None


@dataclass
class LoadedSources:
    """The import closure of the data root, file by file, in load order."""

    files: list[SourceFile] = field(default_factory=list)

    def ontology_files(self, project: Project) -> list[SourceFile]:
        return [f for f in self.files if f.path.parent == project.ontology_dir.resolve()]

    def data_files(self, project: Project) -> list[SourceFile]:
        return [f for f in self.files if f.path.parent == project.data_dir.resolve()]

    def sheets(self) -> list[SourceFile]:
        """The template sheets (liskg.sources.templates), after the Turtle files."""
        return [f for f in self.files if f.is_sheet]

    def rdf_files(self) -> list[SourceFile]:
        """The Turtle files, which RDF tools (the OWL API, Protégé) read."""
        return [f for f in self.files if not f.is_sheet]


def parse_turtle(path: Path, shown_as: str | None = None) -> list[ox.Triple]:
    """Parse one Turtle file; a syntax error becomes 'file:line:column: message'."""
    shown = shown_as or str(path)
    data = _utf8_bytes(path, shown)
    try:
        return [q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())]
    except SyntaxError as exc:
        raise _turtle_error(shown, exc) from None


def bulk_load_turtle(store: ox.Store, path: Path, shown_as: str | None = None) -> None:
    """Parse one Turtle file into STORE's default graph with Oxigraph's own parser (no Python triples);
    errors as parse_turtle's."""
    shown = shown_as or str(path)
    data = _utf8_bytes(path, shown)
    try:
        store.bulk_load(input=data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
    except SyntaxError as exc:
        raise _turtle_error(shown, exc) from None


def _utf8_bytes(path: Path, shown: str) -> bytes:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LiskgError(f"{shown}: cannot read ({exc.strerror})") from None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:  # Oxigraph lets bad bytes through in comments; later steps read text
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise LiskgError(
            f"{shown}:{line}:{column}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        ) from None
    return data


def _turtle_error(shown: str, exc: SyntaxError) -> LiskgError:
    message = str(exc).split(" (", 1)[0] if str(exc).endswith(")") else str(exc)
    message = re.sub(
        r"^Parser error (between line \d+ column \d+ and line \d+ column \d+|at line \d+ "
        r"between columns \d+ and \d+|at line \d+ column \d+)?:?\s*",
        "",
        message,
    ).strip()
    return LiskgError(f"{shown}:{exc.lineno}:{exc.offset}: Turtle syntax error: {message}")


def declared_ontology(triples: list[ox.Triple]) -> tuple[str | None, list[str]]:
    ontologies = [
        t.subject.value for t in triples if t.predicate.value == vocab.RDF_TYPE and t.object.value == vocab.OWL_ONTOLOGY
    ]
    imports = sorted(t.object.value for t in triples if t.predicate.value == vocab.OWL_IMPORTS)
    return (ontologies[0] if ontologies else None), imports


def walk_imports(
    project: Project,
    root: Path,
    catalog: dict[str, Path],
    store: ox.Store | None = None,
    on_file: Callable[[SourceFile], None] | None = None,
) -> list[SourceFile]:
    """ROOT and every file it imports, transitively, parsed, in load order (breadth-first); each
    owl:imports IRI is resolved to a local file by CATALOG, never fetched. With STORE, every file is also
    loaded into it, and a file outside ontology/ only into it (its header is read back from the store).
    ON_FILE is called with each file once it is loaded."""
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
        if store is not None and path.parent != project.ontology_dir.resolve():
            before = _store_ontologies(store)
            bulk_load_turtle(store, path, project.relative(path))
            triples, (iri, imports) = None, _store_header(store, before)
        else:
            triples = parse_turtle(path, project.relative(path))
            iri, imports = declared_ontology(triples)
            if store is not None:
                store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
        files.append(SourceFile(path, triples, iri, imports))
        if on_file:
            on_file(files[-1])
        for imported in imports:
            target = catalog.get(imported)
            if target is None:
                raise LiskgError(
                    f"{project.relative(path)}: owl:imports <{imported}>, which no catalog-v001.xml maps to a "
                    f'local file; add <uri name="{imported}" uri="FILE"/> to the catalog'
                )
            pending.append((target, project.relative(path)))
    return files


def _store_ontologies(store: ox.Store) -> set[str]:
    return {q.subject.value for q in store.quads_for_pattern(None, _RDF_TYPE, _OWL_ONTOLOGY, ox.DefaultGraph())}


def _store_header(store: ox.Store, before: set[str]) -> tuple[str | None, list[str]]:
    """The ontology a file just loaded into STORE declared (the one not among BEFORE) and its imports."""
    new = sorted(_store_ontologies(store) - before)
    if not new:
        return None, []
    imports = store.quads_for_pattern(ox.NamedNode(new[0]), _OWL_IMPORTS, None, ox.DefaultGraph())
    return new[0], sorted(q.object.value for q in imports)


_RDF_TYPE, _OWL_ONTOLOGY, _OWL_IMPORTS = (
    ox.NamedNode(i) for i in (vocab.RDF_TYPE, vocab.OWL_ONTOLOGY, vocab.OWL_IMPORTS)
)


def load_sources(
    project: Project, store: ox.Store | None = None, on_file: Callable[[SourceFile], None] | None = None
) -> LoadedSources:
    """Load the data root and everything it imports, resolving IRIs with the catalogs; with STORE, into it
    too, the graph_data/ files only there (see walk_imports, which calls ON_FILE)."""
    catalog = read_catalogs([project.data_dir, project.ontology_dir])
    loaded = LoadedSources(walk_imports(project, project.root_file, catalog, store, on_file))
    _check_everything_imported(project, {f.path for f in loaded.files})
    loaded.files += load_sheets(project, loaded, store, on_file)
    return loaded


def load_sheets(
    project: Project,
    loaded: LoadedSources,
    store: ox.Store | None = None,
    on_file: Callable[[SourceFile], None] | None = None,
) -> list[SourceFile]:
    """The template sheets under graph_data/templates/ as sources, compiled against what LOADED holds (in STORE,
    which they are added to, or in a store made of LOADED's triples), ON_FILE called with each."""
    from liskg.sources import sheets, templates

    if not sheets.sheet_files(project.data_dir):
        return []
    if store is None:
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for f in loaded.files for t in f.triples or [])
    files = []
    for path, triples, places, cells in templates.compile_sheets(project, store):
        files.append(SourceFile(path.resolve(), triples, None, [], places, cells))
        if on_file:
            on_file(files[-1])
    return files


def _check_everything_imported(project: Project, loaded: set[Path]) -> None:
    """A Turtle file in the source folders that nothing imports would silently drop out of the graph."""
    for folder in (project.ontology_dir, project.data_dir):
        for path in sorted(folder.glob("*.ttl")):
            if path.resolve() not in loaded and path.resolve() != project.shapes_file.resolve():
                raise LiskgError(
                    f"{project.relative(path)}: not imported by {project.relative(project.root_file)}; add its "
                    "ontology IRI to owl:imports there and a <uri> line to catalog-v001.xml"
                )
