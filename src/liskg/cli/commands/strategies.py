"""liskg strategies"""

HELP = "list strategies by interface and electrolyte class, with their measured effects"
DESCRIPTION = """\
List the strategies the cited studies applied, filtered by the interface they engineer and by the
class of electrolyte they use, with every number reported as their outcome (before and after
where the review compares them). No SPARQL needed.

--interface takes a numeral (I, II, III, IV) or a name: "Li/SSE", "S/SSE", "interface III",
"anode/electrolyte interface". --electrolyte takes a class at any level of the hierarchy: "oxide"
also finds garnet, NASICON and perovskite electrolytes; "garnet", "sulfide", "argyrodite",
"polymer", "GPE" work too (labels and synonyms, case-insensitive).

examples:
  liskg strategies --interface "Li/SSE" --electrolyte oxide
  liskg strategies --interface III --electrolyte sulfide
  liskg strategies --electrolyte "gel polymer electrolyte" --format csv"""


def add_arguments(parser):
    from liskg.cli.arguments import add_common_arguments

    parser.add_argument("--interface", metavar="NAME", help="interface numeral or name (I-IV, Li/SSE, S/SSE ...)")
    parser.add_argument("--electrolyte", metavar="CLASS", help="electrolyte class (oxide, garnet, sulfide, polymer ...)")
    add_common_arguments(parser, formats=True)


def run(args, project) -> int:
    from liskg.cli.arguments import open_build
    from liskg.query import engine, tables
    from liskg.query.lookups import Lookups

    store = open_build(project, inferred=not args.asserted_only)

    def answer() -> bytes:
        description, result = Lookups(store).strategies(args.interface, args.electrolyte)
        heading = description + (":\n" if args.format == "md" else ":") + "\n"
        return ((heading if args.format in tables.HUMAN_FORMATS else "") + tables.render(result, args.format, store)).encode()

    print(engine.bounded(answer, args.timeout, "strategies").decode())
    return 0
