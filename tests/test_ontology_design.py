"""The ontology as a community extends it in Protégé (issue 29): kinds are classes, relations are object
properties with domains, ranges, inverses and the restrictions the data honours, the root classes are
disjoint, QUDT is used as QUDT defines it, and labels say what their IRIs say."""

from __future__ import annotations

import itertools
import re

import pytest
import rdflib
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from liskg import open_store

LISKG = rdflib.Namespace("https://w3id.org/liskg/ontology#")
QUDT = rdflib.Namespace("http://qudt.org/schema/qudt/")

INTERFACES = ["LiSSEInterface", "SSESSEInterface", "SSSEInterface", "SSInterface"]
COMPONENTS = ["LithiumAnodeComponent", "SolidElectrolyteComponent", "SulfurCathodeComponent"]
FORMATS = ["PelletCell", "CoinCell", "PouchCell", "SymmetricCell"]


@pytest.fixture(scope="module")
def tbox(project) -> rdflib.Graph:
    graph = rdflib.Graph()
    for name in ("liskg.ttl", "units.ttl", "quantities.ttl"):
        graph.parse(project.ontology_dir / name)
    return graph


@pytest.fixture(scope="module")
def data(project) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in sorted(project.data_dir.glob("*.ttl")):
        graph.parse(path)
    return graph


@pytest.fixture(scope="module")
def built(project):
    return open_store(project, inferred=True)


def deprecated(graph: rdflib.Graph, term) -> bool:
    return (term, OWL.deprecated, rdflib.Literal(True)) in graph


def quantity_kinds(tbox: rdflib.Graph) -> list[rdflib.URIRef]:
    return sorted(k for k in tbox.subjects(RDF.type, LISKG.QuantityKind) if not deprecated(tbox, k))


# --- 1. kinds a user would subclass are classes --------------------------------------------------------


def test_interfaces_components_and_quantity_kinds_are_classes_punned_as_individuals(tbox):
    kinds = quantity_kinds(tbox)
    assert len(kinds) == 35
    for name, root in [(i, LISKG.Interface) for i in INTERFACES] + [(c, LISKG.CellComponent) for c in COMPONENTS]:
        term = LISKG[name]
        assert (term, RDF.type, OWL.Class) in tbox, name
        assert (term, RDFS.subClassOf, root) in tbox, name
        assert (term, RDF.type, root) in tbox and (term, RDF.type, OWL.NamedIndividual) in tbox, name  # the pun
    for kind in kinds:
        assert (kind, RDF.type, OWL.Class) in tbox and (kind, RDF.type, OWL.NamedIndividual) in tbox, kind
        assert set(tbox.objects(kind, RDFS.subClassOf)) & {LISKG.Measurement, LISKG.Resistance}, kind


def test_the_only_individuals_with_class_style_names_are_the_assertion_bases(tbox):
    """1.1 had 47 individuals named like classes (interfaces, components, cell formats, quantity kinds);
    the only ones left are the values of two enumerations, which nobody subclasses: the assertion bases and
    the effects of an effect statement (issue 23) (and units, which are values like QUDT's)."""
    plain = {
        s
        for s in tbox.subjects(RDF.type, OWL.NamedIndividual)
        if str(s).startswith(str(LISKG))
        and (s, RDF.type, OWL.Class) not in tbox
        and (s, RDF.type, LISKG.UnitOfMeasure) not in tbox  # a unit is a value, as QUDT's units are
    }
    bases = {LISKG.StatedInReview, LISKG.EditorsInference, LISKG.StatedInSource}
    assert plain == bases | {LISKG.Mitigates, LISKG.Causes, LISKG.LeavesUnsolved}


def test_the_quantity_hierarchy_is_rdfs_subclassof(tbox):
    assert (LISKG.InterfacialResistance, RDFS.subClassOf, LISKG.Resistance) in tbox
    assert (LISKG.CellResistance, RDFS.subClassOf, LISKG.Resistance) in tbox
    assert (LISKG.Resistance, RDFS.subClassOf, LISKG.Measurement) in tbox
    assert not list(tbox.triples((None, SKOS.broader, None)))  # 1.1's skos:broader hierarchy is gone


