"""Values whose meaning cannot be missed (issue 30) and the number findings of the expert audit (issue 23).

Each test states what the review prints (checked against the review text itself where a phrase decides
it) and what the graph must say about it; each failed on the 1.1 data. The shape tests put one 1.1-style
record back into a copy of the built graph and check that the SHACL shape written for it catches it.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from conftest import SOURCE_TEXT
from liskg.builder.validation import load_shapes, validate
from test_one_shape import PREFIXES, select

LISKG = "https://w3id.org/liskg/ontology#"
LKD = "https://w3id.org/liskg/data/"


@pytest.fixture(scope="module")
def review() -> str:
    return re.sub(r"\s+", " ", SOURCE_TEXT.read_text(encoding="utf-8"))


# --- bounds -----------------------------------------------------------------------------------------


def test_a_bound_is_never_a_numeric_value(store):
    """ "> 10 mAh", "up to 7 mg cm-2", "< 70 Ω": the qualifier's number is a bound, and a plain query reading
    liskg:numericValue never gets it."""
    assert (
        select(
            store,
            """SELECT ?m WHERE { ?m liskg:valueQualifier ?q ; liskg:numericValue ?v .
                                              FILTER(?q != "approximately") }""",
        )
        == set()
    )
    counts = dict(select(store, """SELECT ?q (COUNT(?m) AS ?n) WHERE { ?m liskg:valueQualifier ?q } GROUP BY ?q"""))
    assert counts == {
        "approximately": "21",
        "greater than": "13",
        "less than": "9",
        "up to": "6",
        "on the order of": "1",
    }
    assert len(select(store, "SELECT ?m WHERE { ?m liskg:lowerBound ?v }")) == 13 + 10
    assert len(select(store, "SELECT ?m WHERE { ?m liskg:upperBound ?v }")) == 9 + 6 + 10
    assert select(store, "SELECT ?m WHERE { ?m liskg:minimumValue|liskg:maximumValue ?v }") == set()


def test_a_range_has_both_bounds_and_no_qualifier(store):
    ranges = select(store, """SELECT ?m ?lo ?hi WHERE { ?m liskg:lowerBound ?lo ; liskg:upperBound ?hi }""")
    assert ("lkd:ref-116-anodic-peak-range", "3.8", "4.3") in ranges
    assert ("lkd:ref-99-reaction-energy", "-90", "-40") in ranges
    assert len(ranges) == 10
    assert (
        select(
            store,
            """SELECT ?m WHERE { ?m liskg:lowerBound ?lo ; liskg:upperBound ?hi ;
                                                 liskg:valueQualifier ?q }""",
        )
        == set()
    )


# --- field units ------------------------------------------------------------------------------------


def test_every_kind_names_its_field_unit_and_every_number_reaches_one(store):
    assert (
        select(
            store,
            """SELECT ?k WHERE { ?m liskg:measuresQuantity ?k .
                                              FILTER NOT EXISTS { ?k liskg:fieldUnit ?u } }""",
        )
        == set()
    )
    assert select(
        store,
        """SELECT ?m WHERE { ?m a liskg:Measurement .
        FILTER NOT EXISTS { ?m liskg:fieldValue|liskg:fieldLowerBound|liskg:fieldUpperBound ?v } }""",
    ) == {"lkd:ref-82-conductivity"}  # an order of magnitude: a field unit, no value


def test_at_least_10_ms_per_cm_is_one_filter(store):
    """Sec. 1: Kim [32] 10.2, [33] 12, [34] 14.8, [35] 10.2, [36] 13.1 mS cm-1; the claim's "over 10 mS cm-1"
    is a bound, and Yao [77]'s 8.27 × 10-3 S cm-1 is 8.27 mS cm-1, below."""
    assert select(
        store,
        """SELECT ?m ?v WHERE { ?m liskg:measuresQuantity liskg:IonicConductivity ;
                                                     liskg:fieldValue ?v . FILTER(?v >= 10) }""",
    ) == {
        ("lkd:ref-32-ionic-conductivity", "10.2"),
        ("lkd:ref-33-ionic-conductivity", "12"),
        ("lkd:ref-34-ionic-conductivity", "14.8"),
        ("lkd:ref-35-ionic-conductivity", "10.2"),
        ("lkd:ref-36-ionic-conductivity", "13.1"),
    }
    assert select(
        store, "SELECT ?v ?u WHERE { lkd:ref-77-lgps-conductivity liskg:fieldValue ?v ; liskg:fieldUnit ?u }"
    ) == {("8.27", "unit:MilliS-PER-CentiM")}


