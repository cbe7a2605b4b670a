"""What a cold `liskg` process loads: only the command it runs, never the build's libraries."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, run_cli, run_main

SCRIPT = """\
import sys
sys.argv = ["liskg", *{argv!r}]
from liskg.cli.main import main
try:
    code = main()
except SystemExit as exc:  # --version, --help
    code = exc.code
loaded = sorted(m for m in sys.modules if m.startswith("liskg.cli.commands.") or m in {heavy!r})
print("LOADED", loaded, file=sys.stderr)
sys.exit(code)
"""
HEAVY = (
    "liskg.api",
    "liskg.build.pipeline",
    "rdflib",
    "pyshacl_turbo",
    "owlready2",
    "networkx",
    "importlib.resources",
    "pyoxigraph",
    "liskg.numbers",
)


def _loaded(*argv: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(argv=list(argv), heavy=HEAVY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return eval(proc.stderr.rsplit("LOADED ", 1)[1])  # noqa: S307 - our own repr of a list of names


def test_a_cold_query_imports_only_the_query_command_and_no_build_library():
    assert run_main("query", "longest-cycling").code == 0  # the build is current afterwards
    # a named query's table is printed from the cells the build kept: no Oxigraph, no number formatting, and
    # in its plain form not even the command's module (liskg.cli.answered)
    assert _loaded("query", "oxide-anode-strategies") == []
    assert _loaded("query", "oxide-anode-strategies", "-f", "md") == []
    assert _loaded("query", "oxide-anode-strategies", "--timeout", "30") == ["liskg.cli.commands.query"]
    assert _loaded("query", "oxide-anode-strategies", "-f", "csv") == [
        "liskg.cli.commands.query",
        "liskg.numbers",
        "pyoxigraph",
    ]


def test_the_plain_named_query_is_answered_without_argparse_or_pathlib():
    assert run_main("query", "longest-cycling").code == 0  # the build is current afterwards
    plain = _modules("query", "oxide-anode-strategies", "--wide")
    assert not {"argparse", "pathlib", "typing", "shutil"} & plain, plain
    assert "argparse" in _modules("query", "oxide-anode-strategies", "--timeout", "30")  # not the plain form


def _modules(*argv: str) -> set[str]:
    """Every module a cold `liskg ARGV` imported."""
    script = SCRIPT.replace("if m.startswith", "if m or m.startswith")
    proc = subprocess.run(
        [sys.executable, "-c", script.format(argv=list(argv), heavy=HEAVY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    return set(eval(proc.stderr.rsplit("LOADED ", 1)[1]))  # noqa: S307 - our own repr of a list of names


def test_version_and_help_list_every_command_without_running_one():
    assert _loaded("--version") == []
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
