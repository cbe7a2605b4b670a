"""The Python API: everything the `liskg` command does, as functions with keyword-only options (docs/api.md).

Writing build/ and releases:
- build(project)             check the sources and write build/; raises CheckFailed or LiskgError on failure
- validate(project)          build with SHACL; the violations, one line each (none: build/ is written)
- reason(project)            build with HermiT (no SHACL); HermiT's report
- status(project)            whether build/ is current, and which checks it passed
- docs(project)              the ontology reference page (build/docs/index.html)
- release(project)           every format, the EMMO alignment, VoID, checksums (build/release/)
Reading the build (each rebuilds first when the sources changed, unless rebuild="never"; rebuild="last-good" reads
the last successful build as it is, which a broken source leaves in place):
- open_store(project)        the built graph in a pyoxigraph Store
- query(source, q)           a named query, a .rq file or SPARQL text; rows of Cells with a label and a value
- answer_text(project, q)    a query's answer as `liskg query` prints it, from the answer the build kept
- named_queries(project)     the named queries, with their questions
- strategies(source)         strategies by interface, electrolyte, method and numbers, as a table
- study, material, failure, method (source, name): the look-up reports
- names(source, kind)        the names a template cell of a kind accepts (quantities, units, materials, ...)
- compare(source)            the numbers of studies side by side, one column per quantity
- evidence(source, s, p, o)  how the graph knows a link: the review's sentences, or the editors' reason
- why(source, s, p, o)       the same as text: the sentences in quotation marks, with section and references
- stats(source)              what the graph holds and how the drawn graph is connected
- graph(project)             the drawn graph as a networkx MultiDiGraph (asserted links by default)
- page(project)              the interactive HTML page: the whole graph, a query's answer or a neighbourhood
- export(project)            the drawn graph as GraphML, GEXF or JSON
- chart(source, name), plot(source, name, path): the review's charts, as Vega-Lite or SVG/PNG
- serve(project)             a read-only SPARQL endpoint, until stopped

SOURCE is a project (a Project, a folder path, or None for Project.find()) or an open pyoxigraph Store.
Nothing here prints. Queries run in this process by default (timeout=None): no fork, so they work on
Windows and in Jupyter; a timeout runs the whole work in a forked child that is killed at the bound
(POSIX only; TimedOut). The stages are imported by the function that needs them, so that importing this
module (every `liskg` command does) costs a few milliseconds.
"""

from __future__ import annotations

import os
from pathlib import Path

from liskg.base import manifest, named
from liskg.base.errors import LiskgError, ShaclViolations
from liskg.base.project import Project, find_project

TYPE_CHECKING = False  # typing's constant, without importing typing (as liskg.base.project does)
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Literal, TypeVar

    import networkx as nx
    import pyoxigraph as ox

    from liskg.builder.diff import Diff
    from liskg.builder.pipeline import BuildResult
    from liskg.builder.reasoning import ReasonerReport
    from liskg.publish.release import ReleaseResult
    from liskg.querying.evidence import Said
    from liskg.querying.results import Answer
    from liskg.viz.metrics import Stats

ProjectLike = Project | str | os.PathLike | None
if TYPE_CHECKING:
    Rebuild = Literal["if-stale", "never", "last-good"]
    Source = ProjectLike | ox.Store  # a project, or an open store of the built graph
    Function = TypeVar("Function", bound=Callable[..., object])

# The options the readers share, written once as their docstrings show them; @_options(...) adds them to the end
# of a function's Options block, so that help() shows each one whole.
_SHARED_OPTIONS = {
    "width": "width: wrap tables and text to that many columns; None (default) keeps one line per row.",
    "inferred": "inferred: read the asserted + materialized triples (default), or with False the asserted ones only.",
    "timeout": "timeout: None (default) works in this process; a number of seconds runs the whole work in a forked\n"
    "        child killed at the bound (POSIX only), raising TimedOut.",
    "rebuild": 'rebuild: "if-stale" (default) builds quietly first (quality checks, inference, SHACL; no Java) when\n'
    '        build/ is missing or older than the sources; "never" raises LiskgError instead;\n'
    '        "last-good" reads the last successful build as it is (a broken source leaves it in place).',
}


