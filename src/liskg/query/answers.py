"""The named queries' answers, computed by the build: `liskg query NAME` reads one small file, opens no store.

A named query's answer changes only when the build does, so the build evaluates every queries/*.rq
once, on the graph it has just built (the triples `liskg query` would read), and keeps each result in
build/answers/NAME.json with the query text it answers: the W3C serialization the engine wrote, every
label and unit symbol a table of it shows, and (for SELECT) the table's cells as liskg.query.tables
words them, so that printing the table needs neither Oxigraph nor the number formatter. A query whose
text differs from the one answered (an edited .rq file), a new one, -e and --asserted-only are
evaluated on the store as before; `--evaluate` always is. (Rows that tie on every ORDER BY key may come
in another order when evaluated: SPARQL leaves their order open.)
"""

from __future__ import annotations

import json
import os

from liskg.build.outputs import write_atomically
from liskg.query import grid
from liskg.query.formats import HUMAN_FORMATS

TYPE_CHECKING = False  # as in liskg.project
if TYPE_CHECKING:
    from pathlib import Path

ANSWERS = "answers"  # the folder in build/


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

    def decoded(self):
        """The result the engine wrote, and a Labeller that knows its labels: (QueryResult, Labeller)."""
        from liskg.query.engine import decode
        from liskg.query.tables import Labeller

        known = {(iri, predicate): value for iri, predicate, value in self.stored["lookups"]}
        return decode(self.stored["form"], self.stored["data"].encode("utf-8")), Labeller.remembering(known)


def compute(store, queries: dict) -> dict[str, bytes]:
    """File name -> contents of the answer to each named query (name -> liskg.query.named.Query), evaluated
    on STORE, an Oxigraph store (canonical JSON); a query that does not parse raises LiskgError naming its
    file and position."""
    import pyoxigraph as ox  # here, not at the top: reading an answer needs none of these

    from liskg.query.engine import run
    from liskg.query.tables import RDFS_LABEL, UNIT_SYMBOL, Labeller, human_rows

    files, labeller = {}, Labeller(store)  # one look-up per term, however many answers show it
    for name, query in sorted(queries.items()):
        text = query.text
        result = run(store, text, timeout=None, origin=query.origin)
        terms = {term for row in result.rows for term in row if isinstance(term, ox.NamedNode)}
        remembered = sorted(
            [term.value, predicate.value, value]
            for term in terms
            for predicate in (RDFS_LABEL, UNIT_SYMBOL)
            if (value := labeller.lookup(term, predicate)) is not None
        )
        answer = {
            "query": name,
            "text": text,
            "form": result.form,
            "data": result.data.decode("utf-8"),
            "lookups": remembered,
        }
        if result.form == "select":
            headers, rows = human_rows(result, labeller)
            answer["cells"] = {"headers": headers, "rows": rows}
        files[f"{name}.json"] = (json.dumps(answer, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    return files


def write(folder: Path, files: dict[str, bytes]) -> None:
    """Replace the answers in FOLDER by FILES (each written atomically; answers of other builds removed)."""
    for stale in folder.glob("*.json") if folder.is_dir() else ():
        if stale.name not in files:
            stale.unlink()
    for name, data in files.items():
        write_atomically(folder / name, data)


def read(folder: Path | str, name: str, text: str) -> Answer | None:
    """The answer the build computed for the named query NAME if its text was TEXT, else None."""
    try:
        with open(os.path.join(folder, f"{name}.json"), encoding="utf-8") as file:
            answer = json.load(file)
    except (OSError, ValueError):
        return None
    return Answer(answer) if answer.get("text") == text else None
