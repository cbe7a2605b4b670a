"""liskg compare"""

from liskg.base.formats import COMPARE_FORMATS, COMPARE_ROWS
from liskg.cli.arguments import add_timeout, ensure_current, table_width, within

HELP = "compare the numbers of studies side by side: one column per quantity, in one unit"
DESCRIPTION = """\
A comparison table of the numbers the selected studies report. Rows are studies (or strategies with
--rows strategy), columns are the quantities they report, each in one unit: values reported in
another unit of the same dimension are converted with the ontology's QUDT conversion multipliers,
and the value as reported is kept beside ("0.115 (as 0.000115 S cm-1)"). Each cell shows the baseline
("950 → 75": before a treatment, or before cycling) and the test conditions; a value with no stated
condition is marked "*". A row drawing on several sections of the review names the section (§2.3)
in each cell.

Select as the look-up commands do: --interface (I-IV or a name), --electrolyte (a class at any
level: oxide, garnet, sulfide, polymer), --method (a processing method class: "vapor deposition",
"mechanical pressing"), --quantity (a kind of quantity: "interfacial resistance", "resistance" also
finds cell resistance). --unit names the unit a column is shown in, by the symbol the tables print.

examples:
  liskg compare --interface Li/SSE --electrolyte garnet
  liskg compare --quantity "ionic conductivity" --unit "mS cm-1"
  liskg compare --interface III --electrolyte sulfide --quantity "specific capacity" --format latex"""


def add_arguments(parser):
    parser.add_argument("--interface", metavar="NAME", help="interface numeral or name (I-IV, Li/SSE, S/SSE ...)")
    parser.add_argument(
        "--electrolyte", metavar="CLASS", help="electrolyte class (oxide, garnet, sulfide, polymer ...)"
    )
    parser.add_argument("--method", metavar="CLASS", help="processing method class (vapor deposition, ...)")
    parser.add_argument("--quantity", metavar="KIND", help="kind of quantity (ionic conductivity, resistance ...)")
    parser.add_argument(
        "--unit",
        action="append",
        default=[],
        metavar="SYMBOL",
        help="show the columns this unit converts to in it (repeatable), e.g. 'mS cm-1'",
    )
    parser.add_argument(
        "--rows", choices=COMPARE_ROWS, default="study", help="one row per study (default) or per strategy"
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=COMPARE_FORMATS,
        default="table",
        help="table (default), csv, md (Markdown) or latex (booktabs)",
    )
    parser.add_argument(
        "--wide", action="store_true", help="one line per table row, as wide as it takes (the default when piped)"
    )
    parser.add_argument("--evidence", action="store_true", help="also print the sentences that give each number")
    add_timeout(parser)
    parser.add_argument("--asserted-only", action="store_true", help="query without the materialized inferences")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    rebuild = ensure_current(project, last_good=True)
    selection = dict(interface=args.interface, electrolyte=args.electrolyte, method=args.method, quantity=args.quantity)
    options = dict(
        rows=args.rows,
        units=tuple(args.unit),
        format=args.format,
        width=table_width(args.wide),
        evidence=args.evidence,
        inferred=not args.asserted_only,
        rebuild=rebuild,
    )
    print(within(args, lambda timeout: api.compare(project, timeout=timeout, **selection, **options)))
    return 0
