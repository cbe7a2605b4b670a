"""The interactive page: one self-contained HTML file that draws a liskg.viz.model graph with vis-network
and answers SPARQL queries in the browser with Oxigraph's WebAssembly build.

The page needs nothing from any other host: vis-network (the copy pyvis ships), the page's scripts
and style (liskg/viz/web/) are inlined; Oxigraph's web build (web/vendor/, pinned with its version,
licence and SHA-256 in VENDOR.json, checked here) and the built graph travel gzip-compressed and
base64-encoded, and the query engine runs in a Web Worker made from a blob. Data travels as JSON in
<script type="application/json"> blocks, escaped so no text can end its block or be read as markup;
the page scripts show every data text with textContent. The Content-Security-Policy allows only the
page's own scripts (by hash), WebAssembly and the blob worker, and no request to any host.

Positions are computed here (liskg.viz.layout), so the browser runs no physics. Numbers the page
ships are formatted by liskg.base.numbers; rows of queries run in the page go through its JS port
(web/numbers.js). Output is deterministic: sorted data, gzip without a time stamp.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from liskg.base import bounds, named, vocab
from liskg.base import engine as sparql_engine
from liskg.base.columns import PROPERTY_ROLES
from liskg.base.conditions import ANSWER_COLUMNS
from liskg.base.errors import InternalError
from liskg.base.files import write_atomically
from liskg.base.labels import RDFS_LABEL, REFERENCE_NUMBER, UNIT_SYMBOL, Labeller
from liskg.viz import layout
from liskg.viz.model import FACETS, KINDS, SUBCLASS_OF

VIS_FOLDER = ("pyvis", "lib/vis-9.1.2")
OXIGRAPH = "web/vendor/oxigraph-0.5.11"
SCRIPTS = ("files.js", "numbers.js", "engine.js", "answers.js", "evidence.js", "graph.js")
# The Charts tab (issue 13): vendored Vega (web/vendor/vendor.json) and web/charts.js, after the page's own scripts.
CHART_SCRIPTS = (
    "vendor/vega.min.js",
    "vendor/vega-lite.min.js",
    "vendor/vega-embed.min.js",
    "vendor/vega-interpreter.js",
    "charts.js",
)
# The Compare tab: `liskg compare --quantity` for every quantity, its exports made in the page.
COMPARE_SCRIPTS = ("compare.js",)
# Legend words for the shapes vis-network draws (never its shape names).
SHAPE_WORDS = {
    "star": "star",
    "triangle": "triangle",
    "square": "square",
    "dot": "circle",
    "diamond": "diamond",
    "triangleDown": "triangle pointing down",
    "hexagon": "hexagon",
}


# The most triples a page carries for its in-page engine. At 1M (1,260,718 with the inferences) the page is
# 64 MB and its engine ready in 7 s; ten times that would not load. A larger graph's page carries answers
# instead: those the build kept for the named questions, and the answer of the page's own question.
ENGINE_LIMIT = 2_000_000


@dataclass(frozen=True)
class Engine:
    """What the in-page SPARQL engine needs: the graph `liskg query` reads (N-Triples), the named
    queries, and the labels and unit symbols `liskg query` shows instead of IRIs. A graph of more than
    ENGINE_LIMIT TRIPLES is not carried (NTRIPLES None): ANSWERS (query text -> SPARQL JSON results) stand in."""

    ntriples: bytes | None
    queries: list[dict] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    references: dict[str, int] = field(default_factory=dict)
    evidenced: list[str] = field(default_factory=list)  # the relations (by label) whose links cite sentences
    triples: int = 0
    answers: dict[str, str] = field(default_factory=dict)


def engine_data(
    ntriples: bytes | None, store: ox.Store, queries, *, triples: int = 0, answers: dict[str, str] | None = None
) -> Engine:
    """The engine payload for the graph in NTRIPLES, loaded in STORE, with the named QUERIES (liskg.base.named);
    for a graph the page does not carry (NTRIPLES None), its size in TRIPLES and the ANSWERS that stand in."""
    labeller = Labeller(store)
    labelled = sorted(
        {q.subject for q in store.quads_for_pattern(None, RDFS_LABEL, None) if isinstance(q.subject, ox.NamedNode)},
        key=lambda n: n.value,
    )
    with_unit = sorted(
        {q.subject for q in store.quads_for_pattern(None, UNIT_SYMBOL, None) if isinstance(q.subject, ox.NamedNode)},
        key=lambda n: n.value,
    )
    return Engine(
        ntriples,
        [{"name": q.name, "question": q.question, "text": q.text, "topic": q.topic} for q in queries],
        {n.value: labeller.text(n) for n in labelled},
        {n.value: labeller.unit(n) for n in with_unit},
        {
            q.subject.value: int(q.object.value)
            for q in store.quads_for_pattern(None, REFERENCE_NUMBER, None)
            if isinstance(q.subject, ox.NamedNode) and isinstance(q.object, ox.Literal)
        },
        sorted(
            {
                row["relation"].value
                for row in sparql_engine.solutions(store, vocab.sparql("viz/sparql/page-evidenced.rq"))
            }
        ),
        triples,
        dict(sorted((answers or {}).items())),
    )


def vendored() -> dict:
    """Oxigraph's web build as pinned in VENDOR.json; raises InternalError when a file's SHA-256 differs."""
    folder = resources.files("liskg.viz") / OXIGRAPH
    pin = json.loads((folder / "VENDOR.json").read_text(encoding="utf-8"))
    files = {}
    for name, digest in pin["files_sha256"].items():
        content = (folder / name).read_bytes()
        if hashlib.sha256(content).hexdigest() != digest:
            raise InternalError(f"{OXIGRAPH}/{name} does not match its pinned SHA-256 in VENDOR.json")
        files[name] = content
    return {"pin": pin, "files": files}


def classic_script(module: str) -> str:
    """Oxigraph's web.js (an ES module) as a classic worker script: its exports become plain
    declarations and import.meta.url (used only to locate the .wasm, which the page passes in) the worker's URL."""
    text = re.sub(r"^export \{[^}]*\};?\s*$", "", module, flags=re.M)
    text = re.sub(r"^export (class|function|const|let) ", r"\1 ", text, flags=re.M)
    text = text.replace("import.meta.url", "self.location.href")
    if re.search(r"^\s*(export|import)\b", text, re.M):
        raise InternalError("oxigraph's web.js has an import or export the page cannot turn into a worker script")
    return text


