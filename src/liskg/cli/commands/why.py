"""liskg why"""

from liskg.cli.arguments import add_timeout, ensure_current, table_width, within

HELP = "the review's sentences behind a link (or the editors' reason), found by name"
DESCRIPTION = """\
Show how the graph knows a link: the sentences of the review that state it, in quotation marks,
with the section that prints them and the references they cite, or the editors' reason where the
review does not say it (an editors' inference). Each part is a name as the look-ups take it: a
study by reference number or author ("Sharafi [107]", "107"), which stands for its strategies,
cells and numbers too; a property by its label ("at interface", "uses electrolyte", "mitigates",
"a" for the method a strategy is typed with); anything else by label, synonym or formula. Of a
method, "risks", "mitigates" and "leaves unsolved" are its effect statements (--inherited adds
what the review says of its broader methods). With only SUBJECT: every link of it, and the
sentences on it (a number, a claim).

The sentences are quotations of the review, CC BY 4.0 (Qi et al. 2024, Nano-Micro Letters).

examples:
  liskg why "Sharafi [107]" "at interface" Li/SSE
  liskg why "mechanical pressing" risks rupture
  liskg why "cold pressing" risks --inherited
  liskg why lkd:ref-107-resistance-after"""


def add_arguments(parser):
    parser.add_argument("subject", metavar="SUBJECT", help="a study, strategy, method, material, claim ... by name")
    parser.add_argument("predicate", metavar="PREDICATE", nargs="?", help="a property by label: 'at interface', 'a'")
    parser.add_argument("object", metavar="OBJECT", nargs="?", help="what the link points to, by name")
    parser.add_argument(
        "--inherited", action="store_true", help="of a method: also what the review says of its broader methods"
    )
    parser.add_argument("--wide", action="store_true", help="one line per sentence (the default when piped)")
    add_timeout(parser)
    parser.add_argument("--asserted-only", action="store_true", help="read without the materialized inferences")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    rebuild = ensure_current(project, last_good=True)
    options = dict(width=table_width(args.wide), inherited=args.inherited, inferred=not args.asserted_only)
    options.update(rebuild=rebuild)
    print(
        within(
            args,
            lambda timeout: api.why(project, args.subject, args.predicate, args.object, timeout=timeout, **options),
        )
    )
    return 0
