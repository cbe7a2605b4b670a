"""The named queries' answers, computed by the build so that `liskg query NAME` reads one small file and opens
no store (liskg.querying.answers reads them).

A named query's answer changes only when the build does, so the build evaluates every queries/*.rq once,
on the graph it has just built (the triples `liskg query` would read), and keeps each result in
build/answers/NAME.json with the query text it answers: the W3C serialization the engine wrote, every
label and unit symbol a table of it shows, and (for SELECT) the table's cells as liskg.base.cells words
them, so that printing the table needs neither Oxigraph nor the number formatter.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from liskg.base.cells import human_rows
from liskg.base.files import write_atomically
from liskg.base.labels import RDFS_LABEL, REFERENCE_NUMBER, UNIT_SYMBOL, Labeller
from liskg.base.runner import run

TYPE_CHECKING = False  # as in liskg.base.project
if TYPE_CHECKING:
    from pathlib import Path


def compute(store, queries: dict) -> dict[str, bytes]:
    """File name -> contents of the answer to each named query (name -> liskg.base.named.Query), evaluated
    on STORE, an Oxigraph store (canonical JSON); a query that does not parse raises LiskgError naming its
    file and position."""
    files, labeller = {}, Labeller(store)  # one look-up per term, however many answers show it
    for name, query in sorted(queries.items()):
        text = query.text
        result = run(store, text, timeout=None, origin=query.origin)
        terms = {term for row in result.rows for term in row if isinstance(term, ox.NamedNode)}
        remembered = sorted(
            [term.value, predicate.value, value]
            for term in terms
            for predicate in (RDFS_LABEL, UNIT_SYMBOL, REFERENCE_NUMBER)
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
