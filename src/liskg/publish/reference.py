"""Ontology reference: one self-contained HTML page for ontology/, made by Ontospy with LiSKG's own template.

Ontospy reads the ontology (liskg.ttl and the modules it imports, merged) into its model of classes,
properties and individuals, with their tree, domains and ranges; its VizFactory renders the Jinja
template in publish/templates/ through its `jinja2env` option. This module adds what Ontospy
cannot know: where each term is used in graph_data/ (with one example individual, shown on the page)
and, when ontology/mappings/liskg-emmo.sssom.tsv exists, each term's EMMO mappings. Anchors are made
from IRIs (the term's CURIE), never from labels. Offline and deterministic: the CSS is inline,
nothing remote is loaded, every list is sorted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rdflib
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from ontospy import Ontospy
from ontospy.gendocs.viz_factory import VizFactory
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from liskg.base import vocab
from liskg.base.files import write_atomically
from liskg.base.project import Project
from liskg.base.rdfconvert import to_rdflib_graph
from liskg.publish import mappings
from liskg.sources.catalog import read_catalogs
from liskg.sources.loading import load_sources, walk_imports

ROOT_ONTOLOGY = "liskg.ttl"
INDEX = "index.html"
TEMPLATE = "reference.html"
LISKG = rdflib.Namespace(vocab.PREFIXES["liskg"])
PREFIXES = {**vocab.PREFIXES, "rdf": str(RDF), "rdfs": str(RDFS)}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6}
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


def anchor(iri: str) -> str:
    """The page anchor of a term: its CURIE (liskg:LiSSEInterface, unit:OHM-CentiM2), else its full IRI."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and re.fullmatch(r"[\w.-]+", iri[len(namespace) :]):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


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
    count: int = 0  # data individuals of the class / data triples of the property / data triples naming the individual
    example: Ref | None = None

    @property
    def anchor(self) -> str:
        return self.curie


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
        for source in sources.data_files(project):
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
        return anchor(str(node))

    def ref(self, node) -> Ref:
        iri = str(node)
        on_page = iri in self.terms or iri in self.examples
        return Ref(self.label(node), anchor(iri), anchor(iri) if on_page else None)

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
            curie=anchor(str(node)),
        )

    def collect(self) -> None:
        model = self.model
        for cls in model.all_classes:
            self.terms[str(cls.uri)] = self.term(cls, "class")
        for prop in model.all_properties:
            self.terms[str(prop.uri)] = self.term(prop, KINDS.get(prop.rdftype, "property"))
        for individual in model.all_individuals:
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
        term.characteristics = sorted(
            anchor(str(t)).split(":")[1]
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
        term.types = self.refs(t for t in self.graph.objects(node, RDF.type) if t != OWL.NamedIndividual)
        term.facts = self.facts(self.graph, node)
        used = Counter(p for p in self.data.predicates(None, node))
        term.usage = sorted(((self.ref(p), n) for p, n in used.items()), key=lambda pair: _by_label(pair[0]))
        term.count = sum(used.values())
        self.link_example(term)

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
            else:
                groups.setdefault(term.kind, []).append(term)
        order = ["class", "object property", "datatype property", "annotation property", "property"]
        names = [k for k in order if k in groups] + sorted(k for k in groups if k not in order)
        titles = {
            "class": "classes",
            "object property": "object properties",
            "datatype property": "datatype properties",
            "annotation property": "annotation properties",
            "property": "other properties",
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
        return [
            (key, title, members)
            for key, title, kind in kinds
            if (members := sorted((t for t in self.terms.values() if t.kind == kind), key=_by_label))
        ]

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
            "title": str(title) if title else anchor(str(root)),
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
                (anchor(subject), rows) for subject, rows in self.mappings.items() if subject not in self.terms
            ),
            "counts": Counter(t.kind for t in self.terms.values()),
        }


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
