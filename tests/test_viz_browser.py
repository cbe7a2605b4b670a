"""The graph page in a real browser: Debian's chromium driven by playwright, the page opened from file://.

Never a downloaded browser: /usr/bin/chromium comes from Debian (`apt-get install -y chromium`;
`make test` installs it). Screenshots are saved under test-artifacts/ for a human to look at.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from conftest import ROOT, run_main

import liskg
from liskg.graph import model

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
STABILIZE_BOUND_MS = 60_000  # measured about 5 s for ~470 nodes / ~1,400 links on 2 cores
ARTIFACTS = ROOT / "test-artifacts"
MALICIOUS = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


class Page:
    """One page load with everything the page asked for and every dialog and error it raised."""

    def __init__(self, browser, path: Path):
        self.requests, self.dialogs, self.errors = [], [], []
        self.page = browser.new_page(viewport={"width": 1600, "height": 1000})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_function("() => window.liskg && window.liskg.ready", timeout=STABILIZE_BOUND_MS * 2)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def visible_ids(self) -> set[str]:
        return set(self.js("() => liskg.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id)"))

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path

    def close(self):
        self.page.close()


@pytest.fixture(scope="module")
def graph(project):
    return liskg.graph(project)


@pytest.fixture(scope="module")
def full_page(browser, graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("viz") / "liskg-graph.html"
    result = run_main("viz", "-o", str(path))
    assert result.code == 0, result.err
    page = Page(browser, path)
    yield page
    page.close()


def test_page_loads_from_file_with_no_request_to_any_host_and_stabilizes(full_page):
    assert full_page.requests[0].startswith("file://")
    assert all(url.startswith(("file://", "data:")) for url in full_page.requests), full_page.requests
    assert full_page.js("() => liskg.stabilizedMs") < STABILIZE_BOUND_MS
    before = full_page.js("() => liskg.network.getPositions()")
    full_page.page.wait_for_timeout(500)
    assert full_page.js("() => liskg.network.getPositions()") == before, "physics stopped after stabilizing"
    assert full_page.errors == []
    assert full_page.screenshot("viz-full-graph.png").stat().st_size > 10_000


def test_every_node_and_link_of_the_graph_is_drawn(full_page, graph):
    assert full_page.js("() => liskg.nodes.length") == graph.number_of_nodes()
    assert full_page.js("() => liskg.edges.length") == graph.number_of_edges()
    assert set(full_page.js("() => liskg.nodes.getIds()")) == set(graph)
    drawn = full_page.js("() => liskg.edges.get().map((e) => [e.from, e.to, e.label])")
    assert sorted(map(tuple, drawn)) == sorted(graph.edges(keys=True))
    assert full_page.visible_ids() == set(graph)
    legend = full_page.js("() => [...document.querySelectorAll('#legend input')].map((i) => i.dataset.kind)")
    assert legend == list(model.KINDS)


def test_search_shows_the_matches_and_their_neighbours(full_page, graph):
    full_page.page.fill("#search", "llzo")
    matches = {n for n, d in graph.nodes(data=True) if "llzo" in d["label"].lower() or "llzo" in d["curie"].lower()}
    neighbours = {m for n in matches for m in nx.all_neighbors(graph, n)}
    assert matches and full_page.visible_ids() == matches | neighbours
    listed = full_page.page.locator("#matches button").all_text_contents()
    assert sorted(listed) == sorted(graph.nodes[n]["label"] for n in matches)
    assert f"{len(matches)} matching" in full_page.page.text_content("#status")
    full_page.page.fill("#search", "")
    assert full_page.visible_ids() == set(graph)


def test_kind_and_interface_filters_hide_what_they_exclude(full_page, graph):
    full_page.page.uncheck("#legend input[data-kind='material']")
    assert full_page.visible_ids() == {n for n, k in graph.nodes(data="kind") if k != "material"}
    interface = "https://w3id.org/liskg/ontology#SSInterface"
    full_page.page.select_option("#filter-interface", label="S/S interface")
    expected = {n for n, d in graph.nodes(data=True)
                if d["kind"] != "material" and interface in d["facets"]["interface"]}
    assert interface in expected and len(expected) < graph.number_of_nodes() / 2
    assert full_page.visible_ids() == expected
    full_page.page.click("#reset")
    assert full_page.visible_ids() == set(graph)


def _centre_on(page: Page, node: str) -> dict:
    """Zoom onto NODE and return its position in the page (CSS pixels)."""
    page.js("(id) => liskg.network.focus(id, {scale: 1.5, animation: false})", node)
    return page.js("""(id) => {
        const p = liskg.network.canvasToDOM(liskg.network.getPositions([id])[id]);
        const box = document.querySelector('#network canvas').getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y};
    }""", node)


def test_hover_shows_details_and_click_highlights_the_neighbourhood(full_page, graph):
    candidates = [n for n, d in graph.nodes(data=True)
                  if d["kind"] == "strategy" and d["numbers"] and d["references"] and d["sections"]]
    node = max(candidates, key=lambda n: (len(graph.nodes[n]["numbers"]), n))
    data = graph.nodes[node]
    point = _centre_on(full_page, node)
    full_page.page.mouse.move(point["x"], point["y"])
    tooltip = full_page.page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.locator("h2").text_content() == data["label"]
    text = tooltip.text_content()
    assert "strategy" in text and data["curie"] in text
    assert data["numbers"][0] in text and f"[{data['references'][0]}]" in text and data["sections"][0] in text

    full_page.page.mouse.click(point["x"], point["y"])
    assert full_page.page.locator("#details h2").text_content() == data["label"]
    assert full_page.page.locator("#details .links li").count() == graph.degree(node)
    neighbourhood = {node, *nx.all_neighbors(graph, node)}
    dimmed = set(full_page.js("() => liskg.nodes.get({filter: (n) => n.color.background === '#eeeeee'})"
                              ".map((n) => n.id)"))
    assert dimmed == set(graph) - neighbourhood
    full_page.screenshot("viz-neighbourhood.png")
    full_page.page.click("#reset")


def test_query_view_highlights_the_answers(browser, tmp_path):
    path = tmp_path / "query.html"
    result = run_main("viz", "--query", "oxide-anode-strategies", "-o", str(path))
    assert result.code == 0, result.err
    page = Page(browser, path)
    answers = page.js("() => liskg.data.nodes.filter((n) => n.answer).map((n) => n.id)")
    assert answers
    assert set(page.js("() => liskg.nodes.get({filter: (n) => n.borderWidth === 4}).map((n) => n.id)")) == set(answers)
    assert "answer of queries/oxide-anode-strategies.rq" in page.page.text_content("#subtitle")
    assert all(url.startswith(("file://", "data:")) for url in page.requests) and page.errors == []
    page.screenshot("viz-query-oxide-anode-strategies.png")
    page.close()


def test_a_malicious_label_is_shown_as_text_and_runs_nothing(browser, tmp_project, tmp_path):
    with (tmp_project.data_dir / "materials.ttl").open("a", encoding="utf-8") as handle:
        handle.write(f'\nlkd:mat-hostile a owl:NamedIndividual , liskg:Additive ;\n'
                     f'    rdfs:label "{MALICIOUS}"@en ;\n'
                     '    liskg:summary "</script><script>alert(2)</script> '
                     '<a href=\\"javascript:alert(3)\\">x</a>"@en .\n')
    query = tmp_path / "hostile.rq"
    query.write_text("# Question: <img src=y onerror=alert(4)> which material is hostile?\n"
                     "SELECT ?m WHERE { ?m <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                     "FILTER(STRSTARTS(STR(?l), '<img')) }\n")
    path = tmp_path / "hostile.html"
    result = run_main("--root", str(tmp_project.root), "viz", "--query", str(query), "-o", str(path))
    assert result.code == 0, result.err
    page = Page(browser, path)
    assert page.js("() => liskg.data.nodes.filter((n) => n.answer).map((n) => n.label)") == [MALICIOUS]
    page.page.fill("#search", "<img")
    assert page.page.locator("#matches button").all_text_contents() == [MALICIOUS]
    page.page.click("#matches button")
    assert page.page.locator("#details h2").text_content() == MALICIOUS
    assert "</script><script>alert(2)</script>" in page.page.text_content("#details")
    assert "<img src=y onerror=alert(4)>" in page.page.text_content("#subtitle")
    page.page.wait_for_timeout(300)
    assert page.js("() => document.querySelectorAll('img, a, #details script').length") == 0
    assert page.dialogs == [] and page.errors == []
    page.screenshot("viz-malicious-label.png")
    page.close()
