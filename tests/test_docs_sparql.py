"""Every SPARQL block in docs/*.md runs on the built graph, and its answer holds the rows the doc says.

A block may be followed by `<!-- answer includes: ... -->` and `<!-- answer excludes: ... -->` comments
listing values (prefixed IRIs, numbers, "quoted text") that must or must not appear in the answer, or
by an `<!-- answer rows: ... -->` comment holding the exact answer, one row a line (as in
tests/test_query_answers.py): then the answer must be those rows and no other, each as often as listed.
Those are the "first queries" of docs/queries.md: the plainest query a reader writes, so they may not
work around the data with DISTINCT, GROUP_CONCAT or FILTER NOT EXISTS.
"""

from __future__ import annotations

import re
import shlex
from collections import Counter

import pytest

from conftest import ROOT
from liskg.base import runner
from query_support import parse_rows, plain

BLOCK = re.compile(
    r"```sparql\n(.*?)```\n((?:<!-- answer (?:includes|excludes): [^\n]* -->\n"
    r"|<!-- answer rows:\n[^>]*-->\n)*)",
    re.S,
)
# Docs whose queries need more than the built graph, tested where that is loaded.
ELSEWHERE = {"interoperability.md": "tests/test_interoperability_doc.py (LiSKG + the release's EMMO alignment)"}
EXPECT = re.compile(r"<!-- answer (includes|excludes): ([^\n]*) -->")
ROWS = re.compile(r"<!-- answer rows:\n([^>]*)-->")
WORKAROUNDS = re.compile(r"\bDISTINCT\b|\bGROUP_CONCAT\b|FILTER\s+NOT\s+EXISTS", re.I)


def blocks():
    found = []
    for doc in sorted((ROOT / "docs").glob("*.md")):
        if doc.name in ELSEWHERE:
            continue
        text = doc.read_text(encoding="utf-8")
        assert text.count("```sparql") == len(BLOCK.findall(text)), f"{doc.name}: a sparql block is not closed"
        for number, (query, comments) in enumerate(BLOCK.findall(text), 1):
            rows = ROWS.search(comments)
            found.append(
                pytest.param(
                    query, EXPECT.findall(comments), rows.group(1) if rows else None, id=f"{doc.name}-{number}"
                )
            )
    return found


def first_queries() -> list:
    return [b for b in blocks() if b.id.startswith("queries.md-") and b.values[2] is not None]


def cell_text(value) -> str:
    return f'"{value}"' if isinstance(value, str) and ":" not in value else str(value)


def test_the_docs_hold_sparql_blocks():
    assert len(blocks()) >= 9


def test_queries_md_teaches_ten_first_queries_with_exact_answers():
    assert len(first_queries()) >= 10


@pytest.mark.parametrize("query, expectations, rows", blocks())
def test_sparql_block_runs_and_answers_as_documented(query, expectations, rows, store):
    result = runner.run(store, query, timeout=60)
    assert result.rows, "the documented query answers nothing"
    if rows is not None:
        assert not WORKAROUNDS.search(query), "a first query needs no DISTINCT, GROUP_CONCAT or FILTER NOT EXISTS"
        got = Counter(tuple(plain(term) for term in row) for row in result.rows)
        expected = Counter(parse_rows(rows))
        assert got == expected, (
            f"missing: {sorted((expected - got).elements(), key=str)}\n"
            f"unexpected: {sorted((got - expected).elements(), key=str)}"
        )
    cells = {cell_text(plain(term)) for row in result.rows for term in row}
    for kind, values in expectations:
        for value in shlex.split(values, posix=False):
            if kind == "includes":
                assert value in cells, f"{value} missing from the answer"
            else:
                assert value not in cells, f"{value} should not be in the answer"
