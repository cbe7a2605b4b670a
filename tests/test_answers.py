"""The named queries' answers the build computes (build/answers/): the same text as evaluating on the
store, in every format, and never used for a query whose text changed."""

from __future__ import annotations

import json

import pytest

from conftest import copy_built, copy_sources, run_main
from liskg.base.project import ANSWERS, Project
from liskg.querying import answers

FORMATS = ("table", "md", "csv", "tsv", "json", "xml")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Project:
    return Project(copy_built(tmp_path_factory.mktemp("answers")))


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
def test_a_precomputed_answer_prints_exactly_what_evaluating_prints(built, fmt, monkeypatch):
    """Every named query, in every format (tables at 80 columns and unwrapped), with --labels for csv/tsv."""
    monkeypatch.setenv("COLUMNS", "80")
    extra = ["--labels"] if fmt in ("csv", "tsv") else []
    for name in names(built):
        for width in (["--wide"], []) if fmt == "table" else ([],):
            args = ["--root", str(built.root), "query", name, "-f", fmt, *extra, *width]
            read, evaluated = run_main(*args), run_main(*args, "--evaluate")
            assert read.code == evaluated.code == 0, (name, read.err, evaluated.err)
            assert read.out == evaluated.out, (name, fmt)


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
