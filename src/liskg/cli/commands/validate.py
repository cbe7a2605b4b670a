"""liskg validate"""

import sys

from liskg.base import wrap
from liskg.base.errors import ShaclViolations
from liskg.cli.arguments import terminal_width

HELP = "check every record against the SHACL shapes and report violations"
DESCRIPTION = """\
Build the graph with the checks of `liskg build` (the template sheets, terms and labels, the evidence
of each link) and validate it (asserted + inferred) against ontology/shapes.ttl with pyshacl-turbo.
Each violation is printed as one line: shape, focus node and its label, property path, and what is
missing; exit code 1 when there are violations. When everything passes, build/ is brought up to date.

example:
  liskg validate"""


def add_arguments(parser):
    pass


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    violations = api.validate(project)
    if violations:
        for line in violations:
            print(line)
        print(f"{len(violations)} violation(s)", file=sys.stderr)
        return ShaclViolations.exit_code
    said = (
        f"conforms: every record satisfies {project.relative(project.shapes_file)} and the term, label and "
        f"evidence checks pass; the build outputs in {project.relative(project.build_dir)}/ are up to date"
    )
    print(wrap.fill(said, terminal_width()))
    return 0
