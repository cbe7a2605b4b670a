"""Every link shows its evidence (issue 23): the vocabulary, the build's checks, effect statements, and each
finding of the audit, checked against the built graph.

The planted failures of the checks (a link without evidence, a sentence that names neither end) are rows
of the bad-input matrix (tests/test_bad_input.py), which pins their exact lines.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import ROOT
from liskg.base import evidence as ev
from liskg.base.vocab import shorten as compact
from liskg.builder import evidence as checks

PREFIXES = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX liskg: <https://w3id.org/liskg/ontology#>
PREFIX lkd: <https://w3id.org/liskg/data/>
"""


def select(store, where: str) -> set:
    rows = set()
    for row in store.query(PREFIXES + where):
        values = tuple(compact(t.value) if isinstance(t, ox.NamedNode) else (t.value if t else None) for t in row)
        rows.add(values[0] if len(values) == 1 else values)
    return rows


def basis(store, s: str, p: str, o: str) -> set:
    """The bases of an asserted link's axiom annotations (empty when the link is not in the graph)."""
    if not select(store, f"ASK {{ {s} {p} {o} }}".replace("ASK", "SELECT (1 AS ?x) WHERE")):
        return set()
    return select(
        store,
        f"""SELECT ?b WHERE {{ ?a owl:annotatedSource {s} ; owl:annotatedProperty {p} ; owl:annotatedTarget {o} ;
                                liskg:assertionBasis ?b }}""",
    )


def sentences(store, s: str, p: str, o: str) -> set:
    return select(
        store,
        f"""SELECT ?e WHERE {{ ?a owl:annotatedSource {s} ; owl:annotatedProperty {p} ; owl:annotatedTarget {o} ;
                               liskg:evidence ?e }}""",
    )


# ---------------------------------------------------------------- the vocabulary


def test_the_links_that_need_evidence_are_one_list_in_the_ontology(store):
    marked = select(store, "SELECT ?x WHERE { ?x liskg:requiresEvidence true }")
    links = {
        "appliesStrategy", "atInterface", "precedes", "usesMaterial", "producesMaterial", "formedFrom",
        "mitigates", "risks", "causes", "affectsInterface", "affectsElectrolyte", "concernsMethod",
        "concernsElectrolyteClass", "concernsMaterial", "concernsInterface", "concernsFailureMode",
        "supportedByStudy", "earlierInterface", "laterInterface",
    }  # fmt: skip
    assert {f"liskg:{p}" for p in links} | {"liskg:ProcessingMethod", "liskg:CoatingTechnique"} <= marked
    # every role of a material a strategy uses is a link too
    roles = select(store, "SELECT ?p WHERE { ?p rdfs:subPropertyOf+ liskg:usesMaterial }")
    assert roles and roles <= marked


def test_the_deprecated_method_links_point_to_effect_statements(store):
    for term in ("mitigatedByMethod", "riskedByMethod", "claimsMitigation", "claimsRisk"):
        assert select(store, f"SELECT ?r WHERE {{ liskg:{term} owl:deprecated true ; dcterms:isReplacedBy ?r }}") == {
            "liskg:EffectStatement"
        }
        assert select(store, f"SELECT ?s WHERE {{ ?s liskg:{term} ?o }}") == set(), term
    released = (ROOT / "ontology" / "released-terms.txt").read_text()
    assert all(
        f"#{term}\n" in released for term in ("mitigatedByMethod", "riskedByMethod", "claimsMitigation", "claimsRisk")
    )


def test_effect_statement_relations_are_object_properties_with_domain_and_range(store):
    for prop in ("ofMethod", "hasEffect", "onFailureMode", "inScope", "partOfClaim", "methodLeavesUnsolved"):
        assert select(
            store, f"SELECT ?d ?r WHERE {{ liskg:{prop} a owl:ObjectProperty ; rdfs:domain ?d ; rdfs:range ?r }}"
        )


# ---------------------------------------------------------------- the checks


def test_the_build_marks_stated_only_what_cites_a_sentence(store):
    assert (
        select(
            store,
            """SELECT ?a WHERE { ?a liskg:assertionBasis liskg:StatedInReview FILTER NOT EXISTS { ?a liskg:evidence ?e } }""",
        )
        == set()
    )
    assert (
        select(
            store,
            """SELECT ?a WHERE { ?a liskg:evidence ?e ; liskg:assertionBasis ?b FILTER(?b != liskg:StatedInReview) }""",
        )
        == set()
    )
    # no axiom node made up by the build for an unmarked link (1.1.0 marked every one stated)
    assert (
        select(store, "SELECT ?a WHERE { ?a liskg:assertionBasis ?b FILTER(STRSTARTS(STR(?a), STR(lkd:assertion-))) }")
        == set()
    )