def test_resistance_keeps_area_specific_and_absolute_apart(store):
    """Ω cm2 and Ω do not convert into each other: each value stays in its own field unit."""
    units = dict(
        select(
            store,
            """SELECT ?m ?u WHERE { VALUES ?m { lkd:ref-107-resistance-after lkd:ref-80-resistance-after }
                                                       ?m liskg:fieldUnit ?u }""",
        )
    )
    assert units == {"lkd:ref-107-resistance-after": "unit:OHM-CentiM2", "lkd:ref-80-resistance-after": "unit:OHM"}


def test_field_values_convert_exactly(store):
    assert select(
        store,
        """SELECT ?m ?v WHERE { VALUES ?m { lkd:ref-99-thickness-si-layer lkd:ref-97-rest-duration
                                                              lkd:ref-38-areal-capacity }
                                                 ?m liskg:fieldValue ?v }""",
    ) == {
        ("lkd:ref-99-thickness-si-layer", "0.01"),
        ("lkd:ref-97-rest-duration", "1440"),
        ("lkd:ref-38-areal-capacity", "300"),
    }
    assert select(
        store,
        """SELECT ?lo ?hi WHERE { lkd:claim-1-inorganic-sse-properties-m-conductivity
                                 liskg:fieldLowerBound ?lo ; liskg:fieldUpperBound ?hi }""",
    ) == {("0.1", "10")}


# --- conditions -------------------------------------------------------------------------------------


def test_test_and_process_temperatures_are_apart(store):
    assert select(store, "SELECT ?m WHERE { ?m liskg:atTemperatureCelsius ?t }") == set()
    assert (
        select(
            store,
            """SELECT ?m WHERE { ?m liskg:measuresQuantity liskg:ProcessTemperature ;
                                                 liskg:atTestTemperatureCelsius|liskg:atRoomTemperature ?t }""",
        )
        == set()
    )


def test_room_temperature_where_the_review_says_it(store, review):
    """Every "room temperature" number of the review, and no other: [32], [106], [67] x2, [107] after heating,
    [77], [82], the three claim ranges of Sec. 1, and [85]'s 6 h wetting rest."""
    for phrase in (
        "10.2 mS cm-1at room temperature",
        "2.95 × 10-7S cm-1at room temperature",
        "75 Ω cm2(the surface-engineered garnet/Li) at room temperature",
        "preheated the battery to 175 °C and then cooled it to room temperature",
        "8.27 × 10-3S cm-1at room temperature",
        "room-temperature ionic conductivity of mS cm-1 levels",
        "aged at room temperature for 6 h",
    ):
        assert phrase in review, phrase
    assert select(store, "SELECT ?m WHERE { ?m liskg:atRoomTemperature true }") == {
        "lkd:ref-32-ionic-conductivity",
        "lkd:ref-106-ionic-conductivity",
        "lkd:ref-67-resistance-before",
        "lkd:ref-67-resistance-after",
        "lkd:ref-107-resistance-after",
        "lkd:ref-77-lgps-conductivity",
        "lkd:ref-82-conductivity",
        "lkd:claim-1-inorganic-sse-properties-m-conductivity",
        "lkd:claim-1-sulfide-sse-preferred-m-conductivity",
        "lkd:claim-1-polymer-sse-conductivity-limit-m-conductivity",
        "lkd:ref-85-pouch-wetting-duration",
    }