def _options(*names: str) -> Callable[[Function], Function]:
    """Add the shared options NAMES to the end of the function's docstring, in its Options block (begun when the
    docstring has none)."""

    def add(function: Function) -> Function:
        doc = function.__doc__
        if doc is not None:  # None under python -OO
            block = "" if "\n    Options:\n" in doc else "\n\n    Options:"
            function.__doc__ = doc.rstrip() + block + "".join(f"\n    {_SHARED_OPTIONS[n]}" for n in names) + "\n    "
        return function

    return add


def __getattr__(name: str):
    """Answer and Cell (liskg.querying.results), imported on first use: pyoxigraph is 9 ms at start-up."""
    if name in ("Answer", "Cell"):
        from liskg.querying import results

        return getattr(results, name)
    raise AttributeError(f"module 'liskg.api' has no attribute {name!r}")


def project_of(project: ProjectLike) -> Project:
    """A Project from a Project, a folder path, or None (the checkout or $LISKG_HOME, see Project.find)."""
    return project if isinstance(project, Project) else find_project(project)


def _is_project(source: object) -> bool:
    return source is None or isinstance(source, (Project, str, os.PathLike))


# ---- writing build/ and releases ------------------------------------------------------------------


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

    Options:
    validate, reason, owlapi: the checks to run besides the quality checks (validate: SHACL, default on).
    if_stale: build only when build/ is not current for these checks (a build that skipped SHACL is never
        current for a validating build); return None when nothing needed building.
    progress: print one line per step on stderr.
    """
    from liskg.builder import pipeline  # 90 ms at start-up (rdflib, SHACL): only a build needs it

    project = project_of(project)
    need = [c for c, wanted in (("shacl", validate), ("hermit", reason), ("owlapi", owlapi)) if wanted]
    if if_stale and manifest.stale_reason(project, need=need) is None:
        return None
    return pipeline.build(project, validate=validate, reason=reason, owlapi=owlapi, quiet=not progress)


def validate(project: ProjectLike = None, *, progress: bool = False) -> list[str]:
    """Build with SHACL validation and return the violations, one line each: shape, focus node and its label,
    path, what is missing. An empty list means every record conforms, and build/ was written.

    Other failed checks raise CheckFailed.

    Options:
    progress: print one line per build step on stderr.
    """
    try:
        build(project, validate=True, progress=progress)
    except ShaclViolations as exc:
        return list(exc.violations)
    return []


def new_study(project: ProjectLike, name: str, *, sheets: tuple[str, ...] = ()) -> list[Path]:
    """Write a blank, commented set of template sheets to fill in for one paper into
    graph_data/templates/NAME/ (docs/extending.md, "Adding a paper from a spreadsheet"); their paths. An
    existing sheet is never overwritten (LiskgError, nothing written).

    Options:
    sheets: the sheets to write (studies, strategies, cells, measurements, materials); () for all of them.
    """
    from liskg.sources import sheets as blank_sheets

    return blank_sheets.write_blank(project_of(project).data_dir, name, list(sheets) or None)


def diff(project: ProjectLike = None, *, rebuild: Rebuild = "if-stale") -> Diff:
    """What the last change of the sources did: the asserted triples added and removed, by source file (module
    or template sheet), and for every named query the answer rows added and removed, between the build before
    the most recent change of the sources (build/previous/) and the build; a Diff, whose report() is what
    `liskg diff` prints. Only the last change shows: after a second edit the first is on both sides.

    Options:
    rebuild: "if-stale" (default) builds quietly first when build/ is missing or older than the sources (the
        build keeps the one it replaces for the comparison); "never" raises LiskgError instead;
        "last-good" reads the last successful build as it is (a broken source leaves it in place).
    """
    from liskg.builder import diff as compare_builds

    project = project_of(project)
    _current(project, rebuild)
    return compare_builds.diff(project)


def reason(project: ProjectLike = None, *, progress: bool = False) -> ReasonerReport:
    """Build with HermiT and without SHACL, and return HermiT's report (consistency, unsatisfiable classes).
    An inconsistent graph raises CheckFailed naming the clashing individuals; the build it writes is
    unvalidated (status(project).validated is False) until a validating build.

    Options:
    progress: print one line per build step on stderr.
    """
    result = build(project, validate=False, reason=True, progress=progress)
    assert result is not None and result.reasoner_report is not None  # built, with HermiT's report
    return result.reasoner_report


class Status:
    """Whether build/ can be read as it is, and which checks made it."""

    __slots__ = ("stale", "checks")

    def __init__(self, stale: str | None, checks: list[str]):
        self.stale = stale  # why it is not current, or None
        self.checks = checks  # the checks the last build ran: "qc", "shacl", "hermit", "owlapi"

    def __repr__(self) -> str:
        return f"Status(stale={self.stale!r}, checks={self.checks!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Status) and (self.stale, self.checks) == (other.stale, other.checks)

    @property
    def validated(self) -> bool:
        return "shacl" in self.checks

    @property
    def warning(self) -> str | None:
        """The line a reader shows when the build skipped SHACL validation, else None."""
        return None if self.validated else manifest.UNVALIDATED


def status(project: ProjectLike = None) -> Status:
    """Whether build/ is current (stale: why not, or None) and which checks made it."""
    project = project_of(project)
    return Status(manifest.stale_reason(project), manifest.checks_run(project))


def docs(project: ProjectLike = None, *, output: str | os.PathLike | None = None) -> Path:
    """Write the ontology reference page (every class, property and individual, with the class tree, uses,
    examples and EMMO mappings) and return its path.

    Options:
    output: the folder of index.html (default build/docs/).
    """
    from liskg.publish import reference  # 600 ms at start-up (Ontospy, rdflib)

    return reference.write_docs(project_of(project), Path(output) if output else None)


def release(
    project: ProjectLike = None, *, progress: bool = False, sparql_endpoint: str | None = None
) -> ReleaseResult:
    """Check the graph for release and write build/release/ (every format, the EMMO alignment, VoID/DCAT,
    SHA256SUMS), and return what was written; raises CheckFailed (nothing written) when a check fails.
    Needs Java.

    Options:
    progress: print one line per step on stderr.
    sparql_endpoint: the URL of a SPARQL endpoint that serves the release, named in void.ttl (none by default).
    """
    from liskg.publish import release as releasing  # 450 ms at start-up (rdflib, the build)

    return releasing.release(project_of(project), quiet=not progress, sparql_endpoint=sparql_endpoint)


# ---- reading the build ----------------------------------------------------------------------------


def _current(project: Project, rebuild: Rebuild) -> None:
    """Build quietly when build/ is missing or older than the sources, or raise LiskgError (rebuild="never");
    with rebuild="last-good", read the last successful build, current or not (LiskgError when there is none)."""
    _make_current(project, rebuild, None if rebuild == "last-good" else manifest.stale_reason(project))


def _make_current(project: Project, rebuild: Rebuild, stale: str | None) -> None:
    """_current, with STALE the manifest.stale_reason(project) the caller has just read."""
    if rebuild == "last-good":
        missing = manifest.unreadable_reason(project)
        if missing:
            raise LiskgError(
                f"{project.relative(project.build_dir)}/ holds no build to read ({missing}); run `liskg build`"
            )
        return
    if stale and rebuild == "never":
        raise LiskgError(
            f"{project.relative(project.build_dir)}/ is not current ({stale}); run `liskg build` or liskg.build(project)"
        )
    if stale:
        build(project)


@_options("inferred", "rebuild")
def open_store(project: ProjectLike = None, *, inferred: bool = True, rebuild: Rebuild = "if-stale") -> ox.Store:
    """The built graph in a pyoxigraph Store: asserted + materialized triples (build/liskg-store/ opened
    read-only; updates raise RuntimeError), or the asserted ones only, parsed into memory.
    """
    from liskg.querying import store  # 24 ms at start-up (pyoxigraph)

    project = project_of(project)
    _current(project, rebuild)
    return store.load(project, inferred=inferred)


def _store(source: Source, inferred: bool, rebuild: Rebuild) -> ox.Store:
    """SOURCE itself when it is a Store, else its project's store (see open_store)."""
    return open_store(source, inferred=inferred, rebuild=rebuild) if _is_project(source) else source  # type: ignore[arg-type,return-value]


