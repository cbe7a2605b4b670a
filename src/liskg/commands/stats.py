"""liskg stats"""

HELP = "count studies, strategies, materials by role, failure modes, measurements, claims"
DESCRIPTION = """\
Print what the graph holds: headline counts, then materials by role or family.

example:
  liskg stats"""


def add_arguments(parser):
    parser.add_argument("--asserted-only", action="store_true", help="count without materialized inferences")


def run(args, project) -> int:
    from liskg import stats
    from liskg.store import open_store

    store = open_store(project, inferred=not args.asserted_only)
    for name, value in stats.counts(store).items():
        print(f"{name.replace('_', ' '):<16}{value:>8,}")
    print("\nmaterials by role or family:")
    for role, count in stats.materials_by_role(store):
        print(f"  {role:<36}{count:>6}")
    return 0
