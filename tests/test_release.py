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
from test_scaling import jena_classpath  # noqa: F401 (a fixture: Debian's Jena jars)

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

RELEASE = ROOT / "build" / "release"
STEMS = ["liskg", "liskg-ontology", "liskg-emmo-alignment"]
# the ontology module alone (issue 29: 2,330; issue 23: effect statements, evidence marks, 2,566; issue 27: +7,
# liskg:StatedInSource and liskg:templateRow)
ONTOLOGY_TRIPLES = 2573
FILES = sorted(
    [f"{stem}{suffix}" for stem in STEMS for suffix in (".ttl", ".rdf", ".owx", ".nt", ".jsonld")]
    + [
        "liskg-inferred.nt",
        "context.jsonld",
        "liskg-emmo.sssom.tsv",
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
    """A release file as rdflib reads it, offline: a JSON-LD file carries its @context inline (1.1 named a remote
    context, which rdflib and Jena tried to fetch and failed without network)."""
    if path.suffix == ".jsonld":
        assert isinstance(json.loads(path.read_text(encoding="utf-8"))["@context"], dict), path
        return rdflib.Graph().parse(path, format="json-ld")
    return rdflib.Graph().parse(path, format={".ttl": "turtle", ".rdf": "xml", ".nt": "nt"}[path.suffix])


def test_release_writes_every_file_and_says_so(released):
    assert sorted(p.name for p in RELEASE.iterdir()) == FILES
    assert released.out.splitlines()[-1] == "LiSKG 1.2.0 released to build/release/"
    assert "HermiT: consistent; 241 classes" in released.err
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
    # the 12,592 triples of the ontology's 1.2 data before it
    assert counts.pop("liskg") == stats_numbers("--asserted-only")["triples"] > 12592
    assert counts == {"liskg-ontology": ONTOLOGY_TRIPLES, "liskg-emmo-alignment": 818}


@pytest.mark.java
def test_the_owl_api_reads_the_same_axioms_from_turtle_rdfxml_and_owlxml(released):
    from importlib import resources

    from liskg.builder.owlapi import compile_java, owlapi_classpath

    classes = compile_java(resources.files("liskg.builder") / "java" / "OwlXml.java")
    for stem in STEMS:
        files = [str(RELEASE / f"{stem}{suffix}") for suffix in (".ttl", ".rdf", ".owx")]
        proc = subprocess.run(
            ["java", "-cp", f"{classes}:{owlapi_classpath()}", "OwlXml", "axioms", *files],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert proc.returncode == 0, proc.stderr
        digests = {line.split(": ", 1)[1] for line in proc.stdout.splitlines()}
        assert len(digests) == 1, proc.stdout


def test_jsonld_carries_its_context_inline_and_parses_offline(released, tmp_path):
    """1.1's JSON-LD named https://w3id.org/liskg/context.jsonld, so offline rdflib and Jena failed to parse it."""
    document = json.loads((RELEASE / "liskg.jsonld").read_text(encoding="utf-8"))
    study = next(node for node in document["@graph"] if node["@id"] == "lkd:ref-107")
    assert "liskg:Study" in study["@type"]
    context = json.loads((RELEASE / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == context  # the same context, inline, and shipped beside the files for reuse
    assert context["liskg"] == "https://w3id.org/liskg/ontology#" and context["echem"].endswith("electrochemistry#")


@pytest.mark.java
def test_jena_riot_reads_every_jsonld_file_offline(released, jena_classpath):  # noqa: F811
    # Debian's Jena reads JSON-LD 1.1 with titanium, which finds no Jakarta JSON provider there; its JSON-LD 1.0
    # reader (jsonld-java) needs the HTTP client cache jar: a remote @context would be fetched through it.
    classpath = f"{jena_classpath}:/usr/share/java/httpclient-cache.jar"
    for stem in STEMS:
        proc = subprocess.run(
            ["java", "-cp", classpath, "riotcmd.riot", "--syntax=jsonld10", "--count", str(RELEASE / f"{stem}.jsonld")],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr[-500:]
        assert f"Triples = {len(parse(RELEASE / f'{stem}.ttl')):,}" in proc.stdout + proc.stderr, proc.stderr


def test_the_released_sssom_file_passes_sssom_validate(released):
    from test_mappings import sssom_validate

    proc = sssom_validate(RELEASE / "liskg-emmo.sssom.tsv")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_a_sparql_endpoint_is_advertised_only_when_configured():
    from liskg.publish import dataset

    def described(endpoint):
        return dataset.describe(
            version="1.2.0",
            issued="2026-12-07",
            base="https://w3id.org/liskg/release/1.2.0/",
            counts=dict.fromkeys(dataset.PARTITIONS, 1) | {"triples": 1},
            asserted=rdflib.Graph(),
            files={},
            endpoint=endpoint,
        )

    dataset_iri = rdflib.URIRef("https://w3id.org/liskg/dataset")
    assert described(None).value(dataset_iri, VOID.sparqlEndpoint) is None
    served = described("https://example.org/liskg/sparql")
    assert served.value(dataset_iri, VOID.sparqlEndpoint) == rdflib.URIRef("https://example.org/liskg/sparql")


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
    assert int(void.value(dataset, VOID.triples)) == stats_numbers("--asserted-only")["triples"] > 12592
    assert str(void.value(dataset, rdflib.URIRef("http://www.w3.org/ns/dcat#version"))) == "1.2.0"
    previous = rdflib.URIRef("http://www.w3.org/ns/dcat#previousVersion")
    assert str(void.value(dataset, previous)) == "https://w3id.org/liskg/release/1.1.0/"
    # no SPARQL endpoint unless one is configured (1.1 advertised http://127.0.0.1:7878, the user's own machine)
    assert void.value(dataset, VOID.sparqlEndpoint) is None
    assert "127.0.0.1" not in (RELEASE / "void.ttl").read_text(encoding="utf-8")
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
    assert str(g.value(ontology, OWL.versionIRI)) == "https://w3id.org/liskg/ontology/emmo-alignment/1.2.0"
    assert str(g.value(ontology, OWL.priorVersion)) == "https://w3id.org/liskg/ontology/emmo-alignment/1.1.0"
    assert len(list(g.subject_objects(SKOS.exactMatch))) == 3
    # class-to-class matches become axioms: 3 exact -> equivalentClass, 39 broad + 1 narrow -> subClassOf;
    # the 8 rdf:type rows are class assertions of LiSKG individuals (the substances, one failure mode)
    assert len(list(g.subject_objects(OWL.equivalentClass))) == 3
    assert len(list(g.subject_objects(RDFS.subClassOf))) == 40
    members = [
        (s, o)
        for s, o in g.subject_objects(RDF.type)
        if str(s).startswith("https://w3id.org/liskg/data/") and o != OWL.NamedIndividual
    ]
    assert len(members) == 8
    pressing = rdflib.URIRef("https://w3id.org/emmo#EMMO_bbf12904_e25e_4f49_87f3_8bd210a6b535")
    assert (rdflib.URIRef("https://w3id.org/liskg/ontology#MechanicalPressing"), RDFS.subClassOf, pressing) not in g
    assert len(list(g.subjects(RDF.type, OWL.Axiom))) == 70  # one reason per mapping with an EMMO term


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
    row = next(i for i, line in enumerate(lines) if line.startswith("subject_id\t")) + 1
    lines[row] = lines[row].replace("\t", " ", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("--root", str(tmp_project.root), "release")
    assert result.code == 2
    assert result.err.splitlines()[-1] == (
        f"liskg: error: ontology/mappings/liskg-emmo.sssom.tsv:{row + 1}: 10 columns, expected 11 (tab-separated)"
    )
    assert "Traceback" not in result.err
