"""The charts: each one's data rows are its SPARQL query's rows, and `liskg plot` draws it offline and
deterministically (the same bytes from two processes, one of them with no network at all)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from importlib import resources

import pytest

import liskg
from conftest import ROOT, run_main
from liskg.viz import charts


def expected_rows(store, name: str) -> list[dict]:
    """The chart query's answer through liskg.query, numbers as floats (JSON has no decimals)."""
    answer = liskg.query(store, charts.query_text(name))
    return [{k: float(v) if isinstance(v, Decimal) else v for k, v in row.items()} for row in answer.values()]


@pytest.mark.parametrize("name", list(charts.CHARTS))
def test_every_chart_draws_exactly_its_query_rows(store, name):
    data = charts.spec(store, name)["data"]["values"]
    expected = expected_rows(store, name)
    assert expected, f"chart-{name}.rq answers nothing"
    assert [{k: row[k] for k in expected[0]} for row in data] == expected


def test_chart_rows_carry_their_conditions_and_mark_what_is_not_stated(store):
    capacity = {row["measurement"].rsplit("/", 1)[1]: row for row in charts.spec(store, "capacity")["data"]["values"]}
    assert (
        capacity["ref-124-capacity-10-cycles"]["rate"],
        capacity["ref-124-capacity-10-cycles"]["temperatureText"],
    ) == ("0.01 C", "60 °C")
    assert capacity["ref-72-capacity-high-current"]["rate"] == "0.13 mA cm⁻²"
    # issue 23: [85]'s own Fig. 14c caption gives the rate; no temperature is stated
    assert (
        capacity["ref-85-pouch-capacity-45-cycles"]["rate"],
        capacity["ref-85-pouch-capacity-45-cycles"]["temperatureText"],
    ) == ("0.1 C", "not stated")
    assert capacity["ref-71-capacity-20-cycles"]["temperatureText"] == "not stated"
    # issue 30: a bound is drawn at its number with its sign on the label, and its tooltip says it
    assert (capacity["ref-61-capacity-0-5c"]["ref"], capacity["ref-61-capacity-0-5c"]["valueText"]) == (
        "[61] >",
        "> 1100",
    )
    assert (capacity["ref-124-capacity-10-cycles"]["ref"], capacity["ref-124-capacity-10-cycles"]["valueText"]) == (
        "[124] ≤",
        "up to 950",
    )
    conductivity = {row["ref"]: row for row in charts.spec(store, "conductivity")["data"]["values"]}
    assert "[82]" not in conductivity  # an order of magnitude ("mS cm-1 levels") is no value to draw
    assert (conductivity["[109]"]["conductivity"], conductivity["[109]"]["temperatureText"]) == (0.115, "30 °C")
    assert (conductivity["[32]"]["conductivity"], conductivity["[32]"]["temperatureText"]) == (10.2, "room temperature")
    resistance = charts.spec(store, "resistance")["data"]["values"]
    assert {(r["ref"], r["before"], r["after"], r["panel"]) for r in resistance if r["reference"] in (67, 107)} == {
        ("[67]", 950.0, 75.0, "Li/SSE interface · oxide · interfacial resistance (Ω cm²)"),
        ("[107]", 5822.0, 514.0, "Li/SSE interface · oxide · interfacial resistance (Ω cm²)"),
    }


def test_matrix_counts_every_interface_and_method_pair_zeros_included(store):
    cells = {
        (r["interfaceLabel"], r["methodLabel"]): r["count"] for r in charts.spec(store, "matrix")["data"]["values"]
    }
    assert len(cells) == 4 * 7
    assert cells[("Li/SSE interface", "molten lithium treatment")] == 3
    assert cells[("S/SSE interface", "molten lithium treatment")] == 0


# One process draws every chart in both formats through `liskg plot` (main(), as the console script runs it):
# vl-convert starts its JavaScript engine once per process, which is most of a chart's time.
PLOT_ALL = """
import sys
from liskg.cli.main import main
for name in sys.argv[2:]:
    for suffix in ("svg", "png"):
        code = main(["plot", name, "-o", f"{sys.argv[1]}/{name}.{suffix}"])
        if code:
            sys.exit(code)
"""


def plot_all(folder, offline: bool = False) -> subprocess.CompletedProcess:
    """Every chart as SVG and PNG into FOLDER, drawn in a fresh process (with no network at all: offline)."""
    folder.mkdir()
    command = [sys.executable, "-c", PLOT_ALL, str(folder), *charts.CHARTS]
    if offline:
        command = [shutil.which("unshare"), "--net", *command]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_static_files_are_byte_identical_across_runs_and_need_no_network(tmp_path):
    if shutil.which("unshare") is None or subprocess.run(["unshare", "--net", "true"]).returncode != 0:
        pytest.fail("this test needs `unshare --net` (util-linux, run as root) to cut the network off")
    first, second = tmp_path / "first", tmp_path / "second"
    done = plot_all(first)
    assert done.returncode == 0, done.stderr
    done = plot_all(second, offline=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{second}/{n}.{s}" for n in charts.CHARTS for s in ("svg", "png")]
    for name in charts.CHARTS:
        for suffix in ("svg", "png"):
            drawn = first / f"{name}.{suffix}"
            assert drawn.read_bytes() == (second / f"{name}.{suffix}").read_bytes(), (name, suffix)
            assert drawn.stat().st_size > 5_000
    text = (first / "matrix.svg").read_text()
    assert "Studies per interface and processing method" in text and "processing method" in text
    assert 'href="http' not in text


def test_plot_spec_prints_the_specification_and_bad_names_fail_in_one_line(tmp_path):
    result = run_main("plot", "conductivity", "--spec")
    assert result.code == 0, result.err
    spec = json.loads(result.out)
    assert spec["$schema"].endswith("/vega-lite/v6.json") and len(spec["data"]["values"]) > 5
    unknown = run_main("plot", "nope", "-o", str(tmp_path / "nope.svg"))
    assert (unknown.code, unknown.err) == (
        2,
        "liskg: error: no chart named 'nope'; charts: resistance, capacity, conductivity, matrix\n",
    )
    bad = run_main("plot", "matrix", "-o", str(tmp_path / "matrix.pdf"))
    assert (bad.code, bad.err) == (
        2,
        f"liskg: error: {tmp_path / 'matrix.pdf'}: name the file .svg or .png (the format follows the name)\n",
    )


def test_vendored_scripts_match_their_recorded_versions_and_checksums():
    import vl_convert

    vendor = resources.files("liskg.viz") / "web" / "vendor"
    record = json.loads((vendor / "vendor.json").read_text())
    assert {name: r["version"] for name, r in record.items()} == {
        "vega": vl_convert.get_vega_version(),
        "vega-lite": "6.4.1",
        "vega-embed": vl_convert.get_vega_embed_version(),
        "vega-interpreter": "2.2.1",
    }
    assert charts.VEGA_LITE_VERSION in vl_convert.get_vegalite_versions()
    for name, entry in record.items():
        assert hashlib.sha256((vendor / entry["file"]).read_bytes()).hexdigest() == entry["sha256"], name
        assert entry["licence"] == "BSD-3-Clause"
    for name in ("vega", "vega-lite", "vega-embed"):
        assert "Copyright" in (vendor / f"LICENSE-{name}.txt").read_text()
