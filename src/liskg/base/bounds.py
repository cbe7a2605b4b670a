"""Bounds on a query's shape, checked before any SPARQL engine parses it, and the refusal of SERVICE.

Oxigraph 0.5 parses SPARQL with a recursive-descent parser (rust-peg) that has no depth limit, and
evaluates the tree it builds recursively: a query nested deep enough overflows the stack and ends the
process (a Rust stack overflow is not an exception). So every query path (liskg.base.runner.run, the
endpoint's front, the page's worker, whose twin of this scan is web/bounds.js) refuses, in one line, a
query over one of three limits:

- LENGTH: characters of query text;
- DEPTH: how deep the engine's tree can go: each bracket ( { [ << opens a level (a [ ] or ( ) inside a
  triple pattern weighs TRIPLE_NODE), and within a level every operator (|| && = != < > <= >= + - * /
  | ^ !), every FILTER, BIND and AS and every closed { } group (after UNION, OPTIONAL, MINUS, GRAPH or
  another group) nests the tree one level deeper (Oxigraph folds `a || b || c` into ((a || b) || c));
- PATTERNS: triple patterns, counted from above as the separators . ; , and the closing } and ].

The scan is a lexer, not a parser: it skips strings, IRIs and comments and counts the rest. Where the
lexing of SPARQL depends on the grammar (a `<` after an operand inside parentheses is a comparison, or
the start of an IRI in a collection; `<<` may be a triple term or a comparison before an IRI), it
follows every reading and keeps the largest counts, so text an engine reads as code is never hidden
from the count inside what the scan took for a string, an IRI or a comment.

SERVICE sends the query to another server. It is refused unless its host is among the hosts the
person allowed (`--allow-service HOST`, allow_service=[...]); LOAD is an update, refused by
liskg.base.engine.check.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import urljoin, urlsplit

from liskg.base.errors import LiskgError

LENGTH = 65_536  # characters
DEPTH = 128  # levels of the engine's tree (brackets and chained operators)
TRIPLE_NODE = 4  # levels a [ ] or ( ) inside a triple pattern weighs: Oxigraph 0.5 parses them in time ~ depth^4
PATTERNS = 1_000  # triple patterns, counted from above

_NAME = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
_NAME_CHAR = _NAME + r"\w\-\u00b7\u0300-\u036f\u203f-\u2040"
_LOCAL_ESCAPE = r"\\[_~.\-!$&'()*+,;=/?#@%]|%[0-9A-Fa-f]{2}"


def _token_pattern(name: str, name_char: str) -> re.Pattern[str]:
    """The lexer's one regular expression, with NAME and NAME_CHAR as the character classes of names."""
    return re.compile(
        rf"""
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''|\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
              |'(?:[^'\\\n\r]|\\[^\n\r])*'|"(?:[^"\\\n\r]|\\[^\n\r])*")
  | (?P<lt><)
  | (?P<var>[?$][{name_char}]+)
  | (?P<number>(?:[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.?[0-9]+[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+))
  | (?P<pname>(?:[{name}_][{name_char}.]*)?:(?:[{name_char}.:]|{_LOCAL_ESCAPE})*)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<gtgt>>>)
  | (?P<op>\|\||&&|!=|>=|\^\^|[=>+\-*/|^!])
  | (?P<open>[({{\[])
  | (?P<close>[)}}\]])
  | (?P<sep>[.;,])
  | (?P<other>.)
    """,
        re.VERBOSE | re.DOTALL,
    )


# Compiling the name classes' Unicode ranges costs 20 ms (re builds a table of every code point in them),
# more than the rest of a one-off query's start: a text of ASCII alone is lexed with the classes cut to
# their ASCII part, which match exactly the same characters of it, and the full pattern is compiled on
# the first text that needs it.
_ASCII_TOKEN = _token_pattern("A-Za-z", r"A-Za-z\w\-")


@functools.cache
def _unicode_token() -> re.Pattern[str]:
    return _token_pattern(_NAME, _NAME_CHAR)


_IRI = re.compile(r"<[^\x00-\x20<>\"{}|^`]*>")
_CHAINING = {"FILTER", "BIND", "AS", "SERVICE"}  # UNION, OPTIONAL, ...: counted by their group's }
_OPERAND_WORDS = {"TRUE", "FALSE"}
_MAX_READINGS = 64  # readings of an ambiguous text followed at once; more is refused, not guessed


class Shape:
    """What the scan found: the largest depth and triple-pattern count over every reading, and where SERVICE is."""

    __slots__ = ("depth", "patterns", "services")

    def __init__(self, depth: int, patterns: int, services: list[int]):
        self.depth, self.patterns, self.services = depth, patterns, services

    def __repr__(self) -> str:
        return f"Shape(depth={self.depth}, patterns={self.patterns}, services={self.services})"


class _Over(Exception):
    """A reading went past a limit: scanning further would only say by how much."""


