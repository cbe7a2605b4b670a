"""Compile the SSSOM mappings into the LiSKG-EMMO alignment module (OWL 2 DL, imports nothing).

Every row becomes a mapping assertion on its subject, with the curator's reason as an axiom annotation
(rdfs:comment), so Protégé shows why beside each match. Rows between two classes also become logical
axioms a reasoner uses: exactMatch -> owl:equivalentClass, broadMatch -> the LiSKG class is a subclass of
the EMMO class, narrowMatch -> the EMMO class is a subclass of the LiSKG class; closeMatch and
relatedMatch stay annotations. A row mapping a LiSKG individual (a substance, a failure mode) with
rdf:type is itself a logical axiom: the individual is a member of the EMMO class. A row whose object is
sssom:NoTermFound (a LiSKG root class EMMO has no counterpart for) becomes an rdfs:comment on the class
with the reason. EMMO terms are declared with their prefLabel (as skos:prefLabel and rdfs:label), not
imported.
"""

from __future__ import annotations

import rdflib
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

from liskg.base import vocab
from liskg.publish.mappings import MappingTable

ALIGNMENT_IRI = "https://w3id.org/liskg/ontology/emmo-alignment"
VANN = rdflib.Namespace(vocab.VANN)
LOGICAL = {"skos:exactMatch", "skos:broadMatch", "skos:narrowMatch"}


def _declare(graph: rdflib.Graph, iri: str, kind: str) -> rdflib.URIRef:
    node = rdflib.URIRef(iri)
    graph.add((node, RDF.type, OWL.Class if kind == "owl class" else OWL.NamedIndividual))
    return node


def compile_alignment(table: MappingTable, header: dict) -> rdflib.Graph:
    """The alignment module as an rdflib graph; header holds version, created, issued (ISO dates)."""
    g = rdflib.Graph()
    ontology = rdflib.URIRef(ALIGNMENT_IRI)
    version = header["version"]
    g.add((ontology, RDF.type, OWL.Ontology))
    g.add((ontology, OWL.versionIRI, rdflib.URIRef(f"{ALIGNMENT_IRI}/{version}")))
    g.add((ontology, OWL.versionInfo, rdflib.Literal(version)))
    if header.get("prior"):
        g.add((ontology, OWL.priorVersion, rdflib.URIRef(f"{ALIGNMENT_IRI}/{header['prior']}")))
    g.add((ontology, DCTERMS.title, rdflib.Literal("LiSKG-EMMO alignment", lang="en")))
    g.add((ontology, RDFS.label, rdflib.Literal("LiSKG-EMMO alignment", lang="en")))
    g.add(
        (
            ontology,
            DCTERMS.description,
            rdflib.Literal(
                "Mappings from LiSKG terms to EMMO 1.0.3 and its electrochemistry, battery and chemical-substance "
                "domains, compiled from the SSSOM table liskg-emmo.sssom.tsv. Import it beside LiSKG (and EMMO, if "
                "you use it); it does not import EMMO itself.",
                lang="en",
            ),
        )
    )
    g.add((ontology, DCTERMS.license, rdflib.URIRef(table.metadata["license"])))
    g.add((ontology, DCTERMS.creator, rdflib.Literal(table.metadata["creator_label"][0])))
    g.add((ontology, DCTERMS.source, rdflib.URIRef(table.metadata["mapping_set_id"])))
    g.add((ontology, DCTERMS.created, rdflib.Literal(header["created"], datatype=XSD.date)))
    g.add((ontology, DCTERMS.issued, rdflib.Literal(header["issued"], datatype=XSD.date)))
    g.add((ontology, VANN.preferredNamespacePrefix, rdflib.Literal("liskg")))
    g.add((ontology, VANN.preferredNamespaceUri, rdflib.Literal("https://w3id.org/liskg/ontology#")))
    for prop in (
        DCTERMS.title,
        DCTERMS.description,
        DCTERMS.license,
        DCTERMS.creator,
        DCTERMS.source,
        DCTERMS.created,
        DCTERMS.issued,
        VANN.preferredNamespacePrefix,
        VANN.preferredNamespaceUri,
        SKOS.prefLabel,
        SKOS.exactMatch,
        SKOS.closeMatch,
        SKOS.broadMatch,
        SKOS.narrowMatch,
        SKOS.relatedMatch,
    ):
        g.add((prop, RDF.type, OWL.AnnotationProperty))

    for m in table.mappings:
        subject = _declare(g, m.subject_iri, m.subject_type)
        g.add((subject, RDFS.label, rdflib.Literal(m.subject_label, lang="en")))
        if m.no_term:
            g.add((subject, RDFS.comment, rdflib.Literal(f"No EMMO counterpart: {m.comment}", lang="en")))
            continue
        target = _declare(g, m.object_iri, m.object_type)
        g.add((target, SKOS.prefLabel, rdflib.Literal(m.object_label, lang="en")))
        g.add((target, RDFS.label, rdflib.Literal(m.object_label, lang="en")))
        predicate = rdflib.URIRef(m.predicate_iri)
        g.add((subject, predicate, target))
        reason = rdflib.BNode()
        g.add((reason, RDF.type, OWL.Axiom))
        g.add((reason, OWL.annotatedSource, subject))
        g.add((reason, OWL.annotatedProperty, predicate))
        g.add((reason, OWL.annotatedTarget, target))
        g.add((reason, RDFS.comment, rdflib.Literal(m.comment, lang="en")))
        if m.predicate_id in LOGICAL and m.subject_type == m.object_type == "owl class":
            if m.predicate_id == "skos:exactMatch":
                g.add((subject, OWL.equivalentClass, target))
            elif m.predicate_id == "skos:broadMatch":
                g.add((subject, RDFS.subClassOf, target))
            else:
                g.add((target, RDFS.subClassOf, subject))
    return g
