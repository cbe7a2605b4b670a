"""liskg names"""

from liskg.cli.arguments import ensure_current, table_width

KINDS = (
    "quantities",
    "units",
    "materials",
    "material-classes",
    "roles",
    "methods",
    "interfaces",
    "failure-modes",
    "cell-formats",
)  # liskg.base.names.KINDS, without importing pyoxigraph for `liskg --help`

HELP = "the names a template sheet's cell accepts: quantities, units, materials, methods, ..."
DESCRIPTION = """\
List the names a cell of a template sheet accepts for one kind of thing: each label, then its other
names (a unit's symbol, synonyms, formulas, interface numerals). A cell takes any of them, whole;
case and sub/superscripts do not matter. With TEXT, only the rows with a name that contains it.
Something the list lacks is not in the graph: a new material goes on materials.tsv, a new quantity
kind or unit in ontology/ (docs/extending.md, "When the graph lacks a name").

examples:
  liskg names quantities
  liskg names units
  liskg names materials garnet
  liskg names roles"""


def add_arguments(parser):
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=f"what to list: {', '.join(KINDS)}")
    parser.add_argument("text", nargs="?", metavar="TEXT", help="only the names that contain this text")
    parser.add_argument(
        "--wide", action="store_true", help="one line per table row, as wide as it takes (the default when piped)"
    )


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    rebuild = ensure_current(project, last_good=True)
    print(api.names(project, args.kind, args.text, width=table_width(args.wide), rebuild=rebuild))
    return 0
