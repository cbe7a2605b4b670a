"""The build: load sources -> QC -> materialize inferences -> SHACL -> (HermiT, OWL API) -> write outputs.

Oxigraph parses the sources into an in-memory store; a second pass over each file, on its own thread as
the file loads, feeds the term checks (qc) and appends the file's N-Triples to a file in the workspace,
from which the merged output is made on disk (liskg.builder.serialization). The closing rules run to
their fixpoint, SHACL validates a snapshot of that closed graph while the post rules add their summaries
and the inferred graph is serialized (sorted on disk) and indexed on disk; then the named queries are
answered, once SHACL's copy of the graph (the build's largest object beside the store: pyshacl-turbo's,
about 0.8 GB at a million triples) is gone.

Outputs are prepared in memory (the answers, the manifest) or in a hidden workspace
(build/.liskg-build.*.tmp, made when the build starts) and moved into place only when every check passed,
the manifest last, so an interrupted or failed build never leaves a half-updated build/ that looks current
(a killed build's workspace is removed by the next build).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox

from liskg.base import manifest, vocab
from liskg.base.errors import CheckFailed, ShaclViolations
from liskg.base.named import named_queries
from liskg.base.progress import Progress
from liskg.base.project import ANSWERS, INFERRED, MERGED, STORE, Project
from liskg.base.rdfconvert import to_rdflib_graph
from liskg.builder import answers, evidence, inference, outputs, qc, serialization
from liskg.builder.owlapi import check_files
from liskg.builder.reasoning import ReasonerReport
from liskg.builder.reasoning import reason as hermit
from liskg.builder.validation import load_shapes, snapshot
from liskg.builder.validation import validate as shacl_validate
from liskg.sources.loading import SourceFile, load_sources


@dataclass
class BuildResult:
    """What a build did: sizes, the checks it ran, the reasoner's report, the OWL API's lines, step timings."""

    asserted_triples: int = 0
    inferred_triples: int = 0
    files: int = 0
    checks: list[str] = field(default_factory=list)  # as recorded in the manifest: "qc", "shacl", "hermit", "owlapi"
    reasoner_report: ReasonerReport | None = None
    owlapi_lines: list = field(default_factory=list)
    evidence: evidence.EvidenceReport | None = None  # the evidence checks' counts (liskg.builder.evidence)
    timings: dict[str, float] = field(default_factory=dict)


def build(
    project: Project, *, validate: bool = True, reason: bool = False, owlapi: bool = False, quiet: bool = False
) -> BuildResult:
    """Build and check the graph; raise LiskgError (CheckFailed for a failed check) on the first failing
    stage, else write build/ and a manifest that records which checks ran."""
    progress = Progress("build", quiet)
    result = BuildResult()

    # Oxigraph and the SHACL validator work outside Python's lock, so jobs overlap: the term checks and the
    # merged output (Python objects, one file after the other on their own thread) beside loading and
    # inference (Oxigraph), SHACL beside the post rules and the rest, the on-disk store beside the sorting
    # (by sort(1)), the two halves of the answers beside each other. Nothing reaches build/ before every check
    # passed: the large outputs are prepared in a workspace (build/.liskg-build.*.tmp) and moved into place.
    store, work = ox.Store(), None
    try:
        work = outputs.Workspace(project.build_dir, INFERRED)
        with ThreadPoolExecutor(max_workers=3) as pool, ThreadPoolExecutor(max_workers=1) as sources_thread:
            scan = qc.SourceScan(project)
            written: list[Future[None]] = []
            asserted_nt = work.path(ASSERTED)

            def on_file(source: SourceFile, scan: qc.SourceScan = scan, written: list = written) -> None:
                written.append(sources_thread.submit(_asserted_ntriples, scan, source, asserted_nt))

            with progress.step("loading sources") as note:
                loaded = load_sources(project, store, on_file=on_file)
                result.files, result.asserted_triples = len(loaded.files), len(store)
                note["detail"] = f"{result.files} files, {result.asserted_triples:,} triples"
            asserted = sources_thread.submit(_asserted_outputs, project, loaded, scan, written, work)
            del scan, written, on_file  # the job owns them now, and lets them go when done with them
            with progress.step("checking evidence") as note:  # on the asserted graph, before inference adds to it
                found = evidence.check(project, loaded, store)
                result.evidence = found
                note["detail"] = f"{found.stated:,} stated, {found.inferred:,} editors' inferences" + (
                    f", {found.sourced:,} from papers outside the review" if found.sourced else ""
                )
            with progress.step("materializing inferences") as note:
                added = inference.close(store)
                # SHACL's copy of the graph waits for the term checks (and the merged output, made on disk); it
                # checks the sources and the entailments its shapes rely on, not the post rules' summaries.
                problems, merged_turtle = asserted.result()
                problems = problems + found.problems
                shacl = (
                    pool.submit(_shacl_violations, project, loaded, store, _shacl_input(store, work))
                    if validate and not problems
                    else None
                )
                added += inference.post_rules(store)
                serialization.name_blank_nodes(
                    store
                )  # before any reader: the answers and the dumps see canonical names
                result.inferred_triples = len(store)
                note["detail"] = f"+{added:,} inferred triples"

            with progress.step("checking terms, labels and definitions") as note:
                if problems:
                    raise CheckFailed(
                        "\n".join(problems + [f"{len(problems)} quality problem(s); nothing was written"])
                    )
                note["detail"] = "no problems"
                result.checks.append("qc")

            with progress.step("serializing") as note:
                assert merged_turtle is not None  # the term checks found no problem
                dumped = work.path("dumped.nt")
                store.dump(output=str(dumped), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
                # the on-disk store holds the same triples, sorted or not: it is prepared from the dump at once
                prepared = pool.submit(outputs.prepare_store, work.path(STORE), dumped)
                inferred = serialization.sort_file(dumped, work.path(INFERRED))
                sizes = f"{MERGED} {merged_turtle.stat().st_size:,} bytes, {INFERRED} {inferred.stat().st_size:,} bytes"
                note["detail"] = sizes
            _check(project, loaded, result, progress, shacl, merged_turtle, store, reason=reason, owlapi=owlapi)
            with progress.step("answering the named queries") as note:  # after SHACL, whose copy of the graph is gone
                answer_files = _answers(project, store, pool)
                note["detail"] = f"{len(answer_files)} answers"
            with progress.step("writing build/") as note:
                store_folder = prepared.result()
                outputs.keep_previous(project)  # for `liskg diff`, when the sources changed
                outputs.install_file(merged_turtle, project.build_dir / MERGED)
                outputs.install_file(inferred, project.build_dir / INFERRED)
                outputs.install_store(store_folder, project.build_dir / STORE)
                answers.write(project.build_dir / ANSWERS, answer_files)
                manifest.write(
                    project,
                    {"asserted_triples": result.asserted_triples, "inferred_triples": result.inferred_triples},
                    result.checks,
                )
                note["detail"] = project.relative(project.build_dir)
    finally:  # the pool has waited for its jobs: the workspace goes, with what a build that failed prepared
        if work is not None:
            work.close()
    result.timings = progress.timings
    return result


def _shacl_input(store: ox.Store, work: outputs.Workspace):
    """The store as it is now, for SHACL in another thread while the build goes on adding to it (dumped in WORK)."""
    return snapshot(store, work.folder)


def _shacl_violations(project: Project, loaded, store: ox.Store, data) -> list:
    """The SHACL violations of DATA (a snapshot of the store), each placed at its record's file and line."""
    locate = qc.RecordLocator(project, loaded)
    return [
        replace(v, where=locate(v.focus_iri, v.path_iri)) if v.focus_iri else v
        for v in shacl_validate(store, load_shapes(project), data)
    ]


