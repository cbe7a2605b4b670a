"""liskg material"""

from liskg.cli.arguments import add_lookup_arguments, print_lookup

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
    add_lookup_arguments(parser, "material", "NAME", "label, synonym or formula")


def run(args, project) -> int:
    return print_lookup(args, project, "material", args.material)
