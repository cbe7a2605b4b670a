"""Reading the named queries' answers the build computed (liskg.builder.answers writes them to build/answers/):
`liskg query NAME` reads one small file and opens no store.

An answer keeps the query text it answers, the W3C serialization the engine wrote, every label and unit
symbol a table of it shows, and (for SELECT) the table's cells, so that printing the table needs neither
Oxigraph nor the number formatter. A query whose
text differs from the one answered (an edited .rq file), a new one, -e and --asserted-only are
evaluated on the store as before; `--evaluate` always is. (Rows that tie on every ORDER BY key may come
in another order when evaluated: SPARQL leaves their order open.)
"""

from __future__ import annotations

import json
import os

from liskg.base.formats import HUMAN_FORMATS
from liskg.base.project import ANSWERS
from liskg.querying import grid

TYPE_CHECKING = False  # as in liskg.base.project
if TYPE_CHECKING:
    from pathlib import Path

    from liskg.base.engine import QueryResult
    from liskg.base.labels import Labeller
    from liskg.base.named import Query
    from liskg.base.project import Project


class Answer:
    """An answer the build computed, as read from its file."""

    __slots__ = ("stored",)

    def __init__(self, stored: dict):
        self.stored = stored

    def text(self, fmt: str, width: int | None) -> str | None:
        """The answer as a table (fitted to WIDTH) or Markdown from the cells the build kept, or None when the
        format or the query form needs the result itself (see decoded)."""
        cells = self.stored.get("cells")
        if fmt not in HUMAN_FORMATS or cells is None:
            return None
        headers, rows = cells["headers"], cells["rows"]
        return grid.markdown(headers, rows) if fmt == "md" else grid.counted(headers, rows, width=width)

    def decoded(self) -> tuple[QueryResult, Labeller]:
        """The result the engine wrote, and a Labeller that knows its labels: (QueryResult, Labeller)."""
        # 22 ms at start-up (pyoxigraph): a table printed from the cells the build kept never needs them
        from liskg.base.engine import decode
        from liskg.base.labels import Labeller

        known = {(iri, predicate): value for iri, predicate, value in self.stored["lookups"]}
        result = decode(self.stored["form"], self.stored["data"].encode("utf-8"))
        result.query = self.stored["text"]
        return result, Labeller.remembering(known)


def read(folder: Path | str, name: str, text: str) -> Answer | None:
    """The answer the build computed for the named query NAME if its text was TEXT, else None."""
    try:
        with open(os.path.join(folder, f"{name}.json"), encoding="utf-8") as file:
            answer = json.load(file)
    except (OSError, ValueError):
        return None
    return Answer(answer) if answer.get("text") == text else None


def kept(project: Project, query: Query) -> Answer | None:
    """The answer the build kept for QUERY (a named query whose text the build answered), else None."""
    return read(project.build_dir / ANSWERS, query.name, query.text)


def text(
    project: Project,
    query: Query,
    fmt: str,
    *,
    width: int | None = None,
    labels: bool = False,
    inferred: bool = True,
    evaluate: bool = False,
    timeout: float | None = None,
    allow_service: tuple[str, ...] = (),
) -> str:
    """QUERY's answer as `liskg query` prints it in format FMT (liskg.base.formats): from the answer the build
    kept when there is one (never with inferred=False or evaluate=True), else evaluated on the store, in
    this process, or with TIMEOUT seconds in a forked child (liskg.base.runner). The build must be current.

    A table or Markdown from a kept answer comes from its cells alone, with neither Oxigraph nor the number
    formatter loaded."""
    found = kept(project, query) if inferred and not evaluate else None
    shown = found.text(fmt, width) if found else None
    if shown is not None:
        return shown
    # 67 ms at start-up (pyoxigraph, numbers): a table printed from the cells the build kept needs none of it
    from liskg.base import runner
    from liskg.base.labels import Labeller
    from liskg.querying import store, tables

    if found:
        result, labeller = found.decoded()
    else:
        graph = store.load(project, inferred=inferred)
        result = runner.run(graph, query.text, timeout=timeout, origin=query.origin, allow_service=allow_service)
        labeller = Labeller(graph)
    return tables.render(result, fmt, labeller, width=width, labels=labels)