def _bounded(work: Callable[[], str], timeout: float | None, origin: str) -> str:
    """WORK's text, in this process (timeout=None) or in a forked child killed after TIMEOUT seconds."""
    if timeout is None:
        return work()
    from liskg.base import runner  # 9 ms at start-up (pyoxigraph)

    return runner.bounded(lambda: work().encode(), timeout, origin).decode()


@_options("inferred", "timeout", "rebuild")
def query(
    source: Source,
    text: str,
    *,
    inferred: bool = True,
    timeout: float | None = None,
    allow_service: Iterable[str] = (),
    rebuild: Rebuild = "if-stale",
) -> Answer:
    """Answer TEXT, a named query (queries/NAME.rq), a path to a .rq file, or SPARQL text, over SOURCE: a
    project (opened with open_store) or an open pyoxigraph Store; an Answer of rows of Cells.

    Every query is checked against the bounds of liskg.base.bounds (length, nesting depth, triple
    patterns) before Oxigraph parses it: over one, LiskgError with one line.

    Options:
    allow_service: host names (or host:port) a SERVICE clause may send the query to; none by default, so
        a query with SERVICE raises LiskgError and nothing leaves this machine.
    """
    from liskg.base import runner
    from liskg.base.labels import Labeller
    from liskg.querying import results  # 30 ms at start-up (pyoxigraph, labels)

    if _is_sparql(text):
        resolved = named.Query("text", text, "query")
    else:
        resolved = named.resolve(project_of(source if _is_project(source) else None), text)  # type: ignore[arg-type]
    graph_store = _store(source, inferred, rebuild)
    result = runner.run(
        graph_store, resolved.text, timeout=timeout, origin=resolved.origin, allow_service=tuple(allow_service)
    )
    return results.answer(result, Labeller(graph_store))


