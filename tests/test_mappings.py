"""The LiSKG-EMMO mapping table: valid SSSOM as shipped (sssom-py's own `sssom validate`), read by LiSKG's one
reader as sssom-py reads it, every EMMO object in the shipped term list with its module, every subject a LiSKG
term, predicates chosen as documented, and every root class mapped or its absence explained."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from conftest import ROOT
from liskg.publish import mappings

LISKG = "https://w3id.org/liskg/ontology#"


def parse_with_sssom(path: Path):
    from sssom.parsers import parse_sssom_table

    return parse_sssom_table(path)


def sssom_validate(path: Path) -> subprocess.CompletedProcess:
    """`sssom validate FILE`, sssom-py's command line, as a user runs it on the shipped file."""
    return subprocess.run(
        [str(Path(sys.executable).with_name("sssom")), "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_shipped_file_passes_sssom_validate():
    """1.1's table failed with 7 missing-prefix errors: its prefixes lived only in a .yml beside it."""
    proc = sssom_validate(ROOT / mappings.MAPPINGS_FILE)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in (proc.stdout + proc.stderr).lower()
    assert not (ROOT / "ontology" / "mappings" / "liskg-emmo.sssom.yml").exists()


def test_sssom_validate_rejects_an_undeclared_prefix(tmp_path):
    bad = tmp_path / "bad.sssom.tsv"
    text = (ROOT / mappings.MAPPINGS_FILE).read_text(encoding="utf-8")
    head, _, table = text.partition("\nsubject_id\t")
    bad.write_text(head + "\nsubject_id\t" + table.replace("echem:", "ec:", 1), encoding="utf-8")
    proc = sssom_validate(bad)
    assert proc.returncode != 0
    assert "validation errors" in proc.stdout + proc.stderr


def test_liskgs_reader_reads_what_sssom_py_reads():
    """One SSSOM reader in LiSKG (liskg.publish.mappings), checked against sssom-py on the same file."""
    ours = mappings.load_mappings(ROOT)
    theirs = parse_with_sssom(ROOT / mappings.MAPPINGS_FILE)
    assert len(ours.mappings) == len(theirs.df) == 80
    for key in ("mapping_set_id", "mapping_set_version", "license", "mapping_set_title"):
        assert ours.metadata[key] == theirs.metadata[key], key
    assert ours.prefixes.items() <= theirs.converter.bimap.items()
    columns = ["subject_id", "predicate_id", "object_id", "object_source", "object_source_version", "comment"]
    ours_rows = sorted(tuple(getattr(m, c) for c in columns) for m in ours.mappings)
    theirs_rows = sorted(tuple(str(r[c]) for c in columns) for _, r in theirs.df.iterrows())
    assert ours_rows == theirs_rows
    from sssom.constants import _get_sssom_schema_object

    slots = _get_sssom_schema_object().mapping_set_slots
    assert set(ours.metadata) - {"curie_map"} <= set(slots)


@pytest.fixture(scope="module")
def asserted():
    from liskg import Project, open_store

    return open_store(Project(ROOT), inferred=False)


@pytest.fixture(scope="module")
def labels(asserted):
    return mappings.liskg_labels(asserted)


def test_every_mapping_points_at_a_shipped_emmo_term_of_its_module_and_a_liskg_term(labels, asserted):
    table = mappings.load_mappings(ROOT)
    terms = mappings.load_terms(ROOT)
    assert mappings.problems(table, terms, labels, mappings.liskg_classes(asserted)) == []
    assert {m.object_iri for m in table.mappings if not m.no_term} == set(terms)
    # object sources per EMMO module, not one "EMMO 1.0.3" for all (1.1's metadata)
    sources = Counter((m.object_source, m.object_source_version) for m in table.mappings if not m.no_term)
    assert len(sources) == 11
    assert sources[("https://w3id.org/emmo/domain/chemical-substance", "0.14.2")] == 9
    assert "object_source" not in table.metadata


def test_a_mapping_to_a_term_emmo_does_not_have_fails(labels):
    table = mappings.load_mappings(ROOT)
    row = next(m for m in table.mappings if m.subject_id == "liskg:SulfideElectrolyte")
    fake = "https://w3id.org/emmo/domain/electrochemistry#electrochemistry_00000000_0000_0000_0000_000000000000"
    table.mappings[table.mappings.index(row)] = mappings.Mapping(
        **{**row.__dict__, "object_iri": fake, "object_id": "echem:electrochemistry_0000"}
    )
    assert mappings.problems(table, mappings.load_terms(ROOT), labels) == [
        f"{mappings.MAPPINGS_FILE}:{row.line}: echem:electrochemistry_0000 is not in the EMMO term list "
        f"{mappings.TERMS_FILE}; check the IRI, then run scripts/emmo_terms.py"
    ]


def test_a_row_naming_the_wrong_module_fails(labels):
    table = mappings.load_mappings(ROOT)
    row = next(m for m in table.mappings if m.subject_id == "liskg:SulfideElectrolyte")
    table.mappings[table.mappings.index(row)] = mappings.Mapping(**{**row.__dict__, "object_source": mappings.EMMO_IRI})
    assert mappings.problems(table, mappings.load_terms(ROOT), labels) == [
        f"{mappings.MAPPINGS_FILE}:{row.line}: object_source https://w3id.org/emmo 0.37.2 is not the module that "
        "declares echem:electrochemistry_0508a114_544a_4f54_a7de_9b947fb4b618: "
        "https://w3id.org/emmo/domain/reference/electrochemistry-reference 0.37.2"
    ]


def test_predicates_are_chosen_honestly():
    table = mappings.load_mappings(ROOT)
    assert Counter(m.predicate_id for m in table.mappings if not m.no_term) == {
        "skos:broadMatch": 39,
        "skos:closeMatch": 17,
        "rdf:type": 8,
        "skos:exactMatch": 3,
        "skos:relatedMatch": 2,
        "skos:narrowMatch": 1,
    }
    by_object = {(m.subject_id, m.object_label): m.predicate_id for m in table.mappings}
    # the five rows issue 29 found wrong
    assert by_object[("liskg:VaporDeposition", "VaporDeposition")] == "skos:closeMatch"  # EMMO's is forming from gas
    assert ("liskg:MechanicalPressing", "Pressing") not in by_object  # EMMO's Pressing is joining (DIN 8593)
    assert by_object[("liskg:BallMilling", "Mixing")] == "skos:closeMatch"  # the review also grinds and synthesises
    assert by_object[("liskg:SSESSEInterface", "BatteryInterface")] == "skos:closeMatch"  # inside one constituent
    assert not any(m.subject_id == "liskg:HeatTreatment" for m in table.mappings)  # deprecated
    assert by_object[("liskg:LithiumStackHeating", "HeatTreatment")] == "skos:closeMatch"  # its replacement
    assert by_object[("liskg:SolidStateElectrolyte", "SolidElectrolyte")] == "skos:closeMatch"
    assert by_object[("liskg:GravimetricEnergyDensity", "SpecificEnergy")] == "skos:broadMatch"  # not EnergyDensity
    assert not any(m.object_label in {"Casting", "Milling", "Grinding", "Pressing"} for m in table.mappings)


def test_individuals_map_to_emmo_classes_by_membership_only():
    """1.1 had 28 rows from an individual to a class with a SKOS predicate; the interfaces, cell formats and
    quantity kinds are classes now, and the substances and the one failure mode are members (rdf:type)."""
    table = mappings.load_mappings(ROOT)
    individual = [m for m in table.mappings if m.subject_type == "owl named individual"]
    assert len(individual) == 8
    assert {m.predicate_id for m in individual} == {"rdf:type"}
    assert all(m.subject_type == "owl class" for m in table.mappings if m.predicate_id != "rdf:type")


def test_every_root_class_is_rooted_in_emmo_or_says_why_not(project):
    """A subclass axiom into EMMO (broadMatch or exactMatch to a class), or a written reason: a row with
    sssom:NoTermFound, or a closeMatch whose comment says why no EMMO class holds it."""
    from test_ontology_design import roots

    tbox = rdflib.Graph()
    for name in ("liskg.ttl", "units.ttl", "quantities.ttl"):
        tbox.parse(project.ontology_dir / name)
    table = mappings.load_mappings(ROOT)
    rooted = {
        m.subject_iri
        for m in table.mappings
        if m.predicate_id in {"skos:broadMatch", "skos:exactMatch"} and not m.no_term
    }
    explained = {m.subject_iri for m in table.mappings if m.no_term} | {
        m.subject_iri for m in table.mappings if "no broader EMMO class" in m.comment
    }
    top = {str(c) for c in roots(tbox)}
    assert len(top) == 19  # issue 29's 17, and issue 23's effect statement and effect
    assert sorted(top - rooted - explained) == []
    assert {str(c).removeprefix(LISKG) for c in top & rooted} == {
        "Interface",
        "CellComponent",
        "Material",
        "ProcessingMethod",
        "CoatingTechnique",
        "Cell",
        "Measurement",
        "UnitOfMeasure",
    }


def test_a_malformed_row_is_one_line_naming_file_and_line(tmp_path):
    (tmp_path / "ontology" / "mappings").mkdir(parents=True)
    lines = (ROOT / mappings.MAPPINGS_FILE).read_text(encoding="utf-8").splitlines()
    first_row = next(i for i, line in enumerate(lines) if line.startswith("subject_id\t")) + 1
    lines[first_row] = lines[first_row].replace("\t", " ", 1)
    (tmp_path / mappings.MAPPINGS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    from liskg.base.errors import LiskgError

    with pytest.raises(
        LiskgError,
        match=rf"^ontology/mappings/liskg-emmo.sssom.tsv:{first_row + 1}: 10 columns, expected 11 \(tab-separated\)$",
    ):
        mappings.load_mappings(tmp_path)


def test_the_term_list_is_what_the_script_derives_from_the_snapshot(tmp_path):
    snapshot = ROOT.parent / "shared" / "reference" / "emmo"
    if not snapshot.is_dir():
        pytest.skip(f"no EMMO snapshot at {snapshot}")
    out = tmp_path / "emmo-terms.tsv"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "emmo_terms.py"), str(snapshot), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == (ROOT / mappings.TERMS_FILE).read_bytes()


def test_a_subject_type_that_contradicts_liskg_fails(labels, asserted):
    table = mappings.load_mappings(ROOT)
    row = next(m for m in table.mappings if m.subject_id == "lkd:mat-sulfur")
    table.mappings[table.mappings.index(row)] = mappings.Mapping(**{**row.__dict__, "subject_type": "owl class"})
    assert mappings.problems(table, mappings.load_terms(ROOT), labels, mappings.liskg_classes(asserted)) == [
        f"{mappings.MAPPINGS_FILE}:{row.line}: rdf:type maps an individual to a class; use a skos predicate between "
        "two classes",
        f"{mappings.MAPPINGS_FILE}:{row.line}: subject_type 'owl class' does not match how LiSKG declares "
        "lkd:mat-sulfur",
    ]


def test_the_alignment_compiles_memberships_and_reasons():
    from liskg.publish import alignment

    graph = alignment.compile_alignment(
        mappings.load_mappings(ROOT), {"version": "1.2.0", "created": "2026-11-25", "issued": "2026-12-07"}
    )
    sulfur = rdflib.URIRef("https://w3id.org/liskg/data/mat-sulfur")
    assert [str(o) for o in graph.objects(sulfur, RDF.type) if "chemical-substance" in str(o)], "a member of Sulfur"
    assert any(
        str(c).startswith("No EMMO counterpart: ")
        for c in graph.objects(rdflib.URIRef(LISKG + "Section"), RDFS.comment)
    )
    material = rdflib.URIRef("https://w3id.org/emmo#EMMO_4207e895_8b83_4318_996a_72cfb32acd94")
    assert (rdflib.URIRef(LISKG + "Material"), RDFS.subClassOf, material) in graph
    assert not list(graph.subjects(OWL.equivalentClass, rdflib.URIRef(LISKG + "IonicConductivity")))
