"""The VoID/DCAT description of a release: what the dataset is, who made it, its licence and
source, its version, counts computed from the graph at release time, example resources, the SPARQL
service where one is configured (`liskg release --sparql-endpoint URL`; none otherwise: `liskg serve`
runs on the user's own machine) and one dcat:Distribution per release file (media type, size)."""

from __future__ import annotations

import rdflib
from rdflib.namespace import DCAT, DCTERMS, FOAF, OWL, RDF, RDFS, VOID, XSD

LISKG = rdflib.Namespace("https://w3id.org/liskg/ontology#")
LKD = rdflib.Namespace("https://w3id.org/liskg/data/")
DATASET = rdflib.URIRef("https://w3id.org/liskg/dataset")
CITATION = (
    "Qi B, Hong X, Jiang Y, Shi J, Zhang M, Yan W, Lai C. A Review on Engineering Design for Enhancing "
    "Interfacial Contact in Solid-State Lithium-Sulfur Batteries. Nano-Micro Letters, 2024."
)
LICENSE = rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")

# stats.counts() name -> the class whose instances it counts (stats-counts.rq)
PARTITIONS = {
    "studies": "Study",
    "cited_analyses": "CitedAnalysis",
    "strategies": "ProcessingMethod",
    "materials": "Material",
    "failure_modes": "FailureMode",
    "measurements": "Measurement",
    "claims": "Claim",
    "cells": "Cell",
}
DCAT_VERSION = rdflib.URIRef("http://www.w3.org/ns/dcat#version")  # DCAT 3, not in rdflib's DCAT 2 namespace
DCAT_PREVIOUS = rdflib.URIRef("http://www.w3.org/ns/dcat#previousVersion")  # DCAT 3 too
EXAMPLES = ["ref-107", "mat-llzo", "fm-polysulfide-shuttle"]
MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".rdf": "application/rdf+xml",
    ".owx": "application/owl+xml",
    ".nt": "application/n-triples",
    ".jsonld": "application/ld+json",
    ".tsv": "text/tab-separated-values",
    ".yml": "application/yaml",
    ".xml": "application/xml",
}


