"""liskg stats"""

from liskg.cli.arguments import ensure_current, terminal_width

HELP = "what the graph holds: studies per interface and method, numbers per quantity, materials by role"
DESCRIPTION = """\
Print what the graph holds, as a researcher counts it: the headline counts (studies, strategies,
materials, failure modes, claims, measurements), how many stated links and numbers cite the
review's sentences (the rest are editors' inferences, with their reason), how many studies applied each processing method
at each interface (I-IV), how many numbers the graph holds of each quantity, and the materials by
role or family. --graph adds the metrics of the graph that `liskg viz` draws (networkx): nodes by
kind, links by relation, the most connected methods and failure modes (degree and betweenness
centrality), and connected components.

examples:
  liskg stats
  liskg stats --graph"""


def add_arguments(parser):
    parser.add_argument("--graph", action="store_true", help="add the metrics of the drawn graph (networkx)")
    parser.add_argument("--asserted-only", action="store_true", help="count without materialized inferences")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    rebuild = ensure_current(project, last_good=True)
    print(
        api.stats(project, inferred=not args.asserted_only, rebuild=rebuild).report(
            graph=args.graph, width=terminal_width()
        )
    )
    return 0