def test_a_cells_operating_temperature_is_on_the_numbers_it_governs(store):
    """Lin [60] tested at 60 °C, Nagao [66] at 25 °C: every number measured on those cells carries it."""
    assert select(
        store,
        """SELECT ?m ?t WHERE {
        ?op liskg:measuresQuantity liskg:OperatingTemperature ; liskg:numericValue ?t ; liskg:measuredOnCell ?cell .
        ?m liskg:measuredOnCell ?cell . FILTER(?m != ?op) }""",
    ) == {
        ("lkd:ref-60-c-rate-range", "60"),
        ("lkd:ref-66-capacity-20-cycles", "25"),
        ("lkd:ref-66-current-density-test", "25"),
        ("lkd:ref-66-current-density-low", "25"),
    }
    assert (
        select(
            store,
            """SELECT ?m WHERE {
        ?op liskg:measuresQuantity liskg:OperatingTemperature ; liskg:numericValue ?t ; liskg:measuredOnCell ?cell .
        ?m liskg:measuredOnCell ?cell . FILTER(?m != ?op)
        FILTER NOT EXISTS { ?m liskg:atTestTemperatureCelsius ?t } }""",
        )
        == set()
    )


# --- the number findings of issue 23 ----------------------------------------------------------------


def test_the_ocv_pressure_dependence_is_a_rate(store, review):
    """[100]: "a variation of approximately 1 mV/100 MPa" is a slope, not a 1 mV voltage."""
    assert "showing a variation of approximately 1 mV/100 MPa [100]" in review
    assert select(
        store,
        """SELECT ?k ?v ?q ?u ?si WHERE { lkd:ref-100-ocv-pressure-dependence liskg:measuresQuantity ?k ;
        liskg:numericValue ?v ; liskg:valueQualifier ?q ; liskg:hasUnit ?u ; liskg:normalizedValue ?si }""",
    ) == {
        ("liskg:VoltagePressureCoefficient", "1", "approximately", "liskg:MillivoltPer100Megapascal", "0.00000000001")
    }
    assert (
        select(
            store,
            """SELECT ?m WHERE { ?m liskg:measuresQuantity liskg:Voltage ;
                                                 liskg:hasUnit <http://qudt.org/vocab/unit/MilliV> }""",
        )
        == set()
    )


def test_an_order_of_magnitude_is_not_ranked(store, review):
    """[82]: "room-temperature ionic conductivity of mS cm-1 levels" gives no value."""
    assert "ionic conductivity of mS cm-1 levels" in review
    assert select(
        store,
        """SELECT ?p ?v WHERE { lkd:ref-82-conductivity ?p ?v .
        VALUES ?p { liskg:numericValue liskg:orderOfMagnitude liskg:lowerBound liskg:upperBound } }""",
    ) == {("liskg:orderOfMagnitude", "1")}
    ranked = select(
        store,
        """SELECT ?m WHERE { ?m liskg:measuresQuantity liskg:IonicConductivity ;
                                                   liskg:numericValue ?v }""",
    )
    assert "lkd:ref-82-conductivity" not in ranked


def test_the_doubted_areal_capacity_is_kept_as_printed_and_marked(store, review):
    """[38]: "a capacity of 0.3 Ah cm-2" at 0.3 mA cm-2 for 500 h cannot be right; kept, flagged, explained."""
    assert "with a capacity of 0.3 Ah cm-2" in review
    assert select(
        store,
        """SELECT ?v ?u ?d WHERE { lkd:ref-38-areal-capacity liskg:numericValue ?v ;
        liskg:hasUnit ?u ; liskg:doubtfulValue ?d ; liskg:sourceNote ?why }""",
    ) == {("0.3", "unit:A-HR-PER-CentiM2", "true")}
    assert select(store, "SELECT ?m WHERE { ?m liskg:doubtfulValue true }") == {"lkd:ref-38-areal-capacity"}


