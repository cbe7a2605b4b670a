"""liskg reason"""

from liskg.cli.commands.build import warn_unvalidated

HELP = "run the HermiT reasoner: consistency and unsatisfiable classes (needs Java)"
DESCRIPTION = """\
Build the graph and run HermiT (through owlready2) on the merged ontology + data. Reports whether
it is consistent and lists unsatisfiable classes; when inconsistent, names the individuals typed
with two disjoint classes. Exit code 1 when inconsistent or a class is unsatisfiable. It skips
SHACL validation, so readers report the build it writes as unvalidated until `liskg build`.

example:
  liskg reason"""


def add_arguments(parser):
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    report = api.reason(project, progress=not args.quiet)
    print(f"HermiT: {report.summary()}")
    warn_unvalidated()
    return 0
