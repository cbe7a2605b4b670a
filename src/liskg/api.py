"""The Python API: what the `liskg` command does, as functions with keyword-only options (see docs/api.md).

- build(project)       check the sources and write build/; raises CheckFailed or LiskgError on failure
- open_store(project)  the built graph in a pyoxigraph Store (rebuilds only when `rebuild` allows it)
- query(project, q)    a named query, a .rq file or SPARQL text; rows of Cells with a label and a value
- graph(project)       the drawn graph as a networkx MultiDiGraph (asserted links by default)
- status(project)      whether build/ is current, and which checks it passed

Nothing here prints. A query runs in this process by default (timeout=None): no fork, so it works on
Windows and in Jupyter; a timeout runs it in a forked child that is killed at the bound (POSIX only).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

import pyoxigraph as ox

from liskg.base import engine, manifest, named, vocab
from liskg.base.errors import LiskgError
from liskg.base.labels import Labeller
from liskg.base.project import Project, find_project
from liskg.querying import store

if TYPE_CHECKING:
    import networkx as nx

    from liskg.builder.pipeline import BuildResult

Rebuild = Literal["if-stale", "never"]
ProjectLike = Project | str | os.PathLike | None


def project_of(project: ProjectLike) -> Project:
    """A Project from a Project, a folder path, or None (the checkout or $LISKG_HOME, see Project.find)."""
    return project if isinstance(project, Project) else find_project(project)


def build(
    project: ProjectLike = None,
    *,
    validate: bool = True,
    reason: bool = False,
    owlapi: bool = False,
    if_stale: bool = False,
    progress: bool = False,
) -> BuildResult | None:
    """Check the sources and write build/: quality checks, inference, SHACL (validate), HermiT (reason),
    the OWL API's OWL 2 DL check (owlapi). Raises CheckFailed (exit 1) or LiskgError; writes nothing then.

    if_stale=True builds only when build/ is not current for these checks (a build that skipped SHACL
    is never current for a validating build) and returns None when nothing needed building.
    progress=True prints one line per step on stderr.
    """
    from liskg.builder import pipeline  # 90 ms at start-up (rdflib, SHACL): only build() needs it

    project = project_of(project)
    need = [c for c, wanted in (("shacl", validate), ("hermit", reason), ("owlapi", owlapi)) if wanted]
    if if_stale and manifest.stale_reason(project, need=need) is None:
        return None
    return pipeline.build(project, validate=validate, reason=reason, owlapi=owlapi, quiet=not progress)


def open_store(project: ProjectLike = None, *, inferred: bool = True, rebuild: Rebuild = "if-stale") -> ox.Store:
    """The built graph in an in-memory pyoxigraph Store: asserted + materialized triples, or with
    inferred=False the asserted ones only.

    rebuild="if-stale" (default) first builds quietly (quality checks, inference, SHACL; no Java) when
    build/ is missing or older than the sources; rebuild="never" raises LiskgError instead.
    """
    project = project_of(project)
    reason = manifest.stale_reason(project)
    if reason and rebuild == "never":
        raise LiskgError(
            f"{project.relative(project.build_dir)}/ is not current ({reason}); "
            "run `liskg build` or liskg.build(project)"
        )
    if reason:
        build(project)
    return store.load(project, inferred=inferred)


@dataclass(frozen=True)
class Status:
    """Whether build/ can be read as it is, and which checks made it."""

    stale: str | None  # why it is not current, or None
    checks: list[str]  # the checks the last build ran: "qc", "shacl", "hermit", "owlapi"

    @property
    def validated(self) -> bool:
        return "shacl" in self.checks


def status(project: ProjectLike = None) -> Status:
    project = project_of(project)
    return Status(manifest.stale_reason(project), manifest.checks_run(project))


@dataclass(frozen=True)
class Cell:
    """One value of a result row: the RDF term, its Python value, and the text a person reads."""

    term: ox.NamedNode | ox.BlankNode | ox.Literal | None
    value: object  # an IRI as str; int, Decimal, float, bool or str for a literal; None when unbound
    label: str  # rdfs:label of an IRI (else its prefixed name), a number without trailing zeros, the text


@dataclass(frozen=True)
class Answer:
    """A query's answer: rows (dicts of Cells by variable) for SELECT, triples as rows for CONSTRUCT, boolean for ASK."""

    form: str  # "select", "ask" or "graph"
    variables: list[str]
    rows: list[dict[str, Cell]]
    boolean: bool | None = None

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def labels(self) -> list[dict[str, str]]:
        """The rows as text people read (for a table or pandas.DataFrame)."""
        return [{name: cell.label for name, cell in row.items()} for row in self.rows]

    def values(self) -> list[dict[str, object]]:
        """The rows as Python values: IRIs as str, numbers as int, Decimal or float."""
        return [{name: cell.value for name, cell in row.items()} for row in self.rows]


def query(
    source: ProjectLike | ox.Store,
    text: str,
    *,
    inferred: bool = True,
    timeout: float | None = None,
    rebuild: Rebuild = "if-stale",
) -> Answer:
    """Answer TEXT, a named query (queries/NAME.rq), a path to a .rq file, or SPARQL text, over SOURCE: a
    project (opened with open_store(inferred=, rebuild=)) or an open pyoxigraph Store.

    timeout=None (default) evaluates in this process; a number of seconds forks a child that is killed
    at the bound (POSIX only) and raises TimedOut.
    """
    if isinstance(source, ox.Store):
        graph_store, resolved = source, named.Query("text", text, "query")
        if not _is_sparql(text):
            resolved = named.resolve(find_project(None), text)
    else:
        project = project_of(source)
        resolved = named.Query("text", text, "query") if _is_sparql(text) else named.resolve(project, text)
        graph_store = open_store(project, inferred=inferred, rebuild=rebuild)
    result = engine.run(graph_store, resolved.text, timeout=timeout, origin=resolved.origin)
    labels = Labeller(graph_store)
    rows = [
        {name: Cell(term, _value(term), labels.text(term)) for name, term in zip(result.variables, row)}
        for row in result.rows
    ]
    return Answer(result.form, list(result.variables), rows, result.boolean)


def _is_sparql(text: str) -> bool:
    return engine.first_keyword(text) in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"} or "{" in text


def _value(term) -> object:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    datatype = term.datatype.value
    try:
        if datatype == vocab.XSD + "boolean":
            return term.value == "true" or term.value == "1"
        if datatype in (vocab.XSD + "double", vocab.XSD + "float"):
            return float(term.value)
        if datatype == vocab.XSD + "decimal":
            return Decimal(term.value)
        if datatype in vocab.NUMERIC_TYPES:
            return int(term.value)
    except (ArithmeticError, ValueError):  # a malformed literal keeps its text
        pass
    return term.value


def graph(project: ProjectLike = None, *, asserted: bool = True, rebuild: Rebuild = "if-stale") -> nx.MultiDiGraph:
    """The graph `liskg viz` draws, as a networkx MultiDiGraph: nodes with kind, label, summary, key numbers;
    links named by relation. asserted=False reads the materialized triples too, which repeats a link
    under each super-property (more edges, not the drawn graph)."""
    from liskg.viz import model  # 480 ms at start-up (networkx): only graph() needs it

    return model.build_graph(open_store(project, inferred=not asserted, rebuild=rebuild))