def _answers(project: Project, store: ox.Store, pool: ThreadPoolExecutor) -> dict[str, bytes]:
    """The named queries' answers (liskg.builder.answers), evaluated on the built graph: half of them in POOL,
    half here, side by side (Oxigraph evaluates outside Python's lock)."""
    queries = named_queries(project)
    halves = [{name: queries[name] for name in sorted(queries)[first::2]} for first in (0, 1)]
    other = pool.submit(answers.compute, store, halves[1])
    return answers.compute(store, halves[0]) | other.result()


def _check(
    project: Project,
    loaded,
    result: BuildResult,
    progress: Progress,
    shacl,
    merged_turtle: Path,
    store: ox.Store,
    *,
    reason: bool,
    owlapi: bool,
) -> None:
    """SHACL's verdict (computed alongside), then HermiT and the OWL API when asked; CheckFailed on the first failure."""
    if shacl is not None:
        with progress.step("validating against SHACL shapes") as note:
            violations = shacl.result()
            if violations:
                raise ShaclViolations([str(v) for v in violations])
            note["detail"] = "conforms"
            result.checks.append("shacl")

    if reason:
        with progress.step("reasoning with HermiT") as note:
            merged_graph = to_rdflib_graph(ox.parse(path=str(merged_turtle), format=ox.RdfFormat.TURTLE))
            result.reasoner_report = hermit(merged_graph, loaded.files[0].ontology_iri, store)
            if not result.reasoner_report.consistent or result.reasoner_report.unsatisfiable:
                raise CheckFailed(result.reasoner_report.problem_line() + "; nothing was written")
            note["detail"] = result.reasoner_report.summary()
            result.checks.append("hermit")

    if owlapi:
        with progress.step(
            "loading every module's import closure and the merged graph through the OWL API (OWL 2 DL profile)"
        ) as note:
            result.owlapi_lines = _owlapi_check(project, loaded, merged_turtle)
            note["detail"] = "every module's import closure and the merged graph are in OWL 2 DL"
            result.checks.append("owlapi")


