"""The named competency queries in queries/*.rq: discover them, read their headers, resolve what the user asked for.

Each file starts with a comment header in this form (continuation lines are indented):

    # Question: Which strategies address the Li/SSE interface of oxide electrolytes?
    # Answer: one row per strategy and outcome: study, method, electrolyte, value, unit.
"""

from __future__ import annotations

import re
from pathlib import Path

from liskg.base import wrap
from liskg.base.errors import LiskgError
from liskg.base.project import Project

# The topics the named queries are grouped by (each file's "# Topic:" line), in the order the page's
# menu and `liskg query --list` show them: the interfaces in review order, then the subjects.
TOPICS = (
    "Li/SSE interface (I)",
    "S/SSE and S/S interfaces (III, IV)",
    "processing methods",
    "materials and cells",
    "numbers compared",
    "the review as a whole",
)


class Query:
    """SPARQL text with where it came from (a named query, a file or the command line)."""

    __slots__ = ("name", "text", "origin", "question", "answer", "topic")

    def __init__(self, name: str, text: str, origin: str, question: str = "", answer: str = "", topic: str = ""):
        self.name, self.text, self.origin, self.question, self.answer = name, text, origin, question, answer
        self.topic = topic


def parse_header(text: str) -> dict[str, str]:
    """The 'Key: value' fields of the leading comment block, keys lower-cased, continuation lines joined."""
    fields: dict[str, str] = {}
    key = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:]
        match = re.match(r"\s?([A-Za-z]+):\s*(.*)", body)
        if match and not body.startswith("  "):
            key = match.group(1).lower()
            fields[key] = match.group(2).strip()
        elif key and body.strip():
            fields[key] += " " + body.strip()
        else:
            key = None
    return fields


def read_query(path: Path, name: str, origin: str) -> Query:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LiskgError(f"{origin}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LiskgError(f"{origin}: cannot read the query ({exc})") from None
    header = parse_header(text)
    return Query(name, text, origin, header.get("question", ""), header.get("answer", ""), header.get("topic", ""))


def named_queries(project: Project) -> dict[str, Query]:
    """Every queries/*.rq file by name (file name without .rq), sorted by name."""
    folder = project.queries_dir
    if not folder.is_dir():
        return {}
    return {p.stem: read_query(p, p.stem, project.relative(p)) for p in sorted(folder.glob("*.rq"))}


def resolve(project: Project, target: str | None = None, inline: str | None = None) -> Query:
    """The query the user means: inline text (-e), a path to a .rq file, or the name of a named query."""
    if inline is not None:
        return Query("-e", inline, "-e")
    if not target:
        raise LiskgError("name a query (see `liskg query --list`), give a .rq file, or pass -e 'SPARQL'")
    path = Path(target)
    if target.endswith(".rq") or "/" in target or path.is_file():
        return read_query(path, path.stem, target)
    path = project.queries_dir / f"{target}.rq"
    if path.is_file():  # a named query: read just its file
        return read_query(path, target, project.relative(path))
    import difflib  # 1 ms at start-up: only a name that is not a query needs it

    queries = named_queries(project)
    close = difflib.get_close_matches(target, list(queries), n=3, cutoff=0.5)
    close += [n for n in queries if target.lower() in n.lower() and n not in close][: 3 - len(close)]
    hint = f"did you mean {', '.join(close)}?" if close else "see `liskg query --list`"
    raise LiskgError(f"no named query {target!r} in {project.relative(project.queries_dir)}/; {hint}")


def listing(queries: dict[str, Query], width: int | None = None) -> str:
    """The named QUERIES as `liskg query --list` prints them: grouped by topic (TOPICS order), each name with
    its question and what its answer holds, wrapped at spaces to WIDTH (None: one line each)."""
    by_topic: dict[str, list[Query]] = {}
    for query in queries.values():
        by_topic.setdefault(query.topic or "other questions", []).append(query)
    order = [t for t in TOPICS if t in by_topic] + sorted(t for t in by_topic if t not in TOPICS)
    out: list[str] = []
    for topic in order:
        out += ["", f"{topic}:"] if out else [f"{topic}:"]
        for query in by_topic[topic]:
            out.append(f"  {query.name}")
            out += wrap.lines(query.question or "(no question in the header)", width, indent="      ")
            if query.answer:
                out += wrap.lines("answer: " + query.answer, width, indent="      ")
    out += ["", f"{len(queries)} named queries; run one with `liskg query NAME`"]
    return "\n".join(out)
