"""The drawn graph (liskg.viz.model) for Gephi and Cytoscape: GraphML, GEXF or node-link JSON.

List attributes (references, sections, key numbers, facets) become one string each, joined by
"; ", since GraphML and GEXF hold only scalars. Output is deterministic: nodes and edges keep the
graph's sorted order, edges are numbered in that order, and GEXF's date stamp is left out.
"""

from __future__ import annotations

import io
import json
import re

import networkx as nx

from liskg.base.errors import LiskgError
from liskg.base.formats import EXPORT_FORMATS

FORMATS = EXPORT_FORMATS
SEPARATOR = "; "


def _scalar(value):
    if isinstance(value, list):
        return SEPARATOR.join(str(v) for v in value)
    return value


def flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only, edges keyed 0, 1, 2 ... (their relation stays in 'label')."""
    result = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        attributes = {k: _scalar(v) for k, v in data.items() if k != "facets"}
        attributes.update({f"facet {facet}": _scalar(values) for facet, values in data.get("facets", {}).items()})
        result.add_node(node, **attributes)
    for index, (source, target, data) in enumerate(graph.edges(data=True)):
        result.add_edge(source, target, key=index, **data)
    return result


def serialize(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The graph in FORMAT (one of FORMATS) as bytes."""
    graph = flat(graph)
    if fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer)
        return buffer.getvalue()
    if fmt == "gexf":
        nx.write_gexf(graph, buffer)
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue())
    raise LiskgError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
