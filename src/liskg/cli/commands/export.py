"""liskg export"""

from liskg.base.formats import EXPORT_FORMATS
from liskg.cli.arguments import ensure_current

HELP = "write the drawn graph as GraphML, GEXF or JSON for Gephi and Cytoscape"
DESCRIPTION = """\
Write the graph that `liskg viz` draws (nodes with kind, label, summary, references, sections, key
numbers; links named by relation) in a format that network tools open: GraphML (Gephi, Cytoscape,
yEd), GEXF (Gephi) or networkx node-link JSON. Lists are joined by "; ". Output is deterministic.

examples:
  liskg export --format graphml
  liskg export --format gexf -o liskg.gexf"""


def add_arguments(parser):
    parser.add_argument("--format", choices=EXPORT_FORMATS, default="graphml", help="file format (default: graphml)")
    parser.add_argument("-o", "--output", metavar="PATH", help="where to write (default: build/liskg-graph.FORMAT)")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    ensure_current(project)
    print(api.export(project, format=args.format, output=args.output))
    return 0
