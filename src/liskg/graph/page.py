"""The interactive page: one self-contained HTML file that draws a liskg.graph.model graph with vis-network.

The page needs nothing from any other host: vis-network's script and style (the copy that pyvis
ships) and the page's own script and style (liskg/graph/web/) are inlined, and the graph travels as JSON in
a <script type="application/json"> block, escaped so no data text can end that block or be read as
markup. The page script builds every visible text with textContent, and a Content-Security-Policy
allows only the page's two scripts (by hash) and no request to any host. Output is deterministic:
nodes and edges are sorted and the layout starts from fixed positions (liskg.graph.layout).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import networkx as nx

from liskg.build.outputs import write_atomically
from liskg.errors import InternalError
from liskg.graph import layout
from liskg.graph.model import FACETS, KINDS, SUBCLASS_OF

VIS_FOLDER = ("pyvis", "lib/vis-9.1.2")
# The charts panel (issue 13): vendored Vega (web/vendor/vendor.json) and web/charts.js, in load order.
CHART_SCRIPTS = {"vega_js": "vendor/vega.min.js", "vega_lite_js": "vendor/vega-lite.min.js",
                 "vega_embed_js": "vendor/vega-embed.min.js", "vega_interpreter_js": "vendor/vega-interpreter.js",
                 "charts_js": "charts.js"}


def _asset(package: str, name: str) -> str:
    return (resources.files(package) / name).read_text(encoding="utf-8")


def _facet_options(graph: nx.MultiDiGraph, kind: str) -> list[tuple[str, int]]:
    """The facet values of one kind present in the graph, depth-first through the class hierarchy."""
    values = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == kind), key=lambda n: graph.nodes[n]["label"])
    children = {v: [c for c in values if graph.has_edge(c, v, SUBCLASS_OF)] for v in values}
    roots = [v for v in values if not any(graph.has_edge(v, p, SUBCLASS_OF) for p in values)]
    ordered: list[tuple[str, int]] = []

    def visit(value: str, depth: int) -> None:
        ordered.append((value, depth))
        for child in children[value]:
            visit(child, depth + 1)

    for root in roots:
        visit(root, 0)
    return ordered


def page_data(graph: nx.MultiDiGraph, title: str, subtitle: str = "") -> dict:
    """What the page script draws: nodes, edges, kinds with their style, filter options, headings."""
    order = sorted(graph)
    index = {node: i for i, node in enumerate(order)}
    degree = dict(graph.degree())
    anchors = layout.anchors(graph)
    positions = layout.start_positions(graph, anchors)
    nodes = []
    for node in order:
        d = graph.nodes[node]
        nodes.append({
            "id": node, "label": d["label"], "kind": d["kind"], "types": d["types"], "curie": d["curie"],
            "summary": d["summary"], "references": d["references"], "sections": d["sections"],
            "numbers": d["numbers"],
            "degree": degree[node], "answer": bool(d.get("answer")),
            "position": positions[node], "pinned": node in anchors,
            "facets": {f: [index[v] for v in d["facets"][f] if v in index] for f in FACETS},
        })
    edges = [{"from": u, "to": v, "label": key} for u, v, key in sorted(graph.edges(keys=True))]
    present = {d["kind"] for _, d in graph.nodes(data=True)}
    return {
        "title": title, "subtitle": subtitle, "nodes": nodes, "edges": edges,
        "kinds": [{"name": k, "color": kind.color, "shape": kind.shape} for k, kind in KINDS.items() if k in present],
        "facets": {f: [[index[v], depth] for v, depth in _facet_options(graph, kind)] for f, kind in FACETS.items()},
    }


def _json_for_script(data: dict) -> str:
    """JSON that cannot close its <script> element or open markup: <, > and & are \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render(graph: nx.MultiDiGraph, title: str, subtitle: str = "", charts: dict | None = None) -> str:
    """The whole page as one HTML string; CHARTS (liskg.graph.charts.all_specs) fill its charts panel."""
    vis_js = _asset(VIS_FOLDER[0], f"{VIS_FOLDER[1]}/vis-network.min.js")
    page_js = _asset("liskg.graph", "web/graph.js")
    chart_scripts = {key: _asset("liskg.graph", f"web/{name}") for key, name in CHART_SCRIPTS.items()}
    scripts = [vis_js, page_js, *chart_scripts.values()]
    if any("</script" in script.lower() for script in scripts):
        raise InternalError("an inlined script contains '</script' and would end its own element")
    parts = {
        "csp": f"default-src 'none'; script-src {' '.join(_script_hash(s) for s in scripts)}; "
               "style-src 'unsafe-inline'; img-src data:",
        "charts": _json_for_script(charts or {}),
        **chart_scripts,
        "vis_css": _asset(VIS_FOLDER[0], f"{VIS_FOLDER[1]}/vis-network.css"),
        "page_css": _asset("liskg.graph", "web/graph.css"),
        "data": _json_for_script(page_data(graph, title, subtitle)),
        "vis_js": vis_js,
        "page_js": page_js,
    }
    template = _asset("liskg.graph", "web/graph.html")
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template)


def write_page(graph: nx.MultiDiGraph, path: Path, title: str, subtitle: str = "", charts: dict | None = None) -> Path:
    """Write the page to PATH atomically and return PATH."""
    write_atomically(path, render(graph, title, subtitle, charts).encode("utf-8"))
    return path
