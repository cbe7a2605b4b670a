"""The ontology sources: they parse, every term is labelled and defined, imports and catalogs agree."""

from __future__ import annotations

import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from liskg.builder import qc
from liskg.sources.catalog import read_catalog
from liskg.sources.loading import load_sources, parse_turtle

LISKG = rdflib.Namespace("https://w3id.org/liskg/ontology#")


def _tbox(project) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in sorted(project.ontology_dir.glob("*.ttl")):
        graph.parse(path)
    return graph


def test_every_source_file_parses_in_rdflib_and_oxigraph(project):
    for path in project.source_files():
        if path.suffix == ".ttl":
            assert parse_turtle(path), path
            assert len(rdflib.Graph().parse(path)) > 0, path


def test_core_header_has_iri_version_title_description_license_creator_source(project):
    graph = rdflib.Graph().parse(project.ontology_dir / "liskg.ttl")
    onto = rdflib.URIRef("https://w3id.org/liskg/ontology")
    assert (onto, RDF.type, OWL.Ontology) in graph
    assert graph.value(onto, OWL.versionIRI) == rdflib.URIRef("https://w3id.org/liskg/ontology/1.2.0")
    assert graph.value(onto, OWL.priorVersion) == rdflib.URIRef("https://w3id.org/liskg/ontology/1.1.0")
    for predicate in (
        OWL.versionInfo,
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.license,
        DCTERMS.creator,
        DCTERMS.source,
    ):
        assert graph.value(onto, predicate) is not None, predicate
    assert "Nano-Micro Letters" in str(graph.value(onto, DCTERMS.source))


def test_every_class_and_property_has_one_english_label_and_one_definition(project):
    graph = _tbox(project)
    terms = {
        s
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for s in graph.subjects(RDF.type, t)
        if str(s).startswith(str(LISKG))
    }
    assert len(terms) > 150
    for term in terms:
        labels = list(graph.objects(term, RDFS.label))
        assert len(labels) == 1 and labels[0].language == "en", term
        assert len(list(graph.objects(term, SKOS.definition))) == 1, term


def test_the_qc_report_of_the_real_sources_is_empty(project):
    assert qc.check(project, load_sources(project)) == []


def test_the_four_interfaces_with_numerals_and_components(project):
    graph = _tbox(project)
    found = {
        str(graph.value(i, RDFS.label)): (
            str(graph.value(i, LISKG.interfaceNumeral)),
            sorted(str(graph.value(c, RDFS.label)) for c in graph.objects(i, LISKG.joinsComponent)),
        )
        for i in graph.subjects(RDF.type, LISKG.Interface)
    }
    assert found == {
        "Li/SSE interface": ("I", ["lithium metal anode", "solid-state electrolyte layer"]),
        "SSE/SSE interface": ("II", ["solid-state electrolyte layer"]),
        "S/SSE interface": ("III", ["solid-state electrolyte layer", "sulfur composite cathode"]),
        "S/S interface": ("IV", ["sulfur composite cathode"]),
    }


def test_electrolyte_families_are_disjoint(project):
    graph = _tbox(project)
    groups = [
        set(rdflib.collection.Collection(graph, graph.value(g, OWL.members)))
        for g in graph.subjects(RDF.type, OWL.AllDisjointClasses)
    ]
    assert {
        LISKG.OxideElectrolyte,
        LISKG.SulfideElectrolyte,
        LISKG.NitrideElectrolyte,
        LISKG.HydrideElectrolyte,
    } in groups
    assert (LISKG.InorganicSolidElectrolyte, OWL.disjointWith, LISKG.PolymerElectrolyte) in graph


def test_catalogs_and_imports_agree(project):
    """Every import resolves through a catalog to a file declaring that IRI, and every catalog entry is used."""
    imported, declared = set(), {}
    for path in project.source_files():
        if path.suffix != ".ttl" or path == project.shapes_file:
            continue
        graph = rdflib.Graph().parse(path)
        imported |= {str(o) for o in graph.objects(None, OWL.imports)}
        for onto in graph.subjects(RDF.type, OWL.Ontology):
            declared[str(onto)] = path.resolve()
            for version in graph.objects(onto, OWL.versionIRI):
                declared[str(version)] = path.resolve()
    for folder in (project.ontology_dir, project.data_dir):
        for iri, file in read_catalog(folder / "catalog-v001.xml").items():
            assert file.exists(), (folder, iri)
            assert declared.get(iri) == file, (folder, iri)
    catalog = {**read_catalog(project.data_dir / "catalog-v001.xml")}
    assert imported <= set(catalog), imported - set(catalog)
