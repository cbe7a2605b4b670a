"""The build: load sources -> QC -> materialize inferences -> SHACL -> (HermiT, OWL API) -> write outputs.

Everything is computed in memory first; outputs are written only when every check passed, each
atomically, and the manifest last, so an interrupted or failed build never leaves a half-updated
build/ that looks current.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pyoxigraph as ox

from liskg import artifacts, inference, qc
from liskg.errors import CheckFailed, LiskgError, ShaclViolations
from liskg.loading import OWL_IMPORTS, load_sources
from liskg.paths import Project
from liskg.progress import Progress


@dataclass
class BuildResult:
    asserted_triples: int = 0
    inferred_triples: int = 0
    files: int = 0
    violations: list = field(default_factory=list)
    reasoner_report: object = None
    owlapi_lines: list = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def build(project: Project, *, validate: bool = True, reason: bool = False, owlapi: bool = False,
          quiet: bool = False) -> BuildResult:
    """Build and check the graph; raise LiskgError on the first failing stage, else write build/."""
    progress = Progress("build", quiet)
    result = BuildResult()

    with progress.step("loading sources") as note:
        loaded = load_sources(project)
        asserted = loaded.triples()
        result.files, result.asserted_triples = len(loaded.files), len(set(asserted))
        note["detail"] = f"{result.files} files, {result.asserted_triples:,} triples"

    with progress.step("checking terms, labels and definitions") as note:
        problems = qc.check(project, loaded)
        if problems:
            raise LiskgError("\n".join(problems + [f"{len(problems)} quality problem(s); nothing was written"]))
        note["detail"] = "no problems"

    with progress.step("materializing inferences") as note:
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in asserted)
        added = inference.materialize(store)
        result.inferred_triples = len(store)
        note["detail"] = f"+{added:,} inferred triples"

    with progress.step("serializing") as note:
        from liskg.rdfconvert import to_rdflib_graph

        inferred_graph = artifacts.canonical(to_rdflib_graph(store))
        merged_graph = artifacts.canonical(to_rdflib_graph(_merged_triples(loaded)))
        outputs = {
            artifacts.MERGED: artifacts.turtle(merged_graph),
            artifacts.INFERRED: artifacts.sorted_ntriples(inferred_graph),
        }
        note["detail"] = ", ".join(f"{name} {len(data):,} bytes" for name, data in outputs.items())

    if validate:
        with progress.step("validating against SHACL shapes") as note:
            from liskg.validation import load_shapes, validate as shacl_validate

            result.violations = [replace(v, where=qc.locate(project, loaded, v.focus_iri)) if v.focus_iri else v
                                 for v in shacl_validate(inferred_graph, load_shapes(project))]
            if result.violations:
                raise ShaclViolations([str(v) for v in result.violations])
            note["detail"] = "conforms"

    if reason:
        with progress.step("reasoning with HermiT") as note:
            from liskg.reasoning import reason as hermit

            result.reasoner_report = hermit(merged_graph, store)
            if not result.reasoner_report.consistent or result.reasoner_report.unsatisfiable:
                raise CheckFailed(result.reasoner_report.problem_line() + "; nothing was written")
            note["detail"] = result.reasoner_report.summary()

    if owlapi:
        with progress.step("loading every module's import closure and the merged graph through the OWL API (OWL 2 DL profile)") as note:
            result.owlapi_lines = _owlapi_check(project, loaded, outputs[artifacts.MERGED])
            note["detail"] = "every module's import closure and the merged graph are in OWL 2 DL"

    with progress.step("writing build/") as note:
        for name, data in outputs.items():
            artifacts.write_atomically(project.build_dir / name, data)
        artifacts.write_manifest(project, {"asserted_triples": result.asserted_triples,
                                           "inferred_triples": result.inferred_triples})
        note["detail"] = project.relative(project.build_dir)
    result.timings = progress.timings
    return result


def _owlapi_check(project: Project, loaded, merged_turtle: bytes) -> list[str]:
    import tempfile
    from pathlib import Path

    from liskg.owlapi import check_files

    project.build_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=project.build_dir) as tmp:
        merged = Path(tmp) / artifacts.MERGED
        merged.write_bytes(merged_turtle)
        from liskg.catalog import read_catalogs

        catalog = read_catalogs([project.data_dir, project.ontology_dir])
        sources = [check_files([f.path for f in loaded.files], project.build_dir / "java", profile=True,
                               catalog=catalog),
                   check_files([merged], project.build_dir / "java", profile=True)]
    lines = [line.replace(str(merged), artifacts.MERGED) for r in sources for line in r.lines]
    lines = [line.replace(str(project.root.resolve()) + "/", "") for line in lines]
    failed = [line for line in lines if ": OK " not in line]
    if failed:
        raise CheckFailed("\n".join(f"OWL API: {line}" for line in failed) + "\nthe OWL API (Protégé's library) "
                          "rejected the ontology; nothing was written")
    return lines


def _merged_triples(loaded) -> list[ox.Triple]:
    """The asserted triples as one self-contained ontology: the data root's header, no imports."""
    root_iri = loaded.files[0].ontology_iri
    module_iris = {f.ontology_iri for f in loaded.files if f.ontology_iri and f.ontology_iri != root_iri}
    kept = []
    for t in loaded.triples():
        if t.predicate == OWL_IMPORTS or t.subject.value in module_iris:
            continue
        kept.append(t)
    return kept


def ensure_built(project: Project, quiet: bool = False) -> None:
    """Rebuild (QC, inference, SHACL; no Java) when build/ is missing or older than the sources."""
    reason = artifacts.stale_reason(project)
    if reason:
        import sys

        print(f"liskg: {reason}; rebuilding ...", file=sys.stderr)
        build(project, validate=True, reason=False, quiet=quiet)

