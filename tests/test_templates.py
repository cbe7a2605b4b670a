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


def fill_blanks(root: Path) -> Path:
    """`liskg new study doe-2025`, then the fixture paper's rows typed into the blank sheets below their header
    (as a researcher fills them in a spreadsheet): the rows move down by the blank sheets' comment lines."""
    written = run_main("--root", str(root), "new", "study", "doe-2025")
    assert written.code == 0, written.err
    for sheet in sorted((FIXTURES / "doe-2025").glob("*.tsv")):
        header, *rows = sheet.read_text(encoding="utf-8").splitlines(keepends=True)
        blank = root / SHEETS / sheet.name
        assert blank.read_text(encoding="utf-8").endswith(header)  # the fixture's columns are the blank's
        with blank.open("a", encoding="utf-8") as typed:
            typed.writelines(rows)
    return root / SHEETS


@pytest.fixture(scope="module")
def doe(tmp_path_factory) -> Project:
    """A copy of the project whose blank sheets were filled in with the fixture paper, built."""
    root = copy_built(tmp_path_factory.mktemp("doe"))
    fill_blanks(root)
    built = run_main("--root", str(root), "build", "-q")
    assert built.code == 0, built.err
    return Project(root)


# The first row below the header in a blank sheet (after its comment lines): what `file:row` says of the doe
# module's sheets.
FIRST = {"studies": 12, "strategies": 21, "cells": 12, "measurements": 28, "materials": 10}


@pytest.fixture(autouse=True)
def unwrapped(monkeypatch):
    """The commands' tables and prose one line per row, as in a pipe, whatever the terminal ($COLUMNS)."""
    monkeypatch.delenv("COLUMNS", raising=False)


def liskg(project: Project, *args: str):
    return run_main("--root", str(project.root), *args)


# ---- the build reads the sheets ----------------------------------------------------------------------------------


