"""The named queries' answers the build computes (build/answers/): the same text as evaluating on the
store, in every format, and never used for a query whose text changed."""

from __future__ import annotations

import contextlib
import io
import json

import pytest

from conftest import copy_sources, run_main
from liskg.base.project import ANSWERS, Project
from liskg.cli import answered
from liskg.querying import answers

FORMATS = ("table", "md", "csv", "tsv", "json", "xml")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    project = Project(copy_sources(tmp_path_factory.mktemp("answers")))
    result = run_main("--root", str(project.root), "build", "-q")
    assert result.code == 0, result.err
    return project


def names(project: Project) -> list[str]:
    return sorted(p.stem for p in project.queries_dir.glob("*.rq"))


def test_every_named_query_has_its_answer_with_its_text(built):
    folder = built.build_dir / ANSWERS
    assert sorted(p.stem for p in folder.iterdir()) == names(built)
    stored = json.loads((folder / "oxide-anode-strategies.json").read_text(encoding="utf-8"))
    assert stored["text"] == (built.queries_dir / "oxide-anode-strategies.rq").read_text(encoding="utf-8")
    assert stored["form"] == "select"
    assert [
        "https://w3id.org/liskg/data/ref-67",
        "http://www.w3.org/2000/01/rdf-schema#label",
        "Fu et al. [67]",
    ] in stored["lookups"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_precomputed_answer_prints_exactly_what_evaluating_prints(built, fmt):
    """Every named query, in every format (tables at 80 columns and unwrapped), with --labels for csv/tsv."""
    extra = ["--labels"] if fmt in ("csv", "tsv") else []
    for name in names(built):
        for width in (["--wide"], []):
            args = ["--root", str(built.root), "query", name, "-f", fmt, *extra, *width]
            read, evaluated = run_main(*args), run_main(*args, "--evaluate")
            assert read.code == evaluated.code == 0, (name, read.err, evaluated.err)
            assert read.out == evaluated.out, (name, fmt)


@pytest.mark.parametrize("columns", ["80", "120"])
def test_the_plain_named_query_prints_what_the_full_command_line_prints(built, monkeypatch, columns):
    """`liskg query NAME` is answered before argparse (liskg.cli.answered); --timeout sends the same
    request through the full command line, which reads the same answer file."""
    monkeypatch.setenv("COLUMNS", columns)
    for name in names(built):
        for extra in ([], ["--wide"], ["-f", "md"], ["--format=table"]):
            args = ["--root", str(built.root), "query", name, *extra]
            printed = io.StringIO()
            with contextlib.redirect_stdout(printed):
                code = answered.answer(args)
            full = run_main(*args, "--timeout", "30")
            assert code == full.code == 0 and full.err == "", (name, extra, full.err)
            assert printed.getvalue() == full.out, (name, extra)


def test_the_plain_form_leaves_everything_else_to_the_full_command_line(built):
    root = ["--root", str(built.root)]
    for argv in (
        ["query", "oxide-anode-strategies", "--timeout", "30"],
        ["query", "oxide-anode-strategies", "--wid"],
        ["query", "oxide-anode-strategies", "-f", "csv"],
        ["query", "queries/oxide-anode-strategies.rq"],
        ["query", "--list"],
        ["query", "no-such-query"],
        ["stats"],
        ["query"],
    ):
        assert answered.answer(root + argv) is None, argv


def test_an_edited_query_is_evaluated_not_read(built, tmp_path):
    project = Project(copy_sources(tmp_path))
    assert run_main("--root", str(project.root), "build", "-q").code == 0
    path = project.queries_dir / "oxide-anode-strategies.rq"
    text = path.read_text(encoding="utf-8")
    assert answers.read(project.build_dir / ANSWERS, "oxide-anode-strategies", text) is not None
    edited = text.rstrip() + " LIMIT 2\n"
    path.write_text(edited, encoding="utf-8")
    assert answers.read(project.build_dir / ANSWERS, "oxide-anode-strategies", edited) is None
    shown = run_main("--root", str(project.root), "query", "oxide-anode-strategies", "--wide")
    assert shown.code == 0, shown.err
    assert shown.out.rstrip().endswith("(2 rows)")
