"""Where every node is drawn, computed here so the browser runs no physics at all.

Three views, each a set of columns of nodes (a node in one column, ranked top to bottom):

- overview: the four interfaces I, II, III, IV left to right in review order (a cross-section from
  the lithium anode to the sulfur cathode) as lanes, and a fifth lane for what belongs to none or to
  no single one; in a lane, bands by kind: the interface, its methods and studies (named), then the
  strategies, failure modes, electrolyte classes, materials, claims and cells, which the page shows
  as one count per lane and kind until it is clicked.
- answer (a query view): one column per kind of node (materials, strategies, studies, interfaces with
  failure modes and claims, classes), the answers labelled, columns never wrapped (a wrapped column's
  links cross its sub-columns) but aligned to their drawn neighbours (align). It draws only the
  answer's links and its context's links to it (see undrawn_links); the rest stay in the page,
  listed and drawn on a click.
- focus: one column per distance from the focused node, every node labelled.

Columns are spaced by the width of their widest drawn label, rows by a label's height, so labels
drawn side by side never overlap; the page checks that with its own label boxes. A column taller
than MAX_HEIGHT wraps into sub-columns (overview and focus views). Within a column nodes are ordered by
the mean rank of their neighbours (by drawn links) in the other columns, in alternating sweeps (the
barycentre heuristic), against crossings.
Each node also gets a slot group (lane and band): when filters hide nodes, the page moves what
remains into the first slots of its group, so it lays out only what remains, still without physics.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

INTERFACE_ORDER = ("I", "II", "III", "IV")
SHARED_LANE = "shared"
LABEL_MAX = 28  # characters drawn on the canvas; the full label shows on hover
OVERVIEW_LABEL_MAX = 20  # the overview names more nodes in less room
CHAR_WIDTH = 8.6  # canvas units per character at LABEL_FONT (DejaVu Sans, generous)
LABEL_FONT = 14
LABELLED_ROW = 50  # node (≤ 20) + label line (~ 17) + margin
PLAIN_ROW = 26
PLAIN_COLUMN = 34
COLUMN_GAP = 40
MAX_HEIGHT = 1000
# Overview bands, top to bottom; the kinds the page collapses into counts come last.
BANDS = ("interface", "method", "study", "strategy", "failure mode", "electrolyte class", "material", "claim", "cell")
COLLAPSED = ("strategy", "failure mode", "electrolyte class", "material", "claim", "cell")
# A graph the size of the field: a band of more nodes than this (the review has 47 studies; 1M triples about
# 2,700) is counted per lane too, so the overview is a summary: the interfaces, the methods and counts.
SUMMARY_LIMIT = 300
OVERVIEW_LABELLED = ("interface", "method", "study")
OVERVIEW_COLUMNS = {True: 1, False: 7}  # grid columns in a lane, labelled bands / plain bands (shared lane: 2×)
OVERVIEW_ROW = 34  # a small node and its label line
# Query view: columns by kind, left to right; of the 60 orders of these five, the one with the
# fewest crossings of drawn links in the headline view (371 before align(); the next best 442).
KIND_COLUMNS = (
    ("material", "cell"),
    ("strategy",),
    ("study",),
    ("interface", "failure mode", "claim"),
    ("method", "electrolyte class"),
)


# A context node linked to more answers than this is shared context (say the interface every answer
# strategy is at): it is drawn and labelled, but its links to the answers are not drawn.
SHARED_CONTEXT = 10


@dataclass
class Placement:
    """Positions (canvas units), slot groups, which nodes always show their label, and the links
    (source, target, relation) the view does not draw, with why (see undrawn_links)."""

    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    labelled: set[str] = field(default_factory=set)
    label_max: int = LABEL_MAX
    undrawn: dict[tuple[str, str, str], str] = field(default_factory=dict)


def short_label(text: str, limit: int = LABEL_MAX) -> str:
    """The label drawn on the canvas: at most LIMIT characters, an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def label_width(text: str, limit: int = LABEL_MAX) -> float:
    return len(short_label(text, limit)) * CHAR_WIDTH


