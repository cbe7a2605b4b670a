"""Ontology reference: one self-contained HTML page for ontology/, made by Ontospy with LiSKG's own template.

Ontospy reads the ontology (liskg.ttl and the modules it imports, merged) into its model of classes,
properties and individuals, with their tree, domains and ranges; its VizFactory renders the Jinja
template in publish/templates/ through its `jinja2env` option. This module adds what Ontospy
cannot know: where each term is used in graph_data/ (with one example individual, shown on the page)
and, when ontology/mappings/liskg-emmo.sssom.tsv exists, each term's EMMO mappings; the axioms a reader
navigates by (disjointness, inverses, restrictions, unions in domains and ranges); and, like WIDOCO's
pages, a namespace table, the downloads of a release, a citation, the changelog and a search box.
Anchors are made from IRIs, never from labels: a LiSKG term's anchor is its IRI's own fragment
(#GarnetElectrolyte, so the IRI itself lands on its entry), with its CURIE (#liskg:GarnetElectrolyte,
1.1's anchor) kept as an alias; other vocabularies' terms and data individuals are anchored at their
CURIE. Offline and deterministic: CSS and the search script are inline, nothing remote is loaded,
every list is sorted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rdflib
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape
from ontospy import Ontospy
from ontospy.gendocs.viz_factory import VizFactory
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from liskg.base import vocab
from liskg.base.files import write_atomically
from liskg.base.project import Project
from liskg.base.rdfconvert import to_rdflib_graph
from liskg.publish import dataset, mappings
from liskg.sources.catalog import read_catalogs
from liskg.sources.loading import load_sources, walk_imports

ROOT_ONTOLOGY = "liskg.ttl"
INDEX = "index.html"
TEMPLATE = "reference.html"
LISKG = rdflib.Namespace(vocab.PREFIXES["liskg"])
PREFIXES = {**vocab.PREFIXES, "rdf": str(RDF), "rdfs": str(RDFS)}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
NAMESPACES = {  # prefix -> what the page's reader finds there
    "liskg": "LiSKG's classes and properties (ontology/liskg.ttl, units.ttl, quantities.ttl)",
    "lkd": "LiSKG's data: studies, strategies, materials, failure modes, claims, measurements, the review's text",
    "unit": "QUDT units of measure, reused by IRI",
    "qudt": "QUDT schema properties (conversion multiplier and offset), used as QUDT defines them",
    "dcterms": "Dublin Core terms: titles, licences, replacements of deprecated terms",
    "skos": "SKOS: definitions, synonyms, editorial notes",
    "vann": "VANN: the preferred namespace prefix and IRI",
    "owl": "OWL 2",
    "rdfs": "RDF Schema",
    "rdf": "RDF",
    "xsd": "XML Schema datatypes",
}
STEMS = {
    "liskg": "ontology and data as one ontology",
    "liskg-ontology": "the ontology alone",
    "liskg-emmo-alignment": "the EMMO alignment module",
}
FORMATS = {".ttl": "Turtle", ".rdf": "RDF/XML", ".owx": "OWL/XML", ".nt": "N-Triples", ".jsonld": "JSON-LD"}
OTHER_FILES = {
    "liskg-inferred.nt": "asserted and inferred triples, what the named queries run on (N-Triples)",
    "context.jsonld": "the JSON-LD @context the .jsonld files carry inline",
    "liskg-emmo.sssom.tsv": "the SSSOM mapping set to EMMO",
    "void.ttl": "VoID/DCAT description of the release, with counts",
    "catalog-v001.xml": "XML catalog mapping the release's ontology IRIs to its files",
    "SHA256SUMS": "checksums of every file",
}
RELEASE_BASE = "https://w3id.org/liskg/release/{version}/"
KINDS = {
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
}


def ontology_graph(project: Project) -> rdflib.Graph:
    """ontology/liskg.ttl and everything it imports (through the catalog), as one ontology with liskg.ttl's header."""
    modules = walk_imports(project, project.ontology_dir / ROOT_ONTOLOGY, read_catalogs([project.ontology_dir]))
    root_iri = modules[0].ontology_iri
    graph = rdflib.Graph()
    for module in modules:
        assert module.triples is not None  # walk_imports without a store keeps every file's triples
        for triple in to_rdflib_graph(module.triples):
            own_header = module.ontology_iri not in (None, root_iri) and str(triple[0]) == module.ontology_iri
            if not own_header and triple[1] != OWL.imports:  # a module's header would show as a second ontology
                graph.add(triple)
    for prefix, namespace in vocab.PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def curie(iri: str) -> str:
    """A term's CURIE (liskg:LiSSEInterface, unit:OHM-CentiM2), else its full IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and re.fullmatch(r"[\w.-]+", iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def anchor(iri: str) -> str:
    """The page anchor of a term: for a LiSKG ontology term its IRI's fragment (GarnetElectrolyte), so that the
    IRI https://w3id.org/liskg/ontology#GarnetElectrolyte lands on the entry; else its CURIE."""
    if iri.startswith(str(LISKG)) and re.fullmatch(r"\w[\w.-]*", iri[len(str(LISKG)) :]):
        return iri[len(str(LISKG)) :]
    return curie(iri)