def _asset(package: str, name: str) -> str:
    return (resources.files(package) / name).read_text(encoding="utf-8")


def _packed(content: bytes) -> str:
    return base64.b64encode(gzip.compress(content, compresslevel=6, mtime=0)).decode("ascii")


def _facet_options(graph: nx.MultiDiGraph, kind: str) -> list[tuple[str, int]]:
    """The facet values of one kind present in the graph, depth-first through the class hierarchy;
    interfaces in review order (I-IV), the others by label."""

    def order(n):
        d = graph.nodes[n]
        return (layout.INTERFACE_ORDER.index(d["numeral"]) if d["numeral"] in layout.INTERFACE_ORDER else 9, d["label"])

    values = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == kind), key=order)
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


def placement_for(graph: nx.MultiDiGraph, focus: str | None = None) -> layout.Placement:
    """The layout of the view: focus, answer (some node is an answer) or overview."""
    if focus is not None:
        return layout.focus_view(graph, focus)
    if any(d.get("answer") for _, d in graph.nodes(data=True)):
        return layout.answer_view(graph)
    return layout.overview(graph)


def page_data(
    graph: nx.MultiDiGraph, title: str, subtitle: str = "", *, focus: str | None = None, query: dict | None = None
) -> dict:
    """What the page script draws: nodes with positions, edges (one the view does not draw says why,
    layout.undrawn_links), kinds with their style, filter options, headings; QUERY names the query
    whose rows the page shows at load."""
    order = sorted(graph)
    index = {node: i for i, node in enumerate(order)}
    degree = dict(graph.degree())
    placement = placement_for(graph, focus)
    linked = graph.graph.get("linked_names", {})
    nodes = []
    for node in order:
        d = graph.nodes[node]
        nodes.append(
            {
                "id": node,
                "label": d["label"],
                "short": layout.short_label(d["label"], placement.label_max),
                "kind": d["kind"],
                "types": d["types"],
                "curie": d["curie"],
                "summary": d["summary"],
                "references": d["references"],
                "sections": d["sections"],
                "numbers": d["numbers"],
                "key": d["key"],
                "names": d["names"],
                "linked": linked.get(node, []),
                "degree": degree[node],
                "answer": bool(d.get("answer")),
                "position": list(placement.positions[node]),
                "group": placement.groups[node],
                "labelled": node in placement.labelled or d["kind"] == "interface",
                "facets": {f: [index[v] for v in d["facets"][f] if v in index] for f in FACETS},
                **({"sources": d["sources"]} if d.get("sources") else {}),  # a DOI outside the review, a sheet row
            }
        )
    edges = [
        {
            "from": u,
            "to": v,
            "label": key,
            **({"undrawn": placement.undrawn[u, v, key]} if (u, v, key) in placement.undrawn else {}),
        }
        for u, v, key in sorted(graph.edges(keys=True))
    ]
    present = {d["kind"] for _, d in graph.nodes(data=True)}
    overview = focus is None and not any(n["answer"] for n in nodes)
    return {
        "title": title,
        "subtitle": subtitle,
        "nodes": nodes,
        "edges": edges,
        "query": query or {},
        "small_nodes": placement.label_max == layout.OVERVIEW_LABEL_MAX,
        "view": "focus" if focus else "answer" if not overview else "overview",
        "folded": {m: owners for m, owners in graph.graph.get("folded", {}).items() if all(o in index for o in owners)},
        "layout": {
            "columns": [list(kinds) for kinds in layout.KIND_COLUMNS],
            "char_width": layout.CHAR_WIDTH,
            "labelled_row": layout.LABELLED_ROW,
            "plain_row": layout.PLAIN_ROW,
            "plain_column": layout.PLAIN_COLUMN,
            "gap": layout.COLUMN_GAP,
            "max_height": layout.MAX_HEIGHT,
            "shared_context": layout.SHARED_CONTEXT,
            "label_max": layout.LABEL_MAX,
        },
        "collapsed": layout.counted_kinds(graph) if overview else [],
        "summary": overview and layout.is_summary(graph),  # bands beyond COLLAPSED counted: gaps closed
        "kinds": [
            {"name": k, "color": kind.color, "shape": kind.shape, "shape_words": SHAPE_WORDS[kind.shape]}
            for k, kind in KINDS.items()
            if k in present
        ],
        "facets": {f: [[index[v], depth] for v, depth in _facet_options(graph, kind)] for f, kind in FACETS.items()},
    }


