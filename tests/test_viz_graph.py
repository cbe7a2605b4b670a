"""The graph `liskg viz` draws, and the page file that carries it (no browser needed here)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

import liskg
from conftest import run_cli, run_main
from liskg.querying import stats
from liskg.viz import model, page

LISKG = "https://w3id.org/liskg/ontology#"
LKD = "https://w3id.org/liskg/data/"


@pytest.fixture(scope="module")
def graph(project):
    return liskg.graph(project)


EMPTY_ENGINE = page.engine_data(b"", __import__("pyoxigraph").Store(), [])


def embedded_data(html: str) -> dict:
    """The graph JSON the page carries, read the way the page script reads it."""
    match = re.search(r'<script type="application/json" id="liskg-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_the_four_interfaces_are_nodes_numbered_as_in_the_review(graph):
    interfaces = {n: d["numeral"] for n, d in graph.nodes(data=True) if d["kind"] == "interface"}
    assert interfaces == {
        LISKG + "LiSSEInterface": "I",
        LISKG + "SSESSEInterface": "II",
        LISKG + "SSSEInterface": "III",
        LISKG + "SSInterface": "IV",
    }


def test_every_study_strategy_material_failure_mode_claim_and_cell_is_drawn(graph, store):
    counts = stats.counts(store)
    drawn = Counter(kind for _, kind in graph.nodes(data="kind"))
    assert drawn["study"] == counts["studies"] + counts["cited_analyses"]
    assert drawn["strategy"] == counts["strategies"]
    assert drawn["material"] == counts["materials"]
    assert drawn["failure mode"] == counts["failure_modes"]
    assert drawn["claim"] == counts["claims"]
    assert drawn["cell"] == counts["cells"]


def test_measurements_are_folded_into_their_owner_as_numbers_with_units(graph, store):
    measurements = {
        row["m"].value for row in store.query("SELECT ?m WHERE { ?m a <https://w3id.org/liskg/ontology#Measurement> }")
    }
    assert not measurements & set(graph), "measurements are not drawn as nodes"
    folded = graph.graph["folded"]
    assert folded and set(folded) <= measurements
    numbers = graph.nodes[LKD + "ref-107-heat-treatment"]["numbers"]  # the modelling guide's worked example
    assert len(numbers) == 2, numbers
    assert (
        numbers[0]
        == "interfacial resistance: 5822 → 514 Ω cm² at room temperature; after heating to 175 °C and cooling"
    ), numbers
    assert numbers[1].startswith("process temperature: 175 °C"), numbers
    lines = [line for _, numbers in graph.nodes(data="numbers") for line in numbers]
    repeats = sum(int(m.group(1)) - 1 for line in lines if (m := re.search(r" \((\d+) measurements\)$", line)))
    assert sum(len(owners) for owners in folded.values()) == len(lines) + repeats


def test_edges_are_named_by_the_property_label_and_join_two_drawn_nodes(graph, store):
    labels = {
        row["l"].value
        for row in store.query(
            "SELECT ?l WHERE { ?p a <http://www.w3.org/2002/07/owl#ObjectProperty> ; "
            "<http://www.w3.org/2000/01/rdf-schema#label> ?l }"
        )
    }
    relations = {key for _, _, key in graph.edges(keys=True)}
    assert {"applies strategy", "at interface", "is a", "subclass of"} <= relations
    assert relations - {"is a", "subclass of"} - labels <= {
        "mitigated by method",
        "risked by method",
        "concerns method",
        "concerns electrolyte class",
    }
    strategy_types = [
        v for u, v, key in graph.edges(keys=True) if key == "is a" and graph.nodes[u]["kind"] == "strategy"
    ]
    assert strategy_types and all(graph.nodes[v]["kind"] == "method" for v in strategy_types)


def test_facets_tie_a_strategy_to_its_interface_method_and_electrolyte_class(graph):
    strategies = [n for n, d in graph.nodes(data=True) if d["kind"] == "strategy"]
    for strategy in strategies:
        facets = graph.nodes[strategy]["facets"]
        for _, target, key in graph.out_edges(strategy, keys=True):
            if key == "at interface":
                assert target in facets["interface"]
            if key == "is a":
                assert target in facets["method"] and LISKG + "ProcessingMethod" in facets["method"]
    garnet = LISKG + "GarnetElectrolyte"
    assert graph.nodes[garnet]["facets"]["electrolyte class"] == sorted(
        [
            garnet,
            LISKG + "OxideElectrolyte",
            LISKG + "InorganicSolidElectrolyte",
            LISKG + "SolidStateElectrolyte",
            LISKG + "Electrolyte",
        ]
    )


def test_viz_writes_one_page_where_asked_and_prints_its_path(project, tmp_path):
    target = tmp_path / "out" / "graph.html"
    result = run_cli("viz", "-o", str(target), cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.out.strip() == str(target)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["graph.html", "out"], "nothing else (no lib/) is written"
    html = target.read_text(encoding="utf-8")
    markup = re.sub(
        r"(<script[^>]*>).*?</script>", r"\1</script>", html, flags=re.S
    )  # vega-embed's code builds <img> text
    assert not re.search(r"<(link|img|iframe)\b|<script[^>]*\bsrc=", markup), "the page loads no outside asset"
    assert "default-src 'none'" in html


def test_the_page_carries_every_node_and_edge_of_the_graph(graph, tmp_path):
    data = embedded_data(page.render(graph, "LiSKG", engine=EMPTY_ENGINE))
    assert [n["id"] for n in data["nodes"]] == sorted(graph)
    assert len(data["edges"]) == graph.number_of_edges()
    assert {(e["from"], e["to"], e["label"]) for e in data["edges"]} == set(graph.edges(keys=True))
    assert [k["name"] for k in data["kinds"]] == list(model.KINDS)
    interfaces = sorted((n["position"][0], n["label"]) for n in data["nodes"] if n["kind"] == "interface")
    assert [label for _, label in interfaces] == [  # lanes left to right, anode to cathode
        "Li/SSE interface",
        "SSE/SSE interface",
        "S/SSE interface",
        "S/S interface",
    ]
    assert data["view"] == "overview" and data["collapsed"] == [
        "strategy",
        "failure mode",
        "electrolyte class",
        "material",
        "claim",
        "cell",
    ]
    assert len({tuple(n["position"]) for n in data["nodes"]}) == graph.number_of_nodes(), "no two nodes share a place"


def test_the_vendored_sparql_engine_matches_its_pin():
    vendored = page.vendored()
    assert vendored["pin"]["package"] == "oxigraph" and vendored["pin"]["version"] == "0.5.11"
    assert vendored["pin"]["licence"] == "MIT OR Apache-2.0"
    assert set(vendored["files"]) == {"web.js", "web_bg.wasm"}
    worker = page.classic_script(vendored["files"]["web.js"].decode())
    assert "import.meta" not in worker and not re.search(r"^\s*export\b", worker, re.M)


def test_key_numbers_are_results_with_their_baseline_and_search_names_include_formulas(graph):
    by_label = {d["label"]: d for _, d in graph.nodes(data=True)}
    sharafi = by_label["Sharafi et al. [107]"]
    assert (
        sharafi["key"]
        == "interfacial resistance: 5822 → 514 Ω cm² at room temperature; after heating to 175 °C and cooling"
    )
    assert "Li7La3Zr2O12" in by_label["LLZO"]["names"]


def test_a_cell_is_found_by_the_names_of_its_format_class(graph):
    """Cell formats are classes (issue 29): a cell typed liskg:PouchCell is found by "pouch" and "soft-packed"."""
    names = graph.graph["linked_names"][LKD + "ref-110-cell"]
    assert {"pouch cell", "soft-packed cell"} <= set(names), names


def test_the_page_is_byte_identical_across_runs_and_hash_seeds(tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    assert run_cli("viz", "-o", str(first), env={"PYTHONHASHSEED": "1"}).code == 0
    assert run_cli("viz", "-o", str(second), env={"PYTHONHASHSEED": "2"}).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_data_text_cannot_close_its_script_element_or_become_markup(graph):
    hostile = graph.copy()
    node = sorted(hostile)[0]
    hostile.nodes[node]["label"] = "</script><img src=x onerror=alert(1)>"
    hostile.nodes[node]["summary"] = "<!-- & </SCRIPT> href=javascript:alert(2)"
    html = page.render(hostile, "LiSKG", subtitle="<b>bold?</b>", engine=EMPTY_ENGINE)
    block = re.search(r'<script type="application/json" id="liskg-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    assert data["nodes"][0]["label"] == "</script><img src=x onerror=alert(1)>"
    assert data["subtitle"] == "<b>bold?</b>"


def test_query_view_marks_the_answers_and_keeps_their_one_hop_context(graph, tmp_path):
    query = tmp_path / "oxide-strategies.rq"
    query.write_text(
        "PREFIX liskg: <https://w3id.org/liskg/ontology#>\n"
        "SELECT ?strategy WHERE { ?strategy liskg:atInterface liskg:LiSSEInterface }\n"
    )
    target = tmp_path / "answer.html"
    result = run_main("viz", "--query", str(query), "-o", str(target))
    assert result.code == 0, result.err
    data = embedded_data(target.read_text(encoding="utf-8"))
    answers = {n["id"] for n in data["nodes"] if n["answer"]}
    expected = {u for u, v, key in graph.edges(keys=True) if key == "at interface" and v == LISKG + "LiSSEInterface"}
    assert answers == expected
    context = set().union(*({*graph.successors(a), *graph.predecessors(a)} for a in answers))
    assert {n["id"] for n in data["nodes"]} == answers | context


def test_named_query_view_and_focus_view(tmp_path):
    result = run_main("viz", "--query", "oxide-anode-strategies", "-o", str(tmp_path / "q.html"))
    assert result.code == 0, result.err
    assert any(n["answer"] for n in embedded_data((tmp_path / "q.html").read_text())["nodes"])
    result = run_main("viz", "--focus", "Li/SSE interface", "--depth", "1", "-o", str(tmp_path / "f.html"))
    assert result.code == 0, result.err
    data = embedded_data((tmp_path / "f.html").read_text())
    assert [n["label"] for n in data["nodes"] if n["answer"]] == ["Li/SSE interface"]
    assert len(data["nodes"]) > 10


def test_focus_finds_a_node_by_every_name_the_look_ups_take(tmp_path):
    """One name resolver: what `material` finds by formula, synonym or prefixed name, `viz --focus` centres on."""
    for name in ("Li7La3Zr2O12", "llzo", "lkd:mat-llzo"):
        target = tmp_path / f"{name.replace(':', '-')}.html"
        result = run_main("viz", "--focus", name, "--depth", "0", "-o", str(target))
        assert result.code == 0, result.err
        assert [n["id"] for n in embedded_data(target.read_text())["nodes"]] == [LKD + "mat-llzo"]
        assert run_main("material", name).out.splitlines()[0] == "LLZO  [additive, garnet-type electrolyte]"


def test_viz_errors_are_one_line_with_a_hint(tmp_path):
    unknown = run_main("viz", "--focus", "no such node label")
    assert (unknown.code, unknown.err) == (2, "liskg: error: no node is called 'no such node label'\n")
    several = run_main("viz", "--focus", "interface")
    assert several.code == 2 and several.err.startswith("liskg: error: ")
    assert "14 nodes match 'interface': " in several.err and several.err.endswith("give one of these names\n")
    literal = tmp_path / "count.rq"
    literal.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n")
    counted = run_main("viz", "--query", str(literal))
    assert counted.code == 2 and "name no node of the graph" in counted.err