@dataclass(frozen=True)
class Mapping:
    """One row of the SSSOM mapping file, for the term named by subject_id."""

    predicate: str
    object_id: str
    object_iri: str  # "" when the CURIE cannot be expanded
    object_label: str
    justification: str
    comment: str


def read_mappings(project: Project) -> dict[str, list[Mapping]]:
    """The SSSOM table's rows by subject IRI, read by liskg.publish.mappings (LiSKG's one SSSOM reader); {}
    when the project has no mapping file. A row with no EMMO term has no object IRI."""
    if not (project.root / mappings.MAPPINGS_FILE).exists():
        return {}
    found: dict[str, list[Mapping]] = {}
    for m in mappings.load_mappings(project.root).mappings:
        found.setdefault(m.subject_iri, []).append(
            Mapping(
                m.predicate_id,
                m.object_id,
                "" if m.no_term else m.object_iri,
                m.object_label,
                m.mapping_justification,
                m.comment,
            )
        )
    return {iri: sorted(rows, key=lambda m: (m.predicate, m.object_id)) for iri, rows in found.items()}


@dataclass
class Ref:
    """A link to a term or data individual: its anchor on the page (or None) and what to show."""

    label: str
    curie: str
    anchor: str | None


@dataclass
class Term:
    """What the page says about one class, property or individual."""

    iri: str
    kind: str
    label: str
    definition: str
    synonyms: list[str]
    deprecated: bool
    replaced_by: list[Ref]
    mappings: list[Mapping]
    curie: str
    parents: list[Ref] = field(default_factory=list)
    children: list[Ref] = field(default_factory=list)
    types: list[Ref] = field(default_factory=list)
    facts: list[tuple[Ref, list]] = field(default_factory=list)  # (property, values) asserted in the ontology
    domain: list[Ref] = field(default_factory=list)
    range: list[Ref] = field(default_factory=list)
    in_domain_of: list[Ref] = field(default_factory=list)
    in_range_of: list[Ref] = field(default_factory=list)
    inherited_domain: list[Ref] = field(default_factory=list)  # properties whose domain is a superclass
    inverse: list[Ref] = field(default_factory=list)
    characteristics: list[str] = field(default_factory=list)
    usage: list[tuple[Ref, int]] = field(default_factory=list)  # (property, how many data triples)
    punned: bool = False  # a class whose IRI is also an individual (OWL 2 punning)
    value_usage: list[tuple[Ref, int]] = field(default_factory=list)  # a punned class: data triples naming it
    value_count: int = 0
    disjoint: list[Ref] = field(default_factory=list)
    restrictions: list[list] = field(default_factory=list)  # class expressions it is a subclass of
    domain_expr: list[list] = field(default_factory=list)  # domain / range as class expressions (unions)
    range_expr: list[list] = field(default_factory=list)
    count: int = 0  # data individuals of the class / data triples of the property / data triples naming the individual
    example: Ref | None = None

    @property
    def anchor(self) -> str:
        return anchor(self.iri)

    @property
    def alias(self) -> str | None:
        """1.1's anchor, the CURIE, kept so that old links still land: None when it is the anchor."""
        return self.curie if self.curie != self.anchor else None

    @property
    def kinds(self) -> str:
        """What the entry documents: its kind, and "individual" too for a class the data uses as a value."""
        return f"{self.kind} · individual" if self.punned else self.kind

    @property
    def own(self) -> bool:
        """A term of LiSKG's own namespace (the others come from dcterms, SKOS, QUDT ...)."""
        return self.iri.startswith(str(LISKG))


