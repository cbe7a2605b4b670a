"""Tables for people fit the terminal and keep every number; machine formats keep exact values and IRIs."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import run_main
from liskg.base import cells, labels, named, numbers, runner
from liskg.querying import tables

UNIT_SYMBOLS = {
    "http://qudt.org/vocab/unit/OHM-CentiM2": "Ω cm2",
    "http://qudt.org/vocab/unit/PERCENT": "%",
    "http://qudt.org/vocab/unit/MilliA-HR-PER-GM": "mAh g-1",
    "http://qudt.org/vocab/unit/HR": "h",
    "http://qudt.org/vocab/unit/A-HR-PER-CentiM2": "Ah cm-2",
    "http://qudt.org/vocab/unit/MilliA-HR": "mAh",
    "http://qudt.org/vocab/unit/MilliA-PER-CentiM2": "mA cm-2",
    "http://qudt.org/vocab/unit/S-PER-CentiM": "S cm-1",
    "http://qudt.org/vocab/unit/MilliGM-PER-CentiM2": "mg cm-2",
}


def headline_numbers() -> list[tuple[str, str]]:
    """(value with qualifier and unit, baseline) of every outcome of the headline answer, from its JSON."""
    document = json.loads(run_main("query", "oxide-anode-strategies", "--format", "json").out)
    shown = []
    for row in document["results"]["bindings"]:
        if "value" in row:
            qualifier = row.get("qualifier", {}).get("value")
            value = numbers.format_value(row["value"]["value"], UNIT_SYMBOLS[row["unit"]["value"]], qualifier=qualifier)
            shown.append((value, numbers.format_number(row["baseline"]["value"]) if "baseline" in row else ""))
    return shown


@pytest.mark.parametrize("columns", [80, 120])
def test_the_headline_answer_fits_and_keeps_every_value_unit_and_baseline(columns, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(columns))
    out = run_main("query", "oxide-anode-strategies").out
    assert max(len(line) for line in out.splitlines()) <= columns
    expected = headline_numbers()
    assert ("75 Ω cm²", "950") in expected and ("1.15 × 10⁻⁴ S cm⁻¹", "") in expected
    for value, baseline in expected:
        assert value in out  # number, qualifier and unit are never split across lines
        if baseline:
            assert f"{baseline} →" in out
    assert out.rstrip().endswith("(21 rows)")


def test_wide_and_piped_tables_keep_one_line_per_row(monkeypatch):
    monkeypatch.delenv("COLUMNS", raising=False)  # run_main's stdout is not a terminal: piped
    for out in (
        run_main("query", "oxide-anode-strategies").out,
        run_main("query", "oxide-anode-strategies", "--wide").out,
    ):
        lines = out.splitlines()
        assert len(lines) == 2 + 21 + 1
        assert any("Sharafi et al. [107]" in line and "5822 → 514 Ω cm²" in line for line in lines)
    monkeypatch.setenv("COLUMNS", "80")
    assert run_main("query", "oxide-anode-strategies", "--wide").out == out


@pytest.mark.parametrize("columns", [60, 80, 100, 120])
def test_every_named_query_fits_the_width(project, store, columns):
    for name, query in named.named_queries(project).items():
        result = runner.run(store, query.text, timeout=None)
        if result.form != "select":
            continue
        text = tables.render(result, "table", labels.Labeller(store), width=columns)
        assert max(len(line) for line in text.splitlines()) <= columns, name


def test_answer_columns_come_first_with_value_baseline_and_conditions(store):
    headers, rows = cells.human_rows(
        runner.run(
            store,
            """
        PREFIX liskg: <https://w3id.org/liskg/ontology#>
        SELECT ?measurement ?quantity ?qualifier ?value ?unit ?cRate ?temperature ?cycles WHERE {
          ?measurement liskg:reportedBy <https://w3id.org/liskg/data/ref-77> ; liskg:measuresQuantity ?quantity ;
                       liskg:numericValue ?value ; liskg:hasUnit ?unit ; liskg:atCRate ?cRate .
          OPTIONAL { ?measurement liskg:valueQualifier ?qualifier }
          OPTIONAL { ?measurement liskg:atTestTemperatureCelsius ?temperature }
          OPTIONAL { ?measurement liskg:afterCycles ?cycles }
        } ORDER BY DESC(?value)""",
            timeout=None,
        ),
        labels.Labeller(store),
    )
    assert headers == ["measurement", "quantity", "value", "conditions"]
    assert rows[0][2:] == ["1526 mAh g⁻¹", "0.05 C, 60 °C"]  # Yao [77]: the capacity with its C-rate and temperature


def test_csv_labels_add_a_readable_column_beside_each_iri_column():
    out = run_main("query", "resistance-reduction", "--format", "csv", "--labels").out
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == [
        "study",
        "studyLabel",
        "studyRef",
        "strategy",
        "strategyLabel",
        "quantity",
        "quantityLabel",
        "before",
        "after",
        "unit",
        "unitLabel",
        "factor",
        "reductionPercent",
    ]
    sharafi = next(row for row in table if row[1] == "Sharafi et al. [107]")
    assert sharafi[0] == "https://w3id.org/liskg/data/ref-107"
    assert sharafi[2] == "107"  # the reference number, a column of its own
    assert sharafi[7:9] == ["5822", "514"] and sharafi[10] == "ohm square centimetre"  # exact values, no formatting
    plain = list(csv.reader(io.StringIO(run_main("query", "resistance-reduction", "--format", "csv").out)))
    assert [[c for i, c in enumerate(row) if i not in (1, 2, 4, 6, 10)] for row in table] == plain


def table_of(store, query: str) -> tuple[list[str], list[list[str]]]:
    return cells.human_rows(runner.run(store, query, timeout=None), labels.Labeller(store))


def test_units_and_number_formatting_go_only_to_numbers_a_measurement_gives(store):
    """Issue 30: the table view used to guess units from column names. A reference number beside a `unit`
    column was printed "67 Ω cm²", and a text column named `temperature` "not stated °C"; the CSV was right."""
    prefixes = "PREFIX liskg: <https://w3id.org/liskg/ontology#>\nPREFIX lkd: <https://w3id.org/liskg/data/>\n"
    headers, rows = table_of(
        store,
        prefixes
        + """SELECT ?ref ?resistance ?unit ?temperature WHERE {
          ?measurement liskg:reportedBy ?study ; liskg:numericValue ?resistance ; liskg:hasUnit ?unit .
          ?study liskg:referenceNumber ?ref .
          FILTER(?measurement = lkd:ref-67-resistance-after)
          BIND("not stated" AS ?temperature) }""",
    )
    assert headers == ["ref", "resistance", "temperature"] and rows == [["67", "75 Ω cm²", "not stated"]]
    # the same names holding text, and a count: no unit, no condition, no number formatting
    headers, rows = table_of(
        store,
        prefixes
        + """SELECT ?ref ?resistance ?unit ?temperature ?count WHERE {
          lkd:ref-107 rdfs:label ?ref . lkd:ref-107-resistance-after rdfs:label ?resistance ; liskg:hasUnit ?unit .
          BIND("room" AS ?temperature) BIND(1000000 AS ?count) }""".replace(
            "rdfs:label", "<http://www.w3.org/2000/01/rdf-schema#label>"
        ),
    )
    assert headers == ["ref", "resistance", "temperature", "count"]
    assert rows == [
        ["Sharafi et al. [107]", "Li-LLZO interface resistance after heating (Sharafi [107])", "room", "1000000"]
    ]
    # a condition is a condition because the query reads it from a liskg:at... property, whatever its name
    headers, rows = table_of(
        store,
        prefixes
        + """SELECT ?ref ?capacity ?unit ?heat ?rate WHERE {
          ?m liskg:reportedBy ?study ; liskg:numericValue ?capacity ; liskg:hasUnit ?unit ;
             liskg:atTestTemperatureCelsius ?heat ; liskg:atCRate ?rate .
          ?study liskg:referenceNumber ?ref . FILTER(?m = lkd:ref-124-capacity-initial) }""",
    )
    assert headers == ["ref", "conditions", "capacity"] and rows == [["124", "0.01 C, 60 °C", "1169 mAh g⁻¹"]]


def test_bounds_fold_into_the_value_with_their_wording_and_the_doubt_mark(store):
    prefixes = "PREFIX liskg: <https://w3id.org/liskg/ontology#>\nPREFIX lkd: <https://w3id.org/liskg/data/>\n"
    headers, rows = table_of(
        store,
        prefixes
        + """SELECT ?m ?value ?atLeast ?atMost ?unit ?doubtful WHERE {
          VALUES ?m { lkd:ref-61-capacity-0-5c lkd:ref-116-anodic-peak-range lkd:ref-38-areal-capacity
                      lkd:ref-124-interface-impedance-initial }
          ?m liskg:hasUnit ?unit .
          OPTIONAL { ?m liskg:numericValue ?value } OPTIONAL { ?m liskg:lowerBound ?atLeast }
          OPTIONAL { ?m liskg:upperBound ?atMost } OPTIONAL { ?m liskg:doubtfulValue ?doubtful } }
        ORDER BY ?m""",
    )
    assert headers == ["m", "value"]
    assert [row[1] for row in rows] == ["3.8–4.3 V", "≤ 70 Ω", "0.3 Ah cm⁻² (doubtful)", "≥ 1100 mAh g⁻¹"]
    with_wording = table_of(
        store,
        prefixes
        + """SELECT ?m ?qualifier ?value ?unit WHERE { VALUES ?m { lkd:ref-61-capacity-0-5c lkd:ref-69-sulfur-loading }
          ?m liskg:valueQualifier ?qualifier ; liskg:lowerBound|liskg:upperBound ?value ; liskg:hasUnit ?unit }
        ORDER BY ?m""",
    )[1]
    assert [row[1] for row in with_wording] == ["> 1100 mAh g⁻¹", "up to 7 mg cm⁻²"]
