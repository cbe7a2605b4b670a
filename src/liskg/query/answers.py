"""The named queries' answers, computed by the build: `liskg query NAME` reads one small file, opens no store.

A named query's answer changes only when the build does, so the build evaluates every queries/*.rq
once, on the graph it has just built (the triples `liskg query` would read), and keeps each result in
build/answers/NAME.json with the query text it answers: the W3C serialization the engine
wrote, plus every label and unit symbol a table of it shows. A query whose text differs from the one
answered (an edited .rq file), a new one, -e and --asserted-only are evaluated on the store as before;
`--evaluate` always is. (Rows that tie on every ORDER BY key may come in another order when evaluated:
SPARQL leaves their order open.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from liskg.build.outputs import write_atomically
from liskg.query.engine import QueryResult, run
from liskg.query.tables import Labeller, RDFS_LABEL, UNIT_SYMBOL

ANSWERS = "answers"  # the folder in build/
LOOKUPS = (RDFS_LABEL, UNIT_SYMBOL)


def compute(store: ox.Store, queries: dict) -> dict[str, bytes]:
    """File name -> contents of the answer to each named query (name -> liskg.query.named.Query), evaluated
    on STORE (canonical JSON); a query that does not parse raises LiskgError naming its file and position."""
    files, labeller = {}, Labeller(store)  # one look-up per term, however many answers show it
    for name, query in sorted(queries.items()):
        text = query.text
        result = run(store, text, timeout=None, origin=query.origin)
        terms = {term for row in result.rows for term in row if isinstance(term, ox.NamedNode)}
        remembered = sorted([term.value, predicate.value, value] for term in terms for predicate in LOOKUPS
                            if (value := labeller.lookup(term, predicate)) is not None)
        answer = {"query": name, "text": text, "form": result.form, "data": result.data.decode("utf-8"),
                  "lookups": remembered}
        files[f"{name}.json"] = (json.dumps(answer, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    return files


def write(folder: Path, files: dict[str, bytes]) -> None:
    """Replace the answers in FOLDER by FILES (each written atomically; answers of other builds removed)."""
    for stale in folder.glob("*.json") if folder.is_dir() else ():
        if stale.name not in files:
            stale.unlink()
    for name, data in files.items():
        write_atomically(folder / name, data)


def read(folder: Path, name: str, text: str) -> tuple[QueryResult, Labeller] | None:
    """The answer the build computed for the named query NAME if its text was TEXT, with a Labeller that
    knows its labels; else None."""
    try:
        answer = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if answer.get("text") != text:
        return None
    from liskg.query.engine import decode

    result = decode(answer["form"], answer["data"].encode("utf-8"))
    known = {(iri, predicate): value for iri, predicate, value in answer["lookups"]}
    return result, Labeller.remembering(known)
