"""What a cold `liskg` process loads: a budget of modules per command line, and never a library it does not use.

Budgets, not lists: a refactor may move code between modules freely, as long as a command line loads
no more modules than its budget (counted beyond what the interpreter loads before any of liskg) and none
of the libraries it has no use for. Measured when the budgets were set (issue 26, one argument parser):
`--version` 25 modules, `query NAME` 50 (with or without --timeout, -f md), `query NAME -f csv` 67,
`--help` 57.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, run_cli, run_main

SCRIPT = """\
import json, sys
before = set(sys.modules)
sys.argv = ["liskg", *json.loads(sys.argv[1])]
from liskg.cli.main import main
try:
    code = main()
except SystemExit as exc:  # --version, --help
    code = exc.code
print("LOADED", json.dumps(sorted(set(sys.modules) - before)), file=sys.stderr)
sys.exit(code)
"""
# The libraries of the build, the graph and the documentation: no command line below needs any of them.
HEAVY = {
    "rdflib",
    "pyshacl_turbo",
    "owlready2",
    "networkx",
    "ontospy",
    "jinja2",
    "yaml",
    "vl_convert",
    "liskg.builder.pipeline",
    "liskg.viz.model",
    "liskg.querying.lookups",
}
# A named query's table is printed from the cells the build kept: no Oxigraph, no number formatting.
READING_ANSWERS = HEAVY | {"pyoxigraph", "liskg.base.numbers", "importlib.resources"}


def _modules(*argv: str) -> set[str]:
    """Every module a cold `liskg ARGV` imported, beyond those the interpreter had loaded before."""
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(list(argv))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return set(json.loads(proc.stderr.rsplit("LOADED ", 1)[1]))


@pytest.fixture(scope="module", autouse=True)
def current_build():
    assert run_main("query", "longest-cycling").code == 0  # the build is current afterwards


@pytest.mark.parametrize(
    ("argv", "budget", "unused"),
    [
        (["--version"], 30, READING_ANSWERS | {"liskg.cli.commands.query", "liskg.api"}),
        (["query", "oxide-anode-strategies", "--wide"], 55, READING_ANSWERS | {"typing", "dataclasses"}),
        (["query", "oxide-anode-strategies", "-f", "md"], 55, READING_ANSWERS),
        (["query", "oxide-anode-strategies", "--timeout", "30"], 55, READING_ANSWERS),
        (["query", "oxide-anode-strategies", "-f", "csv"], 75, HEAVY),
        (["--help"], 65, HEAVY | {"pyoxigraph", "liskg.api"}),
    ],
)
def test_a_cold_command_line_loads_no_more_than_its_budget(argv, budget, unused):
    loaded = _modules(*argv)
    assert len(loaded) <= budget, sorted(loaded)
    assert not loaded & unused, sorted(loaded & unused)


def test_only_the_command_run_is_loaded():
    assert {m for m in _modules("query", "oxide-anode-strategies", "--timeout", "30") if ".commands." in m} == {
        "liskg.cli.commands.query"
    }
    result = run_cli("--help")
    assert result.code == 0 and "  strategies " in result.out and "  viz " in result.out


def test_the_time_bound_ends_an_in_process_query_with_its_line_and_exit_code():
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    result = run_cli("query", "--timeout", "1", "-e", cartesian, timeout=60)
    assert (result.code, result.out, result.err) == (
        4,
        "",
        "liskg: error: -e: stopped after 1 s (the time bound); narrow the query or raise --timeout\n",
    )
