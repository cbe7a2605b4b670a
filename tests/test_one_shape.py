"""One shape per kind of fact (issue 14): each class of error the expert audit found has a check.

Each test queries the built graph (asserted + build-computed links) or the sources and names the
exact set of exceptions, with the reason, so a new record that breaks the shape fails here.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import run_cli
from liskg.base.vocab import shorten as compact
from liskg.builder.inference import materialize, rule_queries

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX qudt: <http://qudt.org/schema/qudt/>
PREFIX liskg: <https://w3id.org/liskg/ontology#>
PREFIX lkd: <https://w3id.org/liskg/data/>
"""


def select(store, where: str) -> set:
    """The values of the query's one or more variables, as compact strings (a tuple per row when several)."""
    rows = set()
    for row in store.query(PREFIXES + where):
        values = tuple(compact(term.value) if isinstance(term, ox.NamedNode) else term.value for term in row)
        rows.add(values[0] if len(values) == 1 else values)
    return rows


@pytest.fixture(scope="module")
def asserted(project):
    from liskg import open_store

    return open_store(project, inferred=False)


def test_every_strategy_reaches_an_electrolyte(store):
    """Through liskg:involvesElectrolyte; [100] is the one work for which the review names none."""
    assert select(
        store,
        """SELECT ?s WHERE { ?study liskg:appliesStrategy ?s .
                                              FILTER NOT EXISTS { ?s liskg:involvesElectrolyte ?e } }""",
    ) == {"lkd:ref-100-pressing"}


def test_every_strategy_of_a_study_with_cells_reaches_a_cell(store):
    assert (
        select(
            store,
            """SELECT ?s WHERE { ?study liskg:appliesStrategy ?s ; liskg:reportsCell ?c .
                                              FILTER NOT EXISTS { ?s liskg:forCell ?cell } }""",
        )
        == set()
    )


def test_the_electrolyte_named_only_on_the_cell_is_reached(store):
    """Lin [60]: the cathode casting names no electrolyte; its cell holds beta-Li3PS4."""
    assert select(store, "SELECT ?e WHERE { lkd:ref-60-cathode-slurry-casting liskg:involvesElectrolyte ?e }") == {
        "lkd:mat-beta-li3ps4"
    }


def test_every_material_is_linked_from_a_record(store):
    """No material is named only in a claim's text (liskg:concernsMaterial links claims to them)."""
    assert (
        select(
            store,
            """SELECT ?m WHERE { ?m a owl:NamedIndividual , liskg:Material .
                                              FILTER NOT EXISTS { ?x ?p ?m . FILTER(?p != rdf:type) } }""",
        )
        == set()
    )


def test_an_effect_statement_names_a_method_and_a_failure_mode_with_its_sentences(store):
    """What a method does to a failure mode is one statement each (issue 23), never a claim's cross product."""
    assert (
        select(
            store,
            """SELECT ?s WHERE { ?s a liskg:EffectStatement .
        FILTER NOT EXISTS { ?s liskg:ofMethod ?m ; liskg:hasEffect ?e ; liskg:onFailureMode ?f ; liskg:evidence ?t } }""",
        )
        == set()
    )


def test_general_mitigation_and_risk_come_from_effect_statements_only(store):
    """Pressing risks the gradual cathode/SSE separation (Sec. 3.1): an effect statement says it."""
    assert "liskg:MechanicalPressing" in select(
        store, "SELECT ?m WHERE { ?m liskg:methodRisks lkd:fm-cathode-sse-separation-on-cycling }"
    )
    # a study's result ([42] ALD ZnO closes Li/SSE voids) stays on its strategy and does not reach the method
    assert select(store, "SELECT ?f WHERE { lkd:ref-42-atomic-layer-deposition liskg:mitigates ?f }") >= {
        "lkd:fm-li-sse-gaps-and-voids"
    }
    assert "liskg:AtomicLayerDeposition" not in select(
        store, "SELECT ?m WHERE { ?m liskg:methodMitigates lkd:fm-li-sse-gaps-and-voids }"
    )


