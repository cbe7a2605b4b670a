"""LiSKG, its alignment and EMMO together (issue 29): HermiT finds the merge consistent, data included, with no
unsatisfiable class. EMMO is the committed locality module (ontology/mappings/emmo-module.ttl, extracted from
the pinned snapshot by scripts/emmo_module.py): for an ontology that shares only the mapped terms with EMMO,
the module and the whole of EMMO have the same consequences, and HermiT classifies the whole merge in over 15
minutes but the module's in about 25 seconds. So the test runs in a clone without ../shared."""

from __future__ import annotations

import subprocess
import sys

import pytest
import rdflib
from rdflib.namespace import OWL, RDF

from conftest import ROOT
from liskg.publish import alignment, mappings
from support import hermit

pytestmark = pytest.mark.java

MODULE = ROOT / "ontology" / "mappings" / "emmo-module.ttl"
LISKG = "https://w3id.org/liskg/ontology#"


def one_ontology(graphs: list[rdflib.Graph], path) -> None:
    """The graphs as one ontology in N-Triples: the first header kept, every other header and owl:imports dropped."""
    merged = rdflib.Graph()
    for graph in graphs:
        merged += graph
    headers = [g.value(predicate=RDF.type, object=OWL.Ontology) for g in graphs]
    for header in headers[1:]:
        if header is not None and header != headers[0]:
            merged.remove((header, None, None))
    merged.remove((None, OWL.imports, None))
    merged.serialize(path, format="nt", encoding="utf-8")


@pytest.fixture(scope="module")
def runs(project, tmp_path_factory):
    from liskg import open_store
    from liskg.base.project import MERGED

    open_store(project, inferred=False)  # builds when the sources changed
    work = tmp_path_factory.mktemp("emmo-merge")
    aligned = alignment.compile_alignment(
        mappings.load_mappings(ROOT), {"version": "test", "created": "2026-01-01", "issued": "2026-01-01"}
    )
    module = rdflib.Graph().parse(MODULE)
    tbox = rdflib.Graph()
    for name in ("liskg.ttl", "units.ttl", "quantities.ttl"):
        tbox.parse(project.ontology_dir / name)
    data = rdflib.Graph().parse(project.build_dir / MERGED)
    one_ontology([tbox, aligned, module], work / "tbox.nt")
    one_ontology([data, aligned, module], work / "abox.nt")
    return hermit.run_both(work / "tbox.nt", work / "abox.nt")


def test_liskg_its_alignment_and_emmo_are_consistent_with_no_unsatisfiable_class(runs):
    classified, with_data = runs
    assert classified.consistent and with_data.consistent
    assert classified.unsatisfiable == []


def test_hermit_reports_an_unsatisfiable_class_and_an_inconsistency(tmp_path):
    """The helper reads HermiT's answers right: a class under two disjoint classes, and an individual in both."""
    prefix = "@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    body = "<http://x.org/o> a owl:Ontology . <http://x.org/A> a owl:Class ; owl:disjointWith <http://x.org/B> .\n"
    body += "<http://x.org/B> a owl:Class . <http://x.org/C> a owl:Class ; rdfs:subClassOf <http://x.org/A> , <http://x.org/B> .\n"
    (tmp_path / "unsat.ttl").write_text(prefix + body)
    (tmp_path / "incons.ttl").write_text(prefix + body + "<http://x.org/i> a <http://x.org/A> , <http://x.org/B> .\n")
    assert hermit.run(tmp_path / "unsat.ttl", classify=True).unsatisfiable == ["http://x.org/C"]
    assert not hermit.run(tmp_path / "incons.ttl", classify=False).consistent


def test_the_module_holds_every_emmo_term_the_table_maps_and_credits_its_source():
    module = rdflib.Graph().parse(MODULE)
    declared = {str(s) for s in module.subjects(RDF.type, None)}
    assert set(mappings.load_terms(ROOT)) <= declared
    header = module.value(predicate=RDF.type, object=OWL.Ontology)
    assert str(header) == "https://w3id.org/liskg/ontology/emmo-module"
    text = " ".join(str(o) for o in module.objects(header, None))
    assert (
        "https://creativecommons.org/licenses/by/4.0/" in text and "https://github.com/emmo-repo/EMMO at commit" in text
    )


def test_the_module_is_what_the_script_extracts_from_the_snapshot(tmp_path):
    snapshot = ROOT.parent / "shared" / "reference" / "emmo"
    if not snapshot.is_dir():
        pytest.skip(f"no EMMO snapshot at {snapshot} (the committed module is used as it is)")
    out = tmp_path / "emmo-module.ttl"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "emmo_module.py"), str(snapshot), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == MODULE.read_bytes(), "run scripts/emmo_module.py and commit the module"
