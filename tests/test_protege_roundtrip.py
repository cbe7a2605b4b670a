"""The Protégé round trip: a researcher opens the graph in Protégé, adds a paper, saves, and builds.

Two edit sessions on one copy of the project, each adding a study with a strategy and a measurement, and
the evidence the build requires of them (an axiom annotation on each link, a mark on the number):

1. Through the OWL API, the library Protégé is built on (tests/support/ProtegeEdit.java, run against
   Debian's OWL API 5.1.20): open graph_data/liskg-data.ttl with every import mapped to its local
   file by the catalogs, add Example et al. [9001] to the studies-anode module, and save that module
   the way Protégé does: in place as Turtle ("Save") and as RDF/XML ("Save as").
2. Through owlready2, which reads RDF/XML, not Turtle: the modules are handed to it as RDF/XML
   serialized by rdflib; add Sample et al. [9002] to the studies-cathode module and save RDF/XML,
   which is exported to Turtle (rdflib, as `rdfpipe` does) because the build reads Turtle.

Then `liskg build --reason --owlapi`, `liskg validate`, `liskg study` and a named query run on the
saved files, and the sources are compared triple by triple with the originals.

What the comparison ignores, and why (nothing else):
- "x" versus "x"^^xsd:string: the same literal in RDF 1.1; owlready2 writes the datatype, rdflib
  compares the two spellings as different terms, so literals are compared in the explicit form.
- blank-node names (rdflib.compare isomorphism), comments, prefixes and layout (not triples).
- `X rdf:type owl:NamedIndividual` triples the OWL API writes into the saved module for every
  individual the module mentions but declares elsewhere (its renderer declares the whole signature):
  each is asserted to be already present in another module, so the union is unchanged by them.

What the comparison found and pins exactly: owlready2 0.51 cuts the trailing "/" off object IRIs
(the CC BY licence IRI of the module header became .../by/4.0). The OWL API loses nothing.
docs/extending.md therefore recommends Protégé and names this owlready2 pitfall.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from conftest import copy_sources, run_main
from liskg.base.project import Project
from liskg.sources.catalog import read_catalogs

pytestmark = pytest.mark.java

LISKG = rdflib.Namespace("https://w3id.org/liskg/ontology#")
LKD = rdflib.Namespace("https://w3id.org/liskg/data/")
UNIT = rdflib.Namespace("http://qudt.org/vocab/unit/")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
AXIOM_PARTS = (OWL.annotatedSource, OWL.annotatedProperty, OWL.annotatedTarget)
ANODE_MODULE = "https://w3id.org/liskg/data/studies-anode"
CATHODE_MODULE = "https://w3id.org/liskg/data/studies-cathode"


def inferred(graph: rdflib.Graph, link: tuple, note: str) -> None:
    """Mark LINK, a triple of GRAPH, an editors' inference with its reason: the owl:Axiom that Protégé's "@"
    button on the assertion writes (docs/extending.md)."""
    axiom = rdflib.BNode()
    for p, o in zip(AXIOM_PARTS, link):
        graph.add((axiom, p, o))
    graph.add((axiom, RDF.type, OWL.Axiom))
    graph.add((axiom, LISKG.assertionBasis, LISKG.EditorsInference))
    graph.add((axiom, LISKG.sourceNote, rdflib.Literal(note, lang="en")))


def new_paper(number: int, author: str, section: str, method, interface, quantity, unit, value: str) -> rdflib.Graph:
    """The triples a researcher adds for one paper, following docs/modelling.md, with their evidence. No
    sentence of the review names a made-up study, so the links the build wants evidence for (the study's
    strategy, the strategy's method and interface) and the number are the editors' inferences, with a reason."""
    study, strategy, outcome = LKD[f"ref-{number}"], LKD[f"ref-{number}-strategy"], LKD[f"ref-{number}-outcome"]
    g = rdflib.Graph()
    for node, cls in ((study, LISKG.Study), (strategy, method), (outcome, LISKG.Measurement)):
        g.add((node, RDF.type, OWL.NamedIndividual))
        g.add((node, RDF.type, cls))
    g.add((study, RDFS.label, rdflib.Literal(f"{author} et al. [{number}]", lang="en")))
    g.add((study, LISKG.referenceNumber, rdflib.Literal(number, datatype=XSD.integer)))
    g.add((study, LISKG.firstAuthor, rdflib.Literal(author, datatype=XSD.string)))
    g.add(
        (
            study,
            LISKG.summary,
            rdflib.Literal(f'A "new" paper by {author} & co. <added in an edit session>.', lang="en"),
        )
    )
    g.add((study, LISKG.statedInSection, LKD[section]))
    g.add((study, LISKG.citedIn, LKD.review))
    g.add((study, LISKG.appliesStrategy, strategy))
    g.add((strategy, RDFS.label, rdflib.Literal(f"the treatment of {author} [{number}]", lang="en")))
    g.add((strategy, LISKG.atInterface, interface))
    g.add((strategy, LISKG.hasOutcome, outcome))
    g.add((outcome, RDFS.label, rdflib.Literal(f"the outcome reported by {author} [{number}]", lang="en")))
    g.add((outcome, LISKG.measuresQuantity, quantity))
    g.add((outcome, LISKG.hasUnit, unit))
    g.add((outcome, LISKG.numericValue, rdflib.Literal(value, datatype=XSD.decimal)))
    g.add((outcome, LISKG.reportedBy, study))
    g.add((outcome, LISKG.statedInSection, LKD[section]))
    g.add((outcome, LISKG.citedIn, LKD.review))
    note = f"Added in a round-trip test edit session; {author} et al. [{number}] is not a paper of the review."
    for link in (
        (study, LISKG.appliesStrategy, strategy),
        (strategy, RDF.type, method),
        (strategy, LISKG.atInterface, interface),
    ):
        assert link in g
        inferred(g, link, note)
    g.add((outcome, LISKG.assertionBasis, LISKG.EditorsInference))
    g.add((outcome, LISKG.sourceNote, rdflib.Literal(note, lang="en")))
    return g


OWLAPI_EDIT = new_paper(
    9001,
    "Example",
    "section-2-2",
    LISKG.VacuumEvaporation,
    LISKG.LiSSEInterface,
    LISKG.InterfacialResistance,
    UNIT["OHM-CentiM2"],
    "12.5",
)
OWLREADY_EDIT = new_paper(
    9002,
    "Sample",
    "section-3-1",
    LISKG.BallMilling,
    LISKG.SSSEInterface,
    LISKG.InterfacialResistance,
    UNIT["OHM-CentiM2"],
    "48.25",
)


def explicit(graph: rdflib.Graph) -> rdflib.Graph:
    """The graph with every plain literal written as xsd:string (the same RDF 1.1 term)."""
    result = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and o.language is None and o.datatype is None:
            o = rdflib.Literal(str(o), datatype=XSD.string)
        result.add((s, p, o))
    return result


def module_files(project: Project) -> list[Path]:
    """The Turtle files the build reads (everything but the SHACL shapes)."""
    files = sorted(project.ontology_dir.glob("*.ttl")) + sorted(project.data_dir.glob("*.ttl"))
    return [f for f in files if f.resolve() != project.shapes_file.resolve()]


def union(project: Project) -> rdflib.Graph:
    graph = rdflib.Graph()
    for f in module_files(project):
        graph += rdflib.Graph().parse(f, format="turtle")
    return explicit(graph)


def owlready_session(project: Project, module_iri: str, edit: rdflib.Graph, saved: Path) -> None:
    """Open every module in owlready2 (as RDF/XML), add the edit's individuals, values and axiom annotations, save
    RDF/XML."""
    import owlready2

    world = owlready2.World()
    graphs = {
        f: rdflib.Graph().parse(f, format="turtle")
        for f in set(read_catalogs([project.data_dir, project.ontology_dir]).values())
    }
    iri = {f: str(next(g.subjects(RDF.type, OWL.Ontology))) for f, g in graphs.items()}
    ontologies, pending = {}, sorted(graphs)
    while pending:  # load imported modules first, so owlready2 never looks for an import on the web
        ready = [f for f in pending if {str(o) for o in graphs[f].objects(None, OWL.imports)} <= set(ontologies)]
        assert ready, f"import cycle or unmapped import among {pending}"
        for f in ready:
            xml = graphs[f].serialize(format="xml", encoding="utf-8")
            ontologies[iri[f]] = world.get_ontology(iri[f]).load(fileobj=io.BytesIO(xml), format="rdfxml")
            pending.remove(f)
    target = ontologies[module_iri]
    namespace = target.get_namespace(str(LKD))

    def entity(node):
        found = world[str(node)]
        assert found is not None, f"{node} is not in the loaded ontologies"
        return found

    def python_value(literal: rdflib.Literal):
        if literal.language:
            return owlready2.locstr(str(literal), literal.language)
        value = literal.toPython()
        return float(value) if literal.datatype == XSD.decimal else value  # owlready2 writes float as xsd:decimal

    with target:
        individuals = {}

        def value(o):
            return python_value(o) if isinstance(o, rdflib.Literal) else individuals.get(o) or entity(o)

        for node in sorted(set(edit.subjects(RDF.type, OWL.NamedIndividual))):
            classes = [entity(c) for c in edit.objects(node, RDF.type) if c != OWL.NamedIndividual]
            individuals[node] = classes[0](str(node)[len(str(LKD)) :], namespace=namespace)
            individuals[node].is_a.extend(classes[1:])
        for s, p, o in sorted(edit):
            if p == RDF.type or isinstance(s, rdflib.BNode):
                continue
            prop = world[str(p)] if p != RDFS.label else owlready2.label
            prop[individuals[s]].append(value(o))
        for axiom in edit.subjects(RDF.type, OWL.Axiom):  # AnnotationProperty[s, p, o] = [...]: an axiom annotation
            source, p, o = (edit.value(axiom, part) for part in AXIOM_PARTS)
            annotated = (individuals[source], owlready2.rdf_type if p == RDF.type else world[str(p)], value(o))
            for annotation in sorted(set(edit.predicates(axiom)) - {RDF.type, *AXIOM_PARTS}):
                world[str(annotation)][annotated] = [value(v) for v in sorted(edit.objects(axiom, annotation))]
    target.save(file=str(saved), format="rdfxml")


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    """The copy before and after both edit sessions, with what each tool wrote."""
    from support.protege_edit import protege_edit

    root = copy_sources(tmp_path_factory.mktemp("protege"))
    project, saved = Project(root), tmp_path_factory.mktemp("saved")
    before = union(project)
    before_modules = {f.name: explicit(rdflib.Graph().parse(f)) for f in module_files(project)}
    sections_before = run_main("--root", str(root), "query", "studies-per-section", "--format", "csv")

    # 1. the OWL API: Save (Turtle, in place) and Save as (RDF/XML)
    (saved / "edit.nt").write_bytes(OWLAPI_EDIT.serialize(format="nt", encoding="utf-8"))
    anode = project.data_dir / "studies-anode.ttl"
    owlapi_lines = protege_edit(
        project.root_file,
        read_catalogs([project.data_dir, project.ontology_dir]),
        ANODE_MODULE,
        saved / "edit.nt",
        turtle=anode,
        rdfxml=saved / "studies-anode.owl",
    )

    # 2. owlready2: RDF/XML in, RDF/XML out, exported to Turtle for the build
    owlready_session(project, CATHODE_MODULE, OWLREADY_EDIT, saved / "studies-cathode.owl")
    exported = rdflib.Graph().parse(saved / "studies-cathode.owl", format="xml")
    (project.data_dir / "studies-cathode.ttl").write_bytes(exported.serialize(format="turtle", encoding="utf-8"))

    return {
        "project": project,
        "saved": saved,
        "before": before,
        "before_modules": before_modules,
        "sections_before": sections_before,
        "owlapi_lines": owlapi_lines,
    }


def test_the_owl_api_loads_every_module_offline_and_saves_turtle_and_rdfxml_alike(session):
    from liskg.sources.loading import load_sources

    lines = session["owlapi_lines"]
    assert lines[0].startswith(f"LOADED {len(load_sources(session['project']).files)} ontologies, ")
    # one axiom per triple added; an axiom annotation's triples are part of the axiom it annotates
    assertions = [t for t in OWLAPI_EDIT if not isinstance(t[0], rdflib.BNode)]
    assert lines[1] == f"ADDED {len(assertions)} axioms to {ANODE_MODULE}"
    saved_turtle = rdflib.Graph().parse(session["project"].data_dir / "studies-anode.ttl", format="turtle")
    saved_rdfxml = rdflib.Graph().parse(session["saved"] / "studies-anode.owl", format="xml")
    assert to_isomorphic(saved_turtle) == to_isomorphic(saved_rdfxml)


def test_build_reason_owlapi_and_validate_accept_the_saved_files(session):
    root = str(session["project"].root)
    built = run_main("--root", root, "build", "-q", "--reason", "--owlapi")
    assert built.code == 0, built.err
    assert "HermiT: consistent; " in built.out and " 0 unsatisfiable classes" in built.out
    assert "the merged graph load and are in the OWL 2 DL profile" in built.out
    validated = run_main("--root", root, "validate")
    assert validated.code == 0, validated.out + validated.err
    assert validated.out.startswith("conforms: ")


def test_the_new_studies_appear_in_the_answers(session):
    root = str(session["project"].root)
    for number, author, section in ((9001, "Example", "Section 2.2"), (9002, "Sample", "Section 3.1")):
        shown = run_main("--root", root, "study", str(number))
        assert shown.code == 0, shown.err
        assert shown.out.startswith(f"{author} et al. [{number}]\n")
        assert section in shown.out and f"the treatment of {author} [{number}]" in shown.out

    def counts(result):
        assert result.code == 0, result.err
        rows = [line.split(",") for line in result.out.strip().splitlines()[1:]]
        return {row[0]: int(row[-1]) for row in rows}

    before = counts(session["sections_before"])
    after = counts(run_main("--root", root, "query", "studies-per-section", "--format", "csv"))
    changed = {section: after[section] - before[section] for section in before if after[section] != before[section]}
    assert changed == {"2.2": 1, "3.1": 1}


def differences(a: rdflib.Graph, b: rdflib.Graph) -> tuple[set, set]:
    """(triples only in a, triples only in b), blank nodes matched by structure."""
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    return set(only_a), set(only_b)


def slash_stripped(graph: rdflib.Graph) -> tuple[set, set]:
    """owlready2's known rewrite: the triples with an object IRI ending in '/' and the same with it cut off."""
    ending = {t for t in graph if isinstance(t[2], rdflib.URIRef) and str(t[2]).endswith("/")}
    return ending, {(s, p, rdflib.URIRef(str(o)[:-1])) for s, p, o in ending}


def test_nothing_was_lost_only_the_two_papers_were_added(session):
    project, before, before_modules = session["project"], session["before"], session["before_modules"]
    after = union(project)
    added = explicit(OWLAPI_EDIT + OWLREADY_EDIT)
    assert not added & before, "the edit must be new triples"
    assert len(added) == len(OWLAPI_EDIT) + len(OWLREADY_EDIT)

    # every added triple is in the saved files, axiom annotations included (their blank nodes matched by
    # structure), and the one change besides the edit: owlready2 0.51 cuts the trailing '/' off object IRIs
    # (here the module header's CC BY licence IRI; also seen in edmcouncil/fibo#1847). Protégé (the OWL API)
    # does not.
    cut, rewritten = slash_stripped(before_modules["studies-cathode.ttl"])
    assert "https://creativecommons.org/licenses/by/4.0/" in {str(o) for _, _, o in cut}
    gained, lost = differences(after, before + added)
    assert lost == cut and gained == rewritten

    # module by module
    anode = explicit(rdflib.Graph().parse(project.data_dir / "studies-anode.ttl"))
    gained, lost = differences(anode, before_modules["studies-anode.ttl"] + explicit(OWLAPI_EDIT))
    assert not lost, "the OWL API lost nothing"
    # ... and declared, in the saved module, each individual it mentions; each is declared in its own module
    assert gained and {(p, o) for _, p, o in gained} == {(RDF.type, OWL.NamedIndividual)}
    assert all(t in before for t in gained)
    cathode = explicit(rdflib.Graph().parse(project.data_dir / "studies-cathode.ttl"))
    assert differences(cathode, before_modules["studies-cathode.ttl"] + explicit(OWLREADY_EDIT)) == (rewritten, cut)
    for f in module_files(project):
        if f.name not in ("studies-anode.ttl", "studies-cathode.ttl"):
            assert differences(explicit(rdflib.Graph().parse(f)), before_modules[f.name]) == (set(), set()), f.name
