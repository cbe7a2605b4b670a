"""liskg strategies"""

from liskg.cli.arguments import EVIDENCE_HELP, add_common_arguments, ensure_current, table_width, within

HELP = "list strategies by interface and electrolyte class, with their measured effects"
DESCRIPTION = """\
List the strategies the cited studies applied, filtered by the interface they engineer, the
electrolyte they use, the method they apply and the numbers they reached, with every number reported
as their outcome (before → after where the review compares them) and its conditions. No SPARQL needed.

--interface takes a numeral (I, II, III, IV) or a name: "Li/SSE", "S/SSE", "interface III".
--electrolyte takes a class at any level of the hierarchy ("oxide" also finds garnet, NASICON and
perovskite electrolytes; "garnet", "sulfide", "polymer", "GPE") or a material ("LLZO" is LLZO and
the materials made from it; "LLZTO", "Li7La3Zr2O12"); the first line says which was understood.
--method takes a processing method, narrower ones included ("pressing" is mechanical pressing).
--quantity keeps the outcomes of one quantity; --min and --max keep outcomes within bounds given
with a unit ("1000 mAh/g", "0.1 mS/cm"), converted through the units' QUDT conversion multipliers.
Names ignore case and sub/superscripts; several matches list the candidates, none suggests close names.

examples:
  liskg strategies --interface "Li/SSE" --electrolyte oxide
  liskg strategies --electrolyte sulfide --interface III --min "1000 mAh/g"
  liskg strategies --electrolyte LLZTO
  liskg strategies --method pressing --quantity "specific capacity"
  liskg strategies --electrolyte "gel polymer electrolyte" --format csv --labels
  liskg strategies --interface I --electrolyte garnet --evidence"""


def add_arguments(parser):
    parser.add_argument("--interface", metavar="NAME", help="interface numeral or name (I-IV, Li/SSE, S/SSE ...)")
    parser.add_argument(
        "--electrolyte",
        metavar="NAME",
        help="electrolyte class (oxide, garnet, sulfide, polymer ...) or material (LLZO, Li6PS5Cl ...)",
    )
    parser.add_argument(
        "--method", metavar="NAME", help="processing method, narrower ones included (pressing, CVD ...)"
    )
    parser.add_argument("--quantity", metavar="NAME", help="keep outcomes of this quantity (specific capacity ...)")
    parser.add_argument("--min", metavar="AMOUNT", help="keep outcomes at least this, with a unit: '1000 mAh/g'")
    parser.add_argument("--max", metavar="AMOUNT", help="keep outcomes at most this, with a unit: '100 Ohm cm2'")
    parser.add_argument("--evidence", action="store_true", help=EVIDENCE_HELP)
    add_common_arguments(parser, formats=True)


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    rebuild = ensure_current(project, last_good=True)
    selection = dict(
        interface=args.interface,
        electrolyte=args.electrolyte,
        method=args.method,
        quantity=args.quantity,
        minimum=args.min,
        maximum=args.max,
    )
    options = dict(
        format=args.format,
        width=table_width(args.wide),
        labels=args.labels,
        evidence=args.evidence,
        inferred=not args.asserted_only,
        rebuild=rebuild,
    )
    print(within(args, lambda timeout: api.strategies(project, timeout=timeout, **selection, **options)))
    return 0
