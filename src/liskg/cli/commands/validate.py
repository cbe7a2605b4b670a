"""liskg validate"""

import sys

from liskg.base.errors import ShaclViolations
from liskg.base.project import MERGED

HELP = "check every record against the SHACL shapes and report violations"
DESCRIPTION = """\
Validate the graph (asserted + inferred) against ontology/shapes.ttl with pyshacl-turbo. Each violation
is printed as one line: shape, focus node and its label, property path, and what is missing.
Exit code 1 when there are violations.

example:
  liskg validate"""


def add_arguments(parser):
    pass


def run(args, project) -> int:
    # 90 ms at start-up (pyoxigraph, the query stage): `liskg --help` needs none of it
    from liskg import api

    try:
        api.build(project, validate=True)
    except ShaclViolations as exc:
        for line in exc.violations:
            print(line)
        print(f"{len(exc.violations)} violation(s)", file=sys.stderr)
        return exc.exit_code
    print(f"conforms: every record satisfies {project.relative(project.shapes_file)} ({MERGED} rebuilt)")
    return 0
