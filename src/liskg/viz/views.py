"""The views `liskg viz` writes: the whole graph, the answer of a query with its one-hop context, or the
neighbourhood of one node, each as one page (liskg.viz.page) with the in-page engine and the charts.

Reading never builds: the caller (liskg.api.page) makes the build current first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from liskg.base import named, runner
from liskg.base.errors import LiskgError
from liskg.base.names import Names
from liskg.base.progress import Progress
from liskg.base.project import Project
from liskg.querying import answers, store
from liskg.querying.compare import Comparer
from liskg.viz import charts, layout, model, page

TITLE = "LiSKG knowledge graph"
DEFAULT_OUTPUT = "liskg-graph.html"


@dataclass
class View:
    """What one page draws: the graph, the line under the title, and what it is a view of."""

    graph: nx.MultiDiGraph
    subtitle: str
    name: str | None = None  # "query-NAME" or "focus-LABEL"; None for the whole graph
    focus: str | None = None  # the IRI of the focus node
    query: dict | None = None  # {"name", "text"} of the query answered
    answer_data: str | None = None  # its SPARQL JSON results


def whole(graph: nx.MultiDiGraph) -> View:
    held = f"the graph holds {graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} links"
    if layout.is_summary(graph):
        return View(
            graph,
            f"{held}, too many to draw: this overview draws the interfaces and the methods and counts the rest "
            "in each lane; ask a question, search or click a count to draw those nodes",
        )
    return View(graph, f"{held}; measurements are listed as key numbers on their strategy or study")


def answer(graph: nx.MultiDiGraph, inferred: ox.Store, query: named.Query) -> View:
    """The nodes named in the results of a SELECT QUERY on the INFERRED graph (highlighted) with their context."""
    result = runner.run(inferred, query.text, origin=query.origin)
    if result.form != "select":
        raise LiskgError(
            f"{query.origin}: --query draws the answer of a SELECT query; this one is {result.form.upper()}"
        )
    iris = {term.value for row in result.rows for term in row if isinstance(term, ox.NamedNode)}
    graph = model.answer_subgraph(graph, iris)
    answers = sum(1 for _, d in graph.nodes(data=True) if d["answer"])
    subtitle = (
        f"answer of {query.origin}: {answers} answer node{'s' if answers != 1 else ''} (thick border) "
        "and their one-hop context" + (f"; {query.question}" if query.question else "")
    )
    return View(
        graph,
        subtitle,
        f"query-{query.name}",
        query={"name": query.name, "text": query.text},
        answer_data=result.data.decode("utf-8"),
    )


def neighbourhood(graph: nx.MultiDiGraph, asserted: ox.Store, name: str, depth: int) -> View:
    """The nodes within DEPTH links of the node NAME names (a label, synonym, formula or IRI)."""
    centre = Names(asserted).one("node", name, among=graph.nodes).value
    graph = model.neighbourhood(graph, centre, depth)
    label = graph.nodes[centre]["label"]
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return View(graph, f"within {depth} link{'s' if depth != 1 else ''} of {label}", f"focus-{slug}", focus=centre)


def write(
    project: Project,
    *,
    query: str | None = None,
    focus: str | None = None,
    depth: int = 1,
    output: Path | None = None,
    quiet: bool = True,
) -> Path:
    """Write the page of the whole graph, of QUERY's answer (a name or a .rq file) or of FOCUS's
    neighbourhood to OUTPUT (default build/liskg-graph[-query-NAME|-focus-LABEL].html); its path. Unless
    QUIET, one progress line per step on stderr (minutes at ten million triples)."""
    if query and focus:
        raise LiskgError("draw either a query's answer or a focus node's neighbourhood, not both")
    if depth < 0:
        raise LiskgError("--depth must be 0 or more")
    progress = Progress("viz", quiet)
    with progress.step("reading the graph") as note:
        asserted = store.load(project, inferred=False)
        graph = model.build_graph(asserted)
        inferred = store.load(project)
        note["detail"] = f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} links"
    with progress.step("choosing what to draw") as note:
        if query:
            view = answer(graph, inferred, named.resolve(project, query))
        elif focus:
            view = neighbourhood(graph, asserted, focus, depth)
        else:
            view = whole(graph)
        note["detail"] = f"{view.graph.number_of_nodes():,} nodes"
    with progress.step("the page's engine, charts and compare tables") as note:
        engine = engine_for(project, inferred, view)
        specs, tables = charts.all_specs(inferred), compare_tables(inferred)
        note["detail"] = "the graph" if engine.ntriples is not None else f"{len(engine.answers)} kept answers"
    path = output or project.build_dir / (f"liskg-graph-{view.name}.html" if view.name else DEFAULT_OUTPUT)
    with progress.step("writing the page"):
        return page.write_page(
            view.graph,
            path,
            TITLE,
            view.subtitle,
            engine=engine,
            focus=view.focus,
            query=view.query,
            charts=specs,
            compare=tables,
        )


def engine_for(project: Project, inferred: ox.Store, view: View) -> page.Engine:
    """The page's engine: the built graph, or for a graph of more than page.ENGINE_LIMIT triples the answers
    that stand in for it (the build's, and the view's own)."""
    queries = named.named_queries(project).values()
    triples = len(inferred)
    if triples <= page.ENGINE_LIMIT:
        return page.engine_data(store.output_file(project).read_bytes(), inferred, queries)
    kept = {
        q.text: a.stored["data"] for q in queries if (a := answers.kept(project, q)) and a.stored["form"] == "select"
    }
    if view.query and view.answer_data is not None:
        kept[view.query["text"]] = view.answer_data
    return page.engine_data(None, inferred, queries, triples=triples, answers=kept)


def compare_tables(inferred: ox.Store) -> dict:
    """The Compare tab's tables: `liskg compare --quantity LABEL` for every quantity a number measures."""
    return {
        "quantities": [
            {
                "quantity": label,
                "description": table.description,
                "headers": table.headers,
                "rows": table.rows,
                "notes": table.notes,
                "record_headers": table.record_headers,
                "records": table.records,
            }
            for label, table in Comparer(inferred).by_quantity().items()
        ]
    }
