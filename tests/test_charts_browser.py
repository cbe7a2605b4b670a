"""The charts panel of the graph page in Debian's chromium: the four charts draw from the page alone (no
request to any host), from the same specifications and rows as `liskg plot`, and follow the page's filters."""

from __future__ import annotations

import pytest

import liskg
from conftest import run_main
from liskg.viz import charts
from test_viz_browser import READY_BOUND_MS, Page, browser  # noqa: F401  (browser: the viz tests' chromium fixture)

pytestmark = pytest.mark.browser
S_SSE = "https://w3id.org/liskg/ontology#SSSEInterface"


@pytest.fixture(scope="module")
def page(browser, tmp_path_factory):  # noqa: F811 - browser: the fixture imported above
    path = tmp_path_factory.mktemp("charts") / "liskg-graph.html"
    result = run_main("viz", "-o", str(path))
    assert result.code == 0, result.err
    opened = Page(browser, path)
    opened.page.click("#tabs button[data-tab='Charts']")
    opened.page.wait_for_function("() => window.LiskgCharts.ready", timeout=READY_BOUND_MS)
    yield opened
    opened.close()


def drawn_rows(page: Page, name: str) -> list[dict]:
    return page.js("(name) => LiskgCharts.specs[name].data.values", name)


def test_charts_draw_with_no_request_and_no_error(page):
    assert all(url.startswith(("file://", "data:", "blob:")) for url in page.requests), (
        page.requests
    )  # blob: the engine worker
    assert page.errors == []
    assert sorted(page.js("() => Object.keys(LiskgCharts.views)")) == sorted(charts.CHARTS)
    # every chart is an SVG with marks in it: 11 conductivity points, 28 matrix cells
    assert (
        page.js("() => document.querySelectorAll('[data-chart=conductivity] svg .mark-symbol.role-mark path').length")
        == 11  # Zhao [82]'s "mS cm-1 levels" is an order of magnitude, not a point
    )
    assert page.js("() => document.querySelectorAll('[data-chart=matrix] svg .mark-rect.role-mark path').length") == 28
    assert page.screenshot("charts-panel.png").stat().st_size > 10_000


def test_page_charts_draw_the_rows_liskg_plot_draws(page, store):
    for name in charts.CHARTS:
        assert drawn_rows(page, name) == charts.spec(store, name)["data"]["values"], name
        source = page.js("(name) => LiskgCharts.views[name].data('source_0').length", name)
        assert source == len(charts.spec(store, name)["data"]["values"]), name


def test_charts_follow_the_interface_filter(page, store, project):
    graph = liskg.graph(project)
    studies = {n for n, d in graph.nodes(data=True) if d["kind"] == "study" and S_SSE in d["facets"]["interface"]}
    drawn = page.js("() => LiskgCharts.drawn")
    page.page.select_option("#filter-interface", label="S/SSE interface")
    page.page.wait_for_function("(n) => LiskgCharts.drawn > n", arg=drawn, timeout=READY_BOUND_MS)
    conductivity = drawn_rows(page, "conductivity")
    assert conductivity == [r for r in charts.spec(store, "conductivity")["data"]["values"] if r["study"] in studies]
    assert {r["study"].rsplit("/", 1)[1] for r in drawn_rows(page, "resistance")} == {"ref-80"}
    full = {(r["interface"], r["method"]): r["count"] for r in charts.spec(store, "matrix")["data"]["values"]}
    shown = {(r["interface"], r["method"]): r["count"] for r in drawn_rows(page, "matrix")}
    assert all(shown[k] == full[k] for k in full if k[0] == S_SSE)  # every study counted there has a S/SSE strategy
    assert sum(shown.values()) < sum(full.values())
    page.screenshot("charts-panel-s-sse.png")
    page.page.click("#reset")
    page.page.wait_for_function("(n) => LiskgCharts.drawn > n + 1", arg=drawn, timeout=READY_BOUND_MS)
    assert drawn_rows(page, "matrix") == charts.spec(store, "matrix")["data"]["values"]


def test_charts_follow_the_electrolyte_and_method_filters_and_say_so(page, store, project):
    """Each facet filter narrows the charts to the studies it keeps, and the panel names the filters."""
    graph = liskg.graph(project)
    for facet, menu, label in (
        ("electrolyte class", "#filter-electrolyte-class", "garnet-type electrolyte"),
        ("method", "#filter-method", "mechanical pressing"),
    ):
        value = next(n for n, d in graph.nodes(data=True) if d["label"] == label)
        studies = {n for n, d in graph.nodes(data=True) if d["kind"] == "study" and value in d["facets"][facet]}
        page.page.click("#tabs button[data-tab='Charts']")  # reset shows the Answer tab
        page.page.wait_for_timeout(200)
        page.page.wait_for_function("() => !LiskgCharts.stale", timeout=READY_BOUND_MS)
        drawn = page.js("() => LiskgCharts.drawn")
        option = page.page.locator(f"{menu} option").filter(has_text=label).first.get_attribute("value")
        page.page.select_option(menu, option)
        page.page.wait_for_function("(n) => LiskgCharts.drawn > n", arg=drawn, timeout=READY_BOUND_MS)
        said = page.page.text_content("#charts-filters")
        assert f"{facet}: {label}" in said and said.startswith(f"showing {len(studies)} stud"), said
        conductivity = drawn_rows(page, "conductivity")
        assert conductivity == [
            r for r in charts.spec(store, "conductivity")["data"]["values"] if r["study"] in studies
        ]
        drawn = page.js("() => LiskgCharts.drawn")
        page.page.click("#reset")
        page.page.wait_for_function("(n) => LiskgCharts.drawn > n", arg=drawn, timeout=READY_BOUND_MS)
        assert page.page.text_content("#charts-filters").startswith("showing every study")