def _owlapi_check(project: Project, loaded, merged: Path) -> list[str]:
    """The OWL API's line for each source file and for MERGED (liskg-merged.ttl, in the build's Workspace)."""
    result = check_files([*(f.path for f in loaded.rdf_files()), merged], profile=True)

    def shown(line: str) -> str:
        return line.replace(str(merged), MERGED).replace(str(project.root.resolve()) + "/", "")

    lines = [shown(line) for line in result.lines]
    failed = [line for line in lines if ": OK " not in line]
    if failed:
        raise CheckFailed(
            "\n".join(f"OWL API: {line}" for line in failed) + "\nthe OWL API (Protégé's library) "
            "rejected the ontology; nothing was written"
        )
    return lines


def _asserted_ntriples(scan: qc.SourceScan, source, target: Path) -> None:
    """One source file appended to TARGET as N-Triples as it is written (the store keeps a number by its value:
    5822 for 5822.0), shown to the term checks' SCAN on the way."""
    triples = (
        source.triples
        if source.triples is not None
        else ox.parse(path=str(source.path), format=ox.RdfFormat.TURTLE, base_iri=source.path.resolve().as_uri())
    )
    with open(target, "ab") as out:
        ox.serialize(scan.watch(source, triples), output=out, format=ox.RdfFormat.N_TRIPLES)


def _asserted_outputs(
    project: Project, loaded, scan: qc.SourceScan, written: list, work: outputs.Workspace
) -> tuple[list[str], Path | None]:
    """The term checks' problems, and liskg-merged.ttl (prepared in WORK; None after a problem): the files
    WRITTEN (futures of _asserted_ntriples, which it empties) as one self-contained ontology, made on disk."""
    for done in written:
        done.result()
    written.clear()
    problems = qc.check(project, loaded, scan)
    if problems:
        return problems, None
    asserted = work.path(ASSERTED)
    merged_nt = serialization.ntriples_file(asserted, work.path("merged.nt"), keep=_self_contained(loaded))
    asserted.unlink()
    merged = serialization.turtle_file(merged_nt, work.path(MERGED))
    merged_nt.unlink()
    return [], merged


ASSERTED = "asserted.nt"  # in the Workspace: every source file's N-Triples, as they load


def _self_contained(loaded) -> Callable[[bytes], bool]:
    """Whether an N-Triples line stays in the merged output: all but the owl:imports and the headers of the
    imported modules (the data root's header stands for the whole)."""
    root_iri = loaded.files[0].ontology_iri
    modules = tuple(
        f"<{f.ontology_iri}> ".encode() for f in loaded.files if f.ontology_iri and f.ontology_iri != root_iri
    )
    imports = f"<{vocab.OWL_IMPORTS}>".encode()
    return lambda line: not line.startswith(modules) and not (imports in line and line.split(b" ", 2)[1] == imports)