def _is_sparql(text: str) -> bool:
    from liskg.base import engine

    return engine.first_keyword(text) in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"} or "{" in text


def named_queries(project: ProjectLike = None) -> dict[str, named.Query]:
    """The named queries (queries/*.rq) by name, sorted, each with its .text, .question and .answer."""
    return named.named_queries(project_of(project))


@_options("width", "inferred", "timeout", "rebuild")
def answer_text(
    project: ProjectLike = None,
    query: str | None = None,
    *,
    expr: str | None = None,
    format: str = "table",
    width: int | None = None,
    labels: bool = False,
    inferred: bool = True,
    evaluate: bool = False,
    timeout: float | None = None,
    allow_service: Iterable[str] = (),
    rebuild: Rebuild = "if-stale",
) -> str:
    """The answer of QUERY (a named query or a .rq file) or of EXPR, as `liskg query` prints it.

    A named query whose text the build answered is printed from that answer (milliseconds at any size),
    unless evaluate=True or inferred=False; a text no build has parsed is checked before any rebuild.

    Options:
    expr: SPARQL text instead of QUERY.
    format: table or md (labels, numbers with units), csv, tsv, json or xml (the W3C results formats),
        nt or ttl (CONSTRUCT and DESCRIBE).
    labels: csv and tsv get a label column beside each IRI column.
    evaluate: evaluate on the store even when the build kept this query's answer.
    allow_service: host names (or host:port) a SERVICE clause may send the query to (default: none).
    """
    from liskg.querying import answers

    project = project_of(project)
    if query and expr is not None:
        raise LiskgError("give either a query name or file, or -e 'SPARQL', not both")
    resolved = named.resolve(project, query, expr)
    stale = manifest.stale_reason(project)
    if stale and (evaluate or not inferred or answers.kept(project, resolved) is None):
        from liskg.base import engine  # 11 ms at start-up (pyoxigraph): an answer the build kept needs none

        # its bounds, SERVICE and syntax errors come before the rebuild; on a current build the one check
        # is runner.run's, before it evaluates
        engine.check(resolved.text, resolved.origin, allow_service=tuple(allow_service))
    _make_current(project, rebuild, stale)
    return answers.text(
        project,
        resolved,
        format,
        width=width,
        labels=labels,
        inferred=inferred,
        evaluate=evaluate,
        timeout=timeout,
        allow_service=tuple(allow_service),
    )


@_options("width", "inferred", "timeout", "rebuild")
def strategies(
    source: Source = None,
    *,
    interface: str | None = None,
    electrolyte: str | None = None,
    method: str | None = None,
    quantity: str | None = None,
    minimum: str | None = None,
    maximum: str | None = None,
    format: str = "table",
    width: int | None = None,
    labels: bool = False,
    evidence: bool = False,
    inferred: bool = True,
    timeout: float | None = None,
    rebuild: Rebuild = "if-stale",
) -> str:
    """The strategies the cited studies applied, with every number reported as their outcome, as text (in
    table and md, under a line saying what was understood).

    Options:
    interface: a numeral (I-IV) or a name (Li/SSE).
    electrolyte: a class at any level (oxide, garnet) or a material (LLZO, and what is made from it).
    method: a processing method, narrower ones included (pressing).
    quantity: keep the outcomes of this quantity (specific capacity).
    minimum, maximum: keep outcomes within bounds given with a unit ('1000 mAh/g'), converted through the
        units' QUDT conversion multipliers.
    format, labels: as in answer_text().
    evidence: also the sentences behind each listed strategy's links (table and md), quoted with their
        sections, or the editors' reason.
    """
    from liskg.querying.lookups import Lookups  # 110 ms at start-up (pyoxigraph, the look-ups)

    store = _store(source, inferred, rebuild)
    selection: dict[str, str | None] = dict(
        interface=interface, electrolyte=electrolyte, method=method, quantity=quantity, minimum=minimum, maximum=maximum
    )
    return _bounded(
        lambda: Lookups(store, width=width).strategies_report(format, labels=labels, evidence=evidence, **selection),
        timeout,
        "strategies",
    )


def _report(kind: str, source: Source, text: str, width, inferred, timeout, rebuild, **options) -> str:
    from liskg.querying.lookups import Lookups  # 110 ms at start-up (pyoxigraph, the look-ups)

    store = _store(source, inferred, rebuild)
    return _bounded(lambda: getattr(Lookups(store, width=width), f"{kind}_report")(text, **options), timeout, kind)


@_options("width", "inferred", "timeout", "rebuild")
def study(
    source: Source,
    text: str,
    *,
    width: int | None = None,
    evidence: bool = False,
    inferred: bool = True,
    timeout: float | None = None,
    rebuild: Rebuild = "if-stale",
) -> str:
    """Everything the graph knows about the cited studies TEXT names (a reference number, or author or label
    text): sections, summary, strategies, cells and numbers, as text.

    Options:
    evidence: also the sentences behind every link of the study, its strategies, cells and numbers, quoted
        with their sections, or the editors' reason.
    """
    return _report("study", source, text, width, inferred, timeout, rebuild, evidence=evidence)


@_options("width", "inferred", "timeout", "rebuild")
def material(
    source: Source,
    text: str,
    *,
    width: int | None = None,
    inferred: bool = True,
    timeout: float | None = None,
    rebuild: Rebuild = "if-stale",
) -> str:
    """The materials TEXT names (a label, synonym or formula): classes, who uses or forms them, failure modes,
    numbers, as text.
    """
    return _report("material", source, text, width, inferred, timeout, rebuild)


@_options("width", "inferred", "timeout", "rebuild")
def failure(
    source: Source,
    text: str,
    *,
    width: int | None = None,
    inferred: bool = True,
    timeout: float | None = None,
    rebuild: Rebuild = "if-stale",
) -> str:
    """The failure modes TEXT names, and the members of failure-mode classes it names: where they occur, what
    causes them, what mitigates or risks them, as text.
    """
    return _report("failure", source, text, width, inferred, timeout, rebuild)


@_options("width", "inferred", "timeout", "rebuild")
def method(
    source: Source,
    text: str,
    *,
    width: int | None = None,
    evidence: bool = False,
    inferred: bool = True,
    timeout: float | None = None,
    rebuild: Rebuild = "if-stale",
) -> str:
    """The processing method TEXT names (the broadest when several match): its narrower methods, the failure
    modes it mitigates, risks and leaves unsolved, what the review says of its broader methods (marked
    inherited), the strategies that applied it with their numbers, as text.

    Options:
    evidence: also the sentences of each effect statement, its own, its narrower methods' and inherited.
    """
    return _report("method", source, text, width, inferred, timeout, rebuild, evidence=evidence)


@_options("inferred", "rebuild")
def names(
    source: Source,
    kind: str,
    containing: str | None = None,
    *,
    width: int | None = None,
    inferred: bool = True,
    rebuild: Rebuild = "if-stale",
) -> str:
    """The names a template cell of KIND accepts (quantities, units, materials, material-classes, roles, methods,
    interfaces, failure-modes, cell-formats: liskg.base.names.KINDS), as a table: each label, then its other
    names (a unit's symbol, synonyms, formulas, numerals), and the count.

    Options:
    containing: only the rows with a name that contains this text (compared as names are: case and
        sub/superscripts aside).
    width: wrap the table to that many columns; None (default) keeps one line per row.
    """
    from liskg.base.names import KINDS, Names, normalize
    from liskg.querying import grid

    if kind not in KINDS:
        raise LiskgError(f"no kind of name is called {kind!r}; the kinds: {', '.join(KINDS)}")
    rows = Names(_store(source, inferred, rebuild)).accepted(kind)
    if containing is not None:
        needle = normalize(containing)
        rows = [(label, others) for label, others in rows if any(needle in normalize(n) for n in [label, *others])]
        if not rows:
            raise LiskgError(f"none of the {kind}' names contains {containing!r}; `liskg names {kind}` lists them all")
    return grid.counted(["name", "also written"], [[label, ", ".join(others)] for label, others in rows], width=width)


@_options("inferred", "timeout", "rebuild")
def compare(
    source: Source = None,
    *,
    interface: str | None = None,
    electrolyte: str | None = None,
    method: str | None = None,
    quantity: str | None = None,
    rows: str = "study",
    units: tuple[str, ...] = (),
    format: str = "table",
    width: int | None = None,
    evidence: bool = False,
    inferred: bool = True,
    timeout: float | None = None,
    rebuild: Rebuild = "if-stale",
) -> str:
    """The numbers of the selected studies side by side, as text: one column per quantity in one unit (values
    in other units converted, the reported value kept beside), baselines and conditions in the cells
    (docs/compare.md).

    Options:
    interface, electrolyte, method, quantity: select as strategies() does (electrolyte and method: classes).
    rows: "study" (default), or "strategy" for one row per strategy.
    units: unit symbols columns are shown in ("mS cm-1").
    format: table, csv, md or latex (booktabs).
    width: a table is fitted to this many columns, wrapped at spaces (None: one line per row).
    evidence: also the sentences that give each number shown (table and md), quoted with their sections.
    """
    from liskg.querying.compare import Comparer  # 57 ms at start-up (pyoxigraph, the name resolver)

    store = _store(source, inferred, rebuild)
    selection = dict(interface=interface, electrolyte=electrolyte, method=method, quantity=quantity)

    def work() -> str:
        comparison = Comparer(store).compare(rows=rows, units=tuple(units), **selection)
        shown = comparison.render(format, width)
        if not evidence or format not in ("table", "md"):
            return shown
        from liskg.querying.evidence import EvidenceReader

        reader = EvidenceReader(store)
        said = reader.nodes(comparison.measurements)
        return shown + "\n\nEvidence (the sentences that give each number)\n" + reader.render(said, width)

    return _bounded(work, timeout, "compare")


@_options("inferred", "rebuild")
def evidence(
    source: Source,
    subject: str,
    predicate: str | None = None,
    object: str | None = None,
    *,
    inherited: bool = False,
    inferred: bool = True,
    rebuild: Rebuild = "if-stale",
) -> list[Said]:
    """How the graph knows the links SUBJECT PREDICATE OBJECT, each a name as a person types it
    (liskg.base.names: "Sharafi [107]", "at interface", "Li/SSE"): a list of Said, one per link, with the
    review's sentences that state it (Quote: words, section, the references it cites) or the editors' reason.
    A study stands for its strategies, cells and numbers, a claim for its effect statements; a method's
    "risks", "mitigates" and "leaves unsolved" are its effect statements. Without PREDICATE and OBJECT,
    every link of SUBJECT and the sentences on it (a number, a claim).

    Options:
    inherited: for a method, also what the review says of its broader methods, marked "inherited from ...".
    """
    from liskg.querying.evidence import EvidenceReader  # pyoxigraph and the name resolver, on first use

    return EvidenceReader(_store(source, inferred, rebuild)).why(subject, predicate, object, inherited=inherited)


@_options("inferred", "timeout", "rebuild")
def why(
    source: Source,
    subject: str,
    predicate: str | None = None,
    object: str | None = None,
    *,
    width: int | None = None,
    inherited: bool = False,
    inferred: bool = True,
    timeout: float | None = None,
    rebuild: Rebuild = "if-stale",
) -> str:
    """evidence() as text: each link in labels, then the sentences that state it in quotation marks with their
    section and the references they cite (or the editors' reason), and the attribution of the quotations.

    Options:
    width: wrap the text to that many columns; None (default) keeps each sentence on one line.
    inherited: as in evidence().
    """
    from liskg.querying.evidence import EvidenceReader

    store = _store(source, inferred, rebuild)

    def work() -> str:
        said = evidence(store, subject, predicate, object, inherited=inherited)
        return EvidenceReader(store).render(said, width)

    return _bounded(work, timeout, "why")


@_options("rebuild")
def stats(source: Source = None, *, inferred: bool = True, rebuild: Rebuild = "if-stale") -> Stats:
    """What the graph holds (counts, materials by role) and the network metrics of the graph `liskg viz` draws
    (nodes by kind, links by relation, hubs, components), as a Stats.

    Options:
    inferred: count the asserted + materialized triples (default), or with False the asserted ones only.
        The drawn graph is always read from the asserted triples (from SOURCE itself when it is a store).
    """
    from liskg.viz import metrics  # 170 ms at start-up (networkx)

    counted = _store(source, inferred, rebuild)
    drawn = counted if not inferred or not _is_project(source) else _store(source, False, "last-good")
    return metrics.summary(counted, drawn)


@_options("rebuild")
def graph(project: ProjectLike = None, *, asserted: bool = True, rebuild: Rebuild = "if-stale") -> nx.MultiDiGraph:
    """The graph `liskg viz` draws, as a networkx MultiDiGraph: nodes with kind, label, summary, key numbers;
    links named by relation.

    Options:
    asserted: True (default) reads the asserted triples; False reads the materialized ones too, which
        repeats a link under each super-property (more edges, not the drawn graph).
    """
    from liskg.viz import model  # 480 ms at start-up (networkx)

    return model.build_graph(open_store(project, inferred=not asserted, rebuild=rebuild))


@_options("rebuild")
def page(
    project: ProjectLike = None,
    *,
    query: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    output: str | os.PathLike | None = None,
    rebuild: Rebuild = "if-stale",
    progress: bool = False,
) -> Path:
    """Write the interactive graph page (one offline HTML file, docs/visualization.md) and return its path.

    Options:
    query: draw the answer of a SELECT (a named query or a .rq file): its nodes highlighted, with their
        one-hop context.
    focus: draw the neighbourhood of the node with this label, synonym, formula or IRI.
    depth: with focus, the links to follow (default 1).
    output: where to write (default build/liskg-graph.html, or build/liskg-graph-<query or focus>.html).
    progress: print one line per step on stderr.
    """
    from liskg.viz import views  # 510 ms at start-up (networkx, the page)

    project = project_of(project)
    _current(project, rebuild)
    return views.write(
        project, query=query, focus=focus, depth=depth, output=Path(output) if output else None, quiet=not progress
    )


@_options("rebuild")
def export(
    project: ProjectLike = None,
    *,
    format: str = "graphml",
    output: str | os.PathLike | None = None,
    rebuild: Rebuild = "if-stale",
) -> Path:
    """Write the drawn graph for Gephi and Cytoscape and return the path; the output is deterministic.

    Options:
    format: graphml (default), gexf or json (networkx node-link).
    output: where to write (default build/liskg-graph.FORMAT).
    """
    from liskg.base.files import write_atomically
    from liskg.viz import export as exporting  # 480 ms at start-up (networkx)

    project = project_of(project)
    path = Path(output) if output else project.build_dir / f"liskg-graph.{format}"
    data = exporting.serialize(graph(project, rebuild=rebuild), format)
    write_atomically(path, data)
    return path


@_options("rebuild")
def chart(source: Source, name: str, *, rebuild: Rebuild = "if-stale") -> dict:
    """The Vega-Lite specification of chart NAME (resistance, capacity, conductivity, matrix), data included:
    the one the graph page draws.
    """
    from liskg.viz import charts  # 50 ms at start-up (vl-convert's specifications)

    return charts.spec(_store(source, True, rebuild), name)


@_options("rebuild")
def plot(source: Source, name: str, output: str | os.PathLike, *, rebuild: Rebuild = "if-stale") -> Path:
    """Draw chart NAME (see chart()) to OUTPUT, SVG or PNG after its suffix (vl-convert, offline, the same
    bytes from the same graph), and return the path.
    """
    from liskg.viz import charts  # 50 ms at start-up (vl-convert's specifications)

    return charts.plot(_store(source, True, rebuild), name, Path(output))


@_options("rebuild")
def serve(
    project: ProjectLike = None,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    timeout: float = 30.0,
    inferred: bool = True,
    cors: str | None = None,
    allow_service: Iterable[str] = (),
    max_response: int | None = None,
    read_timeout: float | None = None,
    announce: Callable[[str], None] | None = None,
    rebuild: Rebuild = "if-stale",
) -> int:
    """Serve the graph as a read-only SPARQL 1.1 endpoint at http://HOST:PORT/query until Ctrl-C or SIGTERM,
    then return 0. A busy port raises Unavailable.

    Options:
    host: the address to listen on (default 127.0.0.1).
    port: the port (default 7878); 0 takes any free one.
    timeout: seconds a query may run before the endpoint answers HTTP 503 (default 30).
    inferred: serve the asserted + materialized triples (default), or with False the asserted ones only.
    cors: an origin whose pages may read the answers ('*': any).
    allow_service: host names (or host:port) a SERVICE clause may send a query to (default: none; a query
        with SERVICE gets HTTP 400).
    max_response: bytes of an answer streamed before it is cut (default 256 MiB).
    read_timeout: seconds a client may take to send a request body before it gets 408 (default 10).
    announce: called with each line saying where to send queries, once the endpoint listens.
    """
    from liskg.querying import server  # 140 ms at start-up (subprocess, pyoxigraph; uvicorn when serving)

    project = project_of(project)
    _current(project, rebuild)
    return server.serve(
        project,
        host=host,
        port=port,
        timeout=timeout,
        inferred=inferred,
        cors=cors,
        allow_service=tuple(allow_service),
        max_response=max_response or server.MAX_RESPONSE,
        read_timeout=read_timeout or server.READ_TIMEOUT,
        announce=announce,
    )