def test_the_build_reads_the_sheets_beside_the_turtle_files(doe):
    stats = liskg(doe, "stats")
    assert stats.code == 0, stats.err
    merged = (doe.build_dir / "liskg-merged.ttl").read_text(encoding="utf-8")
    assert "lkd:doi-10-5555-liskg-example-2025-1" in merged
    assert f'"{SHEETS}/measurements.tsv:{FIRST["measurements"] + 2}"' in merged  # where a number was entered
    sheets = files(doe.root / SHEETS)
    assert liskg(doe, "build").code == 0 and files(doe.root / SHEETS) == sheets  # a build never rewrites them


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
    tests/fixtures/templates/review-studies/ compiled against the rest, and the two are isomorphic but for the
    liskg:templateRow each record entered from a sheet carries (where it was entered)."""
    triples = [t for f in load_sources(project).files for t in f.triples or []]

    def own(term) -> bool:
        return isinstance(term, ox.NamedNode) and OWN.search(term.value) is not None

    axioms = {t.subject for t in triples if t.predicate.value.endswith("#annotatedSource") and own(t.object)}
    written = [t for t in triples if own(t.subject) or t.subject in axioms]
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples if t not in set(written))
    sheets = sorted((FIXTURES / "review-studies").glob("*.tsv"))
    made = [t for _path, compiled, _places, _cells in compile_sheets(project, store, sheets) for t in compiled]
    entered = [t for t in made if t.predicate.value.endswith("#templateRow")]  # the one addition: where
    assert len(entered) == len({t.subject for t in entered}) == 34  # 3 studies, 4 strategies, 4 cells, 23 numbers
    hand, rows = _graph(written), _graph([t for t in made if t not in entered])
    _both, only_hand, only_rows = graph_diff(to_isomorphic(hand), to_isomorphic(rows))
    assert (sorted(only_hand), sorted(only_rows)) == ([], [])
    # 386 triples before issue 23; + 198: the evidence axioms (sentences, editors' reasons) and hidden labels
    assert isomorphic(hand, rows) and len(hand) == len(rows) == 584


# ---- the bad-input matrix: one line at file:row:column, exit code 2, nothing written -------------------------------

M, S, C, T = (f"{SHEETS}/{kind}.tsv" for kind in ("measurements", "strategies", "cells", "studies"))
DOE_STUDY_ROW = [DOE, "Doe", "", "2025", "", "", "entered twice", ""]
BAD = [
    pytest.param(
        ("measurements", 4, "unit", "Ohm cm3"),
        f"{M}:4:9: unit 'Ohm cm3': no unit is written 'Ω cm3'; close units: Ω cm2; `liskg names units` lists them",
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
        "Ca/Nb-doped garnet LLZ, LLZ; `liskg names materials` lists them; a new material goes on materials.tsv",
        id="unknown-material",
    ),
    pytest.param(
        ("materials", 2, "synonyms", "zinc oxide"),
        f"{SHEETS}/materials.tsv:2:3: synonym 'zinc oxide' already names 'ZnO' (lkd:mat-zno): if this is that "
        "material, remove this row and name it in the other sheets; if not, leave this synonym out",
        id="a-new-materials-synonym-names-an-existing-one",
    ),
    pytest.param(
        ("strategies", 2, "mitigates", "dendrite growth"),
        f"{S}:2:9: mitigates 'dendrite growth': no failure mode is called 'dendrite growth'; names that contain it: "
        "'dendrite growth along SSE grain boundaries and voids', 'lithium dendrite growth through the SSE'; "
        "`liskg names failure-modes` lists them",
        id="a-class-where-an-individual-goes",
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
        ("studies", 2, "authors", "Jane Doe; Richard Roe; Erika Mustermann"),
        f"{T}:2:3: authors: separate the authors with ',' (Jane Doe, Richard Roe), not ';'",
        id="authors-separated-by-semicolons",
    ),
    pytest.param(
        ("studies", 2, "authors", "Doe, J., Roe, R."),
        f"{T}:2:3: authors: 'J.' is initials alone; write each author given name first (J. Doe), separated by ','",
        id="authors-family-name-first",
    ),
    pytest.param(
        ("measurements", 1, "quantity", "qauntity"),
        f"{M}:1:6: unknown column 'qauntity' in measurements; did you mean 'quantity'?",
        id="header-typo",
    ),
    pytest.param(
        ("measurements", 3, "quantity", "interface resistence"),
        f"{M}:3:6: quantity 'interface resistence': no quantity kind is called 'interface resistence'; close "
        "names: interfacial resistance; `liskg names quantities` lists them; a new quantity kind is a subclass added in "
        'ontology/quantities.ttl (docs/extending.md, "When the graph lacks a name")',
        id="unknown-quantity",
    ),
    pytest.param(
        ("measurements", 3, "quantity", "critical current density"),
        f"{M}:3:6: quantity 'critical current density': no quantity kind is called 'critical current density'; the "
        "kinds of density: current density (current per electrode area), gravimetric energy density (energy a cell "
        "stores per unit of its mass); `liskg names quantities` lists them; a new quantity kind is a subclass added "
        'in ontology/quantities.ttl (docs/extending.md, "When the graph lacks a name")',
        id="a-quantity-the-ontology-lacks",
    ),
    pytest.param(  # newuser3: 'close names: operating temperature' (the test temperature) misled; both, by meaning
        ("measurements", 2, "quantity", "evaporation temperature"),
        f"{M}:2:6: quantity 'evaporation temperature': no quantity kind is called 'evaporation temperature'; the "
        "kinds of temperature: operating temperature (temperature at which a cell is tested), process temperature "
        "(temperature at which a processing step is carried out); `liskg names quantities` lists them; a new "
        'quantity kind is a subclass added in ontology/quantities.ttl (docs/extending.md, "When the graph lacks a '
        'name")',
        id="a-quantity-named-by-what-it-is-a-kind-of",
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


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory) -> Path:
    """A copy of the project with a current build (without the fixture paper), shared by the matrix's rows:
    each puts the paper's sheets in afresh, breaks one cell, and fails."""
    return copy_built(tmp_path_factory.mktemp("matrix"))


