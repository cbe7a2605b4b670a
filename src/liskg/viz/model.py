"""The knowledge graph as a networkx graph: the bridge from RDF to drawing, metrics and export.

Nodes are the things a researcher navigates by: the four interfaces, the electrolyte and
processing-method class hierarchies, and the strategies, studies, materials, failure modes, claims
and cells of the data (sparql/graph-nodes.rq). Sections, the review, quantity kinds and units are
not drawn: they would be hubs joined to everything. Measurements are not drawn either: each one is
folded into the node it belongs to as a line of "key numbers with units" (the strategy that has it or
the claim that points to it, else the study that reported it, else what it was measured on;
sparql/graph-measurement-owners.rq).

Edges are the asserted links between two nodes, named by the property's label (sparql/graph-edges.rq);
class membership and the class hierarchy appear as "is a" and "subclass of". The graph is read from
the asserted triples (not the materialized ones), so a super-property never repeats an edge.

Every node also carries its facets: the interfaces, electrolyte classes and methods it belongs to,
used by the page's filters (see facets()).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx
import pyoxigraph as ox

from liskg.base import engine, vocab
from liskg.base.errors import LiskgError
from liskg.base.numbers import measurement_text


@dataclass(frozen=True)
class Kind:
    """A kind of node: the SPARQL pattern that finds its ?node, how the page draws it, and whether
    `liskg stats` lists its most connected nodes."""

    pattern: str
    color: str
    shape: str
    hub: bool = False


# The one table of kinds, in legend order; a node matching two kinds is drawn as the first.
# Colours are ColorBrewer "Paired"/"Dark2" hues.
KINDS = {
    "interface": Kind("?node a liskg:Interface", "#e6ab02", "star"),
    "electrolyte class": Kind("?node a owl:Class ; rdfs:subClassOf* liskg:Electrolyte", "#7570b3", "triangle"),
    "method": Kind(
        "VALUES ?tree { liskg:ProcessingMethod liskg:CoatingTechnique } ?node a owl:Class ; rdfs:subClassOf* ?tree",
        "#1f78b4",
        "square",
        hub=True,
    ),
    "strategy": Kind("?node a owl:NamedIndividual ; a/rdfs:subClassOf* liskg:ProcessingMethod", "#a6cee3", "dot"),
    "study": Kind("VALUES ?work { liskg:Study liskg:CitedAnalysis } ?node a ?work", "#33a02c", "diamond"),
    "material": Kind("?node a owl:NamedIndividual ; a/rdfs:subClassOf* liskg:Material", "#ff7f00", "dot"),
    "failure mode": Kind(
        "?node a owl:NamedIndividual ; a/rdfs:subClassOf* liskg:FailureMode", "#e31a1c", "triangleDown", hub=True
    ),
    "claim": Kind("?node a owl:NamedIndividual ; a/rdfs:subClassOf* liskg:Claim", "#cab2d6", "hexagon"),
    "cell": Kind("?node a liskg:Cell", "#b15928", "dot"),
}
ORDER = list(KINDS)
# Facet name -> the kind of node that is a facet value.
FACETS = {"interface": "interface", "electrolyte class": "electrolyte class", "method": "method"}
SUBCLASS_OF = "subclass of"
MEASUREMENT_FIELDS = (
    "quantity",
    "value",
    "minimum",
    "maximum",
    "qualifier",
    "unit",
    "doubtful",
    "baseline",
    "baseline_qualifier",
    "temperature",
    "room",
    "crate",
    "current",
    "pressure",
    "sulfur",
    "cycles",
    "context",
)


def nodes_query() -> str:
    """graph-nodes.rq with its {{kinds}} slot filled: one UNION branch per kind, binding ?kind to its name."""
    branches = " UNION ".join(f'{{\n    {kind.pattern} . BIND("{name}" AS ?kind)\n  }}' for name, kind in KINDS.items())
    return vocab.sparql("viz/sparql/graph-nodes.rq").replace("{{kinds}}", branches)


def _query(store: ox.Store, name: str):
    return engine.solutions(store, nodes_query() if name == "graph-nodes.rq" else vocab.sparql(f"viz/sparql/{name}"))


def _text(term) -> str:
    return term.value if term is not None else ""


def build_graph(store: ox.Store) -> nx.MultiDiGraph:
    """The drawable graph of an (asserted) store, nodes and edges inserted in sorted order."""
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    summaries: dict[str, str] = {}
    numerals: dict[str, str] = {}
    for row in _query(store, "graph-nodes.rq"):
        node, kind = row["node"].value, row["kind"].value
        if node not in kinds or ORDER.index(kind) < ORDER.index(kinds[node]):
            kinds[node] = kind
        labels.setdefault(node, _text(row["label"]) or vocab.shorten(node))
        summaries.setdefault(node, _text(row["summary"]))
        numerals.setdefault(node, _text(row["numeral"]))
    types = defaultdict(set)
    for row in _query(store, "graph-types.rq"):
        types[row["node"].value].add(row["type"].value)
    references, sections, sources = _provenance(store, kinds)
    numbers, folded, keys = _key_numbers(store, kinds)
    names = _names(store, kinds, labels)

    graph = nx.MultiDiGraph(folded=folded, linked_names=_linked_names(store, kinds))
    for node in sorted(kinds):
        graph.add_node(
            node,
            kind=kinds[node],
            label=labels[node],
            curie=vocab.shorten(node),
            types=sorted(types[node]),
            summary=summaries[node],
            references=references.get(node, []),
            sections=sections.get(node, []),
            sources=sources.get(node, []),
            numbers=numbers.get(node, []),
            key="",
            names=names.get(node, []),
            numeral=numerals[node],
        )
    edges = {
        (row["source"].value, row["target"].value, row["relation"].value) for row in _query(store, "graph-edges.rq")
    }
    for source, target, relation in sorted(edges):
        if source in kinds and target in kinds and source != target:
            graph.add_edge(source, target, key=relation, label=relation)
    for node, values in facets(graph).items():
        graph.nodes[node]["facets"] = values
    for node in graph:
        graph.nodes[node]["key"] = _key_number(graph, node, keys)
    return graph


def _key_number(graph: nx.MultiDiGraph, node: str, keys: dict[str, tuple[int, str]]) -> str:
    """A node's own best number; a study with no result of its own shows its strategies' result."""
    found = [keys[node]] if node in keys else []
    if graph.nodes[node]["kind"] == "study" and not (found and found[0][0] == 0):
        found += [keys[v] for v in graph.successors(node) if v in keys and keys[v][0] == 0]
    return min(found)[1] if found else ""


def _names(store: ox.Store, nodes, labels: dict[str, str]) -> dict[str, list[str]]:
    """Each node's other names (synonyms, formulas, numeral), from the name resolver's query (liskg.base.names)."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for row in engine.solutions(store, engine.bind(vocab.sparql("base/sparql/find-names.rq"), needle=[ox.Literal("")])):
        node, name = row["thing"].value, row["name"].value
        if node in nodes and name != labels[node]:
            found[node].add(name)
    return {node: sorted(values) for node, values in found.items()}


