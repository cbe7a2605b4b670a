"""Network metrics of the drawn graph (liskg.viz.model): size by kind and relation, hubs, components."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

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
