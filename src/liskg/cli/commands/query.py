"""liskg query"""

from liskg.base import named
from liskg.cli.arguments import (
    add_allow_service,
    add_common_arguments,
    ensure_current,
    table_width,
    terminal_width,
    within,
)

HELP = "answer a question: run a named query, a .rq file or inline SPARQL"
DESCRIPTION = """\
Run a read-only SPARQL 1.1 query over the built graph: the asserted triples plus the inferences
materialized at build time, so asking for oxide electrolytes also finds garnets and asking for vapor
deposition also finds evaporation and CVD. The build is redone first when the sources changed.

The named queries live in queries/*.rq; each starts with the question it answers. The default
output is a table for people: labels instead of IRIs, numbers as researchers write them
(1.15 × 10⁻⁴ S cm⁻¹, 950 → 75 Ω cm², conditions such as 0.05 C, 25 °C), the answer columns next to
the first one, fitted to the terminal by wrapping long cells (--wide, or a pipe: one line per row).
--format csv, tsv, json (SPARQL 1.1 Query Results JSON) or xml give the W3C result formats with raw
IRIs and exact values, for programs (--labels adds a label column beside each IRI column in csv and
tsv); md gives a Markdown table; CONSTRUCT results take nt or ttl.

examples:
  liskg query --list
  liskg query oxide-anode-strategies
  liskg query oxide-anode-strategies --wide
  liskg query resistance-reduction --format csv --labels > resistance.csv
  liskg query my-question.rq
  liskg query -e 'PREFIX liskg: <https://w3id.org/liskg/ontology#>
                  SELECT ?study WHERE { ?study a liskg:Study } LIMIT 5'
  liskg query electrolytes-ranked-by-conductivity --asserted-only

The build evaluates every named query once and keeps its answer in build/answers/, so a named query
is answered without opening the store (milliseconds at any size); an edited or new query, -e, and
--asserted-only are evaluated on the store, as is everything with --evaluate.
Queries have a time bound (--timeout, default 30 s) and UPDATE requests are refused.

Every query is checked before the engine parses it (one line and exit code 2 over a bound):
  length          at most 65,536 characters
  nesting depth   at most 128 levels: each ( { [ opens one (a [ ] or ( ) in a triple pattern four),
                  and each operator, FILTER, BIND, AS and closed { } group chained at one level adds one
  triple patterns at most 1,000, counted from above as the . ; , separators and closing } and ]
No query sends anything to another server: SERVICE is refused unless --allow-service names its host."""


def add_arguments(parser):
    parser.add_argument("query", nargs="?", metavar="NAME|FILE.rq", help="a named query or a .rq file")
    parser.add_argument("-e", "--expr", metavar="SPARQL", help="inline query text instead of a name or file")
    parser.add_argument("-l", "--list", action="store_true", help="list the named queries and their questions")
    parser.add_argument(
        "--evaluate",
        action="store_true",
        help="evaluate on the store even when the build already computed this query's answer",
    )
    add_common_arguments(parser, formats=True)
    add_allow_service(parser)


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    if args.list:
        print(named.listing(api.named_queries(project), terminal_width()))
        return 0
    # resolved first, so that an unknown name or file is reported before any rebuild; the time bound's
    # message names the query as its errors do: queries/NAME.rq, FILE.rq or -e
    origin = named.resolve(project, args.query, args.expr).origin
    rebuild = ensure_current(project, last_good=True)
    width = table_width(args.wide)
    options = dict(format=args.format, width=width, labels=args.labels, inferred=not args.asserted_only)
    options.update(allow_service=tuple(args.allow_service))

    def answer(timeout: float | None) -> str:
        return api.answer_text(
            project, args.query, expr=args.expr, evaluate=args.evaluate, timeout=timeout, rebuild=rebuild, **options
        )

    print(within(args, answer, origin))
    return 0
