"""liskg export"""

from pathlib import Path

from liskg.base.files import write_atomically
from liskg.cli.arguments import open_build
from liskg.viz.export import FORMATS

HELP = "write the drawn graph as GraphML, GEXF or JSON for Gephi and Cytoscape"
DESCRIPTION = """\
Write the graph that `liskg viz` draws (nodes with kind, label, summary, references, sections, key
numbers; links named by relation) in a format that network tools open: GraphML (Gephi, Cytoscape,
yEd), GEXF (Gephi) or networkx node-link JSON. Lists are joined by "; ". Output is deterministic.

examples:
  liskg export --format graphml
  liskg export --format gexf -o liskg.gexf"""


def add_arguments(parser):
    parser.add_argument("--format", choices=FORMATS, default="graphml", help="file format (default: graphml)")
    parser.add_argument("-o", "--output", metavar="PATH", help="where to write (default: build/liskg-graph.FORMAT)")


def run(args, project) -> int:
    from liskg.viz import export, model  # 480 ms at start-up (networkx): `liskg --help` needs none of it

    graph = model.build_graph(open_build(project, inferred=False))
    path = Path(args.output) if args.output else project.build_dir / f"liskg-graph.{args.format}"
    write_atomically(path, export.serialize(graph, args.format))
    print(path)
    return 0