# Facts of a sheet that its compiler accepts and a later check refuses (the evidence checks, both ends, SHACL):
# each problem is reported at the sheet's cell that gave the fact (its name, or the evidence that fails),
# else at the row's first cell; exit code 1, as a failed check of a Turtle record.
EVIDENCE_HINT = (
    "cite the sentences that state it (liskg:evidence) or mark it liskg:EditorsInference with a liskg:sourceNote "
    "(scripts/propose_evidence.py lists candidates)"
)
SENTENCE_2_3_1_1 = (
    '"The lack of appropriate physical contact between Li anodes and SSEs results in high interfacial resistance '
    '(usually in the range of 100–1000 Ω cm2) and uneven current distribution."'
)
SHARAFI_NUMBER = ["107", "extra-resistance", "Li-LLZO interface resistance again", "", "", "interfacial resistance"]
SHARAFI_NUMBER += ["", "514", "Ω cm2"] + [""] * 14
CHECKED = [
    pytest.param(
        ("measurements", 5, "C-rate", "0"),
        [
            f'{M}:5:12: SHACL ConditionShape: lkd:doi-10-5555-liskg-example-2025-1-capacity-initial "first discharge '
            'capacity of the hybrid cell (Doe 2025)": liskg:atCRate: a C-rate condition is one positive xsd:decimal',
            "1 SHACL violation(s); nothing was written",
        ],
        id="shacl-at-the-cell",
    ),
    pytest.param(
        ("studies", 3, None, ["10.5555/liskg.example.2025.2", "Roe", "", "2025", "", "", "a second paper", ""]),
        [
            f'{T}:3:1: SHACL StudyShape: lkd:doi-10-5555-liskg-example-2025-2 "Roe et al. (2025)": '
            "liskg:appliesStrategy: a study must apply at least one strategy typed by a processing method",
            f'{T}:3:1: SHACL StudyShape: lkd:doi-10-5555-liskg-example-2025-2 "Roe et al. (2025)": '
            "liskg:appliesStrategy/liskg:atInterface: at least one of a study's strategies must name the interface "
            "it addresses",
            "2 SHACL violation(s); nothing was written",
        ],
        id="shacl-at-the-row",
    ),
    pytest.param(
        ("measurements", 7, None, [*SHARAFI_NUMBER, ""]),
        [
            f"{M}:7:24: no evidence for the measurement lkd:ref-107-extra-resistance; {EVIDENCE_HINT}",
            "1 quality problem(s); nothing was written",
        ],
        id="a-review-studys-number-without-evidence",
    ),
    pytest.param(
        ("measurements", 7, None, [*SHARAFI_NUMBER, "2-3-1-1"]),
        [
            f"{M}:7:24: evidence for lkd:ref-107-extra-resistance does not name its number 514: {SENTENCE_2_3_1_1}",
            f"{M}:7:24: evidence for lkd:ref-107-extra-resistance does not name its number, study or material: "
            f"{SENTENCE_2_3_1_1}",
            "2 quality problem(s); nothing was written",
        ],
        id="evidence-that-does-not-give-the-number",
    ),
    pytest.param(
        (
            "strategies",
            4,
            None,
            ["107", "extra-step", "pressing again", "cold pressing", "Li/SSE [2-3-1-1]"] + [""] * 12,
        ),
        [
            f"{S}:4:1: no evidence for lkd:ref-107 liskg:appliesStrategy lkd:ref-107-extra-step; {EVIDENCE_HINT}",
            f"{S}:4:4: no evidence for lkd:ref-107-extra-step rdf:type liskg:ColdPressing; {EVIDENCE_HINT}",
            f"{S}:4:5: evidence for lkd:ref-107-extra-step liskg:atInterface liskg:LiSSEInterface does not name "
            f"lkd:ref-107-extra-step: {SENTENCE_2_3_1_1}",
            "3 quality problem(s); nothing was written",
        ],
        id="link-evidence-at-its-cell",
    ),
]


@pytest.mark.parametrize("change, error", BAD + CHECKED)
def test_bad_sheets_fail_at_file_row_column_and_write_nothing(built_copy, change, error):
    root = built_copy
    shutil.rmtree(root / SHEETS, ignore_errors=True)
    sheet, row, column, value = change
    edit_sheet(add_doe(root) / f"{sheet}.tsv", row, column, value)
    before = files(root / "build")
    result = run_main("--root", str(root), "build")
    progress = [line for line in result.err.splitlines() if not line.startswith("[")]
    code, lines = (2, [error]) if isinstance(error, str) else (1, error)
    assert (result.code, progress) == (code, [f"liskg: error: {line}" for line in lines])
    assert files(root / "build") == before


