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
        prefixes: dict[str, str] = {}
        tokens = []
        line, counted = 1, 0
        for m in _TOKEN.finditer(text):
            line += text.count("\n", counted, m.start())
            counted = m.start()
            if not m.group(0).startswith("#"):
                tokens.append((m.group(0), line))

        def term(token: str) -> str | None:
            if token.startswith("<"):
                return token[1:-1]
            if token == "a":
                return RDF_TYPE
            if ":" in token and not token.startswith(("_:", '"', "'")):
                prefix, local = token.split(":", 1)
                return prefixes[prefix] + local if prefix in prefixes else None
            return None

        blank = 0
        # (subject, predicate, axiom parts, start line) of the statements a [ ... ] is nested in
        stack: list[tuple] = []
        subject: str | None = None
        predicate: str | None = None
        axiom: list | None = None  # [source, property, target, typed owl:Axiom] of a `[] ...` statement
        start = 0
        i = 0
        while i < len(tokens):
            token, line = tokens[i]
            following = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            if token in ("@prefix", "PREFIX"):
                prefixes[following.rstrip(":")] = tokens[i + 2][0][1:-1]
                i += 4 if token == "@prefix" else 3
            elif token in ("@base", "BASE"):
                i += 3 if token == "@base" else 2
            elif token == "." and not stack:
                subject = predicate = axiom = None
                i += 1
            elif token == "[":
                blank += 1
                fresh = f"_:scan{blank}"
                if following == "]":  # [] : an anonymous node with nothing inside
                    if subject is None:
                        subject, predicate, axiom, start = fresh, None, [None, None, None, False], line
                    else:
                        self._add(subject, predicate, fresh, line, axiom, start)
                    i += 2
                    continue
                if subject is not None:
                    self._add(subject, predicate, fresh, line, axiom, start)
                stack.append((subject, predicate, axiom, start))
                subject, predicate, axiom, start = fresh, None, None, line
                i += 1
            elif token == "]":
                inner = subject
                subject, predicate, axiom, start = stack.pop() if stack else (None, None, None, line)
                if subject is None:  # [ ... ] opened the statement: it is the subject
                    subject, predicate = inner, None
                i += 1
            elif token == ";":
                predicate = None
                i += 1
            elif token in (",", "(", ")", "."):
                i += 1
            elif subject is None:
                subject, start = term(token) or token, line
                self.subjects.setdefault(subject, line)
                i += 1
            elif predicate is None:
                predicate = term(token) or token
                i += 1
            else:
                obj = term(token)
                if obj is not None:
                    self._add(subject, predicate, obj, line, axiom, start)
                i += 3 if following == "^^" else 1

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
