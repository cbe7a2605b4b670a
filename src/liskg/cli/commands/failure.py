"""liskg failure"""

from liskg.cli.arguments import add_lookup_arguments, print_lookup

HELP = "failure modes by name: where they occur, what causes them, what mitigates or risks them"
DESCRIPTION = """\
Show failure modes whose name contains the text, and every failure mode of a matching class
("dendrite" finds the dendrite-growth class and its members): the interfaces they affect, the
failure modes they cause, prone electrolytes, the method classes the review says mitigate or
risk them, and the studies and claims that point at them.

examples:
  liskg failure dendrite
  liskg failure "polysulfide shuttle"
  liskg failure wettability"""


def add_arguments(parser):
    add_lookup_arguments(parser, "failure", "NAME", "failure mode or failure-mode class name")


def run(args, project) -> int:
    return print_lookup(args, project, "failure", args.failure)
