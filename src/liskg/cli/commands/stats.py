"""liskg stats"""

from liskg.cli.arguments import ensure_current

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
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    ensure_current(project)
    stats = api.stats(project, inferred=not args.asserted_only)
    for name, value in stats.counts.items():
        print(f"{name.replace('_', ' '):<16}{value:>8,}")
    cover = stats.evidence
    print(f"\nstated links with evidence: {cover['stated']:,}/{cover['links'] - cover['inferred']:,}")
    print(f"editors' inferences, with their reason: {cover['inferred']:,} of {cover['links']:,} links")
    print(f"measurements with evidence: {cover['measured']:,}/{cover['measurements']:,}")
    print("\nmaterials by role or family:")
    for role, count in stats.materials_by_role:
        print(f"  {role:<36}{count:>6}")
    parts = stats.components
    print(
        f"\ngraph drawn by `liskg viz`: {stats.nodes:,} nodes, {stats.links:,} links, "
        f"{parts['components']} connected components (largest {parts['largest']:,} nodes; "
        f"{parts['isolated']} isolated nodes)"
    )
    for title, rows in (("nodes by kind", stats.nodes_per_kind), ("links by relation", stats.links_per_relation)):
        print(f"{title}:")
        for name, count in rows:
            print(f"  {name:<36}{count:>6}")
    width = max([46] + [len(hub.label) for found in stats.hubs.values() for hub in found])  # names are never cut off
    for kind, found in stats.hubs.items():
        print(f"{f'most connected {kind}s:':<{width + 2}}{'degree':>6}  betweenness")
        for hub in found:
            print(f"  {hub.label:<{width}}{hub.degree:>6}  {hub.betweenness:>11.4f}")
    return 0