def test_the_check_passes_on_the_data(project):
    store = ox.Store()
    from liskg.sources.loading import load_sources

    loaded = load_sources(project, store)
    report = checks.check(project, loaded, store)
    assert report.problems == []
    assert (report.stated, report.inferred) == (1299, 172)


@pytest.fixture(scope="module")
def asserted(project):
    from liskg import open_store

    return open_store(project, inferred=False)


def test_every_link_has_one_basis(asserted):
    """In the sources: evidence or the editors' inference mark on every link, never both."""
    values = " ".join(
        sorted(select(asserted, "SELECT ?p WHERE { ?p liskg:requiresEvidence true ; a ?t FILTER(?t != owl:Class) }"))
    )
    unmarked = select(
        asserted,
        f"""SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o .
            FILTER NOT EXISTS {{ ?a owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o .
                                 {{ ?a liskg:evidence ?e }} UNION {{ ?a liskg:assertionBasis liskg:EditorsInference }} }} }}""",
    )
    assert unmarked == set()
    assert (
        select(
            asserted,
            """SELECT ?a WHERE { ?a liskg:evidence ?e ; liskg:assertionBasis liskg:EditorsInference }""",
        )
        == set()
    )


def test_names_match_the_text_as_extracted():
    assert ev.names_string(ev.normalize("the Li10GeP2S12and 75%"), "Li10GeP2S12")  # a space lost
    assert ev.names_string(ev.normalize("the Li–LLZO interface"), "Li-LLZO")  # an en dash for a hyphen
    assert not ev.names_string(ev.normalize("In addition, the cell"), "In")  # a short name is a word of its own
    assert ev.names_string(ev.normalize("a Li-In alloy"), "In")
    assert not ev.names_string(ev.normalize("the interface impedance"), "interface I")
    assert ev.cited_numbers("indium [61–64], tin [96], Ref.[97] and [27, 93]") >= {61, 62, 63, 64, 96, 97, 27, 93}
    forms = ev.number_forms("0.000132")
    assert ev.mentions_number("high ion conductivity of 1.32 × 10-4S cm-1(30 °C)", ev.Names(numbers=set(forms)))
    assert ev.mentions_number("ranging from 10−4 to 10−2 S cm−1", ev.Names(numbers=set(ev.number_forms("0.0001"))))
    assert not ev.mentions_number("from 1000 to 100", ev.Names(numbers={"10"}))


# ---------------------------------------------------------------- effect statements


PRESSING_RISKS = {
    "lkd:fm-lithium-creep-through-microcracks",
    "lkd:fm-active-particle-rupture-under-pressure",
    "lkd:fm-cathode-sse-separation-on-cycling",
    "lkd:fm-thick-sse-penalty",
    "lkd:fm-fragile-pellet-size-limit",
}


def test_mechanical_pressing_risks_exactly_the_five_failure_modes_the_review_names(store):
    """The acceptance query of issue 23, each row with the sentence that says it."""
    rows = select(
        store,
        """SELECT ?failureMode ?sentence WHERE {
             liskg:MechanicalPressing liskg:methodRisks ?failureMode .
             ?statement liskg:ofMethod liskg:MechanicalPressing ; liskg:hasEffect liskg:Causes ;
                        liskg:onFailureMode ?failureMode ; liskg:evidence ?sentence }""",
    )
    assert {mode for mode, _ in rows} == PRESSING_RISKS
    assert select(store, "SELECT ?f WHERE { liskg:MechanicalPressing liskg:methodRisks ?f }") == PRESSING_RISKS
    assert {s for _, s in rows} == {
        "lkd:sent-2-1-3-3",  # Li squeezed through microcracks
        "lkd:sent-3-1-5-4",  # excessive pressure ruptures particles
        "lkd:sent-3-1-5-5",  # gradual cathode/SSE separation after cycling
        "lkd:sent-3-1-4-1",
        "lkd:sent-3-1-4-2",  # thick enough to withstand compression
        "lkd:sent-4-1-4-6",  # fragile pressed pellets, very small cells
    }