def test_a_formula_a_sheet_shares_with_an_existing_label_names_neither_silently(built_copy):
    """A new material whose formula is an existing material's label (ZnO, Ref. [42]'s buffer layer): a cell
    writing that name may mean either, so it is an error listing both; the old one's other names, or its prefixed
    name, still name it, and the new one's label names it. (A label still beats another name from the Turtle
    sources: 'Li2S-P2S5', test_names.)"""
    root = built_copy
    shutil.rmtree(root / SHEETS, ignore_errors=True)
    sheets = add_doe(root)
    edit_sheet(sheets / "materials.tsv", 2, "formula", "ZnO")
    edit_sheet(sheets / "strategies.tsv", 2, "materials", "buffer material: ZnO")
    result = run_main("--root", str(root), "build", "-q")
    assert (result.code, result.err) == (
        2,
        f"liskg: error: {S}:2:7: materials 'ZnO': 2 materials are called 'ZnO': 'Ag-Mg alloy film' "
        "(lkd:mat-ag-mg-alloy-film), 'ZnO' (lkd:mat-zno); write the label of the one you mean, or for lkd:mat-zno "
        "'zinc oxide' or 'lkd:mat-zno'\n",
    )
    for written in ("zinc oxide", "lkd:mat-zno"):
        edit_sheet(sheets / "strategies.tsv", 2, "materials", f"buffer material: {written}")
        assert run_main("--root", str(root), "build", "-q").code == 0, written
        uses = run_main("--root", str(root), "material", "zinc oxide").out
        assert re.search(r"\n  sputtering an Ag-Mg film onto LLZTO \(Doe 2025\) +uses buffer material\n", uses), uses
    shutil.rmtree(root / SHEETS)
    assert run_main("--root", str(root), "build", "-q").code == 0  # the matrix's rows start from the graph again


UNIT_ERROR = f"{M}:4:9: unit 'Ohm cm3': no unit is written 'Ω cm3'; close units: Ω cm2; `liskg names units` lists them"


def test_validate_reports_a_sheet_error_as_it_reports_a_turtle_one(tmp_path):
    root = copy_built(tmp_path)
    edit_sheet(add_doe(root) / "measurements.tsv", 4, "unit", "Ohm cm3")
    result = run_main("--root", str(root), "validate")
    assert (result.code, result.out, result.err.splitlines()) == (
        2,
        "",
        [f"liskg: error: {UNIT_ERROR}"],
    )


def test_lookups_answer_from_the_last_good_build_while_a_sheet_is_broken(tmp_path):
    """A person fixing a sheet needs the look-ups: they answer from the build the broken sheet left in place, with
    one warning naming the first error; nothing is written, the sheet is not touched. Without any earlier build,
    the error stands."""
    root = copy_built(tmp_path)
    good = {name: run_main("--root", str(root), *name.split()).out for name in ("study 107", "names units ohm")}
    edit_sheet(add_doe(root) / "measurements.tsv", 4, "unit", "Ohm cm3")
    build, sheets = files(root / "build"), files(root / SHEETS)
    for name in ("study 107", "names units ohm", "query studies-per-section", "material LLZTO"):
        result = run_main("--root", str(root), *name.split())
        assert (result.code, result.err.splitlines()) == (
            0,
            [
                f"liskg: sources changed since the last build ({SHEETS}/cells.tsv); rebuilding ...",
                f"liskg: warning: answering from the last good build: {UNIT_ERROR}",
            ],
        ), name
        assert result.out == good.get(name, result.out) and result.out, name
    assert files(root / "build") == build and files(root / SHEETS) == sheets
    shutil.rmtree(root / "build")
    never = run_main("--root", str(root), "study", "107")
    assert (never.code, never.out, never.err.splitlines()) == (
        2,
        "",
        ["liskg: no build yet; rebuilding ...", f"liskg: error: {UNIT_ERROR}"],
    )
    assert not (root / "build" / "manifest.json").exists() and files(root / SHEETS) == sheets


# ---- the fixture paper, once built, shows everywhere a review study does ------------------------------------------