@dataclass
class Example:
    """A data individual shown on the page as the example of a term: its types and asserted values."""

    ref: Ref
    file: str
    types: list[Ref]
    values: list[tuple[Ref, list]]
    example_of: list[Ref]


class _Reference:
    """Collects the page's content from the Ontospy model, the data graph and the mappings."""

    def __init__(self, project: Project):
        self.graph = ontology_graph(project)
        self.model = Ontospy(graph_obj=self.graph, hide_individuals=False, verbose=False, pref_lang="en")
        sources = load_sources(project)
        self.data = rdflib.Graph()
        self.declared_in: dict[Any, str] = {}  # rdflib types subjects as Node, which sorts and hashes as URIRef
        for source in sources.data_files(project) + sources.sheets():  # the template sheets' records too
            assert source.triples is not None  # load_sources without a store keeps every file's triples
            module = to_rdflib_graph(source.triples)
            self.data += module
            for subject in module.subjects(RDF.type, None):
                self.declared_in.setdefault(subject, project.relative(source.path))
        headers = set(self.data.subjects(RDF.type, OWL.Ontology))  # a module's header is no example
        self.individuals: set[Any] = {
            s for s in self.data.subjects() if isinstance(s, rdflib.URIRef) and s not in headers
        }
        self.mappings = read_mappings(project)
        changelog = project.root / "CHANGELOG.md"
        self.changelog = changelog.read_text(encoding="utf-8") if changelog.exists() else ""
        self.terms: dict[str, Term] = {}
        self.examples: dict[str, Any] = {}  # IRI -> Example (None while they are being made)
        self.example_of: dict[str, Any] = {}  # term IRI -> its example data individual

    # -- names and links --------------------------------------------------------------------------
    def label(self, node) -> str:
        for graph in (self.graph, self.data):
            labels = sorted(
                graph.objects(node, RDFS.label),
                key=lambda label: (getattr(label, "language", None) != "en", str(label)),
            )
            if labels:
                return str(labels[0])
        return curie(str(node))

    def ref(self, node) -> Ref:
        iri = str(node)
        on_page = iri in self.terms or iri in self.examples
        return Ref(self.label(node), curie(iri), anchor(iri) if on_page else None)

    def refs(self, nodes) -> list[Ref]:
        return sorted((self.ref(n) for n in nodes if isinstance(n, rdflib.URIRef)), key=_by_label)

    def value(self, node):
        return self.ref(node) if isinstance(node, rdflib.URIRef) else str(node)

    # -- entries ----------------------------------------------------------------------------------
    def term(self, entity, kind: str) -> Term:
        node = rdflib.URIRef(str(entity.uri))
        definitions = sorted(str(d) for d in self.graph.objects(node, SKOS.definition))
        comments = sorted(str(d) for d in self.graph.objects(node, RDFS.comment))
        return Term(
            iri=str(node),
            kind=kind,
            label=self.label(node),
            definition=" ".join(definitions or comments),
            synonyms=sorted({str(s) for s in self.graph.objects(node, SKOS.altLabel)}, key=str.casefold),
            deprecated=any(
                isinstance(d, rdflib.Literal) and d.toPython() is True for d in self.graph.objects(node, OWL.deprecated)
            ),
            replaced_by=[],
            mappings=self.mappings.get(str(node), []),
            curie=curie(str(node)),
        )

    def collect(self) -> None:
        model = self.model
        for cls in model.all_classes:
            self.terms[str(cls.uri)] = self.term(cls, "class")
        for prop in model.all_properties:
            self.terms[str(prop.uri)] = self.term(prop, KINDS.get(prop.rdftype, "property"))
        for individual in model.all_individuals:
            if str(individual.uri) in self.terms:  # a class whose IRI is also an individual: one entry for both
                self.terms[str(individual.uri)].punned = True
            else:
                self.terms[str(individual.uri)] = self.term(individual, "individual")
        self.choose_examples()
        for cls in model.all_classes:
            self.fill_class(self.terms[str(cls.uri)], cls)
        for prop in model.all_properties:
            self.fill_property(self.terms[str(prop.uri)], prop)
        for individual in model.all_individuals:
            self.fill_individual(self.terms[str(individual.uri)], individual)
        for term in self.terms.values():
            term.replaced_by = self.refs(self.graph.objects(rdflib.URIRef(term.iri), DCTERMS.isReplacedBy))

    def instances_in_data(self, cls) -> list[rdflib.URIRef]:
        classes = {rdflib.URIRef(str(cls.uri))} | {rdflib.URIRef(str(d.uri)) for d in cls.descendants()}
        return sorted(
            {
                s
                for c in classes
                for s in self.data.subjects(RDF.type, c)
                if isinstance(s, rdflib.URIRef) and s in self.individuals
            }
        )

    def choose_examples(self) -> None:
        """One data individual per class, property and individual (the first by IRI), shown in the examples section."""
        for cls in self.model.all_classes:
            if members := self.instances_in_data(cls):
                self.example_of[str(cls.uri)] = members[0]
        for prop in self.model.all_properties:
            subjects = sorted(
                s
                for s in self.data.subjects(rdflib.URIRef(str(prop.uri)), None)
                if isinstance(s, rdflib.URIRef) and s in self.individuals
            )
            if subjects:
                self.example_of[str(prop.uri)] = subjects[0]
        for individual in self.model.all_individuals:
            subjects = sorted(
                s
                for s in self.data.subjects(None, rdflib.URIRef(str(individual.uri)))
                if isinstance(s, rdflib.URIRef) and s in self.individuals
            )
            if subjects:
                self.example_of[str(individual.uri)] = subjects[0]
        nodes = sorted(set(self.example_of.values()))
        self.examples = dict.fromkeys(map(str, nodes))  # first the keys, so that links between examples resolve
        for node in nodes:
            self.examples[str(node)] = Example(
                self.ref(node),
                self.declared_in.get(node, ""),
                types=self.refs(t for t in self.data.objects(node, RDF.type) if t != OWL.NamedIndividual),
                values=self.facts(self.data, node),
                example_of=self.refs(rdflib.URIRef(t) for t, n in self.example_of.items() if n == node),
            )

    def facts(self, graph: rdflib.Graph, node) -> list[tuple[Ref, list]]:
        skip = {
            RDF.type,
            RDFS.label,
            SKOS.definition,
            SKOS.altLabel,
            RDFS.subClassOf,
            RDFS.domain,
            RDFS.range,
            RDFS.subPropertyOf,
            OWL.deprecated,
            DCTERMS.isReplacedBy,
            RDFS.comment,
        }
        predicates = sorted(
            {p for p in graph.predicates(node, None) if p not in skip}, key=lambda p: _by_label(self.ref(p))
        )
        return [
            (self.ref(p), sorted((self.value(o) for o in graph.objects(node, p)), key=_sort_value)) for p in predicates
        ]

    def link_example(self, term: Term) -> None:
        node = self.example_of.get(term.iri)
        term.example = self.ref(node) if node is not None else None

    def fill_class(self, term: Term, cls) -> None:
        term.parents = self.refs(rdflib.URIRef(str(p.uri)) for p in cls.parents())
        term.children = self.refs(rdflib.URIRef(str(c.uri)) for c in cls.children())
        term.in_domain_of = self.refs(rdflib.URIRef(str(p.uri)) for p in cls.domain_of)
        term.in_range_of = self.refs(rdflib.URIRef(str(p.uri)) for p in cls.range_of)
        inherited = [
            p
            for group in cls.domain_of_inferred
            for owner, props in group.items()
            if owner.uri != cls.uri and owner.uri != OWL.Thing
            for p in props
        ]
        term.inherited_domain = self.refs(rdflib.URIRef(str(p.uri)) for p in inherited)
        node = rdflib.URIRef(str(cls.uri))
        term.disjoint = self.refs(self.disjoint_with(node))
        term.restrictions = sorted(
            (self.expression(s) for s in self.graph.objects(node, RDFS.subClassOf) if isinstance(s, rdflib.BNode)),
            key=_expression_key,
        )
        members = self.instances_in_data(cls)
        term.count = len(members)
        used = Counter(p for m in members for p in self.data.predicates(m, None) if p != RDF.type)
        term.usage = sorted(((self.ref(p), n) for p, n in used.items()), key=lambda pair: _by_label(pair[0]))
        self.link_example(term)

    def fill_property(self, term: Term, prop) -> None:
        node = rdflib.URIRef(str(prop.uri))
        term.parents = self.refs(rdflib.URIRef(str(p.uri)) for p in prop.parents())
        term.children = self.refs(rdflib.URIRef(str(c.uri)) for c in prop.children())
        term.domain = self.refs(self.graph.objects(node, RDFS.domain))
        term.range = self.refs(self.graph.objects(node, RDFS.range))
        term.domain_expr = sorted(
            (self.expression(d) for d in self.graph.objects(node, RDFS.domain)), key=_expression_key
        )
        term.range_expr = sorted(
            (self.expression(r) for r in self.graph.objects(node, RDFS.range)), key=_expression_key
        )
        term.characteristics = sorted(
            curie(str(t)).split(":")[1]
            for t in self.graph.objects(node, RDF.type)
            if t
            in (OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.TransitiveProperty, OWL.SymmetricProperty)
        )
        inverse = list(self.graph.objects(node, OWL.inverseOf)) + list(self.graph.subjects(OWL.inverseOf, node))
        term.inverse = self.refs(inverse)
        term.count = len(list(self.data.triples((None, node, None))))
        self.link_example(term)

    def fill_individual(self, term: Term, individual) -> None:
        node = rdflib.URIRef(str(individual.uri))
        term.types = self.refs(
            t for t in self.graph.objects(node, RDF.type) if t not in (OWL.NamedIndividual, OWL.Class)
        )
        term.facts = self.facts(self.graph, node)
        used = Counter(p for p in self.data.predicates(None, node))
        usage = sorted(((self.ref(p), n) for p, n in used.items()), key=lambda pair: _by_label(pair[0]))
        if term.punned:  # the class's own entry counts its members; the values pointing at it come apart
            term.value_usage, term.value_count = usage, sum(used.values())
            return
        term.usage, term.count = usage, sum(used.values())
        self.link_example(term)

    # -- axioms -----------------------------------------------------------------------------------
    def disjoint_with(self, node) -> set:
        found = set(self.graph.objects(node, OWL.disjointWith)) | set(self.graph.subjects(OWL.disjointWith, node))
        for group in self.graph.subjects(RDF.type, OWL.AllDisjointClasses):
            members = self.graph.value(group, OWL.members)
            listed = list(Collection(self.graph, members)) if members is not None else []
            if node in listed:
                found |= {m for m in listed if m != node}
        return found

    def expression(self, node) -> list:
        """A class expression as words and links: a named class, "A or B", "p some C", "p value i" ..."""
        if isinstance(node, rdflib.URIRef):
            return [self.ref(node)]
        g = self.graph
        for connective, word in ((OWL.unionOf, "or"), (OWL.intersectionOf, "and")):
            members = g.value(node, connective)
            if members is not None:
                parts: list = []
                for i, member in enumerate(Collection(g, members)):
                    parts += ([word] if i else []) + self.expression(member)
                return parts
        prop = g.value(node, OWL.onProperty)
        if prop is not None:
            for restriction, word in (
                (OWL.someValuesFrom, "some"),
                (OWL.allValuesFrom, "only"),
                (OWL.hasValue, "value"),
            ):
                filler = g.value(node, restriction)
                if filler is not None:
                    return [self.ref(prop), word] + self.expression(filler)
            for restriction, word in (
                (OWL.minQualifiedCardinality, "min"),
                (OWL.maxQualifiedCardinality, "max"),
                (OWL.qualifiedCardinality, "exactly"),
                (OWL.minCardinality, "min"),
                (OWL.maxCardinality, "max"),
                (OWL.cardinality, "exactly"),
            ):
                number = g.value(node, restriction)
                if number is not None:
                    filler = g.value(node, OWL.onClass)
                    return [self.ref(prop), f"{word} {number}"] + (self.expression(filler) if filler else [])
        complement = g.value(node, OWL.complementOf)
        if complement is not None:
            return ["not"] + self.expression(complement)
        return ["(an anonymous class)"]

    # -- page structure ---------------------------------------------------------------------------
    def tree(self) -> list[dict]:
        """The class tree: each class under each of its direct named superclasses."""

        def node(cls) -> dict:
            kids = sorted(cls.children(), key=lambda c: _by_label(self.ref(rdflib.URIRef(str(c.uri)))))
            return {"ref": self.ref(rdflib.URIRef(str(cls.uri))), "children": [node(c) for c in kids]}

        roots = [c for c in self.model.all_classes if not c.parents()]
        return [node(c) for c in sorted(roots, key=lambda c: _by_label(self.ref(rdflib.URIRef(str(c.uri)))))]

    def index(self) -> list[tuple[str, list[Term]]]:
        """Every entry, grouped by kind; individuals grouped by their class."""
        groups: dict[str, list[Term]] = {}
        for term in self.terms.values():
            if term.kind == "individual":
                names = [f"individuals: {t.label}" for t in term.types] or ["individuals"]
                for name in names:
                    groups.setdefault(name, []).append(term)
            elif term.kind != "class" and not term.own:
                groups.setdefault("from other vocabularies", []).append(term)
            else:
                groups.setdefault(term.kind, []).append(term)
        order = [
            "class",
            "object property",
            "datatype property",
            "annotation property",
            "property",
            "from other vocabularies",
        ]
        names = [k for k in order if k in groups] + sorted(k for k in groups if k not in order)
        titles = {
            "class": "classes",
            "object property": "object properties",
            "datatype property": "datatype properties",
            "annotation property": "annotation properties",
            "property": "other properties",
            "from other vocabularies": "properties from other vocabularies",
        }
        return [(titles.get(name, name), sorted(groups[name], key=_by_label)) for name in names]

    def sections(self) -> list[tuple[str, str, list[Term]]]:
        """The entries by kind: (anchor, title, terms sorted by label)."""
        kinds = [
            ("classes", "Classes", "class"),
            ("object-properties", "Object properties", "object property"),
            ("datatype-properties", "Datatype properties", "datatype property"),
            ("annotation-properties", "Annotation properties", "annotation property"),
            ("other-properties", "Other properties", "property"),
            ("individuals", "Individuals defined in the ontology", "individual"),
        ]
        found = [
            (key, title, members)
            for key, title, kind in kinds
            if (
                members := sorted(
                    (t for t in self.terms.values() if t.kind == kind and (t.own or kind in ("class", "individual"))),
                    key=_by_label,
                )
            )
        ]
        external = sorted(
            (t for t in self.terms.values() if t.kind != "class" and t.kind != "individual" and not t.own),
            key=_by_label,
        )
        if external:
            found.append(("other-vocabularies", "Properties from other vocabularies", external))
        return found

    def interfaces(self) -> list[Term]:
        """The individuals that carry an interface numeral, in numeral order (I, II, III, IV)."""
        numbered = [(str(n), s) for s, n in self.graph.subject_objects(LISKG.interfaceNumeral)]
        return [
            self.terms[str(s)]
            for n, s in sorted(numbered, key=lambda pair: (ROMAN.get(pair[0], 99), pair[0]))
            if str(s) in self.terms
        ]

    def context(self) -> dict:
        root = next(iter(self.graph.subjects(RDF.type, OWL.Ontology)))
        title = self.graph.value(root, DCTERMS.title)
        return {
            "title": str(title) if title else curie(str(root)),
            "ontology_iri": str(root),
            "version": str(self.graph.value(root, OWL.versionInfo) or ""),
            "description": str(self.graph.value(root, DCTERMS.description) or ""),
            "license": str(self.graph.value(root, DCTERMS.license) or ""),
            "interfaces": [
                (self.graph.value(rdflib.URIRef(t.iri), LISKG.interfaceNumeral), t) for t in self.interfaces()
            ],
            "tree": self.tree(),
            "index": self.index(),
            "sections": self.sections(),
            "examples": sorted(self.examples.values(), key=lambda e: _by_label(e.ref)),
            "has_mappings": bool(self.mappings),
            "unmapped": sorted(
                (curie(subject), rows) for subject, rows in self.mappings.items() if subject not in self.terms
            ),
            "counts": Counter(t.kind for t in self.terms.values()),
            "punned": sum(t.punned for t in self.terms.values()),
            "namespaces": [
                (prefix, PREFIXES[prefix], what) for prefix, what in NAMESPACES.items() if prefix in PREFIXES
            ],
            "downloads": self.downloads(str(self.graph.value(root, OWL.versionInfo) or "")),
            "citation": self.citation(root),
            "source_citation": dataset.CITATION,
            "changelog": markdown(self.changelog) if self.changelog else "",
        }

    def downloads(self, version: str) -> list[tuple[str, str, str]]:
        """(file, what it is, where a release publishes it) for every file `liskg release` writes."""
        base = RELEASE_BASE.format(version=version)
        files = [
            (f"{stem}{suffix}", f"{what}, {name}") for stem, what in STEMS.items() for suffix, name in FORMATS.items()
        ]
        files += list(OTHER_FILES.items())
        return [(name, what, base + name) for name, what in sorted(files)]

    def citation(self, root) -> str:
        g = self.graph
        parts = [
            str(g.value(root, DCTERMS.creator) or "LiSKG contributors"),
            str(g.value(root, DCTERMS.title) or curie(str(root))),
            f"Version {g.value(root, OWL.versionInfo)}" if g.value(root, OWL.versionInfo) else "",
            str(g.value(root, DCTERMS.issued) or "")[:4],
            str(g.value(root, OWL.versionIRI) or root),
            "Licence CC BY 4.0" if "by/4.0" in str(g.value(root, DCTERMS.license) or "") else "",
        ]
        return ". ".join(part for part in parts if part) + "."