def test_every_surface_gives_mechanical_pressing_exactly_the_five_risks(store):
    """The same acceptance question through the named query, `liskg method` and `liskg why`: five risks,
    each said of mechanical pressing itself (no study's result, no claim's cross product)."""
    import liskg

    named = liskg.query(store, "method-failure-modes")
    risks = {
        row["failureMode"].term.value
        for row in named.rows
        if row["family"].label == "mechanical pressing" and row["effect"].label == "risks"
    }
    assert {compact(r) for r in risks} == PRESSING_RISKS
    report = liskg.method(store, "mechanical pressing")
    listed = report.split("Risks (failure mode, then who says so)\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert len(listed) == 5 and all(line.endswith("the review, of the method") for line in listed)
    assert len(liskg.evidence(store, "mechanical pressing", "risks")) == 5


def test_a_family_says_which_narrower_method_the_review_speaks_of(store):
    import liskg

    report = liskg.method(store, "mechanical pressing")
    assert (
        "microvoids and Li/SSE contact loss on cycling                   the review, of stack pressure application"
        in (report)
    )


def test_method_links_come_from_effect_statements_one_each(store):
    for prop, effect in (
        ("methodMitigates", "Mitigates"),
        ("methodRisks", "Causes"),
        ("methodLeavesUnsolved", "LeavesUnsolved"),
    ):
        computed = select(store, f"SELECT ?m ?f WHERE {{ ?m liskg:{prop} ?f }}")
        stated = select(
            store,
            f"""SELECT ?m ?f WHERE {{ ?s a liskg:EffectStatement ; liskg:hasEffect liskg:{effect} ;
                                      liskg:ofMethod ?m ; liskg:onFailureMode ?f ; liskg:evidence ?e }}""",
        )
        assert computed == stated and computed, prop
    # one statement per (method, effect, failure mode)
    assert (
        select(
            store,
            """SELECT ?a WHERE { ?a liskg:ofMethod ?m ; liskg:hasEffect ?e ; liskg:onFailureMode ?f .
                             ?b liskg:ofMethod ?m ; liskg:hasEffect ?e ; liskg:onFailureMode ?f . FILTER(?a != ?b) }""",
        )
        == set()
    )


def test_a_method_that_both_helps_and_hurts_has_a_sentence_for_each(store):
    both = select(
        store,
        """SELECT ?m ?f WHERE { ?m liskg:methodMitigates ?f . { ?m liskg:methodRisks ?f } UNION { ?m liskg:methodLeavesUnsolved ?f } }""",
    )
    assert ("liskg:MechanicalPressing", "lkd:fm-high-cathode-sse-interfacial-resistance") in both
    for method, mode in both:
        said = select(
            store,
            f"""SELECT ?effect ?sentence WHERE {{ ?s liskg:ofMethod {method} ; liskg:onFailureMode {mode} ;
                                                   liskg:hasEffect ?effect ; liskg:evidence ?sentence }}""",
        )
        assert {effect for effect, _ in said} >= {"liskg:Mitigates"} and len({e for e, _ in said}) == 2
        assert len({s for _, s in said}) >= 2


def test_a_claim_concerns_the_methods_and_failure_modes_of_its_effect_statements(store):
    assert (
        select(
            store,
            """SELECT ?s ?c WHERE { ?s liskg:partOfClaim ?c ; liskg:ofMethod ?m ; liskg:onFailureMode ?f .
             FILTER NOT EXISTS { ?c liskg:concernsMethod/rdfs:subClassOf* ?m }
             FILTER NOT EXISTS { ?c liskg:concernsMethod ?broader . ?m rdfs:subClassOf+ ?broader } }""",
        )
        == set()
    )
    assert (
        select(
            store,
            """SELECT ?s ?c WHERE { ?s liskg:partOfClaim ?c ; liskg:onFailureMode ?f .
             FILTER NOT EXISTS { ?c liskg:concernsFailureMode ?f } }""",
        )
        == set()
    )


# ---------------------------------------------------------------- the audit's findings (issue 23)


@pytest.mark.parametrize(
    "link",
    [
        ("lkd:fm-flammable-liquid-electrolyte", "liskg:affectsInterface", "liskg:SSSEInterface"),  # :414
        ("lkd:fm-insulating-sulfur-sluggish-redox", "liskg:causes", "lkd:fm-sluggish-cathode-charge-transfer"),  # :299
        (
            "lkd:fm-polymer-low-room-temperature-conductivity",
            "liskg:causes",
            "lkd:fm-polymer-weak-mechanics-at-high-temperature",
        ),  # :330
        ("lkd:ref-106-chemical-vapor-deposition", "liskg:atInterface", "liskg:SSESSEInterface"),  # anode :735/740
        ("lkd:ref-77-lgps-cathode-integration", "rdf:type", "liskg:MechanicalPressing"),  # cathode :505/516
        ("lkd:ref-77-bilayer-electrolyte", "rdf:type", "liskg:MechanicalPressing"),
        ("lkd:ref-110-cpe-coating", "rdf:type", "liskg:PolymerCoating"),  # cathode :46
        ("lkd:ref-86-electrospinning", "liskg:atInterface", "liskg:SSESSEInterface"),  # cathode :1508
        ("lkd:fm-unstable-li-liquid-electrolyte-interface", "liskg:affectsInterface", "liskg:LiSSEInterface"),  # :232
    ],
)
def test_an_editors_judgement_is_marked_inferred_with_its_reason(store, link):
    assert basis(store, *link) == {"liskg:EditorsInference"}
    s, p, o = link
    assert select(
        store,
        f"""SELECT ?why WHERE {{ ?a owl:annotatedSource {s} ; owl:annotatedProperty {p} ; owl:annotatedTarget {o} ;
                                 liskg:sourceNote ?why }}""",
    )


def test_sulfide_hydrolysis_is_not_placed_at_an_electrode(store):
    """failure-modes.ttl:239: the review ties hydrolysis to no interface; the Li/SSE placement went."""
    assert select(store, "SELECT ?i WHERE { lkd:fm-sulfide-hydrolysis-h2s liskg:affectsInterface ?i }") == {
        "liskg:SSESSEInterface"
    }
    assert basis(store, "lkd:fm-sulfide-hydrolysis-h2s", "liskg:affectsInterface", "liskg:SSESSEInterface") == {
        "liskg:EditorsInference"
    }


def test_no_method_is_said_to_stop_dendrites_or_grain_boundary_resistance(store):
    """failure-modes.ttl:40 and :83, studies-cathode.ttl:138: the review speaks of uniform plating, and Section
    3.1 never says pressing or milling relieves grain-boundary resistance."""
    assert select(store, "SELECT ?m WHERE { ?m liskg:methodMitigates lkd:fm-li-dendrite-growth }") == set()
    assert select(store, "SELECT ?m WHERE { ?m liskg:methodMitigates lkd:fm-grain-boundary-resistance }") == set()
    assert select(store, "SELECT ?s WHERE { ?s liskg:mitigates lkd:fm-grain-boundary-resistance }") == set()
    assert "liskg:InSituPolymerization" in select(
        store, "SELECT ?m WHERE { ?m liskg:methodMitigates lkd:fm-uneven-lithium-deposition }"
    )


def test_the_processing_order_claim_makes_no_method_a_cure(store):
    """claims.ttl:1247: the order of processing, not pressing or casting, keeps solvents and pressure off Li."""
    for mode in ("lkd:fm-solvent-or-pressure-damage-to-lithium", "lkd:fm-lithium-air-oxidation"):
        assert select(store, f"SELECT ?m WHERE {{ ?m liskg:methodMitigates|liskg:methodRisks {mode} }}") == set()
    assert select(store, "SELECT ?f WHERE { lkd:claim-5-processing-order liskg:concernsFailureMode ?f }") >= {
        "lkd:fm-solvent-or-pressure-damage-to-lithium",
        "lkd:fm-lithium-air-oxidation",
    }


def test_molten_lithium_leaves_poor_wetting_unsolved_and_neither_causes_nor_cures_it(store):
    """claims.ttl:665 vs failure-modes.ttl:258: molten Li wets a bare garnet badly; lithiophilic layers help."""
    found = select(
        store,
        """SELECT ?m ?p WHERE { VALUES ?p { liskg:methodMitigates liskg:methodRisks liskg:methodLeavesUnsolved }
             ?m ?p lkd:fm-poor-li-wettability-of-sse ; rdfs:subClassOf* liskg:MoltenLithiumTreatment }""",
    )
    assert found == {("liskg:MoltenLithiumInfusion", "liskg:methodLeavesUnsolved")}


def test_no_method_risks_the_volume_change_of_sulfur(store):
    """claims.ttl:817, 878, 1198: sulfur swells by itself; what pressing and casting risk is what it does to them."""
    assert select(store, "SELECT ?m WHERE { ?m liskg:methodRisks lkd:fm-sulfur-volume-change }") == set()


def test_leaving_unsolved_is_not_causing(store):
    """claimsRisk meant both: slow transport persists in cast cathodes; casting does not cause it."""
    assert select(store, "SELECT ?f WHERE { liskg:SlurryCasting liskg:methodLeavesUnsolved ?f }") == {
        "lkd:fm-sluggish-cathode-charge-transfer"
    }
    assert "lkd:fm-sluggish-cathode-charge-transfer" not in select(
        store, "SELECT ?f WHERE { liskg:SlurryCasting liskg:methodRisks ?f }"
    )


def test_initial_gaps_and_voids_on_cycling_are_kept_apart(store):
    """failure-modes.ttl:92, :256: poor wetting leaves gaps at assembly; voids open on cycling."""
    assert select(store, "SELECT ?f WHERE { lkd:fm-poor-li-wettability-of-sse liskg:causes ?f }") == {
        "lkd:fm-high-li-sse-interfacial-resistance",
        "lkd:fm-li-sse-gaps-and-voids",
    }
    assert select(store, "SELECT ?m WHERE { ?m liskg:methodMitigates lkd:fm-li-sse-gaps-and-voids }") >= {
        "liskg:MechanicalPressing"
    }
    assert select(
        store, "SELECT ?m WHERE { ?m liskg:methodMitigates lkd:fm-microvoids-and-contact-loss-on-stripping }"
    ) == {"liskg:StackPressureApplication"}


def test_a_kind_of_dendrite_growth_does_not_cause_dendrite_growth(store):
    """failure-modes.ttl:48."""
    assert select(store, "SELECT ?f WHERE { lkd:fm-dendrite-growth-along-grain-boundaries liskg:causes ?f }") == set()


@pytest.mark.parametrize(
    "mode, kind",
    [
        ("fm-fragile-pellet-size-limit", "liskg:CellDesignPenalty"),  # :377, a design limit
        ("fm-polymer-weak-mechanics-at-high-temperature", "liskg:LowMechanicalStrength"),  # :369, a property
        ("fm-polarization-at-high-current", "liskg:PerformanceLoss"),  # :303, a symptom
    ],
)
def test_failure_modes_are_typed_by_what_they_are(store, mode, kind):
    assert select(store, f"SELECT ?k WHERE {{ lkd:{mode} liskg:directType ?k }}") == {kind}


def test_the_beta_li3ps4_note_is_current(store):
    """materials.ttl:176 said the ontology has no class for crystalline Li3PS4; it has one."""
    notes = select(store, "SELECT ?n WHERE { lkd:mat-beta-li3ps4 liskg:sourceNote ?n }")
    assert not any("no class" in n for n in notes)


def test_the_docs_no_longer_give_kim_106_as_a_stated_example():
    modelling = (ROOT / "docs" / "modelling.md").read_text(encoding="utf-8")
    assert "answer includes: lkd:ref-106-chemical-vapor-deposition" not in modelling
    assert "lkd:ref-106-chemical-vapor-deposition -->" in modelling  # among the excluded inferences


# ---- the surfaces: liskg why, --evidence, inherited effects, stats ----------------------------------------


def test_why_quotes_the_sentences_behind_a_link_found_by_name(store):
    import liskg

    text = liskg.why(store, "Sharafi [107]", "at interface", "Li/SSE")
    assert text.splitlines()[0] == "preheating the Li/LLZO cell (Sharafi [107])  at interface  Li/SSE interface"
    assert "“To remedy the issues of high interface impedance, Sharafi et al.[107] preheated" in text
    assert "— Section 2.3, lkd:sent-2-3-1-3; cites [107]" in text
    assert text.endswith("Nano-Micro Letters; CC BY 4.0.")


def test_why_gives_the_editors_reason_for_an_inference(store):
    import liskg

    [said] = liskg.evidence(store, "Kim [106]", "at interface")
    assert said.basis == "inferred" and said.note and not said.quotes
    assert "inferred by the editors: " in liskg.why(store, "Kim [106]", "at interface")


def test_why_says_when_no_link_matches(store):
    import liskg
    from liskg.base.errors import LiskgError

    with pytest.raises(LiskgError, match="no link 'mechanical pressing' 'risks' 'lithium dendrite' .*; it links to: "):
        liskg.why(store, "mechanical pressing", "risks", "lithium dendrite")


def test_why_of_a_family_points_to_the_narrower_method_the_review_says_it_of(store):
    """method-failure-modes rolls molten lithium infusion's statement up to its family; why says where it is."""
    import liskg
    from liskg.base.errors import LiskgError

    with pytest.raises(
        LiskgError,
        match="^no link .* has evidence .*; the review says it of a narrower method: "
        'liskg why "molten lithium infusion" "leaves unsolved"$',
    ):
        liskg.why(store, "molten lithium treatment", "leaves unsolved")
    assert "“However, the outcomes are not satisfactory" in liskg.why(
        store, "molten lithium infusion", "leaves unsolved"
    )


def test_why_a_method_risks_gives_the_five_effect_statements_each_with_a_sentence(store):
    import liskg

    said = liskg.evidence(store, "mechanical pressing", "risks")
    assert len(said) == 5
    assert all(s.basis == "stated" and s.quotes for s in said)


def test_a_narrower_method_shows_what_its_broader_method_is_said_to_do_marked_inherited(store):
    import liskg

    report = liskg.method(store, "cold pressing")
    heading = "Inherited from mechanical pressing (what the review says of it holds here)"
    inherited = report.split(heading + "\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert "  risks            rupture of active particles under excessive pressure" in inherited
    assert len(inherited) == len(
        liskg.evidence(store, "mechanical pressing", "mitigates")
        + liskg.evidence(store, "mechanical pressing", "risks")
        + liskg.evidence(store, "mechanical pressing", "leaves unsolved")
    )
    said = liskg.evidence(store, "cold pressing", "risks", inherited=True)
    assert {s.via for s in said} == {"inherited from mechanical pressing"}


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda liskg, store: liskg.study(store, "107", evidence=True), "“To remedy the issues"),
        (lambda liskg, store: liskg.method(store, "CVD", evidence=True), "stated in the review:"),
        (
            lambda liskg, store: liskg.strategies(store, interface="Li/SSE", electrolyte="garnet", evidence=True),
            "— Section 2.3",
        ),
        (
            lambda liskg, store: liskg.compare(store, interface="Li/SSE", electrolyte="garnet", evidence=True),
            "Evidence (the sentences that give each number)",
        ),
    ],
)
def test_evidence_adds_the_sentences_and_the_attribution_to_a_look_up(store, call, needle):
    import liskg

    text = call(liskg, store)
    assert needle in text
    assert "CC BY 4.0" in text


