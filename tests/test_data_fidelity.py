"""The graph says only what the review says: numbers occur in the source, no sentence is copied
except as a marked quotation (the sentence index, graph_data/review-text.ttl)."""

from __future__ import annotations

import re

import pytest
import rdflib

from conftest import review_text
from liskg.base.rdfconvert import to_rdflib_graph
from liskg.sources.loading import load_sources

NUMERIC = {
    rdflib.URIRef("http://www.w3.org/2001/XMLSchema#" + name)
    for name in ("decimal", "integer", "double", "float", "int", "long", "nonNegativeInteger")
}
LISKG = "https://w3id.org/liskg/ontology#"
# Bibliographic names are facts to carry over exactly, not prose; a sentence of the sentence index is a
# quotation, marked as one (liskg:quotedText) and credited in its module's header (CC BY 4.0).
VERBATIM_PROPERTIES = {
    LISKG + "title",
    LISKG + "authorList",
    LISKG + "journal",
    LISKG + "quotedText",
    "http://purl.org/dc/terms/bibliographicCitation",
}
# Numbers that count the review's own parts (a sentence's place in its paragraph), not values it reports.
STRUCTURAL_NUMBERS = {LISKG + "position"}
WINDOW = 60


def _data_graph(project) -> rdflib.Graph:
    loaded = load_sources(project)
    return to_rdflib_graph(t for f in loaded.data_files(project) for t in f.triples)


def source_numbers(text: str) -> set[float]:
    """Every number the review prints, including 'a × 10-b' and '10-b' powers, with either sign."""
    numbers: set[float] = set()
    for mantissa, exponent in re.findall(r"(\d+(?:\.\d+)?)\s*×\s*10\s*([-–]?\d+)", text):
        numbers.add(float(mantissa) * 10 ** int(exponent.replace("–", "-")))
    for exponent in re.findall(r"(?<![\d.])10([-–]\d+)", text):
        numbers.add(10.0 ** int(exponent.replace("–", "-")))
    for number in re.findall(r"\d+(?:\.\d+)*", text):
        parts = number.split(".")
        numbers.add(float(".".join(parts[:2])))
        numbers.update(float(p) for p in parts if p)
    return numbers | {-n for n in numbers}


def test_every_numeric_literal_occurs_in_the_review(project, source_text):
    printed = source_numbers(source_text)
    graph = _data_graph(project)
    missing = sorted(
        {
            (str(s), str(p), str(o))
            for s, p, o in graph
            if isinstance(o, rdflib.Literal)
            and o.datatype in NUMERIC
            and str(p) not in STRUCTURAL_NUMBERS
            and not any(abs(float(o) - n) <= 1e-9 * max(1.0, abs(n)) for n in printed)
        }
    )
    assert missing == []


def test_the_number_extraction_reads_scientific_notation(source_text):
    printed = source_numbers(source_text)
    for value in (0.000132, 2.95e-7, 0.00827, 0.00102, 5822.0, 949.9, 91.78, -3.04):
        assert any(abs(value - n) <= 1e-12 + 1e-9 * abs(n) for n in printed), value
    assert 123456.0 not in printed


def test_no_literal_copies_sixty_characters_of_the_review(project, source_text):
    assert copied_literals(_data_graph(project), source_text) == []


def copied_literals(graph: rdflib.Graph, source_text: str) -> list[tuple[str, str, str]]:
    """(subject, property, start of the text) of each literal sharing WINDOW characters with the review."""
    normalized = re.sub(r"\s+", " ", source_text)
    windows = {normalized[i : i + WINDOW] for i in range(len(normalized) - WINDOW + 1)}
    copied = []
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and str(p) not in VERBATIM_PROPERTIES:
            text = re.sub(r"\s+", " ", str(o))
            if any(text[i : i + WINDOW] in windows for i in range(len(text) - WINDOW + 1)):
                copied.append((str(s), str(p), text[:80]))
    return sorted(copied)


def test_the_overlap_check_catches_a_copied_sentence_and_passes_own_words(source_text):
    """The check itself can fail: a summary pasted from the review (with its line breaks and spacing
    changed) is caught; one in the editors' words and a bibliographic title are not."""
    pasted = "\n  ".join(re.sub(r"\s+", " ", source_text)[5000:5100].split(" "))
    graph = rdflib.Graph()
    study = rdflib.URIRef("https://w3id.org/liskg/data/ref-test")
    graph.add((study, rdflib.URIRef(LISKG + "summary"), rdflib.Literal(pasted, lang="en")))
    graph.add((study, rdflib.URIRef(LISKG + "title"), rdflib.Literal(pasted)))
    graph.add((study, rdflib.RDFS.label, rdflib.Literal("warming lithium below its melting point fills the gaps")))
    assert copied_literals(graph, source_text) == [(str(study), LISKG + "summary", re.sub(r"\s+", " ", pasted)[:80])]


def test_stray_text_that_is_not_about_batteries_is_not_data(project, source_text):
    assert "Tsar Dolmat" in source_text
    graph = _data_graph(project)
    assert not [o for o in graph.objects() if isinstance(o, rdflib.Literal) and re.search(r"Dolmat|Cossack", str(o))]


def test_a_missing_review_text_fails_in_ci_and_skips_elsewhere(tmp_path):
    missing = tmp_path / "review.txt"
    with pytest.raises(pytest.fail.Exception, match="in CI the fidelity tests must run, not skip"):
        review_text(missing, ci=True)
    with pytest.raises(pytest.skip.Exception, match="the review text is not at"):
        review_text(missing, ci=False)