def test_every_failure_mode_link_says_stated_or_inferred(store):
    """Every causes / affectsInterface / affectsElectrolyte link of a failure mode has exactly one basis."""
    unmarked = select(
        store,
        """SELECT ?s ?p ?o WHERE {
        VALUES ?p { liskg:causes liskg:affectsInterface liskg:affectsElectrolyte }
        ?s ?p ?o .
        FILTER NOT EXISTS { ?a owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ;
                               liskg:assertionBasis ?basis } }""",
    )
    assert unmarked == set()
    twice = select(
        store,
        """SELECT ?s ?p ?o WHERE {
        ?a owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ; liskg:assertionBasis ?b1 .
        ?z owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ; liskg:assertionBasis ?b2 .
        FILTER(?b1 != ?b2) }""",
    )
    assert twice == set()


def test_the_editors_inferences_include_the_audited_ones(store):
    """The inferences of 1.1.0 and those the issue-23 audit found marked stated; curation adds more."""
    assert select(
        store,
        """SELECT ?s ?p ?o WHERE { ?a liskg:assertionBasis liskg:EditorsInference ;
        owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ; liskg:sourceNote ?why }""",
    ) >= {
        *{
            (f"lkd:{s}", "liskg:atInterface", "liskg:SSESSEInterface")
            for s in (
                "ref-32-mechanical-alloying",
                "ref-32-rapid-thermal-annealing",
                "ref-33-electrolyte-preparation",
                "ref-34-electrolyte-preparation",
                "ref-35-electrolyte-preparation",
                "ref-36-electrolyte-preparation",
                "ref-48-fluorinated-graphene-reinforcement",
                "ref-106-chemical-vapor-deposition",
                "ref-86-electrospinning",
            )
        },
        ("lkd:ref-38-heat-treatment", "rdf:type", "liskg:PreparationStep"),
        ("lkd:ref-81-electrolyte-slurry-casting", "rdf:type", "liskg:TapeCasting"),
        ("lkd:ref-77-lgps-cathode-integration", "rdf:type", "liskg:MechanicalPressing"),
        ("lkd:ref-77-bilayer-electrolyte", "rdf:type", "liskg:MechanicalPressing"),
        ("lkd:ref-110-cpe-coating", "rdf:type", "liskg:PolymerCoating"),
        ("lkd:fm-insulating-sulfur-sluggish-redox", "liskg:causes", "lkd:fm-sluggish-cathode-charge-transfer"),
    }


def test_no_invented_causal_link_from_the_liquid_interface(store):
    assert select(store, "SELECT ?f WHERE { lkd:fm-unstable-li-liquid-electrolyte-interface liskg:causes ?f }") == set()


def test_baselines_say_treatment_or_cycling(asserted):
    """The sources never use the bare liskg:hasBaseline."""
    assert select(asserted, "SELECT ?m WHERE { ?m liskg:hasBaseline ?b }") == set()
    assert select(asserted, "SELECT ?m WHERE { ?m liskg:hasCyclingBaseline ?b }") == {
        "lkd:ref-124-capacity-10-cycles",
        "lkd:ref-124-interface-impedance-10-cycles",
    }


def test_every_unit_converts_to_si_but_the_per_atom_energy(store):
    assert select(
        store,
        """SELECT ?u WHERE { ?u a liskg:UnitOfMeasure .
                                              FILTER NOT EXISTS { ?u qudt:conversionMultiplier ?k } }""",
    ) == {"unit:MilliEV-PER-ATOM"}
    # and an order of magnitude ([82]'s "mS cm-1 levels") is no value to convert
    assert select(
        store,
        """SELECT ?m WHERE { ?m a liskg:Measurement .
        FILTER NOT EXISTS { ?m liskg:normalizedValue|liskg:normalizedLowerBound|liskg:normalizedUpperBound ?v } }""",
    ) == {"lkd:ref-99-reaction-energy", "lkd:ref-82-conductivity"}


