"""liskg viz"""

import re
from pathlib import Path

from liskg.base import named
from liskg.base.errors import LiskgError
from liskg.cli.arguments import open_build

HELP = "write the interactive graph as one self-contained HTML page"
DESCRIPTION = """\
Write one HTML file that draws the knowledge graph in the browser and answers SPARQL queries in it,
offline from file:// (no request to any other host; the SPARQL engine is Oxigraph's WebAssembly
build, inside the file). The overview puts interfaces I-IV in lanes; hover a node for its summary,
key number, reference and review section; click it to name its neighbourhood; search names,
synonyms and formulas; filter by kind, interface, electrolyte class and method. The answer table
lists the rows of a named query or of one typed in the page. See docs/visualization.md.

With --query, draw the answer of a SPARQL SELECT: every node named in its results (highlighted)
with its one-hop context, and its rows in the table. With --focus, draw the neighbourhood of one node.

examples:
  liskg viz
  liskg viz --query oxide-anode-strategies
  liskg viz --focus LLZO --depth 2 -o llzo.html"""

DEFAULT_OUTPUT = "liskg-graph.html"


def add_arguments(parser):
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help=f"where to write the page (default: build/{DEFAULT_OUTPUT}, or build/liskg-graph-<query or focus>.html)",
    )
    view = parser.add_mutually_exclusive_group()
    view.add_argument(
        "--query", metavar="NAME|FILE", help="draw the answer of a named query (queries/NAME.rq) or a .rq file"
    )
    view.add_argument(
        "--focus", metavar="NAME", help="draw the neighbourhood of the node with this label, synonym, formula or IRI"
    )
    parser.add_argument("--depth", type=int, default=1, metavar="N", help="with --focus: links to follow (default 1)")


def run(args, project) -> int:
    # 510 ms at start-up (networkx, pyoxigraph, the page): `liskg --help` needs none of it
    import pyoxigraph as ox

    from liskg.base import engine
    from liskg.base.names import Names
    from liskg.querying import store
    from liskg.viz import charts, model, page

    if args.depth < 0:
        raise LiskgError("--depth must be 0 or more")
    asserted = open_build(project, inferred=False)
    graph = model.build_graph(asserted)
    inferred = store.load(project)
    engine_data = page.engine_data(
        store.output_file(project).read_bytes(), inferred, named.named_queries(project).values()
    )
    name = focus = shown = None
    subtitle = (
        f"the whole graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} links; "
        "measurements are listed as key numbers on their strategy or study"
    )
    if args.query:
        query = named.resolve(project, args.query)
        result = engine.run(inferred, query.text, origin=query.origin)
        if result.form != "select":
            raise LiskgError(
                f"{query.origin}: --query draws the answer of a SELECT query; this one is {result.form.upper()}"
            )
        iris = {term.value for row in result.rows for term in row if isinstance(term, ox.NamedNode)}
        graph = model.answer_subgraph(graph, iris)
        answers = sum(1 for _, d in graph.nodes(data=True) if d["answer"])
        name = f"query-{query.name}"
        shown = {"name": query.name, "text": query.text}
        subtitle = (
            f"answer of {query.origin}: {answers} answer node{'s' if answers != 1 else ''} (thick border) "
            "and their one-hop context" + (f"; {query.question}" if query.question else "")
        )
    elif args.focus:
        centre = focus = Names(asserted).one("node", args.focus, among=graph.nodes).value
        graph = model.neighbourhood(graph, centre, args.depth)
        name = "focus-" + re.sub(r"[^a-z0-9]+", "-", graph.nodes[centre]["label"].lower()).strip("-")
        subtitle = f"within {args.depth} link{'s' if args.depth != 1 else ''} of {graph.nodes[centre]['label']}"
    default = project.build_dir / (f"liskg-graph-{name}.html" if name else DEFAULT_OUTPUT)
    path = page.write_page(
        graph,
        Path(args.output) if args.output else default,
        "LiSKG knowledge graph",
        subtitle,
        engine=engine_data,
        focus=focus,
        query=shown,
        charts=charts.all_specs(inferred),
    )
    print(path)
    return 0
