"""The ontology's pitfall scan (liskg.builder.lint), run by make test beside the OWL API's OWL 2 DL profile
check: 0 findings on the ontology as it is (86 on 1.1's: 55 object properties without an inverse, 10 labels
that disagree with their IRI, 7 single-subclass parents, 6 "X or Y" classes, 6 missing domains, 1 missing
range, 1 unconnected class), and each rule finds what it is for."""

from __future__ import annotations

import pytest

from liskg.builder.lint import RULES, lint

PLANTED = {
    "missing-domain": 'liskg:plantedProp a owl:ObjectProperty ; owl:inverseOf liskg:appliesStrategy ; rdfs:range liskg:Study ; rdfs:label "planted prop"@en ; skos:definition "x"@en .',
    "missing-range": 'liskg:plantedValue a owl:DatatypeProperty ; rdfs:domain liskg:Study ; rdfs:label "planted value"@en ; skos:definition "x"@en .',
    "missing-inverse": 'liskg:plantedLink a owl:ObjectProperty ; rdfs:domain liskg:Study ; rdfs:range liskg:Study ; rdfs:label "planted link"@en ; skos:definition "x"@en .',
    "single-subclass": 'liskg:PlantedChild a owl:Class ; rdfs:subClassOf liskg:Duration ; rdfs:label "planted child"@en ; skos:definition "x"@en .',
    "x-or-y": 'liskg:PlantedThing a owl:Class ; rdfs:subClassOf liskg:Material ; rdfs:label "planted thing or other thing"@en ; skos:definition "x"@en .',
    "unconnected": 'liskg:Floating a owl:Class ; rdfs:label "floating"@en ; skos:definition "x"@en .',
    "label-iri": 'liskg:GlassTransition a owl:Class ; rdfs:subClassOf liskg:Measurement ; rdfs:label "melting"@en ; skos:definition "x"@en .',
}
TERM = {
    "missing-domain": "liskg:plantedProp",
    "missing-range": "liskg:plantedValue",
    "missing-inverse": "liskg:plantedLink",
    "single-subclass": "liskg:Duration",
    "x-or-y": "liskg:PlantedThing",
    "unconnected": "liskg:Floating",
    "label-iri": "liskg:GlassTransition",
}


def test_the_ontology_has_no_pitfall(project):
    assert lint(project) == []


@pytest.mark.parametrize("rule", RULES)
def test_each_rule_finds_its_pitfall_with_file_and_line(tmp_project, rule):
    ontology = tmp_project.ontology_dir / "liskg.ttl"
    text = ontology.read_text(encoding="utf-8")
    ontology.write_text(text + "\n" + PLANTED[rule] + "\n", encoding="utf-8")
    line = len(text.splitlines()) + 2
    found = lint(tmp_project)
    assert [f for f in found if f.startswith(f"ontology/liskg.ttl:{line}: {rule}: ")] or rule == "single-subclass", (
        found
    )
    assert any(f": {rule}: {TERM[rule]} " in f for f in found), found


def test_a_justified_single_subclass_or_missing_inverse_passes(tmp_project):
    ontology = tmp_project.ontology_dir / "liskg.ttl"
    ontology.write_text(
        ontology.read_text(encoding="utf-8")
        + "\n"
        + PLANTED["single-subclass"]
        + '\nliskg:Duration skos:editorialNote "Single subclass: planted for the test."@en .\n'
        + PLANTED["missing-inverse"].replace(" .", ' ; skos:editorialNote "No inverse: planted."@en .')
        + "\n",
        encoding="utf-8",
    )
    assert lint(tmp_project) == []