def _numeral(graph: nx.MultiDiGraph, node: str) -> str:
    return graph.nodes[node]["numeral"] if graph.nodes[node]["kind"] == "interface" else ""


def lane(graph: nx.MultiDiGraph, node: str) -> str:
    """A node's lane: the interface it links to (or belongs to) when there is exactly one, else shared."""
    d = graph.nodes[node]
    if d["kind"] == "interface" and d["numeral"] in INTERFACE_ORDER:
        return d["numeral"]
    direct = {_numeral(graph, v) for v in nx.all_neighbors(graph, node)} & set(INTERFACE_ORDER)
    found = direct or ({_numeral(graph, v) for v in d["facets"]["interface"] if v in graph} & set(INTERFACE_ORDER))
    return found.pop() if len(found) == 1 else SHARED_LANE


SWEEPS = 20


def undrawn_links(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], str]:
    """The links an answer view does not draw, with why: "context" for a link between two context
    (non-answer) nodes, "column" for a link between two nodes of one column (it would run over the
    nodes between them), "shared" for a link to a context node linked to more than SHARED_CONTEXT answers."""
    answers = {n for n, d in graph.nodes(data=True) if d.get("answer")}
    fan = {n: len(set(nx.all_neighbors(graph, n)) & answers) for n in graph if n not in answers}
    column = {kind: i for i, kinds in enumerate(KIND_COLUMNS) for kind in kinds}
    undrawn = {}
    for u, v, key in graph.edges(keys=True):
        if u not in answers and v not in answers:
            undrawn[(u, v, key)] = "context"
        elif column[graph.nodes[u]["kind"]] == column[graph.nodes[v]["kind"]]:
            undrawn[(u, v, key)] = "column"
        elif fan.get(u, 0) > SHARED_CONTEXT or fan.get(v, 0) > SHARED_CONTEXT:
            undrawn[(u, v, key)] = "shared"
    return undrawn


def _drawn_neighbours(graph: nx.MultiDiGraph, column_of: dict[str, object], undrawn: dict) -> dict[str, list[str]]:
    """Each node of COLUMN_OF (node -> its column) with its neighbours in other columns by the links drawn
    (not in UNDRAWN), sorted."""
    neighbours: dict[str, set[str]] = {n: set() for n in column_of}
    for u, v, key in graph.edges(keys=True):
        if u in column_of and v in column_of and column_of[u] != column_of[v] and (u, v, key) not in undrawn:
            neighbours[u].add(v)
            neighbours[v].add(u)
    return {n: sorted(vs) for n, vs in neighbours.items()}


def _barycentre_orders(graph: nx.MultiDiGraph, groups: list[list[str]], undrawn: dict | None = None) -> list[list[str]]:
    """Each group's order after SWEEPS alternating sweeps (left to right, then back) of the barycentre
    heuristic: a node moves to the mean place of its neighbours (by the links drawn) in the other groups."""
    orders = [list(nodes) for nodes in groups]
    neighbours = _drawn_neighbours(graph, {n: g for g, nodes in enumerate(orders) for n in nodes}, undrawn or {})
    rank = {n: i / max(len(nodes) - 1, 1) for nodes in orders for i, n in enumerate(nodes)}
    for sweep in range(SWEEPS):
        for g in range(len(orders)) if sweep % 2 == 0 else reversed(range(len(orders))):

            def key(node):
                ranks = [rank[v] for v in neighbours[node]]
                return (sum(ranks) / len(ranks) if ranks else rank[node], rank[node])

            orders[g].sort(key=key)
            for i, n in enumerate(orders[g]):
                rank[n] = i / max(len(orders[g]) - 1, 1)
    return orders


