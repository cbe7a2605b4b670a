"""HermiT (through owlready2) and the OWL API (Protégé's library) on the real ontology + data.

An individual typed into two disjoint classes is a row of test_bad_input.py.
"""

from __future__ import annotations

import shutil
from importlib import resources

import pytest

from conftest import run_main
from liskg.builder import owlapi

pytestmark = pytest.mark.java


def test_hermit_finds_the_ontology_and_data_consistent_with_no_unsatisfiable_class(tmp_project):
    result = run_main("--root", str(tmp_project.root), "reason", "-q")
    assert result.code == 0, result.err
    assert result.out.startswith("HermiT: consistent; ")
    assert result.out.rstrip().endswith(" 0 unsatisfiable classes")


def test_every_modules_import_closure_and_the_merged_graph_are_owl2_dl(tmp_project):
    """Debian's OWL API 5.1.20, the major version Protégé 5.6 runs on. Each source file is opened with its
    imports resolved through the catalog-v001.xml in its own folder, as Protégé opens it, and no triple may
    be dropped as unparsed."""
    result = run_main("--root", str(tmp_project.root), "build", "-q", "--owlapi")
    assert result.code == 0, result.err
    assert (
        "OWL API: the import closures of 12 source files and the merged graph load and are in the OWL 2 DL profile"
    ) in result.out


def test_each_file_is_checked_with_the_catalog_beside_it(tmp_project):
    """Protégé reads the catalog-v001.xml of the folder the opened file is in. With the units module left
    out of ontology/'s catalog, ontology/liskg.ttl cannot load its imports in Protégé, even though
    graph_data/'s catalog still maps the units module (1.1's check merged the two catalogs and passed)."""
    catalog = tmp_project.ontology_dir / "catalog-v001.xml"
    catalog.write_text(
        "".join(line for line in catalog.read_text().splitlines(keepends=True) if "units.ttl" not in line)
    )
    result = run_main("--root", str(tmp_project.root), "build", "-q", "--owlapi")
    assert result.code == 1
    lines = result.err.splitlines()
    assert any(
        line.startswith("liskg: error: OWL API: ontology/liskg.ttl: PARSE UnloadableImportException ")
        and "https://w3id.org/liskg/ontology/units" in line
        for line in lines
    ), lines
    assert not any(line.startswith("liskg: error: OWL API: graph_data/") for line in lines), lines


def test_the_owl_api_rejects_sparql_style_prefixes(tmp_project):
    review = tmp_project.data_dir / "review.ttl"
    review.write_text(
        review.read_text().replace(
            "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .", "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>"
        )
    )
    result = run_main("--root", str(tmp_project.root), "build", "-q", "--owlapi")
    assert result.code == 1
    lines = result.err.splitlines()
    assert any(line.startswith("liskg: error: OWL API: graph_data/review.ttl: PARSE ") for line in lines), lines
    assert lines[-1] == "liskg: error: the OWL API (Protégé's library) rejected the ontology; nothing was written"


def test_a_module_that_uses_an_undeclared_term_fails_its_own_closure(tmp_project):
    """units.ttl alone must be OWL 2 DL: without its own skos:definition declaration it is not,
    even though the merged graph (where liskg.ttl declares it) still would be."""
    units = tmp_project.ontology_dir / "units.ttl"
    units.write_text(units.read_text().replace("skos:definition a owl:AnnotationProperty .\n", ""))
    result = run_main("--root", str(tmp_project.root), "build", "-q", "--owlapi")
    assert result.code == 1
    lines = result.err.splitlines()
    assert any(
        line.startswith(
            "liskg: error: OWL API: ontology/units.ttl: PROFILE Use of undeclared annotation "
            "property: <http://www.w3.org/2004/02/skos/core#definition>"
        )
        for line in lines
    ), lines
    assert not any("liskg-merged.ttl" in line for line in lines), lines