def _json_for_script(data) -> str:
    """JSON that cannot close its <script> element or open markup: <, > and & are \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _script_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def engine_payload(engine: Engine) -> dict:
    """The in-page engine: Oxigraph's web module with the worker script appended, its WebAssembly and
    the graph (both gzip + base64; or the answers that stand in for a graph too large), the named queries, prefixes, labels and unit symbols, and the condition
    and answer columns of web/answers.js (liskg.base.conditions, the one table of them)."""
    oxigraph = vendored()
    limits = {
        "length": bounds.LENGTH,
        "depth": bounds.DEPTH,
        "patterns": bounds.PATTERNS,
        "tripleNode": bounds.TRIPLE_NODE,
    }
    worker = "\n".join(
        (
            classic_script(oxigraph["files"]["web.js"].decode("utf-8")),
            f"const LISKG_BOUNDS = {json.dumps(limits)};",  # liskg.base.bounds: the page checks the same limits
            _asset("liskg.viz", "web/bounds.js"),
            _asset("liskg.viz", "web/worker.js"),
        )
    )
    return {
        "version": oxigraph["pin"]["version"],
        "licence": oxigraph["pin"]["licence"],
        "worker": worker,
        "wasm": _packed(oxigraph["files"]["web_bg.wasm"]),
        "graph": _packed(engine.ntriples) if engine.ntriples is not None else None,
        "triples": engine.triples,
        "answers": engine.answers,
        "engine_limit": ENGINE_LIMIT,
        "queries": engine.queries,
        "prefixes": dict(sorted(vocab.PREFIXES.items())),
        "labels": engine.labels,
        "units": engine.units,
        "numeric": sorted(vocab.NUMERIC_TYPES),
        "roles": dict(sorted(PROPERTY_ROLES.items())),
        "liskg": vocab.LISKG,
        "answer_columns": list(ANSWER_COLUMNS),
        "references": dict(sorted(engine.references.items())),
        "topics": list(named.TOPICS),
        "evidence_query": vocab.sparql("viz/sparql/page-evidence.rq"),
        "evidenced": engine.evidenced,
    }


def render(
    graph: nx.MultiDiGraph,
    title: str,
    subtitle: str = "",
    *,
    engine: Engine,
    focus: str | None = None,
    query: dict | None = None,
    charts: dict | None = None,
    compare: dict | None = None,
) -> str:
    """The whole page as one HTML string; CHARTS (liskg.viz.charts.all_specs) fill its Charts tab, COMPARE
    (liskg.viz.views.compare_tables) its Compare tab."""
    vis_js = _asset(VIS_FOLDER[0], f"{VIS_FOLDER[1]}/vis-network.min.js")
    scripts = [vis_js] + [_asset("liskg.viz", f"web/{name}") for name in SCRIPTS + CHART_SCRIPTS + COMPARE_SCRIPTS]
    if any("</script" in script.lower() for script in scripts):
        raise InternalError("an inlined script contains '</script' and would end its own element")
    parts = {
        "csp": f"default-src 'none'; script-src {' '.join(_script_hash(s) for s in scripts)} 'wasm-unsafe-eval'; "
        "worker-src blob:; style-src 'unsafe-inline'; img-src data:",
        "vis_css": _asset(VIS_FOLDER[0], f"{VIS_FOLDER[1]}/vis-network.css"),
        "page_css": _asset("liskg.viz", "web/graph.css"),
        "data": _json_for_script(page_data(graph, title, subtitle, focus=focus, query=query)),
        "engine": _json_for_script(engine_payload(engine)),
        "charts": _json_for_script(charts or {}),
        "compare": _json_for_script(compare or {}),
        "scripts": "\n".join(f"<script>{script}</script>" for script in scripts),
    }
    template = _asset("liskg.viz", "web/graph.html")
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], template)


def write_page(
    graph: nx.MultiDiGraph,
    path: Path,
    title: str,
    subtitle: str = "",
    *,
    engine: Engine,
    focus: str | None = None,
    query: dict | None = None,
    charts: dict | None = None,
    compare: dict | None = None,
) -> Path:
    """Write the page to PATH atomically and return PATH."""
    write_atomically(
        path,
        render(graph, title, subtitle, engine=engine, focus=focus, query=query, charts=charts, compare=compare).encode(
            "utf-8"
        ),
    )
    return path
