"""What the graph holds (`liskg stats`): the headline counts (liskg.querying.stats) and the network metrics of
the drawn graph (liskg.viz.model): size by kind and relation, hubs, components."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import networkx as nx
import pyoxigraph as ox

from liskg.base import wrap
from liskg.querying import stats
from liskg.viz import model
from liskg.viz.model import KINDS


@dataclass(frozen=True)
class Hub:
    label: str
    degree: int
    betweenness: float


def nodes_per_kind(graph: nx.MultiDiGraph) -> list[tuple[str, int]]:
    counts = Counter(kind for _, kind in graph.nodes(data="kind"))
    return [(kind, counts[kind]) for kind in KINDS if counts[kind]]


def edges_per_relation(graph: nx.MultiDiGraph) -> list[tuple[str, int]]:
    counts = Counter(key for _, _, key in graph.edges(keys=True))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def hubs(graph: nx.MultiDiGraph, kinds: list[str], top: int = 5) -> dict[str, list[Hub]]:
    """For each kind, its TOP nodes with the most links and their normalized betweenness centrality
    (on the graph taken as an undirected simple graph)."""
    betweenness = nx.betweenness_centrality(nx.Graph(graph.to_undirected(as_view=True)))
    result = {}
    for kind in kinds:
        nodes = [n for n, k in graph.nodes(data="kind") if k == kind]
        ranked = sorted(nodes, key=lambda n: (-graph.degree(n), -betweenness[n], graph.nodes[n]["label"]))
        result[kind] = [Hub(graph.nodes[n]["label"], graph.degree(n), betweenness[n]) for n in ranked[:top]]
    return result


def components(graph: nx.MultiDiGraph) -> dict[str, int]:
    """Weakly connected components: how many, the largest one's size, and isolated nodes."""
    sizes = sorted((len(c) for c in nx.weakly_connected_components(graph)), reverse=True)
    return {"components": len(sizes), "largest": sizes[0] if sizes else 0, "isolated": sum(1 for s in sizes if s == 1)}


@dataclass(frozen=True)
class Stats:
    """What the graph holds and how the drawn graph is connected."""

    counts: dict[str, int]  # studies, cited_analyses, strategies, materials, ..., triples
    materials_by_role: list[tuple[str, int]]  # role or family label, materials
    nodes: int  # of the drawn graph
    links: int
    components: dict[str, int]  # components, largest, isolated
    nodes_per_kind: list[tuple[str, int]]
    links_per_relation: list[tuple[str, int]]
    hubs: dict[str, list[Hub]]  # the most connected nodes of each hub kind
    evidence: dict[str, int]  # links, stated, inferred, measurements, measured (of the asserted graph)
    studies_per_interface_and_method: dict[str, dict[str, int]] = field(default_factory=dict)
    numbers_per_quantity: list[tuple[str, int]] = field(default_factory=list)

    def report(self, *, graph: bool = False, width: int | None = None) -> str:
        """What `liskg stats` prints (see report())."""
        return report(self, graph=graph, width=width)


def summary(counted: ox.Store, drawn: ox.Store) -> Stats:
    """The counts of COUNTED (the graph with or without inferences) and the metrics of the graph drawn
    from DRAWN (the asserted triples)."""
    graph = model.build_graph(drawn)
    return Stats(
        counts=stats.counts(counted),
        materials_by_role=stats.materials_by_role(counted),
        nodes=graph.number_of_nodes(),
        links=graph.number_of_edges(),
        components=components(graph),
        nodes_per_kind=nodes_per_kind(graph),
        links_per_relation=edges_per_relation(graph),
        hubs=hubs(graph, [k for k, spec in KINDS.items() if spec.hub]),
        evidence=stats.evidence_coverage(drawn),
        studies_per_interface_and_method=stats.studies_per_interface_and_method(counted),
        numbers_per_quantity=stats.numbers_per_quantity(counted),
    )


def report(found: Stats, *, graph: bool = False, width: int | None = None) -> str:
    """`liskg stats` as text: what a researcher counts first (the headline counts, studies per interface and
    processing method, numbers per quantity, materials by role), then with GRAPH the metrics of the drawn
    graph. WIDTH: the matrix's method names wrap at spaces to fit it."""
    out = [f"{name.replace('_', ' '):<16}{value:>8,}" for name, value in found.counts.items()]
    cover = found.evidence
    out += [
        "",
        f"stated links with evidence: {cover['stated']:,}/{cover['links'] - cover['inferred']:,}",
        f"editors' inferences, with their reason: {cover['inferred']:,} of {cover['links']:,} links",
        f"measurements with evidence: {cover['measured']:,}/{cover['measurements']:,}",
    ]
    matrix = found.studies_per_interface_and_method
    if matrix:
        interfaces = list(matrix)
        methods = list(dict.fromkeys(m for row in matrix.values() for m in row))
        short = [i.replace(" interface", "") for i in interfaces]
        cell = max(7, *(len(s) for s in short))
        name = max(len(m) for m in methods)
        if width:
            name = min(name, max(16, width - 2 - (cell + 2) * len(short)))
        out += ["", "studies per interface and processing method:"]
        out.append("  " + " " * name + "".join(f"  {s:>{cell}}" for s in short))
        for method in methods:
            lines = wrap.lines(method, name) or [""]
            counts = "".join(f"  {matrix[i].get(method, 0) or '·':>{cell}}" for i in interfaces)
            out.append(f"  {lines[0]:<{name}}{counts}")
            out += [f"  {more}" for more in lines[1:]]
    out += ["", "numbers per quantity:"]
    out += [f"  {q:<36}{n:>6}" for q, n in found.numbers_per_quantity]
    out += ["", "materials by role or family:"]
    out += [f"  {role:<36}{count:>6}" for role, count in found.materials_by_role]
    if not graph:
        out += ["", "(liskg stats --graph adds the metrics of the graph `liskg viz` draws)"]
        return "\n".join(out)
    parts = found.components
    out += [
        "",
        *wrap.lines(
            f"graph drawn by `liskg viz`: {found.nodes:,} nodes, {found.links:,} links, {parts['components']} "
            f"connected components (largest {parts['largest']:,} nodes; {parts['isolated']} isolated nodes)",
            width,
        ),
    ]
    for title, rows in (("nodes by kind", found.nodes_per_kind), ("links by relation", found.links_per_relation)):
        out.append(f"{title}:")
        out += [f"  {label:<36}{count:>6}" for label, count in rows]
    widest = max([46] + [len(hub.label) for hubs_ in found.hubs.values() for hub in hubs_])  # names never cut
    for kind, hubs_ in found.hubs.items():
        out.append(f"{f'most connected {kind}s:':<{widest + 2}}{'degree':>6}  betweenness")
        out += [f"  {hub.label:<{widest}}{hub.degree:>6}  {hub.betweenness:>11.4f}" for hub in hubs_]
    return "\n".join(out)
