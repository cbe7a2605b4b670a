"""liskg docs"""

HELP = "write the ontology reference documentation (HTML, pyLODE) into build/docs/"
DESCRIPTION = """\
Generate one HTML page documenting every class and property of ontology/liskg.ttl and the modules
it imports (units, quantity kinds): labels, definitions, synonyms, super- and subclasses, domains
and ranges. Made by pyLODE, offline; written atomically to DIR/index.html (default build/docs/).

examples:
  liskg docs
  liskg docs -o site/ontology"""


def add_arguments(parser):
    parser.add_argument("-o", "--output", metavar="DIR", help="output folder (default: build/docs/)")


def run(args, project) -> int:
    from pathlib import Path

    from liskg.publish.reference import write_docs

    target = write_docs(project, Path(args.output) if args.output else None)
    print(f"wrote {project.relative(target)}")
    return 0
