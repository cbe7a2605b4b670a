"""liskg validate"""

HELP = "check every record against the SHACL shapes and report violations"
DESCRIPTION = """\
Validate the graph (asserted + inferred) against ontology/shapes.ttl with pyshacl. Each violation
is printed as one line: shape, focus node and its label, property path, and what is missing.
Exit code 1 when there are violations.

example:
  liskg validate"""


def add_arguments(parser):
    pass


def run(args, project) -> int:
    import sys

    from liskg import artifacts
    from liskg.build import build
    from liskg.errors import LiskgError

    try:
        build(project, validate=True, quiet=True)
    except LiskgError as exc:
        lines = str(exc).splitlines()
        if not lines[-1].endswith("SHACL violation(s); nothing was written"):
            raise
        for line in lines[:-1]:
            print(line)
        print(f"{len(lines) - 1} violation(s)", file=sys.stderr)
        return 1
    print(f"conforms: every record satisfies {project.relative(project.shapes_file)} "
          f"({artifacts.MERGED} rebuilt)")
    return 0