def test_a_baseline_comes_from_the_same_work(store, review):
    """[78]'s ~100 µm electrolyte was compared with the review's generic "> 200 µm", not a control of [78]."""
    assert "the SSEs must be sufficiently thick (> 200 µm)" in review
    assert (
        select(
            store,
            """SELECT ?m WHERE { ?m liskg:hasBaseline ?b .
        OPTIONAL { ?m liskg:reportedBy ?w } OPTIONAL { ?b liskg:reportedBy ?wb }
        FILTER(!(BOUND(?w) && BOUND(?wb) && ?w = ?wb) && (BOUND(?w) || BOUND(?wb))) }""",
        )
        == set()
    )
    assert select(store, "SELECT ?b WHERE { lkd:ref-78-electrolyte-thickness liskg:hasBaseline ?b }") == set()


def test_caption_conditions_come_from_the_work_the_caption_credits(store, review):
    """Fig. 12e-g (60 °C) is credited to Ref. [70], so [110] gets no temperature from it; Fig. 14c (0.1C) is
    [85]'s own and gives its pouch cell's rate."""
    assert "f Cycling performance of the soft package Li–S cell based modified LAGP ceramic at 60 °C" in review
    assert "(e–g) Reprints from Ref.[70]" in review
    assert "under flat and bent states at 0.1C.Reprinted from Ref.[85]" in review
    assert (
        select(
            store,
            """SELECT ?t WHERE { lkd:ref-110-cell-capacity
                                              liskg:atTestTemperatureCelsius|liskg:atRoomTemperature ?t }""",
        )
        == set()
    )
    assert select(
        store,
        """SELECT ?m ?c WHERE { VALUES ?m { lkd:ref-85-pouch-capacity-45-cycles
                                                             lkd:ref-85-pouch-capacity-retention }
                                                 ?m liskg:atCRate ?c }""",
    ) == {("lkd:ref-85-pouch-capacity-45-cycles", "0.1"), ("lkd:ref-85-pouch-capacity-retention", "0.1")}


def test_the_resistance_after_heating_was_measured_at_room_temperature(store):
    """[107]: heated to 175 °C, cooled to room temperature, then 514 Ω cm2."""
    assert select(store, "SELECT ?m WHERE { ?m liskg:reportedBy lkd:ref-107 ; liskg:atRoomTemperature true }") == {
        "lkd:ref-107-resistance-after"
    }


def test_the_capacity_is_tied_to_the_one_current_it_was_cycled_at(store, review):
    """[66]: "only at a low current density of 0.064 mA cm-2(0.03C with respect to sulfur cathode)"."""
    assert "only at a low current density of 0.064 mA cm-2(0.03C with respect to sulfur cathode)" in review
    assert select(
        store,
        """SELECT ?c ?j ?t ?n WHERE { lkd:ref-66-capacity-20-cycles liskg:atCRate ?c ;
        liskg:atCurrentDensity ?j ; liskg:atTestTemperatureCelsius ?t ; liskg:afterCycles ?n }""",
    ) == {("0.03", "0.064", "25", "20")}


# --- the shapes catch each 1.1-style record -------------------------------------------------------


@pytest.fixture(scope="module")
def shapes(project):
    return load_shapes(project)


def caught(store, shapes, *, add: str = "", remove: str = "") -> set[tuple[str, str]]:
    """(shape, focus) of every violation in a copy of the built graph after the edit (N-Triples-like Turtle
    with the project's prefixes)."""
    copy = ox.Store()
    copy.extend(store)
    if remove:
        copy.update(PREFIXES + "PREFIX unit: <http://qudt.org/vocab/unit/>\nDELETE DATA { " + remove + " }")
    if add:
        copy.update(PREFIXES + "PREFIX unit: <http://qudt.org/vocab/unit/>\nINSERT DATA { " + add + " }")
    return {(v.shape, v.focus) for v in validate(copy, shapes)}


