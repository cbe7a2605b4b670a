"""Template sheets (liskg.sources.sheets, liskg.sources.templates): a paper entered in a spreadsheet, read by the
build beside the Turtle files, every name resolved by the one resolver, every error one `file:row:column` line.

The fixtures in tests/fixtures/templates/ are the only template data: doe-2025/ is a made-up paper outside the
review (DOI 10.5555/..., reserved for examples), review-studies/ holds Sharafi [107], Fu [67] and Yuan [124]
re-expressed as rows, whose triples must be isomorphic to the hand-written ones in graph_data/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from conftest import copy_built, run_main
from liskg.base import manifest
from liskg.base.project import Project
from liskg.sources.loading import load_sources
from liskg.sources.templates import compile_sheets

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "templates"
DOE = "10.5555/liskg.example.2025.1"
SHEETS = "graph_data/templates/doe-2025"


def add_doe(root: Path) -> Path:
    """The fixture paper's sheets copied into the project at ROOT, where a researcher would put them."""
    target = root / SHEETS
    shutil.copytree(FIXTURES / "doe-2025", target)
    return target


@pytest.fixture(scope="module")
def doe(tmp_path_factory) -> Project:
    """A copy of the project with the fixture paper's sheets added, built."""
    root = copy_built(tmp_path_factory.mktemp("doe"))
    add_doe(root)
    built = run_main("--root", str(root), "build", "-q")
    assert built.code == 0, built.err
    return Project(root)


def liskg(project: Project, *args: str):
    return run_main("--root", str(project.root), *args)


# ---- the build reads the sheets ----------------------------------------------------------------------------------


def test_the_build_reads_the_sheets_beside_the_turtle_files(doe):
    stats = liskg(doe, "stats")
    assert stats.code == 0, stats.err
    merged = (doe.build_dir / "liskg-merged.ttl").read_text(encoding="utf-8")
    assert "lkd:doi-10-5555-liskg-example-2025-1" in merged
    assert "graph_data/templates/doe-2025/measurements.tsv:4" in merged  # the row a number was entered on
    for sheet in (FIXTURES / "doe-2025").iterdir():  # a build never rewrites its sources
        assert (doe.root / SHEETS / sheet.name).read_bytes() == sheet.read_bytes()


def test_a_new_or_edited_sheet_makes_the_build_stale(tmp_path):
    root = copy_built(tmp_path)
    assert manifest.stale_reason(Project(root)) is None
    add_doe(root)
    assert manifest.stale_reason(Project(root)) == f"sources changed since the last build ({SHEETS}/cells.tsv)"


# ---- the same graph either way -------------------------------------------------------------------------------------

OWN = re.compile(r"/ref-(107|67|124)(-[^/]*)?$")


def _graph(triples) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
    return graph


def test_three_review_studies_entered_as_rows_give_the_hand_written_triples(project):
    """Sharafi [107], Fu [67] and Yuan [124] (two cells, 18 numbers with conditions, cycling baselines): the
    triples of their nodes (and of axioms about them) are taken out of the hand-written graph, the rows in
    tests/fixtures/templates/review-studies/ compiled against the rest, and the two are isomorphic."""
    triples = [t for f in load_sources(project).files for t in f.triples or []]

    def own(term) -> bool:
        return isinstance(term, ox.NamedNode) and OWN.search(term.value) is not None

    axioms = {t.subject for t in triples if t.predicate.value.endswith("#annotatedSource") and own(t.object)}
    written = [t for t in triples if own(t.subject) or t.subject in axioms]
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples if t not in set(written))
    sheets = sorted((FIXTURES / "review-studies").glob("*.tsv"))
    made = [t for _path, compiled, _places in compile_sheets(project, store, sheets) for t in compiled]
    hand, rows = _graph(written), _graph(made)
    _both, only_hand, only_rows = graph_diff(to_isomorphic(hand), to_isomorphic(rows))
    assert (sorted(only_hand), sorted(only_rows)) == ([], [])
    assert isomorphic(hand, rows) and len(hand) == len(rows) == 386
