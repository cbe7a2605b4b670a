"""The build as a user runs it: outputs, determinism, staleness.

Bad sources and unwritable outputs (one-line errors, nothing written) are rows of test_bad_input.py.
"""

from __future__ import annotations

import json

from conftest import run_cli

from liskg.build import outputs


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_the_three_outputs_and_reports_counts(tmp_project):
    result = run_cli("--root", str(tmp_project.root), "build")
    assert result.code == 0, result.err
    assert result.out.startswith("built build/: 11 source files, ")
    for name in (outputs.MERGED, outputs.INFERRED, outputs.MANIFEST):
        assert (tmp_project.build_dir / name).stat().st_size > 0
    manifest = json.loads((tmp_project.build_dir / outputs.MANIFEST).read_text())
    assert "ontology/liskg.ttl" in manifest["sources"]
    assert manifest["counts"]["inferred_triples"] > manifest["counts"]["asserted_triples"]
    assert "[build] validating against SHACL shapes: done conforms" in result.err


def test_outputs_are_byte_identical_across_runs_and_hash_seeds(tmp_project):
    first = run_cli("--root", str(tmp_project.root), "build", "-q", env={"PYTHONHASHSEED": "1"})
    before = _snapshot(tmp_project.build_dir)
    (tmp_project.build_dir / outputs.MERGED).unlink()
    second = run_cli("--root", str(tmp_project.root), "build", "-q", env={"PYTHONHASHSEED": "2"})
    assert first.code == second.code == 0
    after = _snapshot(tmp_project.build_dir)
    for name in (outputs.MERGED, outputs.INFERRED, outputs.MANIFEST):
        assert before[name] == after[name], name


def test_merged_output_is_one_self_contained_ontology(tmp_project):
    import rdflib
    from rdflib.namespace import OWL, RDF

    assert run_cli("--root", str(tmp_project.root), "build", "-q").code == 0
    merged = rdflib.Graph().parse(tmp_project.build_dir / outputs.MERGED)
    assert list(merged.subjects(RDF.type, OWL.Ontology)) == [rdflib.URIRef("https://w3id.org/liskg/data")]
    assert not list(merged.objects(None, OWL.imports))


def test_a_stale_build_is_rebuilt_not_silently_used(tmp_project):
    assert run_cli("--root", str(tmp_project.root), "build", "-q").code == 0
    assert outputs.stale_reason(tmp_project) is None
    review = tmp_project.data_dir / "review.ttl"
    review.write_text(review.read_text() + "\n# an edit\n")
    assert outputs.stale_reason(tmp_project) == "sources changed since the last build (graph_data/review.ttl)"
    result = run_cli("--root", str(tmp_project.root), "stats")
    assert result.code == 0
    assert "liskg: sources changed since the last build (graph_data/review.ttl); rebuilding ..." in result.err
    assert outputs.stale_reason(tmp_project) is None


def test_help_teaches_every_command():
    result = run_cli("--help")
    assert result.code == 0
    from liskg.cli.main import COMMANDS

    for name in COMMANDS:
        assert f"    {name} " in result.out or f"    {name}\n" in result.out, name
    for name in COMMANDS:
        sub = run_cli(name, "--help")
        assert sub.code == 0 and "example" in sub.out, name
