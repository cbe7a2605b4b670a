"""`liskg compare`: exact cells for hand-checked selections, unit conversion, the exports, bad input.

Hand-checked against graph_data/studies-anode.ttl and the review: Fu [67] 950 -> 75 Ω cm² at room
temperature (Section 2.3), Sharafi [107] 5822 -> 514 Ω cm² with no test condition, Lu [68] 2500 -> 250
Ω cm² cell resistance, Fu [69] a 2 µm layer shown as 2000 nm beside 10 nm of Luo [99], Huang [109]
1.15 × 10⁻⁴ S cm⁻¹ at 30 °C = 0.115 mS cm⁻¹.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from conftest import run_main
from liskg.querying.compare import Comparer, convert, unit_stem

GARNET = ("--interface", "Li/SSE", "--electrolyte", "garnet")


@pytest.fixture(autouse=True)
def piped(monkeypatch):
    """run_main's stdout is a pipe, not a terminal: one line per row, whatever COLUMNS the runner set."""
    monkeypatch.delenv("COLUMNS", raising=False)


@pytest.fixture(scope="module")
def comparer(store):
    return Comparer(store)


def cells(comparison) -> dict[tuple[str, str], str]:
    """(study, column heading) -> cell text, first line of each row (continuation lines keyed by the study above)."""
    found, study = {}, ""
    for row in comparison.rows:
        study = row[0] or study
        for heading, text in zip(comparison.headers[3:], row[3:]):
            if text:
                found.setdefault((study, heading), text)
    return found


def test_li_sse_garnet_resistance_cells_are_exact(comparer):
    table = comparer.compare(interface="Li/SSE", electrolyte="garnet", quantity="resistance")
    assert table.headers == [
        "study",
        "ref",
        "section",
        "electrolyte",
        "cell resistance (Ω cm²)",
        "interfacial resistance (Ω cm²)",
    ]
    assert table.rows == [  # sorted by value within a quantity; each row names what was measured
        ["Lu et al. [68]", "68", "2.3", "LLZTO", "2500 → 250 *", ""],
        ["Fu et al. [67]", "67", "2.3", "LLZ, unspecified liquid electrolyte", "", "950 → 75 at room temperature"],
        ["Sharafi et al. [107]", "107", "2.3", "LLZO", "", "5822 → 514 at room temperature"],
    ]
    assert table.notes == ["* no test condition stated in the review"]


def test_li_sse_garnet_converts_thickness_to_the_common_unit_and_keeps_the_reported_value(comparer):
    found = cells(comparer.compare(interface="Li/SSE", electrolyte="garnet"))
    assert found[("Fu et al. [69]", "thickness (nm)")] == "2000 (as 2 µm) *"
    assert found[("Luo et al. [99]", "thickness (nm)")] == "≈ 10 *"
    assert found[("Huang et al. [109]", "ionic conductivity (S cm⁻¹)")] == "1.15 × 10⁻⁴ at 30 °C"
    assert found[("Luo et al. [99]", "interfacial reaction energy (meV atom⁻¹)")] == "-90 to -40 *"
    assert found[("Fu et al. [67]", "Coulombic efficiency (%)")] == "> 99 *"
    # the "before" numbers are shown as the baseline of their "after", not again on their own
    assert not any("5822 *" == text for text in found.values())


def test_unit_option_converts_through_the_ontology_multipliers(comparer):
    table = comparer.compare(electrolyte="oxide", quantity="ionic conductivity", units=("mS cm-1",))
    assert table.headers[4:] == ["ionic conductivity (mS cm⁻¹)"]
    assert table.rows == [
        ["Huang et al. [109]", "109", "2.4", "polydopamine-modified LLZO", "0.115 (as 1.15 × 10⁻⁴ S cm⁻¹) at 30 °C"]
    ]


def test_values_in_units_that_do_not_convert_get_columns_of_their_own(comparer):
    headers = comparer.compare(quantity="cell resistance").headers
    assert headers[4:] == ["cell resistance (Ω)", "cell resistance (Ω cm²)"]
    assert unit_stem("mS cm⁻¹") == unit_stem("S cm⁻¹") and unit_stem("Ω cm²") != unit_stem("Ω")
    assert convert(Decimal("0.000115"), Decimal("100"), Decimal("0.1")) == Decimal("0.115")


def test_a_row_drawing_on_several_sections_names_the_section_in_each_cell(comparer):
    table = comparer.compare()
    assert next(row for row in table.rows if row[0] == "Lin et al. [60]")[:3] == ["Lin et al. [60]", "60", "2.1, 3.2"]
    lin = {k[1]: v for k, v in cells(table).items() if k[0] == "Lin et al. [60]"}
    assert lin["fabrication pressure (MPa)"] == "240 * §2.1"
    assert lin["process temperature (°C)"] == "80 * §3.2"
    assert lin["operating temperature (°C)"] == "60 * §2.1"


def test_strategy_rows_name_the_strategy(comparer):
    table = comparer.compare(method="vapor deposition", quantity="thickness", rows="strategy")
    assert table.headers == ["study", "ref", "section", "strategy", "electrolyte", "thickness (nm)"]
    kato = [row for row in table.rows if row[0] == "Kato et al. [98]"]
    assert [row[5] for row in kato] == ["60 *", "≈ 3000 (as 3 µm) *"]  # smallest first
    values = [row[5] for row in table.rows]
    assert values[0] == "≈ 10 *" and values[-1] == "≈ 3000 (as 3 µm) *"


def test_the_command_offers_the_rows_and_formats_the_library_knows():
    from liskg.cli.main import make_parser
    from liskg.querying import compare

    (subparsers,) = [a for a in make_parser("compare")._actions if a.dest == "command"]
    choices = {action.dest: action.choices for action in subparsers.choices["compare"]._actions}
    assert (tuple(choices["rows"]), tuple(choices["format"])) == (compare.ROWS, compare.FORMATS)