def test_the_built_graph_conforms(store, shapes):
    assert caught(store, shapes) == set()


def test_the_bounds_shapes_catch_a_bound_written_as_a_value(store, shapes):
    found = caught(
        store,
        shapes,
        remove="lkd:ref-61-capacity-0-5c liskg:lowerBound 1100.0 .",
        add="lkd:ref-61-capacity-0-5c liskg:numericValue 1100.0 .",
    )
    assert ("QualifierShape", "lkd:ref-61-capacity-0-5c") in found
    found = caught(store, shapes, add="lkd:ref-72-sulfur-particle-size liskg:minimumValue 1.0 .")
    assert ("MeasurementValueShape", "lkd:ref-72-sulfur-particle-size") in found
    found = caught(store, shapes, add="lkd:ref-116-anodic-peak-range liskg:numericValue 4.0 .")
    assert ("MeasurementValueShape", "lkd:ref-116-anodic-peak-range") in found


def test_the_field_unit_shapes_catch_a_kind_without_one(store, shapes):
    found = caught(store, shapes, remove="liskg:IonicConductivity liskg:fieldUnit unit:MilliS-PER-CentiM .")
    assert ("FieldUnitShape", "liskg:IonicConductivity") in found
    found = caught(store, shapes, remove="lkd:ref-32-ionic-conductivity liskg:fieldValue 10.2 .")
    assert ("FieldValueShape", "lkd:ref-32-ionic-conductivity") in found


def test_the_condition_shapes_catch_the_old_conditions(store, shapes):
    found = caught(store, shapes, add="lkd:ref-77-capacity-0-05c liskg:atTemperatureCelsius 60.0 .")
    assert ("ConditionShape", "lkd:ref-77-capacity-0-05c") in found
    found = caught(store, shapes, remove="lkd:ref-66-capacity-20-cycles liskg:atTestTemperatureCelsius 25.0 .")
    assert ("ConditionShape", "lkd:ref-66-capacity-20-cycles") in found
    found = caught(store, shapes, add="lkd:ref-107-temperature liskg:atTestTemperatureCelsius 175.0 .")
    assert ("ConditionShape", "lkd:ref-107-temperature") in found
    found = caught(store, shapes, add="lkd:ref-32-ionic-conductivity liskg:atTestTemperatureCelsius 25.0 .")
    assert ("ConditionShape", "lkd:ref-32-ionic-conductivity") in found
    found = caught(
        store,
        shapes,
        add="lkd:ref-78-electrolyte-thickness liskg:hasTreatmentBaseline "
        "lkd:claim-3-1-conventional-thick-sse-m-sse-thickness ; "
        "liskg:hasBaseline lkd:claim-3-1-conventional-thick-sse-m-sse-thickness .",
    )
    assert ("BaselineShape", "lkd:ref-78-electrolyte-thickness") in found
    found = caught(store, shapes, add="lkd:ref-38-areal-capacity liskg:measuredOnCell lkd:ref-107-cell .")
    assert ("ConditionShape", "lkd:ref-38-areal-capacity") in found


# --- paths that do not multiply (issue 30; docs/queries.md "Paths that are safe to join") -----------


@pytest.mark.parametrize(
    "path",
    [
        "liskg:measuredOnCell",
        "liskg:reportedBy",
        "liskg:measuresQuantity",
        "liskg:hasUnit",
        "liskg:numericValue",
        "liskg:lowerBound",
        "liskg:upperBound",
        "liskg:orderOfMagnitude",
        "liskg:fieldValue",
        "liskg:fieldLowerBound",
        "liskg:fieldUpperBound",
        "liskg:fieldUnit",
        "liskg:atTestTemperatureCelsius",
        "liskg:atRoomTemperature",
        "liskg:atCRate",
        "liskg:atCurrentDensity",
        "liskg:atSulfurLoading",
        "liskg:afterCycles",
        "liskg:hasTreatmentBaseline",
        "liskg:hasCyclingBaseline",
    ],
)
def test_a_number_has_at_most_one_of_each(store, path):
    assert (
        select(store, f"""SELECT ?m WHERE {{ ?m a liskg:Measurement ; {path} ?a , ?b . FILTER(?a != ?b) }}""") == set()
    )


