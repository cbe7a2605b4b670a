"""The one number formatter (liskg.base.numbers) on the graph's real numbers."""

import pytest

from liskg.base import numbers


@pytest.mark.parametrize(
    "lexical, shown",
    [
        ("0.000000295", "2.95 × 10⁻⁷"),  # LiPON's ionic conductivity (S cm-1)
        ("0.000115", "1.15 × 10⁻⁴"),  # polydopamine-coated LLZO, Huang [109]
        ("12.666666666666666666", "12.7"),  # 950 / 75, a computed ratio
        ("5822.0", "5822"),  # reported digits kept, trailing zeros dropped
        ("0.3", "0.3"),
        ("1526", "1526"),
        ("0.001", "0.001"),
        ("1000000", "1 × 10⁶"),
        ("0", "0"),
        ("not a number", "not a number"),
    ],
)
def test_format_number(lexical, shown):
    assert numbers.format_number(lexical) == shown


def test_units_and_values():
    assert numbers.format_value("0.000000295", "S cm-1") == "2.95 × 10⁻⁷ S cm⁻¹"
    assert numbers.format_value("0.3", "Ah cm-2") == "0.3 Ah cm⁻²"
    assert numbers.format_value("1080", "mAh g-1") == "1080 mAh g⁻¹"
    assert numbers.format_value("99", "%", qualifier="greater than") == "> 99 %"
    assert numbers.format_value("1000", "mAh g-1", qualifier="approximately") == "≈ 1000 mAh g⁻¹"
    assert numbers.format_value("7", "mg cm-2", qualifier="up to") == "up to 7 mg cm⁻²"
    assert numbers.format_value(None, "mAh g-1", minimum="205", maximum="1526") == "205–1526 mAh g⁻¹"


def test_change_keeps_both_qualifiers():
    assert numbers.format_change("950", "75", "Ω cm2") == "950 → 75 Ω cm²"
    assert numbers.format_change("70", "20", "Ω", baseline_qualifier="less than") == "< 70 → 20 Ω"
    assert numbers.format_change(None, "514", "Ω cm2") == "514 Ω cm²"


def test_ratio_and_conditions():
    assert numbers.format_ratio("12.666666666666666666") == "12.7×"
    assert numbers.format_conditions(crate="0.05", temperature="25", cycles="100") == "0.05 C, 25 °C, after 100 cycles"
    assert numbers.format_conditions() == ""
    # every condition a sheet or the Turtle can state, in one order for `liskg study`, the answers and the page
    assert (
        numbers.format_conditions(crate="0.2", temperature="60", pressure="10", sulfur="2", cycles="150")
        == "0.2 C, 60 °C, 10 MPa, 2 mg cm⁻² sulfur, after 150 cycles"
    )
    assert (
        numbers.measurement_text({"quantity": "specific capacity", "value": "1526", "unit": "mAh g-1", "crate": "0.05"})
        == "specific capacity: 1526 mAh g⁻¹ at 0.05 C"
    )
    assert (
        numbers.measurement_text(
            {"quantity": "interfacial resistance", "value": "75", "baseline": "950", "unit": "Ω cm2"}
        )
        == "interfacial resistance: 950 → 75 Ω cm²"
    )
