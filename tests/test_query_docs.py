"""docs/queries.md tells the truth: every named query is listed, and the output it shows is what the commands print."""

from __future__ import annotations

import re
import shlex

import pytest

from conftest import ROOT, run_main
from liskg.base import named
from liskg.base.project import Project

DOC = (ROOT / "docs" / "queries.md").read_text(encoding="utf-8")
CONSOLE = re.compile(r"```console\n\$ liskg ([^\n]+)\n([^`]+)```")
RENDERED = re.compile(r"<!-- \$ liskg ([^\n]+) -->\n(.+?)<!-- end -->", re.S)
SHOWN = CONSOLE.findall(DOC) + RENDERED.findall(DOC)
DOC_COLUMNS = 100


def test_every_named_query_is_listed():
    for name in named.named_queries(Project(ROOT)):
        assert f"| `{name}` |" in DOC


def test_the_doc_shows_faceted_output():
    assert any(command.startswith("strategies ") for command, _ in SHOWN)


@pytest.mark.parametrize("command, shown", SHOWN, ids=[c for c, _ in SHOWN])
def test_shown_output_is_real(command, shown, monkeypatch):
    monkeypatch.setenv("COLUMNS", str(DOC_COLUMNS))  # the docs show a 100-column terminal
    result = run_main(*shlex.split(command))
    assert result.code == 0, result.err
    assert result.out.rstrip() == shown.rstrip(), (
        "docs/queries.md is out of date: rerun the command and paste its output"
    )


def test_the_query_page_prefixes_are_the_projects():
    from liskg.base import vocab

    block = re.search(r"paste the project's:\n\n```text\n(.*?)```", DOC, re.S).group(1)
    declared = dict(re.findall(r"PREFIX (\w+): <([^>]+)>", block))
    assert {k: declared[k] for k in vocab.PREFIXES} == vocab.PREFIXES


def test_docs_and_help_agree_on_the_endpoint_limits():
    from liskg.cli.main import make_parser

    helptext = " ".join(make_parser()._subparsers._group_actions[0].choices["serve"].format_help().split())
    for limit in ("503", "1 MiB", "413", "8 KiB", "--cors"):
        assert limit in helptext and limit in DOC, limit
    assert "128 MiB" not in DOC
