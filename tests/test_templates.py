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


# ---- the bad-input matrix: one line at file:row:column, exit code 2, nothing written -------------------------------

M, S, C, T = (f"{SHEETS}/{kind}.tsv" for kind in ("measurements", "strategies", "cells", "studies"))
DOE_STUDY_ROW = [DOE, "Doe", "", "2025", "", "", "entered twice", ""]
BAD = [
    pytest.param(
        ("measurements", 4, "unit", "Ohm cm3"),
        f"{M}:4:9: unit 'Ohm cm3': no unit is written 'Ω cm3'; close units: Ω cm2",
        id="unknown-unit",
    ),
    pytest.param(
        ("cells", 2, "anode", "Li"),
        f"{C}:2:5: anode 'Li': 2 materials are called 'Li': 'lithium metal' (lkd:mat-lithium-metal), "
        "'vapor-deposited lithium thin film' (lkd:mat-lithium-thin-film); write the label of the one you mean",
        id="ambiguous-material",
    ),
    pytest.param(
        ("strategies", 2, "electrolyte", "LLZT0"),
        f"{S}:2:6: electrolyte 'LLZT0': no material is called 'LLZT0'; close names: LLZTO, LLZTO ceramic, "
        "Ca/Nb-doped garnet LLZ, LLZ",
        id="unknown-material",
    ),
    pytest.param(
        ("measurements", 3, "value", "about 450"),
        f"{M}:3:8: value 'about 450' is not a number (write 514, 0.5, 1.32e-4 or 3.8 to 4.3)",
        id="not-a-number",
    ),
    pytest.param(
        ("measurements", 3, "value", ""),
        f"{M}:3:8: value is empty; every measurement row needs one",
        id="empty-required-cell",
    ),
    pytest.param(
        ("measurements", 1, "unit", ""),
        f"{M}:1:24: the measurements sheet has no column 'unit', which every row needs; add it to the header",
        id="missing-required-column",
    ),
    pytest.param(
        ("measurements", 6, "baseline", "resistance-before"),
        f"{M}:6:17: baseline 'resistance-before' is in Ω cm2, this number in mAh g-1: a baseline is the same "
        "kind of number, in a unit of the same family",
        id="baseline-in-another-unit-family",
    ),
    pytest.param(
        ("studies", 3, None, DOE_STUDY_ROW),
        f"{T}:3:1: study '{DOE}' is already in the graph (lkd:doi-10-5555-liskg-example-2025-1, {T}:2); add its "
        "rows under it, not a second study row",
        id="duplicate-study",
    ),
    pytest.param(
        ("studies", 3, None, ["107", "Sharafi", "", "", "", "2.3", "again", ""]),
        f"{T}:3:1: study '107' is already in the graph (lkd:ref-107, the Turtle sources); add its rows under it, "
        "not a second study row",
        id="review-study-entered-again",
    ),
    pytest.param(
        ("measurements", 1, "quantity", "qauntity"),
        f"{M}:1:6: unknown column 'qauntity' in measurements; did you mean 'quantity'?",
        id="header-typo",
    ),
    pytest.param(
        ("measurements", 3, "quantity", "interface resistence"),
        f"{M}:3:6: quantity 'interface resistence': no quantity kind is called 'interface resistence'; close "
        "names: interfacial resistance",
        id="unknown-quantity",
    ),
    pytest.param(
        ("measurements", 5, "temperature", "60 K"),
        f"{M}:5:11: temperature '60 K': give the number in °C",
        id="condition-in-another-unit",
    ),
    pytest.param(
        ("measurements", 3, "evidence", "2-3-1-4"),
        f"{M}:3:24: a paper outside the review cites no sentence of the review: leave the evidence empty, its DOI "
        "(dcterms:source) and this row (liskg:templateRow) are the evidence",
        id="review-sentence-for-a-paper-outside-the-review",
    ),
    pytest.param(
        ("strategies", 3, "precedes", "ag-mg-sputterng"),
        f"{S}:3:11: precedes 'ag-mg-sputterng': no strategy of this study has that key; close keys: ag-mg-sputtering",
        id="unknown-key",
    ),
]


def edit_sheet(path: Path, row: int, column: str | None, value) -> None:
    """Set the cell at ROW (counted as a spreadsheet does, the header is 1) and COLUMN (a header name; a header
    set to '' is removed with its column) to VALUE, or with COLUMN None put the row VALUE there."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8")), dialect="excel-tab"))
    if column is None:
        rows.insert(row - 1, value)
    elif row == 1 and value == "":
        index = rows[0].index(column)
        rows = [r[:index] + r[index + 1 :] for r in rows]
    else:
        rows[row - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, dialect="excel-tab", lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("change, error", BAD)
def test_bad_sheets_fail_at_file_row_column_and_write_nothing(tmp_path, change, error):
    root = copy_built(tmp_path)
    sheet, row, column, value = change
    edit_sheet(add_doe(root) / f"{sheet}.tsv", row, column, value)
    before = files(root / "build")
    result = run_main("--root", str(root), "build")
    progress = [line for line in result.err.splitlines() if not line.startswith("[")]
    assert (result.code, progress) == (2, [f"liskg: error: {error}"])
    assert files(root / "build") == before


def test_validate_reports_a_sheet_error_as_it_reports_a_turtle_one(tmp_path):
    root = copy_built(tmp_path)
    edit_sheet(add_doe(root) / "measurements.tsv", 4, "unit", "Ohm cm3")
    result = run_main("--root", str(root), "validate")
    assert (result.code, result.out, result.err.splitlines()) == (
        2,
        "",
        [f"liskg: error: {M}:4:9: unit 'Ohm cm3': no unit is written 'Ω cm3'; close units: Ω cm2"],
    )