def test_stats_counts_the_stated_links_with_evidence(project):
    import liskg

    stats = liskg.stats(project)
    cover = stats.evidence
    assert 0 < cover["stated"] <= cover["links"] - cover["inferred"]
    assert 0 < cover["measured"] <= cover["measurements"] == stats.counts["measurements"]
    report = stats.report()
    assert f"stated links with evidence: {cover['stated']:,}/{cover['links'] - cover['inferred']:,}" in report
    assert f"measurements with evidence: {cover['measured']:,}/{cover['measurements']:,}" in report


def test_a_paper_outside_the_review_is_evidenced_by_its_source():
    """by_source, the one definition: a link of a paper outside the review (basis liskg:StatedInSource, its DOI
    as dcterms:source, its template row) or such a number (DOI and row on the node) is covered without review
    sentences; missing either the DOI or the row, citing sentences, or an editors' mark, it is not."""
    sourced = checks._Axiom(bases={ev.STATED_IN_SOURCE}, source=True, row=True)
    assert checks.by_source(sourced)
    assert not checks.by_source(checks._Axiom(bases={ev.STATED_IN_SOURCE}, source=True))  # no row
    assert not checks.by_source(checks._Axiom(bases={ev.STATED_IN_SOURCE}, row=True))  # no DOI
    assert not checks.by_source(checks._Axiom(source=True, row=True))  # a link's axiom says StatedInSource
    assert not checks.by_source(checks._Axiom(bases={ev.STATED_IN_SOURCE, ev.INFERRED}, source=True, row=True))
    assert not checks.by_source(
        checks._Axiom(evidence={ev.LISKG + "x"}, bases={ev.STATED_IN_SOURCE}, source=True, row=True)
    )
    assert checks.by_source(checks._Axiom(source=True, row=True), record=True)  # a number: DOI and row on it
    assert not checks.by_source(checks._Axiom(source=True), record=True)