def _linked_names(store: ox.Store, nodes) -> dict[str, list[str]]:
    """The names of the ontology terms each node links to and the page does not draw (the individuals it
    points at; a cell's format class: "pouch cell", "soft-packed cell"), for the page's search."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    for row in _query(store, "graph-linked-names.rq"):
        if row["node"].value in nodes and row["thing"].value not in nodes:
            found[row["node"].value].add(str(row["name"].value))
    return {node: sorted(names) for node, names in sorted(found.items())}


def _section_key(number: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in number.split("."))


def _provenance(store: ox.Store, nodes) -> tuple[dict[str, list[int]], dict[str, list[str]], dict[str, list[str]]]:
    """Reference numbers and section numbers per node (a node's own sections win over its study's), and where
    a node outside the review comes from: 'doi:…' and the template row it was entered on ('entered at
    file:row')."""
    found: defaultdict[str, defaultdict[str | tuple, set]] = defaultdict(
        lambda: defaultdict(set)
    )  # node -> (field, via) -> values
    for row in _query(store, "graph-provenance.rq"):
        node = row["node"].value
        if node not in nodes:
            continue
        if row["reference"] is not None:
            found[node]["reference"].add(int(row["reference"].value))
        if row["section"] is not None:
            found[node][("section", row["via"].value)].add(row["section"].value)
        if row["source"] is not None:
            found[node]["source"].add(row["source"].value.replace("https://doi.org/", "doi:"))
        if row["row"] is not None:
            found[node]["row"].add("entered at " + row["row"].value)
    references = {node: sorted(f["reference"]) for node, f in found.items() if f["reference"]}
    sections = {
        node: sorted(f[("section", "self")] or f[("section", "study")], key=_section_key) for node, f in found.items()
    }
    sources = {node: sorted(f["source"]) + sorted(f["row"]) for node, f in found.items() if f["source"] or f["row"]}
    return references, {node: values for node, values in sections.items() if values}, sources


def _key_numbers(
    store: ox.Store, nodes
) -> tuple[dict[str, list[str]], dict[str, list[str]], dict[str, tuple[int, str]]]:
    """Each measurement's line on the drawn nodes that own it best; measurement -> those nodes; and each
    node's key number: a result with its baseline first, never a baseline that another result improves on."""
    owners: defaultdict[str, dict] = defaultdict(dict)  # measurement -> rank -> owners
    for row in _query(store, "graph-measurement-owners.rq"):
        if row["owner"].value in nodes:
            owners[row["measurement"].value].setdefault(int(row["rank"].value), set()).add(row["owner"].value)
    numbers, folded, results = defaultdict(list), {}, defaultdict(list)
    for row in _query(store, "graph-measurements.rq"):
        ranked = owners.get(row["measurement"].value)
        if ranked:
            folded[row["measurement"].value] = sorted(ranked[min(ranked)])
            line = measurement_text({name: _text(row[name]) for name in MEASUREMENT_FIELDS})
            # A result (with its baseline) ranks first, a baseline that another measurement improves on last.
            rank = 0 if row["baseline"] is not None else 2 if row["isBaseline"].value == "true" else 1
            for owner in folded[row["measurement"].value]:
                numbers[owner].append(line)
                results[owner].append((rank, line))
    keys = {node: min(found) for node, found in results.items()}
    return ({node: _merge_repeats(lines) for node, lines in numbers.items()}, dict(sorted(folded.items())), keys)


def _merge_repeats(lines: list[str]) -> list[str]:
    """Sorted lines, identical ones (say both sides of a 3 × 3 cm2 sheet) shown once with their count."""
    counts = Counter(lines)
    return [line if counts[line] == 1 else f"{line} ({counts[line]} measurements)" for line in sorted(counts)]


def facets(graph: nx.MultiDiGraph) -> dict[str, dict[str, list[str]]]:
    """For each node, the interfaces, electrolyte classes and methods it belongs to (the page's filters).

    A node belongs to a facet value V when it is V or a subclass of V, or is linked to V or to a
    subclass of V. A strategy also belongs to the values of the materials it uses. Then every node
    linked to a strategy belongs to that strategy's values, and every node linked to a study (its
    cells, the claims it supports) to that study's. A facet value itself belongs, on its own facet,
    only to itself and its superclasses.
    """
    kind = nx.get_node_attributes(graph, "kind")
    hierarchy = nx.DiGraph((u, v) for u, v, key in graph.edges(keys=True) if key == SUBCLASS_OF)
    links = nx.Graph((u, v) for u, v, key in graph.edges(keys=True) if key != SUBCLASS_OF)
    links.add_nodes_from(graph)
    facet_values = {
        facet: {
            v: {v} | (nx.descendants(hierarchy, v) if v in hierarchy else set()) for v in graph if kind[v] == facet_kind
        }
        for facet, facet_kind in FACETS.items()
    }
    tags: dict[str, dict[str, set[str]]] = {node: {facet: set() for facet in FACETS} for node in graph}
    for facet, broader in facet_values.items():
        for value, superclasses in broader.items():
            for node in [value, *links.neighbors(value)]:
                tags[node][facet] |= superclasses

    def inherit(from_kind: str, to_kinds: set[str]) -> None:
        snapshot = {node: {f: set(v) for f, v in tags[node].items()} for node in graph if kind[node] == from_kind}
        for source, source_tags in snapshot.items():
            for node in links.neighbors(source):
                if kind[node] in to_kinds:
                    for facet, found in source_tags.items():
                        tags[node][facet] |= found

    inherit("material", {"strategy"})
    inherit("strategy", set(ORDER) - {"strategy"})
    inherit("study", set(ORDER) - {"study"})
    for facet, broader in facet_values.items():
        for value, superclasses in broader.items():
            tags[value][facet] = set(superclasses)
    return {node: {facet: sorted(found) for facet, found in tags[node].items()} for node in graph}


def answer_subgraph(graph: nx.MultiDiGraph, iris: set[str]) -> nx.MultiDiGraph:
    """The answer nodes (IRIs in the results, measurements standing for their owner) and their one-hop context."""
    folded = graph.graph.get("folded", {})
    answers = {node for iri in iris for node in ([iri] if iri in graph else folded.get(iri, []))}
    if not answers:
        raise LiskgError(
            "the query's results name no node of the graph (interfaces, classes, strategies, "
            "studies, materials, failure modes, claims, cells); select their IRIs to draw them"
        )
    keep = set(answers)
    for node in answers:
        keep |= set(graph.successors(node)) | set(graph.predecessors(node))
    sub = graph.subgraph(sorted(keep)).copy()
    for node in sub:
        sub.nodes[node]["answer"] = node in answers
    return sub


def neighbourhood(graph: nx.MultiDiGraph, centre: str, depth: int) -> nx.MultiDiGraph:
    """The nodes within DEPTH links of CENTRE, whatever the link direction; CENTRE is the answer node."""
    keep = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth)
    sub = graph.subgraph(sorted(keep)).copy()
    for node in sub:
        sub.nodes[node]["answer"] = node == centre
    return sub
