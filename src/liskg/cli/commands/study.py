"""liskg study"""

from liskg.cli.arguments import add_lookup_arguments, print_lookup

HELP = "everything the graph knows about one cited study, with its numbers"
DESCRIPTION = """\
Show a cited study: its sections, first author, year and summary, each strategy it applied (method,
interface, materials in their roles, failure modes it mitigates or risks, order of steps), the
cells it built, and every number the review reports for it with units and conditions.

Name the study by its reference number in the review, or by author or label text. --evidence adds
the review's sentences behind every link (in quotation marks, with section and references) or the
editors' reason where the review does not say it.

examples:
  liskg study 107
  liskg study Sharafi
  liskg study 107 --evidence"""


def add_arguments(parser):
    add_lookup_arguments(parser, "study", "REF|NAME", "reference number (107) or author/label text", evidence=True)


def run(args, project) -> int:
    return print_lookup(args, project, "study", args.study)