def test_exports_csv_markdown_latex(comparer):
    table = comparer.compare(interface="Li/SSE", electrolyte="garnet", quantity="resistance")
    rows = list(csv.DictReader(io.StringIO(table.render("csv"))))  # the long form: one line per number
    assert [(r["study"], r["quantity"], r["value"], r["baseline"], r["unit"]) for r in rows] == [
        ("Lu et al. [68]", "cell resistance", "250", "2500", "Ω cm²"),
        ("Fu et al. [67]", "interfacial resistance", "75", "950", "Ω cm²"),
        ("Sharafi et al. [107]", "interfacial resistance", "514", "5822", "Ω cm²"),
    ]
    assert rows[1]["reference"] == "67" and rows[1]["section"] == "2.3"
    assert rows[1]["electrolyte"] == "LLZ; unspecified liquid electrolyte" and rows[1]["room temperature"] == "yes"
    assert rows[1]["measurement"] == "https://w3id.org/liskg/data/ref-67-resistance-after"
    md = table.render("md").splitlines()
    assert "| Sharafi et al. [107] | 107 | 2.3 | LLZO |  | 5822 → 514 at room temperature |" in md
    latex = table.render("latex").splitlines()
    assert r"Sharafi et al. [107] & 107 & 2.3 & LLZO &  & 5822 $\rightarrow$ 514 at room temperature \\" in latex
    assert (
        r"study & ref & section & electrolyte & cell resistance ($\Omega$ cm$^{2}$) & interfacial resistance "
        r"($\Omega$ cm$^{2}$) \\" in latex
    )
    assert latex[0] == r"\begin{table}" and latex[-1] == r"\end{table}"


def test_command_prints_the_table_and_reports_bad_names_in_one_line():
    result = run_main("compare", *GARNET, "--quantity", "resistance")
    assert result.code == 0, result.err
    assert (
        result.out.splitlines()[0]
        == "numbers of the studies at the Li/SSE interface with garnet-type electrolyte measuring resistance:"
    )
    assert "Sharafi et al. [107]  107      2.3  LLZO" in result.out and "5822 → 514 at room temperature" in result.out
    bad = run_main("compare", "--quantity", "ionic conductivty")
    assert (bad.code, bad.err) == (
        2,
        "liskg: error: no quantity is called 'ionic conductivty'; close names: ionic conductivity, conductivity\n",
    )
    unit = run_main("compare", "--quantity", "ionic conductivity", "--unit", "mS/cm")
    assert unit.code == 2 and unit.err.startswith("liskg: error: --unit 'mS/cm': no unit with a conversion factor")
    empty = run_main("compare", "--interface", "Li/SSE", "--method", "slurry casting")
    assert (empty.code, empty.err) == (
        2,
        "liskg: error: no numbers match: numbers of the studies at the Li/SSE interface by slurry casting\n",
    )


@pytest.mark.parametrize("doc", ["README.md", "docs/compare.md"])
def test_every_compare_example_in_the_docs_is_what_the_command_prints(doc):
    import re
    import shlex

    from conftest import ROOT

    text = (ROOT / doc).read_text(encoding="utf-8")
    examples = re.findall(r"^\$ \.venv/bin/liskg (compare [^\n]*)\n(.*?)^```", text, re.M | re.S)
    assert examples, f"{doc} shows no liskg compare example"
    for command, shown in examples:
        result = run_main(*shlex.split(command))
        assert result.code == 0, result.err
        assert result.out == shown, f"{doc}: liskg {command}"


def test_a_doubted_value_and_a_bound_are_marked():
    """Issue 23: Sun [38]'s "0.3 Ah cm-2" is kept as printed and marked, with a note under the table; a bound
    keeps its sign and a bound baseline its own ([124]'s impedance stayed below 70 Ω)."""
    out = run_main("compare", "--electrolyte", "NASICON", "--quantity", "capacity").out
    assert "0.3 (doubtful) at 0.3 mA cm⁻²" in out and "> 10 after 40 cycles" in out
    assert out.rstrip().endswith(
        "(doubtful) kept as printed in the review, doubted by the editors (the record's source note says why)"
    )
    out = run_main("compare", "--interface", "S/SSE", "--quantity", "resistance").out
    assert "< 70 → < 70 at 0.5 mg cm⁻² sulfur, after 10 cycles" in out and "doubted" not in out


def test_the_long_csv_keeps_numbers_units_and_the_reported_value_apart(comparer):
    table = comparer.compare(quantity="ionic conductivity", electrolyte="sulfide", units=("mS cm-1",))
    rows = {r["study"]: r for r in csv.DictReader(io.StringIO(table.render("csv")))}
    yao = rows["Yao et al. [77]"]
    assert (yao["value"], yao["unit"], yao["reported value"], yao["reported unit"]) == (
        "8.27",
        "mS cm⁻¹",
        "0.00827",
        "S cm⁻¹",
    )
    glass = rows["Ref. [71] (S/CuS glass-ceramic pellet cell)"]
    assert (glass["qualifier"], glass["value"], glass["reference"]) == ("≈", "1", "71")
    assert len(rows) == len(table.records) == 7


def test_the_page_tables_are_the_compare_of_each_quantity(comparer):
    tables = comparer.by_quantity()
    assert "interfacial resistance" in tables and "ionic conductivity" in tables
    for quantity in ("interfacial resistance", "ionic conductivity", "thickness"):
        one = comparer.compare(quantity=quantity)
        assert tables[quantity].render("csv") == one.render("csv") and tables[quantity].render("md") == one.render("md")
