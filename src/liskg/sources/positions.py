"""Where a triple is written: the file and line of each asserted triple, and of each axiom annotation.

Parsers give triples, not places; a check that names `file:line` needs both. TriplePositions reads a
Turtle file's text once with a small scanner (prefixes, IRIs, prefixed names, literals, `;` `,` `.`,
`[ ]` and `( )`) and records, for every statement whose subject and predicate are IRIs, the line its
object is written on; for every `[] a owl:Axiom` block, the line it starts on, by the triple its
owl:annotatedSource / annotatedProperty / annotatedTarget name. Lines count from 1.
"""

from __future__ import annotations

import re
from pathlib import Path

from liskg.base.vocab import OWL, RDF_TYPE

_TOKEN = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'  # long string
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'  # string
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^>\s]*>"  # IRI
    r"|@prefix|@base|PREFIX|BASE"
    r"|@[A-Za-z][A-Za-z0-9-]*"  # language tag
    r"|\^\^"
    r"|_:[A-Za-z0-9_.-]*[A-Za-z0-9_-]"  # blank node label
    r"|[A-Za-z][\w.-]*:[\w.:%-]*[\w:%-]|[A-Za-z][\w.-]*:|:[\w.:%-]*[\w:%-]|:"  # prefixed name
    r"|[-+]?\d[\d.eE+-]*"  # number
    r"|#[^\n]*"  # comment
    r"|[;,.\[\]()]"
    r"|[A-Za-z]+"  # a, true, false
)
_ANNOTATED = {OWL + "annotatedSource": 0, OWL + "annotatedProperty": 1, OWL + "annotatedTarget": 2}


class TriplePositions:
    """The lines of one Turtle file's triples (see the module docstring)."""

    def __init__(self, path: Path):
        self.path = path
        self.triples: dict[tuple[str, str, str], int] = {}
        self.axioms: dict[tuple[str, str, str], int] = {}
        self.subjects: dict[str, int] = {}
        self._scan(path.read_text(encoding="utf-8"))

    def line(self, s: str, p: str, o: str) -> int | None:
        return self.triples.get((s, p, o))

    def axiom_line(self, s: str, p: str, o: str) -> int | None:
        return self.axioms.get((s, p, o))

    def _scan(self, text: str) -> None:
        tokens = []
        line, counted = 1, 0
        for m in _TOKEN.finditer(text):
            line += text.count("\n", counted, m.start())
            counted = m.start()
            if not m.group(0).startswith("#"):
                tokens.append((m.group(0), line))
        state = _Statement(self)
        i = 0
        while i < len(tokens):
            i += state.take(tokens, i)

    def _add(self, s: str, p: str | None, o: str, line: int, axiom: list | None, start: int) -> None:
        if p is None:
            return
        self.triples.setdefault((s, p, o), line)
        if axiom is None:
            return
        if p == RDF_TYPE and o == OWL + "Axiom":
            axiom[3] = True
        elif p in _ANNOTATED:
            axiom[_ANNOTATED[p]] = o
        if axiom[3] and None not in axiom[:3]:
            self.axioms.setdefault((axiom[0], axiom[1], axiom[2]), start)


class _Statement:
    """The scanner's state: the statement being read (subject, predicate, the axiom parts of a `[] ...`
    statement, the line it starts on) and those a `[ ... ]` is nested in."""

    def __init__(self, positions: TriplePositions):
        self.positions = positions
        self.prefixes: dict[str, str] = {}
        self.stack: list[tuple] = []
        self.subject: str | None = None
        self.predicate: str | None = None
        self.axiom: list | None = None  # [source, property, target, typed owl:Axiom]
        self.start = 0
        self.blank = 0

    def term(self, token: str) -> str | None:
        if token.startswith("<"):
            return token[1:-1]
        if token == "a":
            return RDF_TYPE
        if ":" in token and not token.startswith(("_:", '"', "'")):
            prefix, local = token.split(":", 1)
            return self.prefixes[prefix] + local if prefix in self.prefixes else None
        return None

    def take(self, tokens: list[tuple[str, int]], i: int) -> int:
        """Read the token at I (and what it needs after it); return how many tokens were used."""
        token, line = tokens[i]
        following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
        if token in ("@prefix", "PREFIX"):
            self.prefixes[following.rstrip(":")] = tokens[i + 2][0][1:-1]
            return 4 if token == "@prefix" else 3
        if token in ("@base", "BASE"):
            return 3 if token == "@base" else 2
        if token == "[":
            return self.open(line, following)
        if token == "]":
            self.close(line)
        elif token == "." and not self.stack:
            self.subject = self.predicate = self.axiom = None
        elif token == ";":
            self.predicate = None
        elif token in (",", "(", ")", "."):
            pass
        elif self.subject is None:
            self.subject, self.start = self.term(token) or token, line
            self.positions.subjects.setdefault(self.subject, line)
        elif self.predicate is None:
            self.predicate = self.term(token) or token
        else:
            obj = self.term(token)
            if obj is not None:
                self.positions._add(self.subject, self.predicate, obj, line, self.axiom, self.start)
            return 3 if following == "^^" else 1
        return 1

    def open(self, line: int, following: str) -> int:
        """A `[`: an anonymous node, as the statement's subject or as an object."""
        self.blank += 1
        fresh = f"_:scan{self.blank}"
        if following == "]":  # [] : nothing inside
            if self.subject is None:
                self.subject, self.predicate, self.axiom, self.start = fresh, None, [None, None, None, False], line
            else:
                self.positions._add(self.subject, self.predicate, fresh, line, self.axiom, self.start)
            return 2
        if self.subject is not None:
            self.positions._add(self.subject, self.predicate, fresh, line, self.axiom, self.start)
        self.stack.append((self.subject, self.predicate, self.axiom, self.start))
        self.subject, self.predicate, self.axiom, self.start = fresh, None, None, line
        return 1

    def close(self, line: int) -> None:
        inner = self.subject
        self.subject, self.predicate, self.axiom, self.start = (
            self.stack.pop() if self.stack else (None, None, None, line)
        )
        if self.subject is None:  # [ ... ] opened the statement: it is the subject
            self.subject, self.predicate = inner, None
