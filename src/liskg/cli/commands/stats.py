"""liskg stats"""

from liskg.cli.arguments import open_build

HELP = "count studies, strategies, materials by role, failure modes, measurements, claims; graph metrics"
DESCRIPTION = """\
Print what the graph holds: headline counts, then materials by role or family, then metrics of the
graph that `liskg viz` draws (networkx): nodes by kind, links by relation, the most connected
methods and failure modes (degree and betweenness centrality), and connected components.

example:
  liskg stats"""


def add_arguments(parser):
    parser.add_argument("--asserted-only", action="store_true", help="count without materialized inferences")


def run(args, project) -> int:
    # 170 ms at start-up (networkx, pyoxigraph): `liskg --help` needs none of it
    from liskg.querying import stats
    from liskg.querying import store as stores
    from liskg.viz import metrics, model

    store = open_build(project, inferred=not args.asserted_only)
    for name, value in stats.counts(store).items():
        print(f"{name.replace('_', ' '):<16}{value:>8,}")
    print("\nmaterials by role or family:")
    for role, count in stats.materials_by_role(store):
        print(f"  {role:<36}{count:>6}")

    graph = model.build_graph(store if args.asserted_only else stores.load(project, inferred=False))
    parts = metrics.components(graph)
    print(
        f"\ngraph drawn by `liskg viz`: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} links, "
        f"{parts['components']} connected components (largest {parts['largest']:,} nodes; "
        f"{parts['isolated']} isolated nodes)"
    )
    print("nodes by kind:")
    for kind, count in metrics.nodes_per_kind(graph):
        print(f"  {kind:<36}{count:>6}")
    print("links by relation:")
    for relation, count in metrics.edges_per_relation(graph):
        print(f"  {relation:<36}{count:>6}")
    hubs = metrics.hubs(graph, [k for k, spec in model.KINDS.items() if spec.hub])
    width = max([46] + [len(hub.label) for found in hubs.values() for hub in found])  # names are never cut off
    for kind, found in hubs.items():
        print(f"{f'most connected {kind}s:':<{width + 2}}{'degree':>6}  betweenness")
        for hub in found:
            print(f"  {hub.label:<{width}}{hub.degree:>6}  {hub.betweenness:>11.4f}")
    return 0