def describe(
    *,
    version: str,
    issued: str,
    base: str,
    counts: dict[str, int],
    asserted: rdflib.Graph,
    files: dict[str, int],
    endpoint: str | None = None,
    prior: str = "",
) -> rdflib.Graph:
    """The description graph. counts is stats.counts() of the inferred graph (as `liskg stats` prints
    it), asserted the released graph, files the release's file names with their sizes in bytes, endpoint
    the URL of a SPARQL endpoint that serves the release (None: no endpoint is advertised), prior the
    version this release follows."""
    g = rdflib.Graph()
    for prefix, ns in (
        ("void", VOID),
        ("dcat", DCAT),
        ("dcterms", DCTERMS),
        ("liskg", LISKG),
        ("lkd", LKD),
        ("foaf", FOAF),
    ):
        g.bind(prefix, ns)
    d = DATASET
    g.add((d, RDF.type, VOID.Dataset))
    g.add((d, RDF.type, DCAT.Dataset))
    g.add((d, DCTERMS.title, rdflib.Literal("LiSKG: solid-state Li-S interface knowledge graph", lang="en")))
    g.add((d, RDFS.label, rdflib.Literal("LiSKG: solid-state Li-S interface knowledge graph", lang="en")))
    g.add(
        (
            d,
            DCTERMS.description,
            rdflib.Literal(
                "Studies, processing strategies, materials, failure modes, claims and measured values about the "
                "interfaces of solid-state lithium-sulfur batteries, as described by one 2024 review, with the "
                "OWL 2 DL ontology that structures them and its alignment to EMMO.",
                lang="en",
            ),
        )
    )
    g.add((d, DCTERMS.license, LICENSE))
    g.add((d, DCTERMS.creator, rdflib.Literal("LiSKG contributors")))
    g.add((d, DCTERMS.source, LKD["review"]))
    g.add((d, DCTERMS.bibliographicCitation, rdflib.Literal(CITATION)))
    g.add((d, DCTERMS.issued, rdflib.Literal(issued, datatype=XSD.date)))
    g.add((d, DCAT_VERSION, rdflib.Literal(version)))
    g.add((d, OWL.versionInfo, rdflib.Literal(version)))
    g.add((d, DCAT.keyword, rdflib.Literal("solid-state battery", lang="en")))
    g.add((d, DCAT.keyword, rdflib.Literal("lithium-sulfur", lang="en")))
    g.add((d, DCAT.keyword, rdflib.Literal("interface engineering", lang="en")))
    g.add((d, VOID.uriSpace, rdflib.Literal(str(LKD))))
    g.add((d, VOID.vocabulary, rdflib.URIRef("https://w3id.org/liskg/ontology#")))
    for example in EXAMPLES:
        g.add((d, VOID.exampleResource, LKD[example]))

    g.add((d, VOID.triples, rdflib.Literal(len(asserted))))
    subjects = {s for s in asserted.subjects() if isinstance(s, rdflib.URIRef)}
    g.add((d, VOID.entities, rdflib.Literal(sum(1 for s in subjects if str(s).startswith(str(LKD))))))
    g.add((d, VOID.distinctSubjects, rdflib.Literal(len(set(asserted.subjects())))))
    g.add((d, VOID.properties, rdflib.Literal(len(set(asserted.predicates())))))
    g.add((d, VOID.classes, rdflib.Literal(len(set(asserted.objects(None, RDF.type))))))
    for name, cls in PARTITIONS.items():
        part = rdflib.URIRef(f"{DATASET}/class/{cls}")
        g.add((d, VOID.classPartition, part))
        g.add((part, VOID["class"], LISKG[cls]))
        g.add((part, VOID.entities, rdflib.Literal(counts[name])))
    inferred = rdflib.URIRef(f"{DATASET}/inferred")
    g.add((d, VOID.subset, inferred))
    g.add((inferred, RDF.type, VOID.Dataset))
    g.add((inferred, RDFS.label, rdflib.Literal("LiSKG with materialized inferences", lang="en")))
    g.add((inferred, VOID.triples, rdflib.Literal(counts["triples"])))
    g.add((inferred, VOID.dataDump, rdflib.URIRef(base + "liskg-inferred.nt")))

    if endpoint:
        service = rdflib.URIRef(f"{DATASET}/sparql")
        g.add((service, RDF.type, DCAT.DataService))
        g.add((service, DCTERMS.title, rdflib.Literal("SPARQL endpoint serving this release", lang="en")))
        g.add((service, DCAT.endpointURL, rdflib.URIRef(endpoint)))
        g.add((service, DCAT.servesDataset, d))
        g.add((d, VOID.sparqlEndpoint, rdflib.URIRef(endpoint)))
    if prior:
        g.add((d, DCAT_PREVIOUS, rdflib.URIRef(base.replace(f"/{version}/", f"/{prior}/"))))

    for name, size in sorted(files.items()):
        url = rdflib.URIRef(base + name)
        g.add((d, DCAT.distribution, url))
        g.add((url, RDF.type, DCAT.Distribution))
        g.add((url, DCAT.downloadURL, url))
        g.add((url, DCAT.byteSize, rdflib.Literal(size, datatype=XSD.nonNegativeInteger)))
        suffix = name[name.rfind(".") :]
        if suffix in MEDIA_TYPES:
            g.add(
                (
                    url,
                    DCAT.mediaType,
                    rdflib.URIRef(f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[suffix]}"),
                )
            )
        if name.endswith((".ttl", ".rdf", ".owx", ".nt", ".jsonld")) and name not in ("void.ttl", "context.jsonld"):
            g.add((d, VOID.dataDump, url))
    return g