def test_the_fixture_paper_shows_in_liskg_study_with_where_it_came_from(doe):
    by_doi, by_author = liskg(doe, "study", DOE), liskg(doe, "study", "Doe")
    assert by_doi.code == 0 and by_doi.out == by_author.out, by_doi.err
    lines = by_doi.out.splitlines()
    assert lines[:3] == [
        "Doe et al. (2025)",
        "  first author Doe · published 2025",
        f"  from doi:{DOE} (outside the review), entered at {SHEETS}/studies.tsv:{FIRST['studies']}",
    ]
    entered = f"entered at {SHEETS}/strategies.tsv:{FIRST['strategies'] + 1}"
    assert f"from                  doi:{DOE} (outside the review), {entered}" in by_doi.out
    for shown in (
        "sputtering an Ag-Mg film onto LLZTO (Doe 2025)  [sputtering]",
        "uses buffer material  Ag-Mg alloy film",  # the new material, from materials.tsv
        "precedes              molten lithium infused onto the Ag-Mg coated LLZTO (Doe 2025)",
        "Li/LLZTO interface resistance with the Ag-Mg film (Doe 2025)  450 → 12 Ω cm²",  # with its baseline
        "≈ 1210 → 980 mAh g⁻¹  0.1 C, 60 °C, 1.5 mg cm⁻² sulfur, after 200 cycles",  # a baseline, conditions
    ):
        assert shown in by_doi.out, shown


def test_the_fixture_paper_appears_in_the_headline_answer_and_the_named_queries(doe):
    headline = liskg(doe, "query", "oxide-anode-strategies", "--wide")
    assert headline.code == 0, headline.err
    rows = [line for line in headline.out.splitlines() if line.startswith("Doe et al. (2025)")]
    assert len(rows) == 4 and any("450 → 12 Ω cm²" in r for r in rows), headline.out
    # the baseline's qualifier, as `liskg study` and compare write it (one formatter: liskg.base.cells)
    assert re.search(r"  specific capacity +≈ 1210 → 980 mAh g⁻¹ ", headline.out), headline.out
    reduction = liskg(doe, "query", "resistance-reduction", "--wide").out.splitlines()
    assert reduction[2].split()[:3] == ["Doe", "et", "al."] and "97.3 %" in reduction[2]  # the largest reduction
    assert "Doe et al. (2025)" in liskg(doe, "query", "vapor-deposition-studies").out  # sputtering is one
    for quad in ("Doe et al. (2025)", "sputtering an Ag-Mg film onto LLZTO (Doe 2025)"):
        assert quad in liskg(doe, "query", "processing-step-order", "--wide").out


def test_the_fixture_paper_is_compared_and_drawn(doe, tmp_path):
    compared = liskg(doe, "compare", "--interface", "Li/SSE", "--quantity", "interfacial resistance", "--wide")
    assert compared.code == 0, compared.err
    assert re.search(rf"Doe et al\. \(2025\) +doi:{re.escape(DOE)} .*450 → 12 at 25 °C", compared.out), compared.out
    capacity = liskg(doe, "compare", "--interface", "Li/SSE", "--quantity", "specific capacity", "--wide").out
    assert "≈ 1210 → 980 at 0.1 C, 60 °C, 1.5 mg cm⁻² sulfur, after 200 cycles" in capacity, capacity
    page = tmp_path / "graph.html"
    assert liskg(doe, "viz", "-o", str(page)).code == 0
    html = page.read_text(encoding="utf-8")
    assert "Doe et al. (2025)" in html and "Ag-Mg alloy film" in html
    entered = f"entered at {SHEETS}/strategies.tsv:{FIRST['strategies']}"
    assert f'"sources":["doi:{DOE}","{entered}"]' in html  # the details panel says "from doi:…, entered at …"


def test_a_new_material_comes_from_its_sets_papers_never_from_the_review(doe, project, tmp_path):
    """The materials sheet has no study column: a new material's source is the DOIs of its set's studies, and
    `liskg material` says so; in a set that mixes the review's studies and other papers it is only the row it
    was entered on (the newuser3 trial was told "from the review" of a material the review does not name)."""
    shown = liskg(doe, "material", "Ag-Mg alloy film").out.splitlines()
    assert shown[3] == (
        f"  from              doi:{DOE} (outside the review), entered at {SHEETS}/materials.tsv:{FIRST['materials']}"
    )
    mixed = tmp_path / "mixed"
    shutil.copytree(FIXTURES / "doe-2025", mixed)
    edit_sheet(mixed / "studies.tsv", 3, None, ["130", "Roe", "", "2020", "", "2.3", "a study of the review", ""])
    store = ox.Store()
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object) for f in load_sources(project).files for t in f.triples or []
    )
    for folder, sources in ((FIXTURES / "doe-2025", [f"https://doi.org/{DOE}"]), (mixed, [])):
        compiled = compile_sheets(project, store if folder == mixed else _copy(store), sorted(folder.glob("*.tsv")))
        material = [t for _p, ts, _pl, _c in compiled for t in ts if t.subject.value.endswith("mat-ag-mg-alloy-film")]
        assert [t.object.value for t in material if t.predicate.value.endswith("/source")] == sources, folder


