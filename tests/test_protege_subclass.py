"""In Protégé terms (issue 29): a researcher adds a subclass of the coin-cell class (a CR2032 coin cell) and of
an interface class (a Li/garnet interface) to the ontology, and a cell of the new format to the data, through
the OWL API (tests/support/ProtegeEdit.java: Protégé's "Add subclass" and "Save"), then rebuilds. The build,
HermiT and the OWL API accept the saved files, every named query answers as before, and the new cell is found
by the plain query for coin cells: in 1.1, where cell formats and interfaces were individuals, there was no
class to add a subclass to."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from conftest import copy_sources, run_main
from liskg.base.project import Project
from liskg.sources.catalog import read_catalogs

pytestmark = pytest.mark.java

LISKG = rdflib.Namespace("https://w3id.org/liskg/ontology#")
LKD = rdflib.Namespace("https://w3id.org/liskg/data/")
ONTOLOGY_MODULE = "https://w3id.org/liskg/ontology"
ANODE_MODULE = "https://w3id.org/liskg/data/studies-anode"


def subclass(name: str, parent, label: str, definition: str) -> rdflib.Graph:
    g = rdflib.Graph()
    g.add((LISKG[name], RDFS.subClassOf, parent))
    g.add((LISKG[name], RDFS.label, rdflib.Literal(label, lang="en")))
    g.add((LISKG[name], SKOS.definition, rdflib.Literal(definition, lang="en")))
    return g


CLASSES = subclass(
    "CR2032CoinCell",
    LISKG.CoinCell,
    "CR2032 coin cell",
    "A coin cell in the 20 mm by 3.2 mm CR2032 case.",
) + subclass(
    "LiGarnetInterface",
    LISKG.LiSSEInterface,
    "Li/garnet interface",
    "The contact between lithium and a garnet-type electrolyte.",
)
CELL = rdflib.Graph()
CELL.add((LKD["ref-60-cell-cr2032"], RDF.type, OWL.NamedIndividual))
CELL.add((LKD["ref-60-cell-cr2032"], RDF.type, LISKG.CR2032CoinCell))
CELL.add((LKD["ref-60-cell-cr2032"], RDFS.label, rdflib.Literal("a CR2032 cell added in Protégé", lang="en")))
CELL.add((LKD["ref-60-cell-cr2032"], LISKG.hasElectrolyteMaterial, LKD["mat-beta-li3ps4"]))


def answers(root: str) -> dict[str, str]:
    names = sorted(path.stem for path in (Path(root) / "queries").glob("*.rq"))
    assert len(names) >= 17, names
    return {name: run_main("--root", root, "query", name, "--format", "csv").out for name in names}


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    from support.protege_edit import protege_edit

    root = copy_sources(tmp_path_factory.mktemp("subclass"))
    project = Project(root)
    assert run_main("--root", str(root), "build", "-q").code == 0
    before = answers(str(root))
    saved = tmp_path_factory.mktemp("edits")
    (saved / "classes.nt").write_bytes(CLASSES.serialize(format="nt", encoding="utf-8"))
    (saved / "cell.nt").write_bytes(CELL.serialize(format="nt", encoding="utf-8"))
    ontology_lines = protege_edit(
        project.ontology_dir / "liskg.ttl",
        read_catalogs([project.ontology_dir]),
        ONTOLOGY_MODULE,
        saved / "classes.nt",
        turtle=project.ontology_dir / "liskg.ttl",
    )
    data_lines = protege_edit(
        project.root_file,
        read_catalogs([project.data_dir, project.ontology_dir]),
        ANODE_MODULE,
        saved / "cell.nt",
        turtle=project.data_dir / "studies-anode.ttl",
    )
    built = run_main("--root", str(root), "build", "-q", "--reason", "--owlapi")
    return {
        "root": str(root),
        "project": project,
        "before": before,
        "built": built,
        "lines": ontology_lines + data_lines,
    }


def test_protege_adds_the_two_subclasses_and_the_cell(edited):
    assert f"ADDED 8 axioms to {ONTOLOGY_MODULE}" in edited["lines"]  # per class: declaration, subclass, 2 annotations
    saved = rdflib.Graph().parse(edited["project"].ontology_dir / "liskg.ttl")
    assert (LISKG.CR2032CoinCell, RDFS.subClassOf, LISKG.CoinCell) in saved
    assert (LISKG.LiGarnetInterface, RDFS.subClassOf, LISKG.LiSSEInterface) in saved


def test_the_build_reasoner_and_owl_api_accept_the_saved_files(edited):
    built = edited["built"]
    assert built.code == 0, built.err
    assert "HermiT: consistent; " in built.out and " 0 unsatisfiable classes" in built.out
    assert "are in the OWL 2 DL profile" in built.out


def test_every_named_query_answers_as_before(edited):
    assert answers(edited["root"]) == edited["before"]


def test_the_new_format_is_found_as_a_coin_cell_and_the_interface_under_li_sse(edited):
    root = edited["root"]
    coin = run_main(
        "--root",
        root,
        "query",
        "-e",
        "PREFIX liskg: <https://w3id.org/liskg/ontology#> SELECT ?cell WHERE { ?cell a liskg:CoinCell }",
    )
    assert "a CR2032 cell added in Protégé" in coin.out
    sub = run_main(
        "--root",
        root,
        "query",
        "-e",
        "PREFIX liskg: <https://w3id.org/liskg/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?kind WHERE { ?kind rdfs:subClassOf* liskg:LiSSEInterface }",
    )
    assert "Li/garnet interface" in sub.out