def test_a_strategy_has_more_than_one_method_or_electrolyte_only_where_the_review_says_so(store):
    """[32] is a ball milling and an electrolyte synthesis; [70] and [81] are also spread by a coating
    technique (spin coating, tape casting); [77]'s bilayer is made of two electrolytes."""
    assert select(
        store,
        """SELECT ?s WHERE { ?study liskg:appliesStrategy ?s . ?s liskg:directType ?a , ?b .
                                              FILTER(STR(?a) < STR(?b)) }""",
    ) == {"lkd:ref-32-mechanical-alloying", "lkd:ref-70-spin-coating", "lkd:ref-81-electrolyte-slurry-casting"}
    assert select(store, """SELECT ?s WHERE { ?s liskg:actsOnElectrolyte ?a , ?b . FILTER(STR(?a) < STR(?b)) }""") == {
        "lkd:ref-77-bilayer-electrolyte"
    }


def test_the_documented_paths_do_not_multiply_where_the_traps_do(store):
    """Yuan [124]'s one stacking step built two pouch cells: its 5 results are measured on 4 + 1 of them,
    not 2 x 5. Ref. [79] acts on its composite electrolyte only, which involves LLZO too."""
    via_cell = store.query(
        PREFIXES
        + """SELECT ?m ?cell WHERE { lkd:ref-124-stack-pressing liskg:hasOutcome ?m .
                                                                 ?m liskg:measuredOnCell ?cell }"""
    )
    via_strategy = store.query(
        PREFIXES
        + """SELECT ?m ?cell WHERE { lkd:ref-124-stack-pressing liskg:hasOutcome ?m ;
                                                                                           liskg:forCell ?cell }"""
    )
    assert (len(list(via_cell)), len(list(via_strategy))) == (5, 10)
    assert select(store, "SELECT ?e WHERE { lkd:ref-79-electrolyte-slurry-casting liskg:actsOnElectrolyte ?e }") == {
        "lkd:mat-peo-llzo-liclo4"
    }
    assert select(store, "SELECT ?e WHERE { lkd:ref-79-electrolyte-slurry-casting liskg:involvesElectrolyte ?e }") == {
        "lkd:mat-peo-llzo-liclo4",
        "lkd:mat-llzo",
    }
    every = list(
        store.query(
            PREFIXES
            + """SELECT ?s ?e WHERE { ?s liskg:actsOnElectrolyte ?e .
                                                               ?e a liskg:SulfideElectrolyte }"""
        )
    )
    through_paths = list(
        store.query(
            PREFIXES
            + """SELECT ?s ?e WHERE { ?s liskg:actsOnElectrolyte ?e .
                                                   ?e rdf:type/rdfs:subClassOf* liskg:SulfideElectrolyte }"""
        )
    )
    assert len(every) == len({tuple(r) for r in every}) < len(through_paths)


def test_a_claim_is_one_row_when_grouped(store):
    claims = select(store, "SELECT ?c WHERE { ?c a liskg:Claim }")
    grouped = list(
        store.query(
            PREFIXES
            + """SELECT ?c (COUNT(?s) AS ?n) WHERE { ?c a liskg:Claim ;
                                                  liskg:statedInSection ?s } GROUP BY ?c"""
        )
    )
    assert len(grouped) == len(claims)
    assert max(int(row[1].value) for row in grouped) > 1  # some claims are stated in several sections