def _copy(store: ox.Store) -> ox.Store:
    copied = ox.Store()
    copied.extend(store)
    return copied


def test_facts_from_a_paper_outside_the_review_name_their_doi_and_row(doe):
    """The provenance rule for a paper outside the review: every record and every link names the paper by its
    DOI (dcterms:source) and the template row it was entered on; the links' axioms have the basis
    liskg:StatedInSource instead of evidence sentences, which such a paper has none of."""
    answer = liskg(
        doe,
        "query",
        "-f",
        "csv",
        "-e",
        """PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX liskg: <https://w3id.org/liskg/ontology#>
        PREFIX owl: <http://www.w3.org/2002/07/owl#>
        SELECT ?basis (COUNT(DISTINCT ?axiom) AS ?axioms) (COUNT(DISTINCT ?row) AS ?rows) WHERE {
          ?axiom owl:annotatedSource ?s ; liskg:assertionBasis ?basis ;
                 dcterms:source <https://doi.org/10.5555/liskg.example.2025.1> ; liskg:templateRow ?row .
          FILTER NOT EXISTS { ?axiom liskg:evidence ?sentence }
        } GROUP BY ?basis""",
    ).out
    assert answer.splitlines()[1:] == ["https://w3id.org/liskg/ontology#StatedInSource,14,2"]
    records = liskg(
        doe,
        "query",
        "-f",
        "csv",
        "-e",
        """PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX liskg: <https://w3id.org/liskg/ontology#>
        SELECT (COUNT(?thing) AS ?n) WHERE {
          ?thing dcterms:source <https://doi.org/10.5555/liskg.example.2025.1> ; liskg:templateRow ?row .
          FILTER(isIRI(?thing)) FILTER NOT EXISTS { ?thing liskg:citedIn ?review }
        }""",
    ).out
    assert records.splitlines()[1] == "10"  # the study, 2 strategies, the cell, 5 measurements, the new material


# ---- liskg new study --------------------------------------------------------------------------------------------


def test_new_study_writes_blank_commented_sheets_that_add_nothing(tmp_path):
    root = copy_built(tmp_path)
    written = run_main("--root", str(root), "new", "study", "my-paper", "--sheet", "measurements")
    assert (written.code, written.out) == (0, "wrote graph_data/templates/my-paper/measurements.tsv\n")
    text = (root / "graph_data/templates/my-paper/measurements.tsv").read_text(encoding="utf-8")
    assert text.startswith("# LiSKG template sheet: measurements. One row per measurement;")
    assert "#   unit *: the unit as you write it (Ω cm2, mS/cm, mAh g-1, °C)\n" in text
    assert (
        "# Several names in one cell: separate them with ';' (the authors cell alone with ',': Jane Doe, Richard "
        "Roe). docs/extending.md explains every column.\n"
    ) in text
    before = (root / "build/liskg-merged.ttl").read_bytes()
    assert run_main("--root", str(root), "build", "-q").code == 0
    assert (root / "build/liskg-merged.ttl").read_bytes() == before  # blank: the same graph, byte for byte
    again = run_main("--root", str(root), "new", "study", "my-paper")
    assert (again.code, again.err) == (
        2,
        "liskg: error: graph_data/templates/my-paper/measurements.tsv exists; nothing was written\n",
    )
    assert not (root / "graph_data/templates/my-paper/studies.tsv").exists()
    wrong = run_main("--root", str(root), "new", "study", "x", "--sheet", "measurement")
    assert wrong.err == (
        "liskg: error: no sheet is called 'measurement'; the sheets: studies, strategies, cells, measurements, "
        "materials\n"
    )


