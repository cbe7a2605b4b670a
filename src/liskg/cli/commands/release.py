"""liskg release"""

HELP = "write a release to build/release/: every format, the EMMO alignment, VoID, checksums"
DESCRIPTION = """\
Check the graph for release (module versions, the deprecation policy, the EMMO mappings; HermiT
and the OWL 2 DL profile on LiSKG together with the EMMO alignment module), then write
build/release/: ontology + data, the ontology alone and the alignment module, each in Turtle,
RDF/XML, OWL/XML, N-Triples and JSON-LD; the inferred graph in N-Triples; the JSON-LD @context;
the SSSOM mapping table; a VoID/DCAT description with counts; an XML catalog; SHA256SUMS.
Needs Java (the OWL API writes OWL/XML). The files are byte-identical across runs.

The VoID description names a SPARQL endpoint only when you give one with --sparql-endpoint (the URL
where you serve the release); `liskg serve` runs on your own machine, so it is not advertised.

examples:
  liskg release
  liskg release --sparql-endpoint https://example.org/liskg/sparql"""


def add_arguments(parser):
    parser.add_argument(
        "--sparql-endpoint", metavar="URL", help="the SPARQL endpoint that serves this release, for void.ttl"
    )


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    result = api.release(project, progress=True, sparql_endpoint=args.sparql_endpoint)
    width = max(len(name) for name in result.files)
    for name, size in result.files.items():
        print(f"{name:<{width}}  {size:>11,} bytes")
    print(f"LiSKG {result.version} released to {project.relative(result.folder)}/")
    return 0
