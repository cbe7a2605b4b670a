"""liskg viz"""

import sys

from liskg.cli.arguments import ensure_current

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


def add_arguments(parser):
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="where to write the page (default: build/liskg-graph.html, or build/liskg-graph-<query or focus>.html)",
    )
    view = parser.add_mutually_exclusive_group()
    view.add_argument(
        "--query", metavar="NAME|FILE", help="draw the answer of a named query (queries/NAME.rq) or a .rq file"
    )
    view.add_argument(
        "--focus", metavar="NAME", help="draw the neighbourhood of the node with this label, synonym, formula or IRI"
    )
    parser.add_argument("--depth", type=int, default=1, metavar="N", help="with --focus: links to follow (default 1)")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress lines (shown on stderr when it is a terminal)"
    )


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    ensure_current(project)
    print(
        api.page(
            project,
            query=args.query,
            focus=args.focus,
            depth=args.depth,
            output=args.output,
            progress=not args.quiet and sys.stderr.isatty(),  # a log or a test reads the path alone
        )
    )
    return 0