def test_cells_are_typed_with_their_format_class(tbox, data):
    for name in FORMATS:
        assert (LISKG[name], RDFS.subClassOf, LISKG.Cell) in tbox, name
    assert not list(data.triples((None, LISKG.hasCellFormat, None)))
    typed = {name: sorted(data.subjects(RDF.type, LISKG[name])) for name in FORMATS}
    assert {name: len(cells) for name, cells in typed.items()} == {
        "PelletCell": 7,
        "CoinCell": 0,
        "PouchCell": 6,
        "SymmetricCell": 3,
    }
    for term in (LISKG.hasCellFormat, LISKG.CellFormat):
        assert deprecated(tbox, term) and tbox.value(term, DCTERMS.isReplacedBy) is not None, term


def test_no_data_points_at_a_deprecated_term(tbox, data):
    retired = {s for s in tbox.subjects(OWL.deprecated, rdflib.Literal(True))}
    used = {o for o in data.objects() if o in retired} | {p for p in data.predicates() if p in retired}
    assert used == set()


# --- 2. relations a reasoner sees ------------------------------------------------------------------------


def object_properties(tbox: rdflib.Graph) -> list[rdflib.URIRef]:
    return sorted(
        p
        for p in tbox.subjects(RDF.type, OWL.ObjectProperty)
        if str(p).startswith(str(LISKG)) and not deprecated(tbox, p)
    )


def test_claims_name_methods_and_electrolyte_families_through_object_properties(tbox):
    for prop, kind in (
        (LISKG.concernsMethod, LISKG.MethodKind),
        (LISKG.concernsElectrolyteClass, LISKG.ElectrolyteKind),
    ):
        assert (prop, RDF.type, OWL.ObjectProperty) in tbox
        assert (prop, RDF.type, OWL.AnnotationProperty) not in tbox
        assert tbox.value(prop, RDFS.domain) == LISKG.Claim and tbox.value(prop, RDFS.range) == kind


def test_every_object_and_datatype_property_has_a_domain_and_a_range(tbox):
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty)
    missing = [
        f"{p} {side}"
        for kind in kinds
        for p in tbox.subjects(RDF.type, kind)
        if str(p).startswith(str(LISKG)) and not deprecated(tbox, p)
        for side in (RDFS.domain, RDFS.range)
        if tbox.value(p, side) is None
        and not any(tbox.value(sup, side) is not None for sup in tbox.transitive_objects(p, RDFS.subPropertyOf))
    ]
    assert missing == []
    # the seven 1.1 left open
    for prop in ("mitigates", "risks", "statedInSection", "citedIn", "concernsInterface", "title"):
        assert tbox.value(LISKG[prop], RDFS.domain) is not None, prop
    assert tbox.value(LISKG.measuredOn, RDFS.range) is not None


def test_every_object_property_has_an_inverse_or_says_why_not(tbox):
    inverse = set(tbox.subjects(OWL.inverseOf)) | set(tbox.objects(None, OWL.inverseOf))
    said = {p for p, note in tbox.subject_objects(SKOS.editorialNote) if str(note).startswith("No inverse:")}
    lacking = [
        p
        for p in object_properties(tbox)
        if not any(q in inverse | said for q in tbox.transitive_objects(p, RDFS.subPropertyOf))
    ]
    assert lacking == []
    assert len(inverse) // 2 >= 24


def restrictions(tbox: rdflib.Graph):
    """(class, property, filler) for every C rdfs:subClassOf [owl:someValuesFrom] with a named class C."""
    for cls, node in tbox.subject_objects(RDFS.subClassOf):
        if isinstance(cls, rdflib.URIRef) and (node, OWL.someValuesFrom, None) in tbox:
            yield cls, tbox.value(node, OWL.onProperty), tbox.value(node, OWL.someValuesFrom)


