"""liskg method"""

from liskg.cli.arguments import add_lookup_arguments, print_lookup

HELP = "a processing method: what it mitigates, risks or leaves unsolved, inherited too, and its numbers"
DESCRIPTION = """\
Show a processing method by name: its definition and synonyms, its narrower methods, the failure
modes it mitigates, risks or leaves unsolved (said by the review of the method in general, or
through a study whose strategy applied it), what the review says of its broader methods (marked
inherited: what it says of pressing holds for cold pressing), and the strategies that applied it
with every number they reported and its conditions. A name that several methods contain means the
one broader than all the others ("pressing" is mechanical pressing, with cold, uniaxial and
buffer-layer pressing under it). --evidence adds the sentences of each statement.

examples:
  liskg method pressing
  liskg method "cold pressing"
  liskg method CVD --evidence
  liskg method "in situ polymerization\""""


def add_arguments(parser):
    add_lookup_arguments(
        parser, "method", "NAME", "method label or synonym (pressing, CVD, slurry casting ...)", evidence=True
    )


def run(args, project) -> int:
    return print_lookup(args, project, "method", args.method)
