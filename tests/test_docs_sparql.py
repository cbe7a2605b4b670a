"""Every SPARQL block in docs/*.md runs on the built graph, and its answer holds the rows the doc says.

A block may be followed by `<!-- answer includes: ... -->` and `<!-- answer excludes: ... -->` comments
listing values (prefixed IRIs, numbers, "quoted text") that must or must not appear in the answer.
"""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import ROOT
from liskg.base import engine
from query_support import plain

BLOCK = re.compile(r"```sparql\n(.*?)```\n((?:<!-- answer (?:includes|excludes): [^\n]* -->\n)*)", re.S)
# Docs whose queries need more than the built graph, tested where that is loaded.
ELSEWHERE = {"interoperability.md": "tests/test_interoperability_doc.py (LiSKG + the release's EMMO alignment)"}
EXPECT = re.compile(r"<!-- answer (includes|excludes): ([^\n]*) -->")


def blocks():
    found = []
    for doc in sorted((ROOT / "docs").glob("*.md")):
        if doc.name in ELSEWHERE:
            continue
        text = doc.read_text(encoding="utf-8")
        assert text.count("```sparql") == len(BLOCK.findall(text)), f"{doc.name}: a sparql block is not closed"
        for number, (query, comments) in enumerate(BLOCK.findall(text), 1):
            found.append(pytest.param(query, EXPECT.findall(comments), id=f"{doc.name}-{number}"))
    return found


def cell_text(value) -> str:
    return f'"{value}"' if isinstance(value, str) and ":" not in value else str(value)


def test_the_docs_hold_sparql_blocks():
    assert len(blocks()) >= 9


@pytest.mark.parametrize("query, expectations", blocks())
def test_sparql_block_runs_and_answers_as_documented(query, expectations, store):
    result = engine.run(store, query, timeout=60)
    assert result.rows, "the documented query answers nothing"
    cells = {cell_text(plain(term)) for row in result.rows for term in row}
    for kind, values in expectations:
        for value in shlex.split(values, posix=False):
            if kind == "includes":
                assert value in cells, f"{value} missing from the answer"
            else:
                assert value not in cells, f"{value} should not be in the answer"