# ---- docs/extending.md, "Adding a paper from a spreadsheet": its commands run, its tables are the truth ------------

GUIDE = (Path(__file__).resolve().parents[1] / "docs" / "extending.md").read_text(encoding="utf-8")
SPREADSHEET = GUIDE.split("## Adding a paper from a spreadsheet")[1]


def markdown_tables(text: str) -> list[list[list[str]]]:
    """Every Markdown table in TEXT as rows of cells (the header row first, the |---| line left out)."""
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            if not line.startswith("|---"):
                cells = re.split(r"(?<!\\)\|", line.strip()[1:-1])
                current.append([c.strip().replace("\\|", "|") for c in cells])
        elif current:
            tables.append(current)
            current = []
    return tables


def test_the_spreadsheet_guide_lists_every_column_of_every_sheet():
    from liskg.sources.sheets import SHEETS

    listed = {
        kind: [row for row in table[1:]]
        for kind, table in zip(re.findall(r"^\*\*(\w+)\*\*$", SPREADSHEET, re.M), markdown_tables(SPREADSHEET))
    }
    assert sorted(listed) == sorted(SHEETS)
    for kind, columns in SHEETS.items():
        assert listed[kind] == [[f"`{c.name}`" + (" *" if c.required else ""), c.help] for c in columns], kind


def test_the_spreadsheet_guide_shows_the_fixture_paper_as_it_is_typed():
    import csv
    import io

    from liskg.sources.sheets import SHEETS

    shown = SPREADSHEET.split("The example paper, as typed into the blank sheets")[1].split("### 3.")[0]
    names = re.findall(r"^`(\w+)\.tsv`:$", shown, re.M)
    assert sorted(names) == sorted(p.stem for p in (FIXTURES / "doe-2025").glob("*.tsv"))
    for name, table in zip(names, markdown_tables(shown)):
        text = (FIXTURES / "doe-2025" / f"{name}.tsv").read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text), dialect="excel-tab"))
        filled = [c.name for c in SHEETS[name] if any(r[c.name] for r in rows)]
        assert table == [filled] + [[r[c] for c in filled] for r in rows], name


def test_the_spreadsheet_guide_runs_as_written(tmp_path):
    """Every command of the section, on a copy of the project whose blank sheets get the fixture paper's rows:
    each succeeds and prints what the guide shows."""
    import shlex

    commands = [shlex.split(c) for c in re.findall(r"^    \.venv/bin/liskg (.+)$", SPREADSHEET, re.M)]
    assert commands[0] == ["new", "study", "doe-2025"] and len(commands) == 6
    root = copy_built(tmp_path)
    fill_blanks(root)  # runs commands[0], then types the rows in
    printed = {}
    for command in commands[1:]:
        result = run_main("--root", str(root), *command)
        assert result.code == 0, (command, result.err)
        printed[command[0]] = result.out
    assert printed["validate"] == (
        "conforms: every record satisfies ontology/shapes.ttl and the term, label and evidence checks pass; the "
        "build outputs in build/ are up to date\n"
    )
    assert " ".join(f"`{printed['validate'].strip()}`".split()) in " ".join(SPREADSHEET.split())  # as the guide says
    study = re.search(r"```\n(Doe et al\. \(2025\)\n.*?)```", SPREADSHEET, re.S).group(1)
    assert printed["study"].startswith(study)
    assert "Doe et al. (2025)" in printed["query"]
    for block in re.findall(r"```\n((?:asserted triples|oxide-anode-strategies).*?)```", SPREADSHEET, re.S):
        assert block in printed["diff"]  # the counts by sheet, and the headline answer's new rows
    assert printed["names"] == re.search(r"```\n(name .*?)```", SPREADSHEET, re.S).group(1)


def test_the_spreadsheet_guide_quotes_the_errors_the_matrix_checks():
    quoted = [row for table in markdown_tables(SPREADSHEET) if table[0][0] == "the line" for row in table[1:]]
    errors = {param.values[1] for param in BAD} | {line for param in CHECKED for line in param.values[1]}
    for error in errors:  # the sections of this guide an error sends the reader to are there
        for section in re.findall(r'docs/extending\.md, "([^"]+)"', error):
            assert f"\n### {section}\n" in SPREADSHEET, section
    assert len(quoted) >= 12
    for line, _meaning in quoted:  # `line`, or `` line `` when it holds a `; a long quote may end in ..."
        shown = line.strip("`").strip()
        assert shown in errors or any(e.startswith(shown.removesuffix(' ..."')) for e in errors), line