def test_the_restrictions_hold_for_every_member_in_the_built_graph(tbox, built):
    """Study ⊑ ∃appliesStrategy.ProcessingMethod and the rest: the data honours every one (an inverse
    property is followed backwards, as the build does not materialize inverses)."""
    found = sorted(restrictions(tbox))
    assert (LISKG.Study, LISKG.appliesStrategy, LISKG.ProcessingMethod) in found
    assert (LISKG.ProcessingMethod, LISKG.atInterface, LISKG.Interface) in found
    assert (LISKG.Measurement, LISKG.measuresQuantity, LISKG.QuantityKind) in found
    inverse_of = {s: o for s, o in tbox.subject_objects(OWL.inverseOf)}
    broken = []
    for cls, prop, filler in found:
        path = f"^<{inverse_of[prop]}>" if prop in inverse_of else f"<{prop}>"
        query = f"SELECT ?x WHERE {{ ?x a <{cls}> . FILTER NOT EXISTS {{ ?x {path} ?y . ?y a <{filler}> }} }} LIMIT 3"
        broken += [(str(cls), str(prop), row["x"].value) for row in built.query(query)]
    assert broken == []
    assert len(found) >= 25


def roots(tbox: rdflib.Graph) -> set[rdflib.URIRef]:
    classes = {
        c for c in tbox.subjects(RDF.type, OWL.Class) if str(c).startswith(str(LISKG)) and not deprecated(tbox, c)
    }
    return {
        c for c in classes if not any(isinstance(s, rdflib.URIRef) and s != c for s in tbox.objects(c, RDFS.subClassOf))
    }


def disjoint_pairs(tbox: rdflib.Graph) -> set[frozenset]:
    pairs = {frozenset(p) for p in tbox.subject_objects(OWL.disjointWith)}
    for group in tbox.subjects(RDF.type, OWL.AllDisjointClasses):
        members = list(Collection(tbox, tbox.value(group, OWL.members)))
        pairs |= {frozenset(p) for p in itertools.combinations(members, 2)}
    return pairs


def test_the_root_classes_are_pairwise_disjoint_but_a_method_and_a_film_technique(tbox):
    top = roots(tbox)
    assert len(top) >= 15 and {LISKG.Study, LISKG.Measurement} & top == {LISKG.Measurement}
    pairs = disjoint_pairs(tbox)
    missing = {frozenset(p) for p in itertools.combinations(top, 2)} - pairs
    assert missing == {frozenset((LISKG.ProcessingMethod, LISKG.CoatingTechnique))}


def test_x_or_y_classes_are_split_or_justified(tbox):
    """1.1 had seven classes named "X or Y" (or "X and Y"); each is now one concept with a one-concept label
    and synonyms, or says in an editorial note why it stays one class, or is deprecated."""
    unexplained = []
    for cls in tbox.subjects(RDF.type, OWL.Class):
        label = str(tbox.value(cls, RDFS.label) or "")
        if not str(cls).startswith(str(LISKG)) or deprecated(tbox, cls):
            continue
        if " or " in label or " and " in label or re.search(r"[a-z](Or|And)[A-Z]", cls.split("#")[-1]):
            if tbox.value(cls, SKOS.editorialNote) is None:
                unexplained.append(str(cls))
    assert unexplained == []
    assert str(tbox.value(LISKG.ContactLoss, RDFS.label)) == "contact loss"
    assert str(tbox.value(LISKG.BufferLayerMaterial, RDFS.label)) == "buffer layer material"


def test_parents_with_a_single_subclass_say_why(tbox):
    children: dict = {}
    for child, parent in tbox.subject_objects(RDFS.subClassOf):
        if (
            isinstance(child, rdflib.URIRef)
            and isinstance(parent, rdflib.URIRef)
            and str(parent).startswith(str(LISKG))
            and not deprecated(tbox, child)
        ):
            children.setdefault(parent, set()).add(child)
    single = sorted(p for p, c in children.items() if len(c) == 1)
    assert len(single) >= 7
    assert [str(p) for p in single if tbox.value(p, SKOS.editorialNote) is None] == []


