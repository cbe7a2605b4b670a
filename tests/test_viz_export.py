"""`liskg export` for Gephi and Cytoscape users, and the graph metrics `liskg stats` reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import networkx as nx
import pytest

import liskg
from conftest import ROOT, run_main
from liskg.viz import metrics

READERS = {
    "graphml": nx.read_graphml,
    "gexf": nx.read_gexf,
    "json": lambda path: nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges"),
}


@pytest.fixture(scope="module")
def graph(project):
    return liskg.graph(project)


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_export_round_trips_every_node_and_link(graph, tmp_path, fmt):
    target = tmp_path / f"graph.{fmt}"
    result = run_main("export", "--format", fmt, "-o", str(target))
    assert result.code == 0, result.err
    assert result.out.strip() == str(target)
    back = READERS[fmt](target)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    interface = "https://w3id.org/liskg/ontology#LiSSEInterface"
    assert back.nodes[interface]["kind"] == "interface"
    assert back.nodes[interface]["label"] == "Li/SSE interface"
    relations = sorted(data["label"] for _, _, data in back.edges(data=True))
    assert relations == sorted(key for _, _, key in graph.edges(keys=True))


def test_exports_are_byte_identical_across_runs_and_hash_seeds(tmp_path):
    """Each format written by two interpreters with different hash seeds (one process per seed)."""
    script = (
        "import sys\nfrom liskg.cli.main import main\n"
        "sys.exit(max(main(['export', '--format', fmt, '-o', f'{sys.argv[1]}.{fmt}']) for fmt in sys.argv[2:]))"
    )
    for seed, stem in (("3", "a"), ("4", "b")):
        result = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / stem), *sorted(READERS)],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
    for fmt in sorted(READERS):
        assert (tmp_path / f"a.{fmt}").read_bytes() == (tmp_path / f"b.{fmt}").read_bytes(), fmt


def test_stats_keeps_its_counts_first_then_reports_graph_metrics(graph):
    result = run_main("stats", "--graph")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("studies")
    assert lines.index("materials by role or family:") < lines.index("nodes by kind:")
    summary = next(line for line in lines if line.startswith("graph drawn by `liskg viz`:"))
    assert f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} links" in summary
    parts = metrics.components(graph)
    assert f"{parts['components']} connected components" in summary
    start = lines.index("nodes by kind:") + 1
    kinds = [line.split()[:-1] for line in lines[start : start + len(metrics.nodes_per_kind(graph))]]
    assert [" ".join(words) for words in kinds] == [kind for kind, _ in metrics.nodes_per_kind(graph)]
    for kind in ("methods", "failure modes"):
        header = next(i for i, line in enumerate(lines) if line.startswith(f"most connected {kind}:"))
        assert "degree" in lines[header] and "betweenness" in lines[header]
        degrees = [int(line.split()[-2]) for line in lines[header + 1 : header + 6]]
        assert degrees == sorted(degrees, reverse=True) and degrees[0] > 0


def test_hubs_are_ranked_by_degree_with_betweenness_between_0_and_1(graph):
    hubs = metrics.hubs(graph, ["method", "failure mode"], top=3)
    for kind, ranked in hubs.items():
        assert len(ranked) == 3
        assert [h.degree for h in ranked] == sorted((h.degree for h in ranked), reverse=True)
        assert all(0 <= h.betweenness <= 1 for h in ranked)
        best = max((n for n, k in graph.nodes(data="kind") if k == kind), key=graph.degree)
        assert ranked[0].degree == graph.degree(best)


def test_components_count_every_node_once():
    """On a graph whose answer is known: a chain of three, a pair linked twice, one isolated node."""
    small = nx.MultiDiGraph()
    for node, kind in (
        ("a", "method"),
        ("b", "strategy"),
        ("c", "study"),
        ("d", "claim"),
        ("e", "material"),
        ("f", "material"),
    ):
        small.add_node(node, kind=kind, label=node.upper())
    small.add_edge("a", "b", key="is a")
    small.add_edge("c", "b", key="applies strategy")
    small.add_edge("e", "f", key="part of")
    small.add_edge("f", "e", key="has part")
    assert metrics.components(small) == {"components": 3, "largest": 3, "isolated": 1}
    assert metrics.nodes_per_kind(small) == [
        ("method", 1),
        ("strategy", 1),
        ("study", 1),
        ("material", 2),
        ("claim", 1),
    ]
    assert metrics.edges_per_relation(small) == [("applies strategy", 1), ("has part", 1), ("is a", 1), ("part of", 1)]