def test_conductivities_in_s_and_ms_per_cm_compare(store):
    """10.2 mS cm-1 (Kim [32]) outranks 8.27e-3 S cm-1 (Yao [77]) once both are in S m-1."""
    values = dict(
        select(
            store,
            """SELECT ?m ?v WHERE { VALUES ?m { lkd:ref-32-ionic-conductivity lkd:ref-77-lgps-conductivity }
                                                         ?m liskg:normalizedValue ?v }""",
        )
    )
    assert values == {"lkd:ref-32-ionic-conductivity": "1.02", "lkd:ref-77-lgps-conductivity": "0.827"}


def test_room_temperature_is_a_condition_not_only_text(store):
    """A measurement whose context says room temperature has the condition; [107]'s heating step cooled to it."""
    assert select(
        store,
        """SELECT ?m WHERE { ?m liskg:measurementContext ?c . FILTER(CONTAINS(?c, "room temperature"))
        FILTER NOT EXISTS { ?m liskg:atRoomTemperature true } FILTER NOT EXISTS { ?m liskg:atTestTemperatureCelsius ?t } }""",
    ) == {"lkd:ref-107-temperature"}


def test_most_specific_types_need_no_filter(store):
    assert select(store, "SELECT ?c WHERE { lkd:ref-98-gold-evaporation liskg:directType ?c }") == {
        "liskg:VacuumEvaporation"
    }
    assert select(store, "SELECT ?c WHERE { lkd:mat-llzo liskg:directType ?c }") == {
        "liskg:GarnetElectrolyte",
        "liskg:Additive",
    }
    assert select(store, "SELECT ?c WHERE { liskg:VacuumEvaporation liskg:directSuperClass ?c }") == {
        "liskg:PhysicalVaporDeposition"
    }


def test_the_post_closure_rules_leave_nothing_for_the_closing_rules(store):
    """Rules named rule-post-* run once after the fixpoint: running everything again adds no triple."""
    copy = ox.Store()
    copy.extend(store)
    assert materialize(copy) == 0
    assert any(name.startswith("rule-post-") for name in rule_queries())


def test_every_individual_has_a_label_and_no_ontology_shares_its_iri(store):
    """Protégé shows an individual whose IRI is also an ontology's IRI without its label (lkd:review was one)."""
    assert (
        select(store, "SELECT ?x WHERE { ?x a owl:NamedIndividual . FILTER NOT EXISTS { ?x rdfs:label ?l } }") == set()
    )
    assert select(store, "SELECT ?x WHERE { ?x a owl:NamedIndividual , owl:Ontology }") == set()


def test_an_editors_inference_without_a_reason_fails_validation(tmp_project):
    anode = tmp_project.data_dir / "studies-anode.ttl"
    text = anode.read_text(encoding="utf-8")
    cut = text.index('    liskg:sourceNote "The review names no method class for this heated assembly')
    anode.write_text(text[:cut].rstrip(" ;\n") + " .\n" + text[text.index("\n", cut) + 1 :], encoding="utf-8")
    result = run_cli("--root", str(tmp_project.root), "build", "-q")
    assert result.code == 1
    assert "an editors' inference needs a liskg:sourceNote saying why" in result.err


def test_an_annotation_on_a_missing_assertion_fails_validation(tmp_project):
    anode = tmp_project.data_dir / "studies-anode.ttl"
    text = anode.read_text(encoding="utf-8")
    anode.write_text(  # the link itself keeps its own mark: only the added annotation is astray
        text
        + """
[] a owl:Axiom ;
    owl:annotatedSource lkd:ref-38-heat-treatment ;
    owl:annotatedProperty rdf:type ;
    owl:annotatedTarget liskg:BallMilling ;
    liskg:assertionBasis liskg:EditorsInference ;
    liskg:sourceNote "An annotation of an assertion the graph does not make, for the tests."@en .
""",
        encoding="utf-8",
    )
    result = run_cli("--root", str(tmp_project.root), "build", "-q")
    assert result.code == 1
    assert "the annotated assertion is not in the graph" in result.err