class _Reading:
    """One way of lexing the text: where it is, its open levels (kind, operators chained in it, the height
    of its deepest closed child) and whether the last token ended an operand."""

    __slots__ = ("pos", "stack", "operand", "word", "running", "patterns", "depth", "services")

    def __init__(self) -> None:
        self.pos, self.stack, self.operand, self.word = 0, [("", 0, 0)], False, False
        self.running = self.patterns = self.depth = 0  # running: the height of the open levels so far
        self.services: set[int] = set()

    def key(self) -> tuple:
        return (self.pos, tuple(self.stack), self.operand, self.word)

    def fork(self) -> _Reading:
        other = _Reading()
        other.pos, other.stack, other.operand, other.word = self.pos, list(self.stack), self.operand, self.word
        other.running, other.patterns, other.depth = self.running, self.patterns, self.depth
        other.services = set(self.services)
        return other

    def absorb(self, other: _Reading) -> None:
        self.patterns, self.depth = max(self.patterns, other.patterns), max(self.depth, other.depth)
        self.services |= other.services

    def chain(self, count: int = 1) -> None:
        kind, chained, child = self.stack[-1]
        self.stack[-1] = (kind, chained + count, child)
        self._rise(count)
        self.operand = False

    def open(self, kind: str) -> None:
        """Open a level; a [ ] or ( ) in a triple pattern weighs TRIPLE_NODE levels (see TRIPLE_NODE)."""
        if kind == "[" or (kind == "(" and self.stack[-1][0] in ("{", "[", "t") and not self.word):
            kind = "t"
        self.stack.append((kind, 0, 0))
        self._rise(TRIPLE_NODE if kind == "t" else 1)
        self.operand = False

    def close(self) -> None:
        if len(self.stack) > 1:
            kind, chained, child = self.stack.pop()
            weight = TRIPLE_NODE if kind == "t" else 1
            self.running -= weight + chained
            parent, parent_chained, parent_child = self.stack[-1]
            self.stack[-1] = (parent, parent_chained, max(parent_child, weight + chained + child))
            if kind == "{":  # a group after another is joined to it: one level more
                self.chain()
        self.operand = True

    def count_pattern(self) -> None:
        self.patterns += 1
        if self.patterns > PATTERNS:
            raise _Over

    def _rise(self, count: int) -> None:
        self.running += count
        if self.running > self.depth:
            self.depth = self.running
            if self.depth > DEPTH:
                raise _Over

    def finish(self) -> None:
        """Close every open level; each is as deep as its chain and its deepest child."""
        while len(self.stack) > 1:
            self.close()
        _kind, chained, child = self.stack[0]
        self.depth = max(self.depth, chained + child)
        if self.depth > DEPTH:
            raise _Over


class _Ambiguous(Exception):
    """More readings at once than _MAX_READINGS."""


def scan(text: str) -> Shape:
    """The shape of TEXT: the largest depth and triple-pattern count over every reading of it, and the
    positions of SERVICE keywords in any reading. Stops at the first reading over a limit."""
    pending = {(): _Reading()}
    result = _Reading()
    token = _ASCII_TOKEN if text.isascii() else _unicode_token()
    try:
        while pending:
            key = min(pending, key=lambda k: k[0] if k else 0)  # the reading furthest behind
            reading = pending.pop(key)
            forks = _advance(text, reading, token)
            if forks is None:
                reading.finish()
                result.absorb(reading)
                continue
            for fork in forks:
                known = pending.setdefault(fork.key(), fork)
                if known is not fork:
                    known.absorb(fork)
            if len(pending) > _MAX_READINGS:
                raise _Ambiguous
    except _Over:
        result.absorb(reading)
    return Shape(result.depth, result.patterns, sorted(result.services))


def _advance(text: str, reading: _Reading, token: re.Pattern[str]) -> list[_Reading] | None:
    """Lex READING on with TOKEN until the text ends (None) or it forks in two (the two readings)."""
    end = len(text)
    while reading.pos < end:
        if text[reading.pos] == "<":
            forks = _less_than(text, reading)
            if forks:
                return forks
            continue
        match = token.match(text, reading.pos)
        assert match is not None and match.lastgroup is not None  # (?P<other>.) matches any character
        _token(reading, match.lastgroup, match.group(), match.start())
        reading.pos = match.end()
    return None


def _less_than(text: str, reading: _Reading) -> list[_Reading] | None:
    """An IRI, `<<`, `<=` or `<` at reading.pos; both readings when the grammar decides which."""
    pos = reading.pos
    iri = _IRI.match(text, pos)
    if iri:
        comparison = reading.stack[-1][0] == "(" and reading.operand  # or an IRI in a collection
        other = reading.fork() if comparison else None
        reading.pos, reading.operand = iri.end(), True
        if other is None:
            return None
        other.pos += 1
        other.chain()
        return [reading, other]
    if text.startswith("<", pos + 1):
        if _IRI.match(text, pos + 1):  # `<` before an IRI, or `<<` before a name
            triple = reading.fork()
            triple.pos += 2
            triple.open("<<")
            reading.pos += 1
            reading.chain()
            return [reading, triple]
        reading.pos += 2
        reading.open("<<")
        return None
    reading.pos += 2 if text.startswith("=", pos + 1) else 1
    reading.chain()
    return None


