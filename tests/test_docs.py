"""`liskg docs`: the ontology reference page a reader opens, made by pyLODE from ontology/."""

from __future__ import annotations

import re

from conftest import run_cli


def test_docs_writes_one_offline_page_naming_the_key_classes_and_properties(tmp_project):
    result = run_cli("--root", str(tmp_project.root), "docs")
    assert result.code == 0, result.err
    assert result.out.strip() == "wrote build/docs/index.html"
    assert result.err == ""  # pyLODE's own DEBUG logging is silenced
    html = (tmp_project.build_dir / "docs" / "index.html").read_text(encoding="utf-8")
    assert "<title>LiSKG ontology: interfacial engineering of solid-state lithium-sulfur batteries</title>" in html
    for label in ("garnet-type electrolyte", "in situ polymerization", "measurement", "failure mode",
                  "applies strategy", "at interface", "numeric value", "reference number"):
        assert re.search(rf">\s*{re.escape(label)}\s*<", html), label
    for heading in ("Classes", "Object Properties", "Datatype Properties", "Annotation Properties"):
        assert f"<h2>{heading}</h2>" in html
    # the modules are merged under one header: one ontology, no second "Metadata" block
    assert html.count("<h2>Metadata</h2>") == 1
    # nothing to fetch when the page is opened offline: no external stylesheet or script
    assert not re.search(r'<(link|script)[^>]+(href|src)="https?://', html)


def test_docs_are_deterministic_and_written_where_asked(tmp_project, tmp_path):
    first = run_cli("--root", str(tmp_project.root), "docs", "-o", str(tmp_path / "a"), env={"PYTHONHASHSEED": "1"})
    second = run_cli("--root", str(tmp_project.root), "docs", "-o", str(tmp_path / "b"), env={"PYTHONHASHSEED": "2"})
    assert first.code == second.code == 0
    assert (tmp_path / "a" / "index.html").read_bytes() == (tmp_path / "b" / "index.html").read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["index.html"]  # no temp file left

