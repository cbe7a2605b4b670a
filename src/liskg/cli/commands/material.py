"""liskg material"""

HELP = "a material by name, formula or synonym: what it is, who uses it, its numbers"
DESCRIPTION = """\
Show a material: its classes (electrolyte family, roles), formula and synonyms, the strategies
that use or form it (with the study and the role), the failure modes it is prone to, and the
numbers measured on it. Matching is case-insensitive on labels, synonyms (skos:altLabel) and
formulas; a whole-name match wins, otherwise every material whose name contains the text.

examples:
  liskg material LLZO
  liskg material Li6PS5Cl
  liskg material indium"""


def add_arguments(parser):
    from liskg.cli.arguments import add_common_arguments

    parser.add_argument("material", metavar="NAME", help="label, synonym or formula")
    add_common_arguments(parser)


def run(args, project) -> int:
    from liskg.cli.arguments import open_build
    from liskg.query import engine
    from liskg.query.lookups import Lookups

    store = open_build(project, inferred=not args.asserted_only)
    report = engine.bounded(lambda: Lookups(store).material_report(args.material).encode(), args.timeout, "material")
    print(report.decode())
    return 0
