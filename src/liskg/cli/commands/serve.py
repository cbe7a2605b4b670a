"""liskg serve"""

from liskg.cli.arguments import add_allow_service, add_timeout, ensure_current, positive_seconds

HELP = "serve the graph as a read-only SPARQL 1.1 endpoint (for YASGUI, SPARQLWrapper, notebooks)"
DESCRIPTION = """\
Serve the built graph (asserted + inferred triples) as a read-only SPARQL 1.1 Protocol endpoint:
Oxigraph's server, behind a LiSKG front. Queries go to http://HOST:PORT/query by GET (?query=...)
or POST (a form or application/sparql-query body); choose JSON, XML, CSV or TSV results with the
Accept header. http://HOST:PORT/ is Oxigraph's query page (YASGUI).

Limits: updates are refused (403). A query over the bounds of `liskg query --help` (65,536
characters, nesting depth 128, 1,000 triple patterns) or with SERVICE gets HTTP 400 and one line,
unevaluated (--allow-service HOST lets SERVICE reach HOST). A query still running after --timeout
seconds gets HTTP 503 and one line; an answer up to 1 MiB always comes whole with its real status, a
longer one streams and is cut (the connection closes without the final chunk) past --max-response
bytes or the time bound. Malformed requests get 400, request headers over 64 KiB 431, a body over
1 MiB 413, headers or a body not sent within --read-timeout seconds (10) 408, a query string over
8 KiB 400. --cors ORIGIN lets pages from ORIGIN ('*': any) read the answers. It listens on 127.0.0.1
only unless --host says otherwise; --port 0 takes any free port. A port in use by another program is
one error line and exit code 3. The store it serves is build/oxigraph-store-*; when a build
finishes, the new store is served without dropping a request, and a stopped engine is started
again. Stop it with Ctrl-C or SIGTERM. Oxigraph keeps one thread per query for --timeout seconds:
give a busy endpoint a short --timeout, 10 rather than 30 (docs/scaling.md, "Which deployment").

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
    parser.add_argument(
        "--max-response",
        type=int,
        default=None,
        metavar="BYTES",
        help="cut answers longer than this (default: 256 MiB)",
    )
    parser.add_argument(
        "--read-timeout",
        type=positive_seconds,
        default=None,
        metavar="SECONDS",
        help="answer 408 to a client that has not sent its request body within this (default: 10)",
    )
    add_allow_service(parser)


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
        allow_service=tuple(args.allow_service),
        max_response=args.max_response,
        read_timeout=args.read_timeout,
        announce=lambda line: print(line, flush=True),
    )