def columns(
    graph: nx.MultiDiGraph,
    groups: list[tuple[str, list[str]]],
    labelled: set[str],
    placement: Placement,
    x: float = 0.0,
    max_height: float = MAX_HEIGHT,
) -> float:
    """Place each (name, nodes) group as a column left of the next, ordered by barycentre, wrapped at
    max_height into sub-columns as wide as their widest label, centred on y = 0; returns the next free x."""

    def first(n):
        return (graph.nodes[n]["label"].lower(), n)

    orders = _barycentre_orders(graph, [sorted(nodes, key=first) for _, nodes in groups], placement.undrawn)
    for (name, _nodes), ordered in zip(groups, orders):
        chunks: list[list] = []
        chunk: list = []
        height = 0
        for node in ordered:
            row = LABELLED_ROW if node in labelled else PLAIN_ROW
            if chunk and height + row > max_height:
                chunks.append(chunk)
                chunk, height = [], 0
            chunk.append(node)
            height += row
        chunks += [chunk] if chunk else []
        for chunk in chunks:
            width = max([label_width(graph.nodes[n]["label"]) for n in chunk if n in labelled] + [PLAIN_COLUMN])
            rows = [LABELLED_ROW if n in labelled else PLAIN_ROW for n in chunk]
            y = -sum(rows) / 2
            for node, row in zip(chunk, rows):
                placement.positions[node] = (round(x + width / 2), round(y + row / 2))
                placement.groups[node] = name
                y += row
            x += width + COLUMN_GAP
    return x


ALIGN_ROUNDS = 4


