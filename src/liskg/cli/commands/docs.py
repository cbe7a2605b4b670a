"""liskg docs"""

HELP = "write the ontology reference (one HTML page, Ontospy) into build/docs/"
DESCRIPTION = """\
Generate one HTML page documenting every class, property and individual of ontology/liskg.ttl and
the modules it imports (units, quantity kinds): labels, definitions, synonyms, the class tree,
domains and ranges, uses in graph_data/ with an example, deprecation, EMMO mappings when
ontology/mappings/liskg-emmo.sssom.tsv exists; namespaces, downloads, a citation, the changelog
and a search box. A term's anchor is its IRI's fragment (#LiSSEInterface; #liskg:LiSSEInterface
still works).
Made by Ontospy with LiSKG's template, offline; written atomically to DIR/index.html (default
build/docs/). See docs/reference.md.

examples:
  liskg docs
  liskg docs -o site/ontology"""


def add_arguments(parser):
    parser.add_argument("-o", "--output", metavar="DIR", help="output folder (default: build/docs/)")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    target = api.docs(project, output=args.output)
    print(f"wrote {project.relative(target)}")
    return 0
