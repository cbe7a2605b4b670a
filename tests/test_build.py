"""The build as a user runs it: outputs, determinism, staleness.

Bad sources and unwritable outputs (one-line errors, nothing written) are rows of test_bad_input.py.
"""

from __future__ import annotations

import json
import re

import pytest

import liskg
from conftest import STUDY_WITHOUT_REFERENCE, copy_sources, run_cli, run_main
from liskg.base import manifest
from liskg.base.errors import EXIT_CODES, ShaclViolations
from liskg.base.project import INFERRED, MANIFEST, MERGED, Project


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built_twice(tmp_path_factory):
    """A copy built by two interpreters with different hash seeds (the second with progress lines):
    (project, outputs after the first, after the second, the second's CliResult)."""
    project = Project(copy_sources(tmp_path_factory.mktemp("built")))
    first = run_cli("--root", str(project.root), "build", "-q", env={"PYTHONHASHSEED": "1"})
    assert first.code == 0, first.err
    before = _snapshot(project.build_dir)
    (project.build_dir / MERGED).unlink()
    second = run_cli("--root", str(project.root), "build", env={"PYTHONHASHSEED": "2"})
    assert second.code == 0, second.err
    return project, before, _snapshot(project.build_dir), second


def test_build_writes_the_three_outputs_and_reports_counts(built_twice):
    project, _before, _after, result = built_twice
    assert result.out.startswith("built build/: 12 source files, ")
    for name in (MERGED, INFERRED, MANIFEST):
        assert (project.build_dir / name).stat().st_size > 0
    written = json.loads((project.build_dir / MANIFEST).read_text())
    assert "ontology/liskg.ttl" in written["sources"]
    assert written["counts"]["inferred_triples"] > written["counts"]["asserted_triples"]
    assert written["checks"] == ["qc", "shacl"]
    assert "[build] validating against SHACL shapes: done conforms" in result.err


def test_outputs_are_byte_identical_across_runs_and_hash_seeds(built_twice):
    project, before, after, _result = built_twice
    answers = sorted(p.name for p in (project.build_dir / "answers").iterdir())
    assert len(answers) == len(list(project.queries_dir.glob("*.rq"))) == 17
    for name in (MERGED, INFERRED, MANIFEST, *answers):
        assert before[name] == after[name], name


def test_merged_output_is_one_self_contained_ontology(built_twice):
    import rdflib
    from rdflib.namespace import OWL, RDF

    merged = rdflib.Graph().parse(built_twice[0].build_dir / MERGED)
    assert list(merged.subjects(RDF.type, OWL.Ontology)) == [rdflib.URIRef("https://w3id.org/liskg/data")]
    assert not list(merged.objects(None, OWL.imports))


def test_a_stale_build_is_rebuilt_not_silently_used(tmp_project):
    assert run_main("--root", str(tmp_project.root), "build", "-q").code == 0
    assert manifest.stale_reason(tmp_project) is None
    assert liskg.status(tmp_project).validated
    assert liskg.build(tmp_project, if_stale=True) is None  # current: nothing to do
    assert manifest.stale_reason(tmp_project, need=["shacl", "hermit"]) == "the last build skipped HermiT"
    review = tmp_project.data_dir / "review.ttl"
    review.write_text(review.read_text() + "\n# an edit\n")
    assert manifest.stale_reason(tmp_project) == "sources changed since the last build (graph_data/review.ttl)"
    result = run_main("--root", str(tmp_project.root), "stats")
    assert result.code == 0
    assert "liskg: sources changed since the last build (graph_data/review.ttl); rebuilding ..." in result.err
    assert manifest.stale_reason(tmp_project) is None


def test_a_build_that_skipped_shacl_is_reported_unvalidated_and_never_current(tmp_project):
    """`build --no-validate` (like `reason`) writes a build whose manifest says SHACL did not run: the
    readers serve it with a warning, and a validating build never takes it as current."""
    studies = tmp_project.data_dir / "studies-anode.ttl"
    studies.write_text(studies.read_text(encoding="utf-8") + STUDY_WITHOUT_REFERENCE, encoding="utf-8")
    root = ["--root", str(tmp_project.root)]
    skipped = run_main(*root, "build", "-q", "--no-validate")
    assert skipped.code == 0, skipped.err
    assert json.loads((tmp_project.build_dir / MANIFEST).read_text())["checks"] == ["qc"]
    warning = (
        "liskg: warning: this build skipped SHACL validation (made by `liskg reason` or `build "
        "--no-validate`), so its records are unchecked; run `liskg build` to validate"
    )
    for command in (["stats"], ["query", "studies-per-section"], ["viz", "-o", str(tmp_project.root / "g.html")]):
        result = run_main(*root, *command)
        assert (result.code, result.err.splitlines()) == (0, [warning]), command
    assert liskg.status(tmp_project).validated is False
    assert manifest.stale_reason(tmp_project) is None
    assert manifest.stale_reason(tmp_project, need=["shacl"]) == "the last build skipped SHACL validation"
    with pytest.raises(ShaclViolations) as refused:  # as `liskg build` (exit 1, a row of test_bad_input.py)
        liskg.build(tmp_project, if_stale=True)
    assert refused.value.violations == [
        f"graph_data/studies-anode.ttl:{studies.read_text().splitlines().index('lkd:ref-9102 a owl:NamedIndividual , liskg:Study ;') + 1}: "
        'SHACL StudyShape: lkd:ref-9102 "Unnumbered et al.": liskg:referenceNumber|dcterms:source: '
        "a study needs exactly one integer reference number (a paper outside the review: its DOI as dcterms:source)"
    ]


def test_help_teaches_every_command_and_the_exit_codes():
    from liskg.cli.main import COMMANDS

    result = run_main("--help")
    assert result.code == 0
    for name in COMMANDS:
        assert f"    {name} " in result.out or f"    {name}\n" in result.out, name
    codes = result.out.split("exit codes:\n")[1].splitlines()
    assert codes == [f"  {code:<4}{meaning}" for code, meaning in EXIT_CODES.items()]
    for name in COMMANDS:
        sub = run_main(name, "--help")
        examples = re.split(r"\nexamples?:\n", sub.out)[1].split("\n\n")[0].splitlines()
        assert sub.code == 0 and examples, name
        assert examples[0].startswith(f"  liskg {name}"), name
        assert all(line.startswith("  ") for line in examples), name