def test_the_owl_api_profile_check_flags_an_edit_that_leaves_owl2_dl(tmp_project):
    """Transitive properties are non-simple; OWL 2 DL forbids declaring them irreflexive."""
    ontology = tmp_project.ontology_dir / "liskg.ttl"
    ontology.write_text(ontology.read_text() + "\nliskg:precedes a owl:IrreflexiveProperty .\n")
    result = run_main("--root", str(tmp_project.root), "build", "-q", "--owlapi")
    assert result.code == 1
    lines = result.err.splitlines()
    assert any(
        line.startswith("liskg: error: OWL API: liskg-merged.ttl: PROFILE ") and "precedes" in line for line in lines
    ), lines


def test_a_broken_java_checker_fails_the_build_with_one_line(tmp_project, tmp_path, monkeypatch):
    """The OWL API check must never pass silently: an emptied class file makes Java exit non-zero with
    nothing on stdout, which is a failed build (exit 3), not a missing OWL API line."""
    compiled = owlapi.compile_java(resources.files("liskg.builder") / "java" / owlapi.JAVA_SOURCE)
    monkeypatch.setenv("LISKG_CACHE_DIR", str(tmp_path / "cache"))
    broken = owlapi.cache_dir() / compiled.name
    shutil.copytree(compiled, broken)
    (broken / "OwlApiCheck.class").write_bytes(b"")
    result = run_main("--root", str(tmp_project.root), "build", "-q", "--owlapi")
    assert (result.code, result.out) == (3, "")
    lines = result.err.splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("liskg: error: the OWL API checker failed to run (java exit status 1: ")
    assert lines[0].endswith(f"remove {broken} to recompile it, or build without --owlapi")
    assert not (tmp_project.build_dir / "manifest.json").exists()


def test_an_undeclared_header_annotation_is_an_error(tmp_project):
    """OWL API 3.4.3 dropped an ontology annotation whose property the module never declares; OWL API 5
    keeps it and reports the undeclared property."""
    units = tmp_project.ontology_dir / "units.ttl"
    units.write_text(units.read_text().replace("dcterms:license a owl:AnnotationProperty .\n", ""))
    result = run_main("--root", str(tmp_project.root), "build", "-q", "--owlapi")
    assert result.code == 1
    assert any(
        line.startswith(
            "liskg: error: OWL API: ontology/units.ttl: PROFILE Use of undeclared annotation property: "
            "<http://purl.org/dc/terms/license>"
        )
        for line in result.err.splitlines()
    ), result.err


def test_a_dropped_triple_is_an_error_whatever_its_property(tmp_project):
    """An annotation on a disjointness axiom with no members is dropped. 1.1's checker let it pass because
    its property (skos:definition) is declared; every dropped triple counts now."""
    units = tmp_project.ontology_dir / "units.ttl"
    units.write_text(units.read_text() + '\n[] a owl:AllDisjointClasses ; skos:definition "no members" .\n')
    result = run_main("--root", str(tmp_project.root), "build", "-q", "--owlapi")
    assert result.code == 1
    dropped = [
        line
        for line in result.err.splitlines()
        if line.startswith(
            "liskg: error: OWL API: ontology/units.ttl: UNPARSED in https://w3id.org/liskg/ontology/units: "
        )
    ]
    assert any("<http://www.w3.org/2004/02/skos/core#definition> no members" in line for line in dropped), result.err


def test_the_owl_api_reads_the_editors_inferences_as_annotated_assertions(project, tmp_path):
    """What Protégé shows as the "@" annotation of a property or type assertion: every axiom annotation
    of a file (its evidence and the editors' inferences) is read as one annotated assertion."""
    from liskg.sources.positions import TriplePositions

    files = [project.data_dir / "studies-anode.ttl", project.data_dir / "studies-cathode.ttl"]
    result = owlapi.check_files(files)
    assert result.ok, result.lines
    counts = [int(line.split(": OK ")[1].split(", ")[1].split()[0]) for line in result.lines]
    assert counts == [len(TriplePositions(path).axioms) for path in files]
    assert counts[0] >= 9 and counts[1] >= 5  # the editors' inferences of 1.1.0, and those of issue 23
