"""`liskg release`: every format parses back to the same graph (rdflib and the OWL API), the JSON-LD
round-trips through its published context, the VoID counts are `liskg stats`, the alignment module
passes HermiT and the OWL 2 DL check with LiSKG, checksums hold, and a second run is byte-identical."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess

import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, VOID

from conftest import ROOT, locked, run_cli
from liskg.publish import release as rel

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

RELEASE = ROOT / "build" / "release"
STEMS = ["liskg", "liskg-ontology", "liskg-emmo-alignment"]
ONTOLOGY_TRIPLES = 1944  # the ontology module alone (values 1.2: 1,719; issue 23: effect statements, evidence marks)
FILES = sorted(
    [f"{stem}{suffix}" for stem in STEMS for suffix in (".ttl", ".rdf", ".owx", ".nt", ".jsonld")]
    + [
        "liskg-inferred.nt",
        "context.jsonld",
        "liskg-emmo.sssom.tsv",
        "liskg-emmo.sssom.yml",
        "void.ttl",
        "catalog-v001.xml",
        "SHA256SUMS",
    ]
)


@pytest.fixture(scope="module")
def released():
    with locked("release"):  # test_scaling.py reads build/release/ (and releases when it is not current)
        result = run_cli("release", timeout=900)
    assert result.code == 0, result.err
    return result


def parse(path) -> rdflib.Graph:
    if path.suffix == ".jsonld":
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["@context"] == rel.CONTEXT_IRI
        document["@context"] = json.loads((RELEASE / "context.jsonld").read_text(encoding="utf-8"))["@context"]
        return rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    return rdflib.Graph().parse(path, format={".ttl": "turtle", ".rdf": "xml", ".nt": "nt"}[path.suffix])


def test_release_writes_every_file_and_says_so(released):
    assert sorted(p.name for p in RELEASE.iterdir()) == FILES
    assert released.out.splitlines()[-1] == "LiSKG 1.1.0 released to build/release/"
    assert "HermiT: consistent; 188 classes" in released.err
    assert "OWL 2 DL: both files pass" in released.err


@pytest.mark.parametrize("stem", STEMS)
def test_each_rdflib_format_parses_back_to_the_same_triples(released, stem):
    turtle = parse(RELEASE / f"{stem}.ttl")
    for suffix in (".rdf", ".nt", ".jsonld"):
        other = parse(RELEASE / f"{stem}{suffix}")
        assert len(other) == len(turtle) and isomorphic(other, turtle), f"{stem}{suffix}"


def test_triple_counts(released):
    counts = {stem: len(parse(RELEASE / f"{stem}.ttl")) for stem in STEMS}
    # the graph grows with every curated sentence (evidence): it is the build's asserted graph, more than
    # the 11,981 triples of the values' 1.2 data before it
    assert counts.pop("liskg") == stats_numbers("--asserted-only")["triples"] > 11981
    assert counts == {"liskg-ontology": ONTOLOGY_TRIPLES, "liskg-emmo-alignment": 689}


@pytest.mark.java
def test_the_owl_api_reads_the_same_axioms_from_turtle_rdfxml_and_owlxml(released):
    from importlib import resources

    from liskg.builder.owlapi import compile_java, owlapi_jar

    classes = compile_java(resources.files("liskg.builder") / "java" / "OwlXml.java")
    for stem in STEMS:
        files = [str(RELEASE / f"{stem}{suffix}") for suffix in (".ttl", ".rdf", ".owx")]
        proc = subprocess.run(
            ["java", "-cp", f"{classes}:{owlapi_jar()}", "OwlXml", "axioms", *files],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert proc.returncode == 0, proc.stderr
        digests = {line.split(": ", 1)[1] for line in proc.stdout.splitlines()}
        assert len(digests) == 1, proc.stdout


def test_jsonld_uses_the_published_context(released):
    document = json.loads((RELEASE / "liskg.jsonld").read_text(encoding="utf-8"))
    study = next(node for node in document["@graph"] if node["@id"] == "lkd:ref-107")
    assert "liskg:Study" in study["@type"]
    context = json.loads((RELEASE / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert context["liskg"] == "https://w3id.org/liskg/ontology#" and context["echem"].endswith("electrochemistry#")


def stats_numbers(*args):
    result = run_cli("stats", *args)
    return {
        m.group(1): int(m.group(2).replace(",", ""))
        for m in re.finditer(r"^(\w[\w ]*?)\s{2,}([\d,]+)$", result.out, re.M)
    }


def test_void_counts_equal_liskg_stats(released):
    void = rdflib.Graph().parse(RELEASE / "void.ttl")
    dataset = rdflib.URIRef("https://w3id.org/liskg/dataset")
    partitions = {
        str(void.value(p, VOID["class"])).split("#")[1]: int(void.value(p, VOID.entities))
        for p in void.objects(dataset, VOID.classPartition)
    }
    stats = stats_numbers()
    names = {
        "studies": "Study",
        "cited analyses": "CitedAnalysis",
        "strategies": "ProcessingMethod",
        "materials": "Material",
        "failure modes": "FailureMode",
        "measurements": "Measurement",
        "claims": "Claim",
        "cells": "Cell",
    }
    assert partitions == {cls: stats[name] for name, cls in names.items()}
    inferred = void.value(dataset, VOID.subset)
    assert int(void.value(inferred, VOID.triples)) == stats["triples"]
    assert int(void.value(dataset, VOID.triples)) == stats_numbers("--asserted-only")["triples"] > 11981
    assert str(void.value(dataset, rdflib.URIRef("http://www.w3.org/ns/dcat#version"))) == "1.1.0"
    dumps = {str(u).rsplit("/", 1)[1] for u in void.objects(dataset, VOID.dataDump)}
    assert dumps == {n for n in FILES if n.endswith((".ttl", ".rdf", ".owx", ".nt", ".jsonld"))} - {
        "void.ttl",
        "context.jsonld",
    }


def test_checksums_match_the_files(released):
    lines = (RELEASE / "SHA256SUMS").read_text().splitlines()
    assert [line.split("  ")[1] for line in lines] == [n for n in FILES if n != "SHA256SUMS"]
    for line in lines:
        digest, name = line.split("  ")
        assert hashlib.sha256((RELEASE / name).read_bytes()).hexdigest() == digest
    assert subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=RELEASE).returncode == 0


def test_alignment_module_is_standalone_versioned_and_compiled_from_the_table(released):
    g = parse(RELEASE / "liskg-emmo-alignment.ttl")
    ontology = rdflib.URIRef("https://w3id.org/liskg/ontology/emmo-alignment")
    assert list(g.objects(ontology, OWL.imports)) == []
    assert str(g.value(ontology, OWL.versionIRI)) == "https://w3id.org/liskg/ontology/emmo-alignment/1.1.0"
    assert len(list(g.subject_objects(SKOS.exactMatch))) == 19
    # class-to-class matches become axioms: 4 exact -> equivalentClass, 18 broad + 1 narrow -> subClassOf
    assert len(list(g.subject_objects(OWL.equivalentClass))) == 4
    assert len(list(g.subject_objects(RDFS.subClassOf))) == 19
    pressing = rdflib.URIRef("https://w3id.org/emmo#EMMO_bbf12904_e25e_4f49_87f3_8bd210a6b535")
    assert (rdflib.URIRef("https://w3id.org/liskg/ontology#MechanicalPressing"), RDFS.subClassOf, pressing) not in g
    assert len(list(g.subjects(RDF.type, OWL.Axiom))) == 62  # one reason per mapping


def test_every_skos_preflabel_has_an_rdfs_label_beside_it(released):
    for stem in STEMS:
        g = parse(RELEASE / f"{stem}.ttl")
        assert [s for s in g.subjects(SKOS.prefLabel) if g.value(s, RDFS.label) is None] == []


def test_a_second_release_is_byte_identical(released):
    before = {p.name: p.read_bytes() for p in RELEASE.iterdir()}
    with locked("release"):
        again = run_cli("release", timeout=900, env={"PYTHONHASHSEED": "7"})
        assert again.code == 0, again.err
        assert {p.name: p.read_bytes() for p in RELEASE.iterdir()} == before


@pytest.mark.java
def test_an_alignment_that_breaks_liskg_is_refused(tmp_project):
    from liskg.base.errors import CheckFailed
    from liskg.publish import mappings
    from liskg.publish.release import release

    path = tmp_project.root / mappings.MAPPINGS_FILE
    text = path.read_text(encoding="utf-8")
    for cls in ("OxideElectrolyte", "SulfideElectrolyte"):  # disjoint in LiSKG; both equal to one EMMO class
        text = re.sub(rf"(liskg:{cls}\t[^\t]*\t[^\t]*\t)skos:broadMatch", r"\1skos:exactMatch", text)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CheckFailed, match=r"^LiSKG with the EMMO alignment: HermiT: the ontology is inconsistent"):
        release(tmp_project, quiet=True)
    assert not (tmp_project.build_dir / "release").exists()


def test_a_malformed_mapping_row_is_one_line_and_exit_2(tmp_project):
    from liskg.publish import mappings

    path = tmp_project.root / mappings.MAPPINGS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("\t", " ", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("--root", str(tmp_project.root), "release")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        "liskg: error: ontology/mappings/liskg-emmo.sssom.tsv:5: 8 columns, expected 9 (tab-separated)"
    )
    assert "Traceback" not in result.err