# ---- liskg diff ---------------------------------------------------------------------------------------------------


def test_diff_shows_the_new_study_in_the_headline_answer_and_nothing_else_changed(doe):
    change = liskg(doe, "diff")
    assert change.code == 0, change.err
    report = change.out
    assert report.startswith("asserted triples: +214 -0 (build/previous/ -> build/)\n")
    assert f"  {SHEETS}/materials.tsv  +7 -0\n" in report  # with the paper's DOI as its dcterms:source
    assert f"  {SHEETS}/measurements.tsv  +66 -0\n" in report
    assert "oxide-anode-strategies: +4 -0 answer rows" in report
    assert "resistance-reduction: +1 -0 answer rows" in report
    assert report.endswith("11 other named queries: answers unchanged\n")
    removed = [line for line in report.splitlines() if line.startswith("  - ")]
    assert all("Li/SSE interface | oxide solid-state electrolyte" in line for line in removed)  # counts grew
    assert liskg(doe, "build", "-q").code == 0  # a build of the same sources keeps what diff compares with
    assert liskg(doe, "diff").out == report


def test_diff_shows_the_last_change_only_and_the_whole_paper_as_the_guide_says(tmp_path):
    """newuser3: after a second edit the new study no longer showed. `liskg diff` compares with the build before
    the most recent change (its --help and the guide say so); the guide's way to see the whole paper works."""
    root = copy_built(tmp_path)
    sheets = add_doe(root)
    assert run_main("--root", str(root), "build", "-q").code == 0
    edit_sheet(sheets / "measurements.tsv", 4, "value", "13")  # a second edit: 12 -> 13 Ω cm²
    second = run_main("--root", str(root), "diff").out
    assert second.startswith(
        f"asserted triples: +1 -1 (build/previous/ -> build/)\n  {SHEETS}/measurements.tsv  +1 -1\n"
    ), second
    assert "sputtering an Ag-Mg film onto LLZTO" not in second  # the first edit is on both sides
    assert "Only the last change shows" in run_main("diff", "--help").out
    shutil.move(sheets, tmp_path / "aside")
    assert run_main("--root", str(root), "build", "-q").code == 0
    shutil.move(tmp_path / "aside", sheets)
    whole = run_main("--root", str(root), "diff").out
    assert whole.startswith("asserted triples: +214 -0 (build/previous/ -> build/)\n"), whole
    assert "oxide-anode-strategies: +4 -0 answer rows" in whole


def test_diff_without_an_earlier_build_says_what_to_do(tmp_path):
    result = run_main("--root", str(copy_built(tmp_path)), "diff")
    assert (result.code, result.err) == (
        2,
        "liskg: error: nothing to compare with: build/previous/ is kept when a build replaces one of other "
        "sources; edit a source or a sheet, then run `liskg diff` (it builds first)\n",
    )


def test_csv_sheets_read_as_tsv_ones(project, tmp_path):
    """A spreadsheet's 'save as CSV' is read as well: the fixture paper as CSV gives the triples of its TSV."""
    import csv
    import io

    sources = [t for f in load_sources(project).files for t in f.triples or []]
    made = {}
    for suffix in ("tsv", "csv"):
        folder = tmp_path / suffix
        folder.mkdir()
        for sheet in sorted((FIXTURES / "doe-2025").glob("*.tsv")):
            rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8")), dialect="excel-tab"))
            out = io.StringIO()
            csv.writer(out, dialect="excel-tab" if suffix == "tsv" else "excel", lineterminator="\n").writerows(rows)
            (folder / f"{sheet.stem}.{suffix}").write_text(out.getvalue(), encoding="utf-8")
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in sources)
        compiled = compile_sheets(project, store, sorted(folder.iterdir()))
        triples = [t for _p, ts, _pl, _c in compiled for t in ts if not t.predicate.value.endswith("#templateRow")]
        made[suffix] = _graph(triples)  # the rows' places aside (file.tsv:2 or file.csv:2), the same
    assert len(made["tsv"]) == len(made["csv"]) > 150 and isomorphic(made["tsv"], made["csv"])
