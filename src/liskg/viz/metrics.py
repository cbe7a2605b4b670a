"""What the graph holds (`liskg stats`): the headline counts (liskg.querying.stats) and the network metrics of
the drawn graph (liskg.viz.model): size by kind and relation, hubs, components."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

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
    )
