"""The Python API (docs/api.md): its notebook-style example runs as written, and its promises hold."""

from __future__ import annotations

import contextlib
import inspect
import io
import re
from decimal import Decimal

import pytest

import liskg
from conftest import ROOT
from liskg.base import errors, manifest

DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")


def cells() -> list[tuple[str, str]]:
    """The example's (python code, printed text) pairs, in order."""
    return re.findall(r"```python\n(.*?)```\n\n```text\n(.*?)```", DOC, re.S)


def test_the_documented_session_prints_what_the_doc_shows(tmp_project, monkeypatch):
    """Run in a fresh copy of the sources, so the checks its build reports do not depend on which
    other test built the checkout last, or on `make demo` (a --reason --owlapi build would add hermit and
    owlapi). Project.find() prefers $LISKG_HOME to the checkout the package runs from, so that names the copy."""
    monkeypatch.chdir(tmp_project.root)
    monkeypatch.setenv("LISKG_HOME", str(tmp_project.root))
    assert len(cells()) == 14  # 12 in 1.1; + one from issue 23, + one from issue 27 (new_study, diff)
    namespace: dict = {}
    for code, shown in cells():
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "docs/api.md", "exec"), namespace)
        assert printed.getvalue() == shown, code


def test_the_doc_lists_every_function_and_its_session_calls_each_one():
    """One function per command (liskg.FUNCTIONS, re-exported from liskg.api): each has a row in the table
    with its signature, and the notebook session calls it."""
    session = "\n".join(code for code, _shown in cells())
    for name in ("Project.find", *liskg.FUNCTIONS):
        function = liskg.Project.find if name == "Project.find" else getattr(liskg, name)
        row = re.search(rf"^\| `liskg\.{re.escape(name)}\((.*?)\)` \|", DOC, re.M)
        assert row, name
        for parameter in inspect.signature(function).parameters.values():
            if parameter.kind is parameter.KEYWORD_ONLY:
                assert f"{parameter.name}=" in row.group(1), (name, parameter.name)
        if name != "Project.find":
            assert f"liskg.{name}(" in session, name


def test_every_keyword_only_option_is_documented_in_its_docstring():
    """As pyshacl's entry points do: an `Options:` block names each keyword-only option."""
    for name in liskg.FUNCTIONS:
        function = getattr(liskg, name)
        options = (function.__doc__ or "").partition("\n    Options:\n")[2]
        documented = set(re.findall(r"^    ((?:\w+, )*\w+): ", options, re.M))
        documented = {word for entry in documented for word in entry.split(", ")}
        keyword_only = {p.name for p in inspect.signature(function).parameters.values() if p.kind is p.KEYWORD_ONLY}
        assert keyword_only <= documented, (name, keyword_only - documented)


def test_the_doc_lists_every_exit_code():
    rows = re.findall(r"^\| (\d+) \| (?:`(\w+)`[^|]*)?\| (.+?) \|$", DOC, re.M)
    assert {int(code): meaning for code, _name, meaning in rows} == errors.EXIT_CODES
    for code, name, _meaning in rows:
        if name:
            assert getattr(errors, name).exit_code == int(code), name


def test_the_api_never_prints(project, capsys):
    liskg.build(project, if_stale=True)
    liskg.query(project, "studies-per-section")
    liskg.graph(project)
    assert capsys.readouterr() == ("", "")


def test_a_stale_build_is_rebuilt_only_when_allowed(tmp_project, capsys):
    with pytest.raises(liskg.LiskgError, match=r"^build/ is not current \(no build yet\); run `liskg build`"):
        liskg.open_store(tmp_project, rebuild="never")
    assert not tmp_project.build_dir.exists()
    store = liskg.open_store(tmp_project)  # rebuilds quietly
    assert len(store) > 0 and manifest.stale_reason(tmp_project) is None
    assert liskg.status(tmp_project).checks == ["qc", "shacl"]
    assert capsys.readouterr() == ("", "")


def test_values_are_python_values_and_timeouts_are_typed(project):
    answer = liskg.query(
        project,
        "PREFIX liskg: <https://w3id.org/liskg/ontology#> "
        "SELECT (COUNT(*) AS ?n) (1.50 AS ?d) (2.5e0 AS ?f) (true AS ?b) WHERE { "
        "?s a liskg:Study }",
    )
    (row,) = answer.values()
    assert isinstance(row["n"], int) and row["n"] > 40
    assert (row["d"], row["f"], row["b"]) == (Decimal("1.5"), 2.5, True)
    assert answer.labels()[0]["d"] == "1.5"
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with pytest.raises(liskg.TimedOut, match="stopped after 0.5 s"):
        liskg.query(project, slow, timeout=0.5)


def test_the_api_names_are_functions_beside_subpackages_importable_by_their_path():
    import liskg.builder.pipeline as pipeline
    import liskg.querying.tables as tables
    import liskg.viz.page as page

    assert (pipeline.__name__, tables.__name__, page.__name__) == (
        "liskg.builder.pipeline",
        "liskg.querying.tables",
        "liskg.viz.page",
    )
    assert (liskg.build.__module__, liskg.graph.__module__, liskg.query.__module__) == ("liskg.api",) * 3
    assert set(liskg.__all__) >= {"Project", "build", "open_store", "query", "graph", "LiskgError"}
