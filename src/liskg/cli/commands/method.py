"""liskg method"""

from liskg.cli.arguments import add_lookup_arguments, print_lookup

HELP = "a processing method: what it mitigates and risks, its sub-methods, the studies and numbers behind it"
DESCRIPTION = """\
Show a processing method by name: its definition and synonyms, its narrower methods, the failure
modes it mitigates and risks (said by the review of the method in general, or through a study
whose strategy applied it), and the strategies that applied it with every number they reported
and its conditions. A name that several methods contain means the one broader than all the others
("pressing" is mechanical pressing, with cold, uniaxial and buffer-layer pressing under it).

examples:
  liskg method pressing
  liskg method CVD
  liskg method "in situ polymerization\""""


def add_arguments(parser):
    add_lookup_arguments(parser, "method", "NAME", "method label or synonym (pressing, CVD, slurry casting ...)")


def run(args, project) -> int:
    return print_lookup(args, project, "method", args.method)