def _expression_key(parts: list) -> str:
    return " ".join(p.label if isinstance(p, Ref) else p for p in parts).casefold()


def markdown(text: str) -> Markup:
    """A small Markdown subset as HTML (headings, bullet lists with continuation lines, paragraphs, `code`,
    **bold**, [links](url)): enough for CHANGELOG.md, escaped throughout."""

    def inline(line: str) -> str:
        html = str(escape(line))
        html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
        html = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", html)
        return re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)", r'<a href="\2">\1</a>', html)

    out: list[str] = []
    item: list[str] = []
    paragraph: list[str] = []
    in_list = False

    def flush() -> None:
        nonlocal in_list
        if item:
            out.append(f"<li>{inline(' '.join(item))}</li>")
            item.clear()
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.rstrip()
        heading = re.match(r"^(#{1,4}) (.*)$", line)
        if heading or not line.strip():
            flush()
            if in_list:
                out.append("</ul>")
                in_list = False
            if heading:
                level = min(len(heading.group(1)) + 2, 6)
                out.append(f"<h{level}>{inline(heading.group(2))}</h{level}>")
        elif line.startswith("- "):
            flush()
            if not in_list:
                out.append("<ul>")
                in_list = True
            item.append(line[2:])
        elif item:
            item.append(line.strip())
        else:
            paragraph.append(line.strip())
    flush()
    if in_list:
        out.append("</ul>")
    return Markup("\n".join(out))


