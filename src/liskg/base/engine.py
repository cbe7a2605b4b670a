"""SPARQL text on Oxigraph: checking a read-only query (one-line errors with line and column), binding
user values into a query, and decoding the W3C serialization of a result.

Running a query, in this process or under a time bound, is liskg.base.runner's (its run() is the one
entry point); solutions() evaluates the package's own SELECT queries in process.
"""

from __future__ import annotations

import re

import pyoxigraph as ox

from liskg.base import bounds
from liskg.base.errors import InternalError, LiskgError

UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.IGNORECASE)
_POSITION = re.compile(r"^error at (\d+):(\d+): ?")
GRAPH_FORMAT = ox.RdfFormat.N_TRIPLES
RESULTS_FORMAT = ox.QueryResultsFormat.JSON


class QueryResult:
    """What a query returned, with the W3C serialization the engine produced (SPARQL JSON or N-Triples)."""

    def __init__(
        self,
        form: str,
        variables: list[str] | None = None,
        rows: list[tuple] | None = None,
        boolean: bool | None = None,
        data: bytes = b"",
        query: str = "",
    ):
        self.form = form  # "select", "ask" or "graph" (CONSTRUCT, DESCRIBE)
        self.variables = variables or []
        self.rows = rows or []  # pyoxigraph terms, None where unbound
        self.boolean = boolean
        self.data = data
        self.query = query  # the text answered, which says what each column holds (liskg.base.columns)


def first_keyword(text: str) -> str:
    """The first keyword after comments, PREFIX and BASE declarations, upper-cased."""
    position = 0
    while match := _PROLOGUE.match(text, position):
        if match.end() == position:
            break
        position = match.end()
    word = re.match(r"\s*([A-Za-z]+)", text[position:])
    return word.group(1).upper() if word else ""


def require_text(text: str, what: str) -> str:
    """The text, or a LiskgError when it cannot be UTF-8 (an undecodable argv byte arrives as a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise LiskgError(f"{what}: not valid UTF-8 text; check the terminal's encoding") from None
    return text


def check(text: str, origin: str = "query", *, allow_service=(), limits: bool = True) -> None:
    """Raise LiskgError when the text is over a bound of liskg.base.bounds (length, depth, triple patterns),
    has a SERVICE to a host not in ALLOW_SERVICE, is an UPDATE or is not valid SPARQL 1.1 (with line and
    column). The bounds are checked before Oxigraph parses anything."""
    require_text(text, origin)
    if limits:
        bounds.check(text, origin, allow_service=allow_service)
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        keyword = first_keyword(text)
        if keyword in UPDATE_KEYWORDS:
            raise LiskgError(
                f"{origin}: refused: {keyword} is a SPARQL UPDATE and the graph is read-only here; "
                "change graph_data/*.ttl and rebuild instead"
            ) from None
        message = str(exc)
        match = _POSITION.match(message)
        if match:
            line, column = match.groups()
            raise LiskgError(
                f"{origin}:{line}:{column}: SPARQL syntax error at line {line}, column {column}: "
                f"{_readable(message[match.end() :], text, int(line), int(column))}"
            ) from None
        raise LiskgError(f"{origin}: SPARQL syntax error: {' '.join(message.split())}") from None


_NAME_CLASS = re.compile(r"\[[^\]]*\\u\{[^\]]*\]")  # several lines of Unicode ranges: "a name character"


def _readable(message: str, text: str, line: int, column: int) -> str:
    """Oxigraph's parser message as one readable line: undeclared prefixes and early ends named as such,
    the long character-class lists shortened."""
    lines = text.splitlines() or [""]
    before = lines[line - 1][: column - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in message:
        name = re.search(r"(?:^|[^\w:?$])([A-Za-z][\w.-]*)?:[\w.-]*$", before)
        prefix = (name.group(1) or "") if name else ""
        return f"undeclared prefix {prefix}: (declare it: PREFIX {prefix}: <...>)"
    offset = sum(len(text_line) + 1 for text_line in lines[: line - 1]) + column - 1
    if offset >= len(text.rstrip()) and ('"}"' in message or '")"' in message):
        return "the query ends too early: a closing } or ) may be missing"
    one_line = _NAME_CLASS.sub("a name character", " ".join(message.split())).replace("['0'..='9']", "a digit")
    return one_line if len(one_line) <= 200 else one_line[:199] + "…"


def solutions(store: ox.Store, text: str) -> ox.QuerySolutions:
    """The solutions of a SELECT query evaluated in this process, with no bound: for the package's own queries."""
    results = store.query(text)
    if not isinstance(results, ox.QuerySolutions):
        raise InternalError(f"expected a SELECT query, got {type(results).__name__}")
    return results


def decode(form: str, data: bytes) -> QueryResult:
    """The QueryResult of a form ('select', 'ask', 'graph') and the engine's serialization of it."""
    if form == "graph":
        rows = [(t.subject, t.predicate, t.object) for t in ox.parse(data, format=GRAPH_FORMAT)]
        return QueryResult("graph", ["subject", "predicate", "object"], rows, data=data)
    parsed = ox.parse_query_results(data, format=RESULTS_FORMAT)
    if form == "ask":
        return QueryResult("ask", boolean=bool(parsed), data=data)
    assert isinstance(parsed, ox.QuerySolutions)
    variables = [v.value for v in parsed.variables]
    rows = [tuple(solution[v] for v in variables) for solution in parsed]
    return QueryResult("select", variables, rows, data=data)


def bind(text: str, **values: list) -> str:
    """The query with each `VALUES ?name { UNDEF }` slot filled with the given pyoxigraph terms (none: no rows).

    Values are written as the terms' own N-Triples serialization (str() of a Literal or NamedNode),
    which escapes quotes, backslashes and newlines, so user text can never change the query's shape.
    """
    for name, terms in values.items():
        slot = re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*UNDEF\s*\}")
        if len(slot.findall(text)) != 1:
            raise InternalError(f"the query has no single `VALUES ?{name} {{ UNDEF }}` slot")
        for term in terms:
            if not isinstance(term, (ox.NamedNode, ox.Literal)):
                raise InternalError(f"bind {name}: expected pyoxigraph NamedNode or Literal, got {type(term).__name__}")
        filled = f"VALUES ?{name} {{ {' '.join(str(term) for term in terms)} }}"
        text = slot.sub(lambda _match: filled, text)  # noqa: B023 - called at once; FILLED is no template
    return text