def _token(reading: _Reading, kind: str, value: str, start: int) -> None:
    """Count one token of READING (never `<`, which _less_than reads)."""
    if kind in ("space", "comment", "lang"):
        return
    reading.word = kind == "word"  # a ( after a word (FILTER, BIND, a function) opens an expression
    if kind in ("string", "var", "number", "pname"):
        reading.operand = True
    elif kind == "word":
        word = value.upper()
        if word in _CHAINING:
            reading.chain()
            if word == "SERVICE":
                reading.services.add(start)
        reading.operand = word in _OPERAND_WORDS
    elif kind == "open":
        reading.open(value)
    elif kind == "close":
        reading.close()
        if value != ")":
            reading.count_pattern()
    elif kind == "gtgt":
        if reading.stack[-1][0] == "<<":
            reading.close()
        else:
            reading.chain(2)
    elif kind == "op":
        if value == "^^":
            reading.operand = False
        else:
            reading.chain()
    elif kind == "sep":
        reading.count_pattern()
        reading.operand = False
    else:
        reading.operand = False


# ---- the check every query path runs --------------------------------------------------------------

_PROLOGUE = re.compile(r"(?:\s|#[^\r\n]*)*(?:(PREFIX)\s*([^\s:]*):\s*<([^>]*)>|(BASE)\s*<([^>]*)>)", re.IGNORECASE)
_GAP = r"(?:\s|#[^\r\n]*)*"
_SERVICE = re.compile(rf"SERVICE{_GAP}(?:SILENT{_GAP})?(<[^>\s]*>|[^\s{{]*)", re.IGNORECASE)


def check(text: str, origin: str = "query", *, allow_service=()) -> None:
    """Raise LiskgError, one line, when TEXT is over a limit (LENGTH, DEPTH, PATTERNS) or has a SERVICE
    whose host is not in ALLOW_SERVICE (host names, or host:port)."""
    if len(text) > LENGTH:
        raise LiskgError(
            f"{origin}: refused: the query is {len(text):,} characters long; at most {LENGTH:,} are accepted"
        )
    try:
        shape = scan(text)
    except _Ambiguous:
        raise LiskgError(
            f"{origin}: refused: the query can be read in too many ways to be checked "
            "(a `<` right after a value inside parentheses); put spaces around its < comparisons"
        ) from None
    if shape.depth > DEPTH:
        raise LiskgError(
            f"{origin}: refused: the query nests deeper than the {DEPTH} levels accepted (brackets, and "
            "operators, UNIONs, OPTIONALs, FILTERs or groups chained at one level); split it, or list "
            "alternatives with IN (...) or VALUES"
        )
    if shape.patterns > PATTERNS:
        raise LiskgError(
            f"{origin}: refused: the query has more than the {PATTERNS:,} triple patterns accepted "
            "(counted as its . ; , separators and closing } and ]); split it"
        )
    for start in shape.services:
        _check_service(text, start, origin, allow_service)


def _check_service(text: str, start: int, origin: str, allowed) -> None:
    match = _SERVICE.match(text, start)
    target = match.group(1) if match else ""
    iri = _service_iri(text, target)
    parts = urlsplit(iri) if iri else None
    host = parts.hostname if parts else None
    if host and _allowed(host, parts.port if parts else None, allowed):
        return
    where = f"{host}" if host else "a server it names"
    raise LiskgError(
        f"{origin}: refused: SERVICE {target or '...'} would send the query to {where}; federated queries "
        f"are off unless allowed (--allow-service {host or 'HOST'})"
    )


def _service_iri(text: str, target: str) -> str | None:
    """The absolute IRI a SERVICE names: an IRI (against BASE) or a prefixed name; None for a variable."""
    prefixes: dict[str, str] = {}
    base = ""
    position = 0
    while match := _PROLOGUE.match(text, position):
        if match.group(1):
            prefixes.setdefault(match.group(2), urljoin(base, match.group(3)))
        else:
            base = urljoin(base, match.group(5))
        position = match.end()
    if target.startswith("<") and target.endswith(">"):
        return urljoin(base, target[1:-1])
    prefix, colon, local = target.partition(":")
    if colon and prefix in prefixes:
        return prefixes[prefix] + local
    return None


def _allowed(host: str, port: int | None, allowed) -> bool:
    for entry in allowed:
        name, _, entry_port = entry.lower().rpartition(":") if entry.count(":") == 1 else ("", "", "")
        if entry.lower().strip("[]") == host or (name == host and entry_port == str(port)):
            return True
    return False
