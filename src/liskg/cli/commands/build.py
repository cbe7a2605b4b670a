"""liskg build"""

import sys

HELP = "check the sources and build the graph into build/"
DESCRIPTION = """\
Load ontology/ and graph_data/ (following owl:imports through catalog-v001.xml), check terms,
labels and definitions, materialize inferences, validate against ontology/shapes.ttl, and write
build/liskg-merged.ttl, build/liskg-inferred.nt and build/manifest.json. With --reason, HermiT
also checks consistency and --owlapi loads every file through the OWL API that Protégé uses and
checks the OWL 2 DL profile (both need Java). Nothing is written unless every check passes.

examples:
  liskg build
  liskg build --reason --owlapi"""


def add_arguments(parser):
    parser.add_argument("--reason", action="store_true", help="also run the HermiT reasoner (needs Java)")
    parser.add_argument(
        "--owlapi",
        action="store_true",
        help="also load every file through the OWL API (Protégé's library) and check OWL 2 DL (needs a JDK)",
    )
    parser.add_argument(
        "--no-validate", action="store_true", help="skip SHACL validation (the build is then reported as unvalidated)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress lines")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    result = api.build(
        project, validate=not args.no_validate, reason=args.reason, owlapi=args.owlapi, progress=not args.quiet
    )
    assert result is not None  # only a build with if_stale=True may do nothing
    print(
        f"built {project.relative(project.build_dir)}/: {result.files} source files, "
        f"{result.asserted_triples:,} asserted + {result.inferred_triples - result.asserted_triples:,} "
        f"inferred triples"
    )
    if result.reasoner_report is not None:
        print(f"HermiT: {result.reasoner_report.summary()}")
    if result.owlapi_lines:
        print(
            f"OWL API: the import closures of {len(result.owlapi_lines) - 1} source files and the merged graph load "
            "and are in the OWL 2 DL profile"
        )
    if args.no_validate:
        warn_unvalidated()
    return 0


def warn_unvalidated() -> None:
    print(
        "liskg: warning: SHACL validation was skipped: readers report this build as unvalidated "
        "until `liskg build` validates it",
        file=sys.stderr,
    )
