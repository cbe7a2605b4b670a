"""`liskg docs`: the ontology reference page a reader opens, made by pyLODE from ontology/."""

from __future__ import annotations

import re

from conftest import run_cli, run_main


def test_docs_writes_one_offline_page_naming_the_key_classes_and_properties(tmp_project):
    result = run_main("--root", str(tmp_project.root), "docs")
    assert result.code == 0, result.err
    assert result.out.strip() == "wrote build/docs/index.html"
    assert result.err == ""  # pyLODE's own DEBUG logging is silenced
    html = (tmp_project.build_dir / "docs" / "index.html").read_text(encoding="utf-8")
    assert "<title>LiSKG ontology: interfacial engineering of solid-state lithium-sulfur batteries</title>" in html
    for label in ("garnet-type electrolyte", "in situ polymerization", "measurement", "failure mode",
                  "applies strategy", "at interface", "numeric value", "reference number"):
        assert re.search(rf">\s*{re.escape(label)}\s*<", html), label
    assert "Also called: garnet, LLZO-type electrolyte." in html  # synonyms (skos:altLabel) are shown
    for heading in ("Classes", "Object Properties", "Datatype Properties", "Annotation Properties"):
        assert f"<h2>{heading}</h2>" in html
    # the modules are merged under one header: one ontology, no second "Metadata" block
    assert html.count("<h2>Metadata</h2>") == 1
    # nothing to fetch when the page is opened offline: no external stylesheet or script
    assert not re.search(r'<(link|script|img)[^>]+(href|src)="https?://', html)
    assert "@import" not in html and "url(http" not in html


def test_docs_are_deterministic_and_written_where_asked(tmp_project, tmp_path):
    first = run_cli("--root", str(tmp_project.root), "docs", "-o", str(tmp_path / "a"), env={"PYTHONHASHSEED": "1"})
    second = run_cli("--root", str(tmp_project.root), "docs", "-o", str(tmp_path / "b"), env={"PYTHONHASHSEED": "2"})
    assert first.code == second.code == 0
    assert (tmp_path / "a" / "index.html").read_bytes() == (tmp_path / "b" / "index.html").read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["index.html"]  # no temp file left



def test_the_protege_guide_names_terms_and_labels_the_graph_has(store):
    """docs/extending.md walks through real terms: every CURIE it names exists, every class or property
    it names by label (`reference number`, `heat treatment`) is a label of an ontology term."""
    from conftest import ROOT

    guide = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    steps = guide.split("## Reading the errors")[0]  # the error table quotes broken names on purpose
    prefixes = {"liskg": "https://w3id.org/liskg/ontology#", "lkd": "https://w3id.org/liskg/data/",
                "unit": "http://qudt.org/vocab/unit/"}
    curies = set(re.findall(r"`((?:liskg|lkd|unit):[\w.-]*[\w])`", steps))
    assert len(curies) > 10
    for curie in sorted(curies):
        prefix, local = curie.split(":", 1)
        assert store.query(f"ASK {{ <{prefixes[prefix]}{local}> ?p ?o }}"), curie
    labels = {row["l"].value for row in store.query(
        "SELECT ?l WHERE { ?term <http://www.w3.org/2000/01/rdf-schema#label> ?l . "
        "FILTER(STRSTARTS(STR(?term), 'https://w3id.org/liskg/ontology#')) }")}
    values = {"en", "approximately", "above", "up to"}  # values to type, not terms
    commands = ("liskg", "git ", "rdfpipe", "build", "validate")
    names = {name for name in re.findall(r"`([a-z][a-z ()°/-]*[a-z)])`", steps)
             if name not in values and not name.startswith(commands)}
    assert len(names) > 30
    assert sorted(name for name in names if name not in labels) == []