def _nondecreasing(targets: list[float]) -> list[float]:
    """The nondecreasing sequence closest to TARGETS in squared distance (pool adjacent violators)."""
    blocks: list[list[float]] = []  # [sum, count]
    for t in targets:
        blocks.append([t, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    return [total / count for total, count in blocks for _ in range(int(count))]


def align(graph: nx.MultiDiGraph, placement: Placement) -> None:
    """Move the nodes of every column but the tallest up or down, in their order and a row apart, as
    close as they can get to the mean height of their drawn neighbours in other columns (ALIGN_ROUNDS
    rounds): links run flatter and cross less than in columns packed around y = 0."""
    pos = placement.positions
    members: dict[int, list[str]] = {}
    for node in sorted(pos, key=lambda n: pos[n][1]):
        members.setdefault(pos[node][0], []).append(node)
    neighbours = _drawn_neighbours(graph, {n: xy[0] for n, xy in pos.items()}, placement.undrawn)
    row = {n: LABELLED_ROW if n in placement.labelled else PLAIN_ROW for n in pos}
    tallest = max(sorted(members), key=lambda x: sum(row[n] for n in members[x]))
    for _ in range(ALIGN_ROUNDS):
        for x in sorted(members):
            if x == tallest:
                continue
            column, offsets, below = members[x], [], 0.0
            for i, node in enumerate(column):
                below += (row[column[i - 1]] + row[node]) / 2 if i else 0
                offsets.append(below)
            wanted = [
                sum(pos[v][1] for v in neighbours[n]) / len(neighbours[n]) if neighbours[n] else pos[n][1]
                for n in column
            ]
            for node, z, offset in zip(column, _nondecreasing([w - o for w, o in zip(wanted, offsets)]), offsets):
                pos[node] = (x, round(z + offset))


def crossings(positions: dict[str, tuple[float, float]], links: list[tuple[str, str]]) -> int:
    """Pairs of straight links (FROM, TO) drawn between POSITIONS that cross, links sharing an end not counted."""

    def side(a, b, c):
        return (c[1] - a[1]) * (b[0] - a[0]) - (b[1] - a[1]) * (c[0] - a[0])

    segments = [(positions[u], positions[v], u, v) for u, v in links]
    count = 0
    for i, (a, b, u1, v1) in enumerate(segments):
        for c, d, u2, v2 in segments[i + 1 :]:
            if u1 in (u2, v2) or v1 in (u2, v2):
                continue
            if side(a, b, c) * side(a, b, d) < 0 and side(c, d, a) * side(c, d, b) < 0:
                count += 1
    return count


def _centred(placement: Placement) -> Placement:
    if placement.positions:
        xs = [x for x, _ in placement.positions.values()]
        middle = (min(xs) + max(xs)) / 2
        placement.positions = {n: (round(x - middle), y) for n, (x, y) in placement.positions.items()}
    return placement


def answer_view(graph: nx.MultiDiGraph) -> Placement:
    """A query view: a column per kind group (materials, strategies, studies, interfaces and the rest,
    classes), the answer nodes labelled, columns unwrapped; it draws every link but those undrawn_links names."""
    placement = Placement(
        labelled={n for n, d in graph.nodes(data=True) if d.get("answer") or d["kind"] == "interface"},
        undrawn=undrawn_links(graph),
    )
    groups = [
        (f"column {i}", [n for n, d in graph.nodes(data=True) if d["kind"] in kinds])
        for i, kinds in enumerate(KIND_COLUMNS)
    ]
    columns(graph, [g for g in groups if g[1]], placement.labelled, placement, max_height=float("inf"))
    align(graph, placement)
    return _centred(placement)


def focus_view(graph: nx.MultiDiGraph, centre: str) -> Placement:
    """A focus view: the centre, then a column per distance from it; every node labelled."""
    distance = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre)
    groups = [
        (
            f"distance {step}",
            sorted((n for n, d in distance.items() if d == step), key=lambda n: (graph.nodes[n]["kind"], n)),
        )
        for step in range(max(distance.values()) + 1)
    ]
    placement = Placement(labelled=set(graph))
    columns(graph, groups, placement.labelled, placement)
    return _centred(placement)


def overview(graph: nx.MultiDiGraph) -> Placement:
    """The whole graph: lanes I-IV and a shared lane, bands by kind within a lane (see the module doc)."""
    placement = Placement(
        labelled={n for n, d in graph.nodes(data=True) if d["kind"] in OVERVIEW_LABELLED}, label_max=OVERVIEW_LABEL_MAX
    )
    lanes = {n: lane(graph, n) for n in graph}
    x = 0.0
    for name in (*INTERFACE_ORDER, SHARED_LANE):
        members = [n for n in graph if lanes[n] == name]
        if not members:
            continue
        y, right = 0.0, x
        for band in BANDS:
            nodes = sorted(
                (n for n in members if graph.nodes[n]["kind"] == band),
                key=lambda n: (graph.nodes[n]["label"].lower(), n),
            )
            if not nodes:
                continue
            labelled = band in OVERVIEW_LABELLED
            per_row = 1 if band == "interface" else OVERVIEW_COLUMNS[labelled] * (2 if name == SHARED_LANE else 1)
            width = (
                max(label_width(graph.nodes[n]["label"], OVERVIEW_LABEL_MAX) for n in nodes)
                if labelled
                else PLAIN_COLUMN
            )
            row = OVERVIEW_ROW if labelled else PLAIN_ROW
            for i, node in enumerate(nodes):
                placement.positions[node] = (round(x + (i % per_row + 0.5) * width), round(y + (i // per_row) * row))
                placement.groups[node] = f"lane {name} {band}"
            y += ((len(nodes) - 1) // per_row + 1) * row + COLUMN_GAP
            right = max(right, x + per_row * width)
        x = right + 2 * COLUMN_GAP
    return _centred(placement)


def counted_kinds(graph: nx.MultiDiGraph) -> list[str]:
    """The kinds the overview counts per lane instead of drawing: COLLAPSED, and every other band but the
    interfaces that holds more than SUMMARY_LIMIT nodes."""
    sizes: dict[str, int] = {}
    for _, kind in graph.nodes(data="kind"):
        sizes[kind] = sizes.get(kind, 0) + 1
    return [k for k in BANDS if k in COLLAPSED or (k != "interface" and sizes.get(k, 0) > SUMMARY_LIMIT)]


def is_summary(graph: nx.MultiDiGraph) -> bool:
    """Whether the overview of GRAPH counts a band beyond COLLAPSED (SUMMARY_LIMIT)."""
    return any(k not in COLLAPSED for k in counted_kinds(graph))
