"""The look-up commands for people who don't write SPARQL, run as a user runs them."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from conftest import run_main
from liskg.base import engine, runner
from liskg.base.errors import InternalError, LiskgError
from liskg.querying.lookups import Lookups

OXIDE_ANODE_STUDIES = [
    "Sun et al. [38]",
    "Ref. [42]",
    "Fu et al. [67]",
    "Lu et al. [68]",
    "Fu et al. [69]",
    "Li et al. [70]",
    "Luo et al. [99]",
    "Sharafi et al. [107]",
    "Huang et al. [109]",
    "Li et al. [110]",
]


def one_line_error(result, *fragments):
    assert result.code == 2 and result.out == "" and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err
    for fragment in fragments:
        assert fragment in result.err


def test_strategies_by_interface_name_and_electrolyte_family():
    result = run_main("strategies", "--interface", "Li/SSE", "--electrolyte", "oxide", "--wide")
    assert result.code == 0, result.err
    assert result.out.startswith("strategies at the Li/SSE interface with oxide solid-state electrolyte")
    for study in OXIDE_ANODE_STUDIES:
        assert study in result.out
    assert "5822 → 514 Ω cm²" in result.out  # Sharafi [107], before and after
    assert "950 → 75 Ω cm²" in result.out  # Fu [67]
    for not_oxide in ("Hakari", "Nagao", "Kato", "Li6PS5Cl"):
        assert not_oxide not in result.out


def test_interface_by_numeral_equals_interface_by_name(store):
    lookups = Lookups(store)
    by_name = lookups.strategies("Li/SSE", "oxide")[1].rows
    assert lookups.strategies("I", "OXIDE SSE")[1].rows == by_name
    assert lookups.strategies("anode/electrolyte interface", "oxide")[1].rows == by_name


def test_electrolyte_class_at_any_level_of_the_hierarchy(store):
    lookups = Lookups(store)

    def studies(electrolyte):
        return {row[0].value for row in lookups.strategies("I", electrolyte)[1].rows}

    garnet, nasicon, oxide = studies("garnet"), studies("nasicon"), studies("oxide")
    assert garnet and nasicon and garnet | nasicon <= oxide
    assert "https://w3id.org/liskg/data/ref-107" in garnet
    assert "https://w3id.org/liskg/data/ref-70" in nasicon  # LAGP
    assert oxide <= studies("inorganic SSE") <= studies("solid-state electrolyte")


def test_strategies_csv_for_programs():
    result = run_main("strategies", "--interface", "III", "--electrolyte", "sulfide", "--format", "csv")
    assert result.code == 0, result.err
    assert result.out.splitlines()[0] == (
        "study,method,strategy,interface,electrolyte,quantity,baseline,baselineQualifier,qualifier,value,"
        "unit,doubtful,cRate,temperature,roomTemperature,currentDensity,pressure,sulfurLoading,cycles"
    )
    assert "https://w3id.org/liskg/data/ref-124" in result.out


def test_ambiguous_or_unknown_interface():
    one_line_error(run_main("strategies", "--interface", "SSE"), "names several interfaces", "numeral")
    one_line_error(
        run_main("strategies", "--interface", "Li/SEE"), "no interface is called 'Li/SEE'", "close names", "Li/SSE"
    )
    one_line_error(run_main("strategies", "--interface", "V"), "no interface has the numeral 'V'", "I to IV")


def test_unknown_electrolyte_suggests_close_class_names():
    one_line_error(
        run_main("strategies", "--electrolyte", "sulfid electrolyte"),
        "no electrolyte class or material is called",
        "close names",
    )


def test_study_by_reference_number_shows_strategies_cells_and_numbers(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")  # a strategy line with its method is 87 characters wide
    result = run_main("study", "107")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("Sharafi et al. [107]\n  Section 2.3 · first author Sharafi")
    assert "preheating the Li/LLZO cell (Sharafi [107])  [heating of a lithium/electrolyte stack]" in out
    assert "Li/SSE interface" in out and "LLZO" in out
    assert "5822 → 514 Ω cm²" in out and "175 °C" in out


def test_study_by_author_and_unknown_reference():
    assert run_main("study", "sharafi").out.startswith("Sharafi et al. [107]")
    one_line_error(run_main("study", "9999"), "no study is cited as reference [9999]")


@pytest.mark.parametrize("name", ["LLZO", "llzo", "Li7La3Zr2O12", "garnet-type LLZO"])
def test_material_by_label_synonym_or_formula_case_insensitive(name):
    result = run_main("material", name)
    assert result.code == 0, result.err
    assert result.out.startswith("LLZO  [")
    assert "garnet-type electrolyte" in result.out.splitlines()[0]
    assert "preheating the Li/LLZO cell (Sharafi [107])" in result.out
    assert "1.15 × 10⁻⁴ S cm⁻¹" not in result.out  # Huang [109]'s value belongs to the coated LLZO


def test_a_coated_material_has_its_own_numbers():
    result = run_main("material", "PDA-coated LLZO")
    assert result.code == 0, result.err
    assert result.out.startswith("polydopamine-modified LLZO  [garnet-type electrolyte]")
    assert "1.15 × 10⁻⁴ S cm⁻¹" in result.out  # Huang [109], at 30 °C


def test_material_not_found_suggests_close_labels():
    one_line_error(run_main("material", "LLZOO"), "no material is called 'LLZOO'", "close names", "LLZO")


def test_failure_finds_members_of_a_matching_class():
    result = run_main("failure", "dendrite")
    assert result.code == 0, result.err
    for mode in ("lithium dendrite growth through the SSE", "dendrite growth along SSE grain boundaries and voids"):
        assert f"\n{mode}  [dendrite growth]" in f"\n{result.out}"
    # uneven plating seeds dendrites but is an inhomogeneous current, not a dendrite (issue 14)
    assert "uneven lithium plating and stripping  [" not in result.out
    # the review says of no method that it stops dendrites (issue 23): only uniform plating
    assert "mitigated by method" not in result.out and "mitigat" not in result.out.split("Linked from")[0]
    assert "hiddenLabel" not in result.out  # spellings kept for matching evidence are never shown
    assert "owl:annotatedSource" not in result.out  # the stated/inferred marks are not links a reader follows


def test_failure_not_found():
    one_line_error(
        run_main("failure", "dendrit growht"),
        "no failure mode is called",
        "close names",
        "lithium dendrite growth through the SSE",
    )


@pytest.mark.parametrize("text", ['LLZO" } ?s ?p ?o . { "', "LLZO\\", "x\n}\nSELECT * WHERE {", "<http://x>"])
def test_user_text_cannot_change_the_query(store, text):
    with pytest.raises(LiskgError, match="no material is called"):
        Lookups(store).material_report(text)


def test_bind_writes_escaped_terms_into_the_values_slot():
    query = "SELECT ?n WHERE { VALUES ?needle { UNDEF } BIND(STRLEN(?needle) AS ?n) }"
    text = 'a" } ?s ?p ?o { "b\\c\nd'
    bound = engine.bind(query, needle=[ox.Literal(text)])
    rows = runner.run(ox.Store(), bound, timeout=None).rows
    assert rows == [(ox.Literal(str(len(text)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),)]
    with pytest.raises(InternalError, match=re.escape("no single `VALUES ?other { UNDEF }` slot")):
        engine.bind(query, other=[ox.Literal("x")])
    with pytest.raises(InternalError, match="bind needle: expected pyoxigraph NamedNode or Literal, got str"):
        engine.bind(query, needle=['" } INSERT'])


# ---- liskg names: what a template sheet's cell accepts ----------------------------------------------------------


def test_names_lists_what_a_cell_accepts_label_first_then_the_other_names(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    result = run_main("names", "cell-formats")
    assert (result.code, result.err) == (0, ""), result.err
    assert result.out == (
        "name                    also written\n"
        "----------------------  -----------------------------------\n"
        "coin cell               button cell\n"
        "lithium symmetric cell  Li/SSE/Li cell, symmetric cell\n"
        "pellet cell             bulk-type cell, pressed pellet cell\n"
        "pouch cell              soft package cell, soft-packed cell\n"
        "(4 rows)\n"
    )
    units = run_main("names", "units", "ohm")  # a unit's symbol first: what a sheet's unit cell is written as
    assert units.out.splitlines()[2:] == ["ohm                    Ω", "ohm square centimetre  Ω cm2", "(2 rows)"]


def test_names_wraps_at_the_terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "44")
    result = run_main("names", "interfaces")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        "name           also written",
        "-------------  -----------------------------",
        "Li/SSE         anode/electrolyte interface,",
        "interface      I, interface I",
        "S/S interface  interface IV, intra-cathode",
        "               interface, IV",
        "S/SSE          cathode/electrolyte",
        "interface      interface, III, interface III",
        "SSE/SSE        II, interface II,",
        "interface      intra-electrolyte interface",
        "(4 rows)",
    ]
    assert max(len(line) for line in result.out.splitlines()) <= 44


def test_names_with_a_text_nothing_contains_and_an_unknown_kind(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)
    one_line_error(
        run_main("names", "quantities", "xyz"),
        "liskg: error: none of the quantities' names contains 'xyz'; `liskg names quantities` lists them all",
    )
    wrong = run_main("names", "quantity")
    assert wrong.code == 2 and wrong.err.splitlines()[-1] == (
        "liskg names: error: argument KIND: invalid choice: 'quantity'; did you mean quantities or units?"
    )


def test_every_name_listed_is_one_a_sheet_cell_resolves_to_its_thing(store):
    """The listing and the template compiler share liskg.base.names.KINDS: each label listed (labels are unique)
    resolves to one thing, and each of its other names to the same thing, unless another thing shares it."""
    from liskg.base.names import KINDS, Names

    names = Names(store)
    counts = {}
    for kind in KINDS:
        rows = names.accepted(kind)
        counts[kind] = len(rows)
        for label, others in rows:
            if kind == "units":
                assert names.labels.unit(names.unit(others[0])) == others[0]
            elif kind == "roles":
                assert names.role(label) is not None
            else:
                thing = names.term(kind, label)
                assert names.labels.text(thing) == label, (kind, label)
                for other in others:
                    found, whole = names.matches(other, None)
                    assert whole and (thing in found), (kind, label, other)
    assert counts == {
        "quantities": 36,
        "units": 32,
        "materials": 123,
        "material-classes": 44,
        "roles": 16,
        "methods": 37,
        "interfaces": 4,
        "failure-modes": 47,
        "cell-formats": 4,
    }
