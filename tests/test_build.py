"""The build as a user runs it: outputs, determinism, staleness, and one-line errors on bad sources."""

from __future__ import annotations

import json
import os

from conftest import run_cli

from liskg import artifacts


def _snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_the_three_outputs_and_reports_counts(tmp_project):
    result = run_cli("--root", str(tmp_project.root), "build")
    assert result.code == 0, result.err
    assert result.out.startswith("built build/: 11 source files, ")
    for name in (artifacts.MERGED, artifacts.INFERRED, artifacts.MANIFEST):
        assert (tmp_project.build_dir / name).stat().st_size > 0
    manifest = json.loads((tmp_project.build_dir / artifacts.MANIFEST).read_text())
    assert "ontology/liskg.ttl" in manifest["sources"]
    assert manifest["counts"]["inferred_triples"] > manifest["counts"]["asserted_triples"]
    assert "[build] validating against SHACL shapes: done conforms" in result.err


def test_outputs_are_byte_identical_across_runs_and_hash_seeds(tmp_project):
    first = run_cli("--root", str(tmp_project.root), "build", "-q", env={"PYTHONHASHSEED": "1"})
    before = _snapshot(tmp_project.build_dir)
    (tmp_project.build_dir / artifacts.MERGED).unlink()
    second = run_cli("--root", str(tmp_project.root), "build", "-q", env={"PYTHONHASHSEED": "2"})
    assert first.code == second.code == 0
    after = _snapshot(tmp_project.build_dir)
    for name in (artifacts.MERGED, artifacts.INFERRED, artifacts.MANIFEST):
        assert before[name] == after[name], name


def test_merged_output_is_one_self_contained_ontology(tmp_project):
    import rdflib
    from rdflib.namespace import OWL, RDF

    assert run_cli("--root", str(tmp_project.root), "build", "-q").code == 0
    merged = rdflib.Graph().parse(tmp_project.build_dir / artifacts.MERGED)
    assert list(merged.subjects(RDF.type, OWL.Ontology)) == [rdflib.URIRef("https://w3id.org/liskg/data")]
    assert not list(merged.objects(None, OWL.imports))


def test_a_stale_build_is_rebuilt_not_silently_used(tmp_project):
    assert run_cli("--root", str(tmp_project.root), "build", "-q").code == 0
    assert artifacts.stale_reason(tmp_project) is None
    review = tmp_project.data_dir / "review.ttl"
    review.write_text(review.read_text() + "\n# an edit\n")
    assert artifacts.stale_reason(tmp_project) == "sources changed since the last build (graph_data/review.ttl)"
    result = run_cli("--root", str(tmp_project.root), "stats")
    assert result.code == 0
    assert "liskg: sources changed since the last build (graph_data/review.ttl); rebuilding ..." in result.err
    assert artifacts.stale_reason(tmp_project) is None


def _break(tmp_project, name, text):
    path = tmp_project.data_dir / name
    path.write_text(path.read_text() + text)
    return path


def test_turtle_syntax_error_names_file_line_and_column_and_writes_nothing(tmp_project):
    path = _break(tmp_project, "review.ttl", '\nlkd:x rdfs:label "unterminated .\n')
    source = path.read_bytes()
    line = path.read_text().splitlines().index('lkd:x rdfs:label "unterminated .') + 1
    result = run_cli("--root", str(tmp_project.root), "build")
    assert result.code == 2
    errors = [line for line in result.err.splitlines() if line.startswith("liskg: error:")]
    assert errors == [f"liskg: error: graph_data/review.ttl:{line}:18: Turtle syntax error: Unexpected end of file"]
    assert "Traceback" not in result.err
    assert path.read_bytes() == source
    assert not tmp_project.build_dir.exists()


def test_an_undeclared_ontology_term_is_reported_with_its_line(tmp_project):
    path = _break(tmp_project, "review.ttl", "\nlkd:review liskg:usesFoo lkd:section-1 .\n")
    line = path.read_text().splitlines().index("lkd:review liskg:usesFoo lkd:section-1 .") + 1
    result = run_cli("--root", str(tmp_project.root), "build")
    assert result.code == 2
    assert (f"liskg: error: graph_data/review.ttl:{line}: liskg:usesFoo is not declared in the ontology; "
            "check the spelling or declare it in ontology/") in result.err.splitlines()
    assert "Traceback" not in result.err


def test_a_duplicate_label_and_a_missing_definition_are_quality_errors(tmp_project):
    onto = tmp_project.ontology_dir / "liskg.ttl"
    onto.write_text(onto.read_text() + '\nliskg:Extra a owl:Class ; rdfs:label "garnet-type electrolyte"@en .\n')
    result = run_cli("--root", str(tmp_project.root), "build")
    assert result.code == 2
    errors = result.err
    assert "liskg:Extra needs exactly one skos:definition" in errors
    assert "label 'garnet-type electrolyte' is used by liskg:Extra, liskg:GarnetElectrolyte; labels must be unique" \
        in errors


def test_a_data_file_nobody_imports_is_an_error_not_a_silent_loss(tmp_project):
    (tmp_project.data_dir / "new-paper.ttl").write_text("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n")
    result = run_cli("--root", str(tmp_project.root), "build")
    assert result.code == 2
    assert ("liskg: error: graph_data/new-paper.ttl: not imported by graph_data/liskg-data.ttl; add its ontology IRI "
            "to owl:imports there and a <uri> line to catalog-v001.xml") in result.err


def test_help_teaches_every_command():
    result = run_cli("--help")
    assert result.code == 0
    from liskg.cli import COMMANDS

    for name in COMMANDS:
        assert f"    {name} " in result.out or f"    {name}\n" in result.out, name
    for name in COMMANDS:
        sub = run_cli(name, "--help")
        assert sub.code == 0 and "example" in sub.out, name


def test_an_unwritable_build_folder_is_one_clear_error(tmp_project):
    if os.geteuid() == 0:
        (tmp_project.root / "build").write_text("a file where the build folder should be")
    else:
        tmp_project.build_dir.mkdir()
        tmp_project.build_dir.chmod(0o500)
    result = run_cli("--root", str(tmp_project.root), "build", "-q")
    assert result.code == 2
    assert "cannot write output" in result.err and "Traceback" not in result.err