def _by_label(item) -> tuple[str, str]:
    return (item.label.casefold(), item.curie if hasattr(item, "curie") else "")


def _sort_value(value) -> tuple[int, str, str]:
    return (0, value.label.casefold(), value.curie) if isinstance(value, Ref) else (1, value.casefold(), value)


class ReferencePage(VizFactory):
    """Ontospy's VizFactory with LiSKG's template (through its `jinja2env` option), rendered to UTF-8 whatever
    the terminal's encoding: Ontospy's own _renderTemplate encodes for sys.stdout, so the bytes would depend on the locale."""

    def __init__(self, reference: _Reference, title: str):
        env = Environment(
            loader=PackageLoader("liskg.publish", "templates"),
            autoescape=select_autoescape(["html"]),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        super().__init__(reference.model, title=title, jinja2env=env)
        self.template_name, self.main_file_name = TEMPLATE, INDEX

    def render(self, extra: dict) -> bytes:
        return (
            self.jinja2env.get_template(self.template_name).render({**self.basic_context_data, **extra}).encode("utf-8")
        )


def render_html(project: Project) -> bytes:
    """The reference page as UTF-8 HTML, deterministic (every list sorted, no timestamp)."""
    reference = _Reference(project)
    reference.collect()
    context = reference.context()
    return ReferencePage(reference, context["title"]).render(context)


def write_docs(project: Project, out_dir: Path | None = None) -> Path:
    """Render the page and write it atomically to OUT_DIR/index.html (default build/docs/)."""
    target = (out_dir or project.build_dir / "docs") / INDEX
    write_atomically(target, render_html(project))
    return target