# --- 4. QUDT as QUDT defines it; labels that say what the IRI says ----------------------------------------


def test_qudt_properties_get_no_liskg_domain_and_no_characteristic(tbox):
    for prop in (QUDT.conversionMultiplier, QUDT.conversionOffset):
        assert (prop, RDF.type, OWL.DatatypeProperty) in tbox
        assert tbox.value(prop, RDFS.domain) is None
        assert (prop, RDF.type, OWL.FunctionalProperty) not in tbox


def test_energy_density_per_mass_has_an_iri_that_says_so(tbox, data):
    assert deprecated(tbox, LISKG.EnergyDensity)
    assert tbox.value(LISKG.EnergyDensity, DCTERMS.isReplacedBy) == LISKG.GravimetricEnergyDensity
    assert str(tbox.value(LISKG.GravimetricEnergyDensity, RDFS.label)) == "gravimetric energy density"
    assert len(list(data.subjects(LISKG.measuresQuantity, LISKG.GravimetricEnergyDensity))) == 3


def test_moisture_instability_is_labelled_as_such(tbox):
    assert str(tbox.value(LISKG.MoistureInstability, RDFS.label)) == "moisture instability"


def test_the_punned_kinds_keep_their_released_iris(project, tbox):
    released = (project.root / "ontology" / "released-terms.txt").read_text(encoding="utf-8").split()
    for name in INTERFACES + COMPONENTS + FORMATS + ["IonicConductivity", "InterfacialResistance"]:
        assert str(LISKG[name]) in released, name


def test_the_modelling_guide_states_the_class_rule_and_that_punning_is_owl2_dl(project):
    """1.1's docs/modelling.md said annotations keep the ontology "free of punning and in OWL 2 DL", as if
    punning left OWL 2 DL, and built on that; 1.2 states the class/individual rule and the punning it uses."""
    guide = re.sub(r"\s+", " ", (project.root / "docs" / "modelling.md").read_text(encoding="utf-8"))
    assert "A kind a user would subclass is a class." in guide
    assert "punning is legal OWL 2 DL" in guide
    assert "free of punning and in OWL 2 DL" not in guide.replace(
        '1.1 said the opposite on this page ("an annotation keeps the ontology free of punning and in OWL 2 DL")', ""
    )


# --- 5. the SHACL shapes are a plain SHACL file ---------------------------------------------------------------


def test_the_shapes_are_not_an_ontology_and_no_catalog_maps_them(project):
    """1.1 declared shapes.ttl an owl:Ontology: opened in Protégé it showed 281 OWL 2 DL violations."""
    from liskg.sources.catalog import read_catalog

    shapes = rdflib.Graph().parse(project.shapes_file)
    assert not list(shapes.subjects(RDF.type, OWL.Ontology))
    assert not list(shapes.objects(None, OWL.imports))
    assert (rdflib.URIRef("https://w3id.org/liskg/shapes"), DCTERMS.conformsTo, rdflib.URIRef(str(rdflib.SH))) in shapes
    for folder in (project.ontology_dir, project.data_dir):
        mapped = read_catalog(folder / "catalog-v001.xml")
        assert project.shapes_file.resolve() not in mapped.values()
        assert not any("shapes" in iri for iri in mapped)


def test_a_shapes_file_that_declares_an_ontology_is_a_release_problem(tmp_project):
    from liskg.publish import versioning
    from liskg.sources.loading import load_sources

    shapes = tmp_project.shapes_file
    shapes.write_text(shapes.read_text() + "\n<https://w3id.org/liskg/shapes> a owl:Ontology .\n")
    assert versioning.version_problems(tmp_project, load_sources(tmp_project)) == [
        "ontology/shapes.ttl: a SHACL file, not an ontology: remove its owl:Ontology header (and owl:versionIRI)"
    ]
