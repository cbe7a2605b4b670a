"""The one name resolver (liskg.base.names) and the look-ups built on it, on the names a user types."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import run_main
from liskg.base import vocab
from liskg.base.errors import LiskgError
from liskg.base.names import Names, normalize

LKD, LISKG = "https://w3id.org/liskg/data/", vocab.LISKG
ELECTROLYTE = ox.NamedNode(LISKG + "Electrolyte")
METHOD = ox.NamedNode(LISKG + "ProcessingMethod")


@pytest.fixture(scope="module")
def names(store):
    return Names(store)


def test_normalize_ignores_case_and_sub_superscripts():
    assert normalize("Li₇La₃Zr₂O₁₂") == normalize("li7la3zr2o12") == "li7la3zr2o12"
    assert normalize("  S  cm⁻¹ ") == "s cm-1"


@pytest.mark.parametrize(
    "text, material",
    [
        ("LLZO", "mat-llzo"),
        ("llzo", "mat-llzo"),
        ("Li7La3Zr2O12", "mat-llzo"),
        ("Li₇La₃Zr₂O₁₂", "mat-llzo"),
        ("LLZTO", "mat-llzto"),
    ],
)
def test_an_electrolyte_material_means_it_and_what_is_made_from_it(names, text, material):
    understood = names.electrolytes(text, ELECTROLYTE)
    assert understood.materials == (ox.NamedNode(LKD + material),) and understood.classes == ()
    assert understood.said.endswith("(the material, and materials made from it)")


def test_a_class_name_means_the_class(names):
    understood = names.electrolytes("garnet", ELECTROLYTE)
    assert understood.classes == (ox.NamedNode(LISKG + "GarnetElectrolyte"),)
    assert understood.said == "garnet-type electrolyte (the class, narrower classes included)"


def test_pressing_is_mechanical_pressing_the_broadest_match(names):
    assert names.one_class("method", "pressing", METHOD) == ox.NamedNode(LISKG + "MechanicalPressing")
    assert names.one_class("method", "CVD", METHOD) == ox.NamedNode(LISKG + "ChemicalVaporDeposition")


def test_ambiguous_names_list_candidates_and_unknown_ones_suggest(names):
    # tape casting is a film-forming technique, not a method of the review's tree: 'casting' means the
    # broadest of the three slurry-casting classes
    assert names.one_class("method", "casting", METHOD) == ox.NamedNode(LISKG + "SlurryCasting")
    with pytest.raises(
        LiskgError,
        match=r"^3 methods match 'treatment': 'heating of a lithium/electrolyte stack', "
        r"'molten lithium treatment', 'plasma treatment'; give one of these names",
    ):
        names.one_class("method", "treatment", METHOD)
    with pytest.raises(LiskgError, match=r"^no electrolyte class or material is called 'LLZTOO'; close names: LLZTO"):
        names.electrolytes("LLZTOO", ELECTROLYTE)


def test_study_matches_authors_and_reference_numbers_not_chemistry(names):
    labels = [names.labels.text(s) for s in names.studies("Li")]
    assert labels == ["Li et al. [70]", "Li et al. [110]"]  # not the studies with Li in their labels
    assert [names.labels.text(s) for s in names.studies("[107]")] == ["Sharafi et al. [107]"]
    with pytest.raises(LiskgError, match="no study has the first author 'Sharafy'; close names: Sharafi"):
        names.studies("Sharafy")


def test_strategies_say_what_the_electrolyte_was_understood_as():
    llzto = run_main("strategies", "--electrolyte", "LLZTO", "--wide")
    assert llzto.code == 0, llzto.err
    assert llzto.out.startswith("strategies with LLZTO (the material, and materials made from it):")
    assert "Lu et al. [68]" in llzto.out and "2500 → 250 Ω cm²" in llzto.out
    garnet = run_main("strategies", "--electrolyte", "garnet", "--wide")
    assert garnet.out.startswith("strategies with garnet-type electrolyte (the class, narrower classes included):")
    assert "Lu et al. [68]" in garnet.out and "Sharafi et al. [107]" in garnet.out


def test_min_with_unit_conversion_through_the_ontology():
    in_millisiemens = run_main("strategies", "--min", "0.12 mS/cm", "--format", "csv")
    in_siemens = run_main("strategies", "--min", "1.2e-4 S/cm", "--format", "csv")
    assert in_millisiemens.code == 0, in_millisiemens.err
    assert in_millisiemens.out == in_siemens.out
    rows = [line.split(",") for line in in_siemens.out.splitlines()[1:]]
    values = {(row[0].rsplit("/", 1)[1], row[9], row[10].rsplit("/", 1)[1]) for row in rows}
    assert ("ref-48", "0.000132", "S-PER-CentiM") in values  # 1.32 × 10⁻⁴ S cm⁻¹ ≥ 0.12 mS cm⁻¹
    assert ("ref-33", "12", "MilliS-PER-CentiM") in values
    assert not any(row[0].endswith("ref-109") for row in rows)  # Huang [109]: 1.15 × 10⁻⁴ S cm⁻¹ < 0.12 mS cm⁻¹
    assert all(row[5].endswith("#IonicConductivity") for row in rows)


def test_sulfide_cathodes_above_1000_mah_per_gram_with_their_conditions():
    result = run_main("strategies", "--electrolyte", "sulfide", "--min", "1000 mAh/g", "--wide")
    assert result.code == 0, result.err
    assert result.out.startswith(
        "strategies with sulfide solid-state electrolyte (the class, narrower classes "
        "included) with outcomes ≥ 1000 mAh g⁻¹:"
    )
    yao = [line for line in result.out.splitlines() if line.startswith("Yao et al. [77]")]
    assert any("1526 mAh g⁻¹" in line and "0.05 C, 60 °C" in line for line in yao)
    assert "980 mAh g⁻¹" not in result.out  # Hakari [61] at 2 C is below the bound


def test_min_needs_a_known_unit():
    for bound, message in (("1000", "give a number and a unit"), ("10 bananas", "no unit is written 'bananas'")):
        result = run_main("strategies", "--min", bound)
        assert result.code == 2 and message in result.err and len(result.err.splitlines()) == 1


def test_method_command_and_failure_pointing_to_it(monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    result = run_main("method", "pressing")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("mechanical pressing  [processing method]\n  a kind of ")
    # cold isostatic pressing is a kind of cold pressing, so it is not a direct sub-method
    assert "Sub-methods\n  buffer layer pressing, cold pressing, stack pressure application, uniaxial pressing\n" in out
    assert "Mitigates (failure mode, then who says so)" in out and "Risks (failure mode, then who says so)" in out
    assert "980 mAh g⁻¹" in out and "2 C, after 2000 cycles" in out  # Hakari [61], buffer layer pressing
    assert max(len(line) for line in out.splitlines()) <= 100
    failure = run_main("failure", "pressing")
    assert failure.code == 2 and "`liskg method pressing`" in failure.err


# ---- whole names, units, roles and sentences: what a template sheet's cells are resolved by -------------------


@pytest.mark.parametrize(
    "text, kind, expected",
    [
        ("LLZO", "Material", "data/mat-llzo"),
        ("Li7La3Zr2O12", "Material", "data/mat-llzo"),  # a formula
        ("garnet-type LLZO", "Material", "data/mat-llzo"),  # a synonym
        ("Li₆PS₅Cl", "Material", "data/mat-li6ps5cl"),
    ],
)
def test_exact_finds_a_thing_by_its_whole_name(names, text, kind, expected):
    assert names.exact("material", text, ox.NamedNode(LISKG + kind)).value.endswith(expected)


def test_exact_never_takes_part_of_a_name_and_lists_what_holds_it(names):
    with pytest.raises(LiskgError, match=r"no material is called 'LLZ-O'") as unknown:
        names.exact("material", "LLZ-O", ox.NamedNode(LISKG + "Material"))
    assert "LLZO" in str(unknown.value)  # a close name
    with pytest.raises(LiskgError, match=r"no material is called 'Li6PS'; names that contain it: .*'Li6PS5Cl'"):
        names.exact("material", "Li6PS", ox.NamedNode(LISKG + "Material"))


def test_exact_lists_every_thing_a_shared_name_names(names):
    with pytest.raises(LiskgError) as shared:
        names.exact("material", "Li", ox.NamedNode(LISKG + "Material"))
    message = str(shared.value)
    assert message.startswith("2 materials are called 'Li': ")
    assert "'lithium metal' (lkd:mat-lithium-metal)" in message and "lkd:mat-lithium-thin-film" in message


@pytest.mark.parametrize(
    "written, unit",
    [
        ("mS/cm", "MilliS-PER-CentiM"),
        ("mS cm-1", "MilliS-PER-CentiM"),
        ("Ω cm2", "OHM-CentiM2"),
        ("ohm cm^2", "OHM-CentiM2"),
        ("Ohm·cm²", "OHM-CentiM2"),
        ("mAh g-1", "MilliA-HR-PER-GM"),
        ("mAh/g", "MilliA-HR-PER-GM"),
        ("S cm-1", "S-PER-CentiM"),
        ("°C", "DEG_C"),
    ],
)
def test_units_as_people_write_them(names, written, unit):
    assert names.unit(written).value.endswith("/" + unit)


def test_an_unknown_unit_suggests_close_ones(names):
    with pytest.raises(LiskgError, match=r"no unit is written 'mAh kg-1'; close units: .*mAh g-1"):
        names.unit("mAh/kg")


def test_material_roles_by_label_with_or_without_uses(names):
    assert names.role("buffer material").value == LISKG + "usesBufferMaterial"
    assert names.role("uses active material").value == LISKG + "usesActiveMaterial"
    with pytest.raises(LiskgError, match=r"no material role is called 'bufer material'; close roles: buffer material"):
        names.role("bufer material")


def test_sentences_by_iri_or_by_a_quote_that_one_sentence_holds(names):
    assert names.sentence("2-3-1-4").value == LKD + "sent-2-3-1-4"
    assert names.sentence("lkd:sent-2-3-1-4").value == LKD + "sent-2-3-1-4"
    assert names.sentence('"5822"').value == LKD + "sent-2-3-1-4"
    with pytest.raises(LiskgError, match=r"the review has no sentence lkd:sent-2-3-1-99"):
        names.sentence("2-3-1-99")
    with pytest.raises(LiskgError, match=r"sentences of the review say 'lithium' \(lkd:sent-.*\); quote more words"):
        names.sentence('"lithium"')


def test_studies_by_doi_in_any_of_its_spellings(names):
    with pytest.raises(LiskgError, match=r"no study in the graph has the DOI 10.5555/nothing"):
        names.studies("https://doi.org/10.5555/NOTHING")
