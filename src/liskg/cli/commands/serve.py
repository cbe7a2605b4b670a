"""liskg serve"""

from liskg.cli.arguments import add_timeout, ensure_current

HELP = "serve the graph as a read-only SPARQL 1.1 endpoint (for YASGUI, SPARQLWrapper, notebooks)"
DESCRIPTION = """\
Serve the built graph (asserted + inferred triples) as a read-only SPARQL 1.1 Protocol endpoint:
Oxigraph's server, behind a LiSKG front. Queries go to http://HOST:PORT/query by GET (?query=...)
or POST (a form or application/sparql-query body); choose JSON, XML, CSV or TSV results with the
Accept header. http://HOST:PORT/ is Oxigraph's query page (YASGUI).

Limits: updates are refused (403); a query still running after --timeout seconds gets HTTP 503
and one line of text, never a 200 with a cut-off body; a request body over 1 MiB gets 413 and a
query string over 8 KiB gets 400, neither evaluated. --cors ORIGIN lets pages from ORIGIN ('*':
any) read the answers. It listens on 127.0.0.1 only unless --host says otherwise; --port 0 takes
any free port. A port in use by another program is one error line and exit code 3. The store it
serves is build/oxigraph-store-*, reloaded whenever the build changed. Stop it with Ctrl-C.

examples:
  liskg serve
  liskg serve --port 7878 --timeout 10
  liskg serve --cors http://localhost:8888     # a Jupyter page may query it
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' \\
       http://127.0.0.1:7878/query"""


def add_arguments(parser):
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=7878, help="port to listen on, 0 for any free one (default: 7878)")
    add_timeout(parser)
    parser.add_argument(
        "--cors",
        metavar="ORIGIN",
        help="let browser pages from ORIGIN (e.g. http://localhost:8888, or '*' for any) read answers",
    )
    parser.add_argument("--asserted-only", action="store_true", help="serve without the materialized inferences")


def run(args, project) -> int:
    from liskg import api  # 5 ms at start-up: `liskg --help` imports every command module

    ensure_current(project)
    return api.serve(
        project,
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        inferred=not args.asserted_only,
        cors=args.cors,
        announce=lambda line: print(line, flush=True),
    )
