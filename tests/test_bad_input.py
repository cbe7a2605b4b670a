"""The bad-input matrix (issue 7): what a user hands the tool, and the one clear answer it must give.

One parametrized test, one row per case. Each row breaks a fresh copy of the project (or names a
bad query, output path or signal), runs the command as a user types it, and asserts:

- exactly the expected lines on stderr (all of them but the `[build] ...` progress lines), naming
  the file and line, the query position, the SHACL shape or the individual (the quality and SHACL
  stages add one count line: "1 quality problem(s); nothing was written");
- the expected exit code (liskg.base.errors.EXIT_CODES: 1 failed check, 2 bad input, 4 time bound,
  130 interrupted; -9 killed), never 0 for an error; the two rows with HTML/JS in a label are not errors: they succeed, and the page carries
  the label escaped, never as markup (the viz browser test checks that nothing executes);
- no "Traceback" anywhere, and the command finishes within its bound;

Rows run main() in this process, as the console script does (fast: no interpreter start per row);
the two signal rows run a real process, since they send it a signal.
- every file of the project byte-identical before and after the run: the sources are untouched and
  no partial or temporary output is left (the previous build is intact);
- output paths outside the project that could not be written do not exist afterwards.

The matrix absorbs the bad-input cases that used to live in test_build.py (Turtle syntax error,
undeclared term, duplicate label / missing definition, a file nobody imports, an unwritable build
folder) and test_reasoning.py (an individual typed into two disjoint classes). The OWL API's
rejections (SPARQL-style PREFIX lines, an edit that leaves OWL 2 DL) stay in test_reasoning.py.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import ROOT, CliResult, copy_built, run_main
from liskg.base import manifest
from liskg.base.project import INFERRED, MANIFEST, Project
from liskg.builder import outputs


@dataclass
class Case:
    """What a row does: the command line, and what the user must see."""

    args: list[str]
    err: list[str] | None  # the exact lines on stderr; None: one `liskg: error:` line, wording not pinned
    code: int
    out: list[str] | None = None  # the exact stdout lines, when the command reports there
    outside: list[Path] = field(default_factory=list)  # paths outside the project that must not appear
    run: Callable[[Project, list[str]], CliResult] | None = None  # a custom runner (signals)
    changes_outputs: bool = False  # a successful row rewrites build/ (and must leave the sources alone)
    check: Callable[[Project, CliResult], None] | None = None
    bound: float = 120.0  # seconds the command may take
    prebuilt: bool = True  # False: the row starts with no build/ at all, and none may appear
    leaves_workspace: bool = False  # killed: the build's hidden workspace may remain (see check)


# ---------------------------------------------------------------- helpers that break a copy


def append(project: Project, relative: str, text: str) -> Path:
    path = project.root / relative
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return path


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the last line that equals `text` (appended lines come last)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return len(lines) - lines[::-1].index(text)


def paper(
    *,
    reference: str | None = "9101",
    value: str = "12.5",
    unit: bool = True,
    label: str = "Broken et al. [9101]",
    unmarked: tuple[str, str, str] | None = None,
) -> str:
    """A new study record after docs/modelling.md, with the requested flaw; appended to studies-anode.ttl. Each
    of its PAPER_LINKS is marked an editors' inference, but UNMARKED."""
    reference_line = f"    liskg:referenceNumber {reference} ;\n" if reference is not None else ""
    unit_line = "    liskg:hasUnit unit:OHM-CentiM2 ;\n" if unit else ""
    return f"""
lkd:ref-9101 a owl:NamedIndividual , liskg:Study ;
    rdfs:label "{label}"@en ;
{reference_line}    liskg:summary "A record broken on purpose by the bad-input tests."@en ;
    liskg:statedInSection lkd:section-2-2 ;
    liskg:citedIn lkd:review ;
    liskg:appliesStrategy lkd:ref-9101-evaporation .

lkd:ref-9101-evaporation a owl:NamedIndividual , liskg:VacuumEvaporation ;
    rdfs:label "evaporated film of the broken record [9101]"@en ;
    liskg:atInterface liskg:LiSSEInterface ;
    liskg:hasOutcome lkd:ref-9101-resistance .

lkd:ref-9101-resistance a owl:NamedIndividual , liskg:Measurement ;
    rdfs:label "resistance of the broken record [9101]"@en ;
    liskg:measuresQuantity liskg:InterfacialResistance ;
    liskg:numericValue {value} ;
{unit_line}    liskg:reportedBy lkd:ref-9101 ;
    liskg:statedInSection lkd:section-2-2 ;
    liskg:citedIn lkd:review .
{"".join(INVENTED.format(s=s, p=p, o=o) for s, p, o in PAPER_LINKS if (s, p, o) != unmarked)}
lkd:ref-9101-resistance liskg:assertionBasis liskg:EditorsInference ; liskg:sourceNote "{WHY}"@en .
"""


WHY = "A record broken on purpose by the bad-input tests; no sentence of the review states it."
PAPER_LINKS = [
    ("lkd:ref-9101", "liskg:appliesStrategy", "lkd:ref-9101-evaporation"),
    ("lkd:ref-9101-evaporation", "rdf:type", "liskg:VacuumEvaporation"),
    ("lkd:ref-9101-evaporation", "liskg:atInterface", "liskg:LiSSEInterface"),
]
INVENTED = f"""
[] a owl:Axiom ; owl:annotatedSource {{s}} ; owl:annotatedProperty {{p}} ; owl:annotatedTarget {{o}} ;
    liskg:assertionBasis liskg:EditorsInference ; liskg:sourceNote "{WHY}"@en .
"""


STUDIES = "graph_data/studies-anode.ttl"


def paper_line(project: Project, subject: str) -> int:
    return line_of(
        project.root / STUDIES,
        f"{subject} a owl:NamedIndividual , "
        + {"lkd:ref-9101": "liskg:Study ;", "lkd:ref-9101-resistance": "liskg:Measurement ;"}[subject],
    )


def build_args(project: Project, *extra: str) -> list[str]:
    return ["--root", str(project.root), "build", *extra]


# ---------------------------------------------------------------- the rows


def turtle_syntax_error_in_graph_data(project, tmp):
    path = append(project, "graph_data/review.ttl", '\nlkd:x rdfs:label "unterminated .\n')
    line = line_of(path, 'lkd:x rdfs:label "unterminated .')
    return Case(
        build_args(project),
        [f"liskg: error: graph_data/review.ttl:{line}:18: Turtle syntax error: Unexpected end of file"],
        2,
        prebuilt=False,
    )


def turtle_syntax_error_in_ontology(project, tmp):
    path = append(
        project,
        "ontology/liskg.ttl",
        '\nliskg:Broken a owl:Class ;\n    rdfs:label "broken"@en\nliskg:Other a owl:Class .\n',
    )
    line = line_of(path, "liskg:Other a owl:Class .")
    return Case(
        build_args(project),
        [f"liskg: error: ontology/liskg.ttl:{line}:1: Turtle syntax error: A dot is expected at the end of statements"],
        2,
    )


def undeclared_prefix(project, tmp):
    path = append(project, "graph_data/review.ttl", "\nfoo:bar a liskg:Study .\n")
    line = line_of(path, "foo:bar a liskg:Study .")
    return Case(
        build_args(project),
        [f"liskg: error: graph_data/review.ttl:{line}:1: Turtle syntax error: The prefix foo: has not been declared"],
        2,
    )


def file_that_is_not_utf8(project, tmp):
    path = project.data_dir / "review.ttl"
    path.write_bytes(path.read_bytes() + "\n# saved by an editor in Latin-1: Caf\u00e9\n".encode("latin-1"))
    line = path.read_bytes().count(b"\n")
    return Case(
        build_args(project),
        [f"liskg: error: graph_data/review.ttl:{line}:37: not UTF-8 text (byte 0xe9); save the file as UTF-8"],
        2,
    )


def term_the_ontology_does_not_declare(project, tmp):
    path = append(project, "graph_data/review.ttl", "\nlkd:review liskg:usesFoo lkd:section-1 .\n")
    line = line_of(path, "lkd:review liskg:usesFoo lkd:section-1 .")
    return Case(
        build_args(project),
        [
            f"liskg: error: graph_data/review.ttl:{line}: liskg:usesFoo is not declared in the ontology; check the "
            "spelling or declare it in ontology/",
            "liskg: error: 1 quality problem(s); nothing was written",
        ],
        1,
    )


def individual_nobody_declares(project, tmp):
    path = append(project, "graph_data/review.ttl", "\nlkd:section-1 liskg:partOfReview lkd:reveiw .\n")
    line = line_of(path, "lkd:section-1 liskg:partOfReview lkd:reveiw .")
    return Case(
        build_args(project),
        [
            f"liskg: error: graph_data/review.ttl:{line}: lkd:reveiw is used but never declared (no rdf:type) in "
            "graph_data/; check the spelling or declare it",
            "liskg: error: 1 quality problem(s); nothing was written",
        ],
        1,
    )


def duplicate_label_and_missing_definition(project, tmp):
    path = append(
        project, "ontology/liskg.ttl", '\nliskg:Extra a owl:Class ; rdfs:label "garnet-type electrolyte"@en .\n'
    )
    extra = line_of(path, 'liskg:Extra a owl:Class ; rdfs:label "garnet-type electrolyte"@en .')
    lines = path.read_text(encoding="utf-8").splitlines()
    garnet = next(n for n, text in enumerate(lines, 1) if re.search(r"liskg:GarnetElectrolyte(?![\w.-])", text))
    return Case(
        build_args(project),
        [
            f"liskg: error: ontology/liskg.ttl:{extra}: liskg:Extra needs exactly one skos:definition",
            f"liskg: error: ontology/liskg.ttl:{garnet}: label 'garnet-type electrolyte' is used by liskg:Extra, "
            "liskg:GarnetElectrolyte; labels must be unique",
            "liskg: error: 2 quality problem(s); nothing was written",
        ],
        1,
    )


def data_file_nobody_imports(project, tmp):
    (project.data_dir / "new-paper.ttl").write_text("@prefix owl: <http://www.w3.org/2002/07/owl#> .\n")
    return Case(
        build_args(project),
        [
            "liskg: error: graph_data/new-paper.ttl: not imported by graph_data/liskg-data.ttl; add its ontology IRI "
            "to owl:imports there and a <uri> line to catalog-v001.xml"
        ],
        2,
    )


FAILURES = "graph_data/failure-modes.ttl"
UNSTATED_LINK = "lkd:fm-thick-sse-penalty liskg:causes lkd:fm-polarization-at-high-current ."
HOW_TO_COVER = (
    "; cite the sentences that state it (liskg:evidence) or mark it liskg:EditorsInference with a liskg:sourceNote "
    "(scripts/propose_evidence.py lists candidates)"
)


def link_without_evidence(project, tmp):
    """A failure-mode link that cites no sentence and is not marked an editors' inference (issue 23)."""
    path = append(project, FAILURES, f"\n{UNSTATED_LINK}\n")
    line = line_of(path, UNSTATED_LINK)
    return Case(
        build_args(project),
        [
            f"liskg: error: {FAILURES}:{line}: no evidence for lkd:fm-thick-sse-penalty liskg:causes "
            f"lkd:fm-polarization-at-high-current{HOW_TO_COVER}",
            "liskg: error: 1 quality problem(s); nothing was written",
        ],
        1,
    )


def evidence_that_names_neither_end(project, tmp):
    """A planted wrong link: its sentence names neither the thick SSE nor polarization (issue 23)."""
    path = append(
        project,
        FAILURES,
        f"""
{UNSTATED_LINK}

[] a owl:Axiom ;
    owl:annotatedSource lkd:fm-thick-sse-penalty ;
    owl:annotatedProperty liskg:causes ;
    owl:annotatedTarget lkd:fm-polarization-at-high-current ;
    liskg:evidence lkd:sent-1-1-1 .
""",
    )
    line = line_of(path, "[] a owl:Axiom ;")
    return Case(
        build_args(project),
        [
            f"liskg: error: {FAILURES}:{line}: evidence for lkd:fm-thick-sse-penalty liskg:causes "
            "lkd:fm-polarization-at-high-current does not name lkd:fm-thick-sse-penalty or "
            'lkd:fm-polarization-at-high-current: "As the energy crisis and environmental pollution issues worsen, the '
            'demand for renewable and highly efficient energy conversion and storage technologies is growing."',
            "liskg: error: 1 quality problem(s); nothing was written",
        ],
        1,
    )


def study_link_without_evidence(project, tmp):
    """A new study's strategy at its interface, with neither sentences nor the editors' mark, in a studies file:
    coverage is enforced there as in every file."""
    path = append(project, STUDIES, paper(unmarked=PAPER_LINKS[2]))
    line = line_of(path, "    liskg:atInterface liskg:LiSSEInterface ;")
    return Case(
        build_args(project),
        [
            f"liskg: error: {STUDIES}:{line}: no evidence for lkd:ref-9101-evaporation liskg:atInterface "
            f"liskg:LiSSEInterface{HOW_TO_COVER}",
            "liskg: error: 1 quality problem(s); nothing was written",
        ],
        1,
    )


def study_missing_its_reference_number(project, tmp):
    append(project, STUDIES, paper(reference=None))
    line = paper_line(project, "lkd:ref-9101")
    return Case(
        ["--root", str(project.root), "validate"],
        ["1 violation(s)"],
        1,
        out=[
            f'{STUDIES}:{line}: SHACL StudyShape: lkd:ref-9101 "Broken et al. [9101]": '
            "liskg:referenceNumber|dcterms:source: a study needs exactly one integer reference number (a paper "
            "outside the review: its DOI as dcterms:source)"
        ],
    )


def measurement_without_a_unit(project, tmp):
    append(project, STUDIES, paper(unit=False))
    line = paper_line(project, "lkd:ref-9101-resistance")
    return Case(
        build_args(project),
        [
            f'liskg: error: {STUDIES}:{line}: SHACL MeasurementShape: lkd:ref-9101-resistance "resistance of the '
            'broken record [9101]": liskg:hasUnit: a measurement needs exactly one unit (a QUDT unit declared in '
            "ontology/units.ttl)",
            "liskg: error: 1 SHACL violation(s); nothing was written",
        ],
        1,
    )


def number_written_as_a_string(project, tmp):
    append(project, STUDIES, paper(value='"12.5"^^xsd:string'))
    line = paper_line(project, "lkd:ref-9101-resistance")
    return Case(
        build_args(project),
        [
            f'liskg: error: {STUDIES}:{line}: SHACL MeasurementShape: lkd:ref-9101-resistance "resistance of the '
            'broken record [9101]": liskg:numericValue: a measurement value is one xsd:decimal (write 5822.0, not '
            '"5822" or 5822e0)',
            "liskg: error: 1 SHACL violation(s); nothing was written",
        ],
        1,
    )


def integer_written_as_a_decimal(project, tmp):
    append(project, STUDIES, paper(reference="9101.0"))
    line = paper_line(project, "lkd:ref-9101")
    return Case(
        ["--root", str(project.root), "validate"],
        ["1 violation(s)"],
        1,
        out=[
            f'{STUDIES}:{line}: SHACL StudyShape: lkd:ref-9101 "Broken et al. [9101]": liskg:referenceNumber: '
            "a study needs exactly one integer reference number"
        ],
    )


def individual_in_two_disjoint_classes(project, tmp):
    append(
        project,
        "graph_data/materials.ttl",
        """
lkd:mat-contradictory-electrolyte a owl:NamedIndividual , liskg:GarnetElectrolyte , liskg:ArgyroditeElectrolyte ;
    rdfs:label "contradictory electrolyte"@en ;
    liskg:chemicalFormula "Li7La3Zr2O12" .
""",
    )
    return Case(
        ["--root", str(project.root), "reason", "-q"],
        [
            "liskg: error: HermiT: the ontology is inconsistent: lkd:mat-contradictory-electrolyte is typed both "
            "liskg:OxideElectrolyte and liskg:SulfideElectrolyte, which are disjoint; nothing was written"
        ],
        1,
    )


def query(project, *args):
    return ["--root", str(project.root), "query", *args]


def sparql_syntax_error(project, tmp):
    path = tmp / "broken.rq"
    path.write_text(
        "PREFIX liskg: <https://w3id.org/liskg/ontology#>\nSELECT ?study WHERE {\n"
        "  ?study a liskg:Study .\n  OPTIONAL ?study liskg:summary ?s .\n}\n"
    )
    return Case(
        query(project, str(path)),
        [f'liskg: error: {path}:4:12: SPARQL syntax error at line 4, column 12: expected "{{"'],
        2,
    )


def named_query_with_a_syntax_error(project, tmp):
    """The build answers every named query, so a broken one stops it (nothing written) at its file and position."""
    (project.queries_dir / "broken.rq").write_text(
        "PREFIX liskg: <https://w3id.org/liskg/ontology#>\nSELECT ?study WHERE {\n"
        "  ?study a liskg:Study .\n  OPTIONAL ?study liskg:summary ?s .\n}\n",
        encoding="utf-8",
    )
    return Case(
        build_args(project),
        ['liskg: error: queries/broken.rq:4:12: SPARQL syntax error at line 4, column 12: expected "{"'],
        2,
    )


def sparql_undeclared_prefix(project, tmp):
    return Case(
        query(
            project,
            "-e",
            "PREFIX liskg: <https://w3id.org/liskg/ontology#>\n"
            "SELECT ?m WHERE {\n  ?m a liskg:Material ;\n     skos:altLabel ?alt .\n}",
        ),
        [
            "liskg: error: -e:4:19: SPARQL syntax error at line 4, column 19: undeclared prefix skos: (declare it: "
            "PREFIX skos: <...>)"
        ],
        2,
    )


def sparql_query_ending_too_early(project, tmp):
    return Case(
        query(
            project, "-e", "PREFIX liskg: <https://w3id.org/liskg/ontology#>\nSELECT ?s WHERE {\n  ?s a liskg:Study .\n"
        ),
        [
            "liskg: error: -e:4:1: SPARQL syntax error at line 4, column 1: the query ends too early: a closing } or ) "
            "may be missing"
        ],
        2,
    )


def sparql_update(project, tmp):
    return Case(
        query(project, "-e", "PREFIX lkd: <https://w3id.org/liskg/data/>\nDELETE WHERE { lkd:review ?p ?o }"),
        [
            "liskg: error: -e: refused: DELETE is a SPARQL UPDATE and the graph is read-only here; change "
            "graph_data/*.ttl and rebuild instead"
        ],
        2,
    )


def unknown_named_query(project, tmp):
    return Case(
        query(project, "studies-per-sectoin"),
        ["liskg: error: no named query 'studies-per-sectoin' in queries/; did you mean studies-per-section?"],
        2,
    )


def query_past_the_time_bound(project, tmp):
    cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    return Case(
        query(project, "--timeout", "1", "-e", cartesian),
        ["liskg: error: -e: stopped after 1 s (the time bound); narrow the query or raise --timeout"],
        4,
        bound=10,
    )


def query_file_that_does_not_exist(project, tmp):
    missing = tmp / "no-such-question.rq"
    return Case(query(project, str(missing)), [f"liskg: error: {missing}: no such file"], 2, outside=[missing])


def unknown_study(project, tmp):
    return Case(
        ["--root", str(project.root), "study", "99999"],
        ["liskg: error: no study is cited as reference [99999] in the graph"],
        2,
    )


def unknown_material(project, tmp):
    return Case(["--root", str(project.root), "material", "zzzz"], ["liskg: error: no material is called 'zzzz'"], 2)


def argument_that_is_not_utf8(project, tmp):
    # a byte that is not UTF-8 in argv reaches Python as a lone surrogate ('\udcff')
    return Case(["--root", str(project.root), "material", "LLZ\udcff"], None, 2)


def serve_on_a_port_that_does_not_exist(project, tmp):
    return Case(
        ["--root", str(project.root), "serve", "--port", "99999"],
        ["liskg: error: --port 99999: a port is a number from 0 (any free port) to 65535"],
        2,
        bound=30,
    )


def output_path_in_proc(project, tmp):
    target = Path("/proc/liskg-graph.html")
    return Case(
        ["--root", str(project.root), "viz", "-o", str(target)],
        [f"liskg: error: {target}: cannot write output (No such file or directory); choose a writable location"],
        2,
        outside=[target],
    )


def output_path_under_a_regular_file(project, tmp):
    regular = tmp / "notes.txt"
    regular.write_text("a file, not a folder\n")
    return Case(
        ["--root", str(project.root), "docs", "-o", str(regular / "docs")],
        [
            f"liskg: error: {regular}/docs/index.html: cannot write output ({regular} is a file, not a folder); "
            "choose a writable location"
        ],
        2,
        outside=[regular / "docs"],
    )


def build_folder_is_a_regular_file(project, tmp):
    shutil.rmtree(project.build_dir, ignore_errors=True)
    project.build_dir.write_text("a file where the build folder should be")
    root = project.root
    return Case(
        build_args(project, "-q"),
        [
            f"liskg: error: {root}/build/{INFERRED}: cannot write output ({root}/build is a file, not a "
            "folder); choose a writable location"
        ],
        2,
    )


def root_that_is_not_a_project(project, tmp):
    return Case(
        ["--root", str(tmp), "stats"],
        [f"liskg: error: --root {tmp}: not a LiSKG project (needs ontology/ and graph_data/ folders)"],
        2,
    )


def interrupt_after(progress_line: str, sig: int):
    """A runner that starts `liskg build`, waits for a progress line, then sends the signal."""

    def run(project: Project, args: list[str]) -> CliResult:
        env = {k: v for k, v in os.environ.items() if k != "LISKG_DEBUG"}
        proc = subprocess.Popen(
            [sys.executable, "-m", "liskg.cli", *args],
            cwd=ROOT,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        seen = []
        for line in proc.stderr:
            seen.append(line)
            if line.startswith(progress_line):
                proc.send_signal(sig)
                break
        out, err = proc.communicate(timeout=60)
        assert any(line.startswith(progress_line) for line in seen), "".join(seen)
        return CliResult(proc.returncode, out, "".join(seen) + err)

    return run


def interrupted_build(sig: int, progress_line: str, err: list[str], code: int):
    def row(project, tmp):
        # an edit the next build would pick up, so a half-done build would differ from the old one
        append(project, "graph_data/review.ttl", "\n# an edit that the interrupted build never publishes\n")

        def check(project, result):
            assert manifest.stale_reason(project) == "sources changed since the last build (graph_data/review.ttl)"
            if sig == signal.SIGKILL:  # nothing could clean up: the next build removes the workspace it left
                assert run_main("--root", str(project.root), "build", "-q").code == 0
                assert [p.name for p in project.build_dir.iterdir() if p.name.startswith(".")] == []

        return Case(
            build_args(project),
            err,
            code,
            run=interrupt_after(progress_line, sig),
            check=check,
            leaves_workspace=sig == signal.SIGKILL,
        )

    return row


HOSTILE = "<script>alert('label')</script><img src=x onerror=alert(1)>"


def html_in_a_label(*viz_args: str):
    def row(project, tmp):
        append(project, STUDIES, paper(label=f"Hostile {HOSTILE} [9101]"))
        page = tmp / "graph.html"

        def check(project, result):
            html = page.read_text(encoding="utf-8")
            assert "Hostile" in html  # the label is on the page ...
            for tag in ("<script>alert", "</script><img", "<img src=x", "onerror=alert(1)>"):
                assert tag not in html, tag  # ... but never as markup

        return Case(
            ["--root", str(project.root), "viz", *viz_args, "-o", str(page)],
            [f"liskg: sources changed since the last build ({STUDIES}); rebuilding ..."],
            0,
            out=[str(page)],
            changes_outputs=True,
            check=check,
        )

    return row


java = pytest.mark.java
ROWS = [
    pytest.param(turtle_syntax_error_in_graph_data, id="malformed-turtle-in-graph_data"),
    pytest.param(turtle_syntax_error_in_ontology, id="malformed-turtle-in-ontology"),
    pytest.param(undeclared_prefix, id="undeclared-prefix"),
    pytest.param(file_that_is_not_utf8, id="file-not-utf8"),
    pytest.param(term_the_ontology_does_not_declare, id="term-the-ontology-does-not-declare"),
    pytest.param(individual_nobody_declares, id="individual-nobody-declares"),
    pytest.param(duplicate_label_and_missing_definition, id="duplicate-label-and-missing-definition"),
    pytest.param(data_file_nobody_imports, id="data-file-nobody-imports"),
    pytest.param(link_without_evidence, id="link-without-evidence"),
    pytest.param(evidence_that_names_neither_end, id="evidence-names-neither-end-of-the-link"),
    pytest.param(study_link_without_evidence, id="study-link-without-evidence"),
    pytest.param(study_missing_its_reference_number, id="study-missing-reference-number-shacl"),
    pytest.param(measurement_without_a_unit, id="measurement-without-unit-shacl"),
    pytest.param(number_written_as_a_string, id="numeric-value-typed-xsd-string"),
    pytest.param(integer_written_as_a_decimal, id="reference-number-written-as-decimal"),
    pytest.param(individual_in_two_disjoint_classes, id="individual-in-two-disjoint-classes-reason", marks=java),
    pytest.param(sparql_syntax_error, id="sparql-syntax-error-line-column"),
    pytest.param(named_query_with_a_syntax_error, id="named-query-syntax-error-stops-the-build"),
    pytest.param(sparql_undeclared_prefix, id="sparql-undeclared-prefix"),
    pytest.param(sparql_query_ending_too_early, id="sparql-query-ends-too-early"),
    pytest.param(sparql_update, id="sparql-update-refused"),
    pytest.param(unknown_named_query, id="unknown-named-query-suggests"),
    pytest.param(query_past_the_time_bound, id="query-past-time-bound"),
    pytest.param(query_file_that_does_not_exist, id="query-file-does-not-exist"),
    pytest.param(unknown_study, id="unknown-study-number"),
    pytest.param(unknown_material, id="unknown-material-name"),
    pytest.param(argument_that_is_not_utf8, id="argument-not-utf8"),
    pytest.param(serve_on_a_port_that_does_not_exist, id="serve-port-out-of-range"),
    pytest.param(output_path_in_proc, id="viz-output-in-proc"),
    pytest.param(output_path_under_a_regular_file, id="docs-output-under-a-regular-file"),
    pytest.param(build_folder_is_a_regular_file, id="build-folder-is-a-regular-file"),
    pytest.param(root_that_is_not_a_project, id="root-is-not-a-project"),
    pytest.param(
        interrupted_build(
            signal.SIGINT,
            "[build] materializing inferences ...",
            ["liskg: interrupted; outputs are written atomically, nothing half-written was left"],
            130,
        ),
        id="build-interrupted-sigint",
    ),
    pytest.param(
        interrupted_build(signal.SIGKILL, "[build] validating against SHACL shapes ...", [], -9),
        id="build-killed-sigkill",
    ),
    pytest.param(html_in_a_label(), id="html-js-in-a-label-viz-escaped"),
    pytest.param(html_in_a_label("--focus", "Hostile"), id="html-js-in-a-label-viz-focus-escaped"),
]


# ---------------------------------------------------------------- the test


@pytest.fixture(scope="module")
def built_copy(tmp_path_factory) -> Path:
    """A copy of the sources with a current build, shared read-only by the rows."""
    return copy_built(tmp_path_factory.mktemp("pristine"))


def tree(root: Path) -> dict[str, bytes]:
    """Every file under root (hidden and temporary ones included), by relative path."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def diagnostics(err: str) -> list[str]:
    """Everything on stderr but the `[build] step ...` progress lines."""
    return [line for line in err.splitlines() if not line.startswith("[")]


@pytest.mark.parametrize("row", ROWS)
def test_bad_input(row, built_copy, tmp_path):
    project = Project(tmp_path / "project")
    shutil.copytree(built_copy, project.root)
    outside = tmp_path / "outside"
    outside.mkdir()
    case = row(project, outside)
    if not case.prebuilt:
        shutil.rmtree(project.build_dir)
    before = tree(project.root)

    start = time.monotonic()
    result = case.run(project, case.args) if case.run else run_main(*case.args)
    elapsed = time.monotonic() - start

    assert "Traceback" not in result.err + result.out
    if case.err is None:
        lines = diagnostics(result.err)
        assert len(lines) == 1 and lines[0].startswith("liskg: error: ") and "internal error" not in lines[0], lines
    else:
        assert diagnostics(result.err) == case.err
    assert result.code == case.code, result.err
    assert case.code != 0 or case.changes_outputs
    assert result.out.splitlines() == (case.out or [])
    assert elapsed < case.bound
    after = tree(project.root)
    if case.changes_outputs:
        sources = [name for name in before if not name.startswith("build/")]
        assert {n: after[n] for n in sources} == {n: before[n] for n in sources}
        assert not [name for name in after if name.endswith(".tmp")]
    else:  # sources untouched, previous build intact, nothing partial left
        abandoned = {n for n in after if n.startswith(f"build/{outputs.WORKSPACE_PREFIX}") and ".tmp/" in n}
        assert (case.leaves_workspace or not abandoned) and {n: after[n] for n in after if n not in abandoned} == before
    if not case.prebuilt:
        assert not project.build_dir.exists()
    for path in case.outside:
        assert not path.exists(), path
    if case.check:
        case.check(project, result)


def test_a_build_interrupted_between_two_output_files_never_looks_current(tmp_project, monkeypatch):
    """The write phase itself: stop it after the first output file was renamed into place."""
    from liskg.builder.pipeline import build

    build(tmp_project, quiet=True)
    previous = tree(tmp_project.build_dir)
    append(tmp_project, "graph_data/review.ttl", "\n# an edit\n")
    real_replace = os.replace

    def replace_then_interrupt(src, dst):
        if Path(dst).name == INFERRED:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(outputs.os, "replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        build(tmp_project, quiet=True)
    monkeypatch.undo()
    now = tree(tmp_project.build_dir)
    assert not [name for name in now if name.endswith(".tmp")]
    assert now[INFERRED] == previous[INFERRED]
    assert now[MANIFEST] == previous[MANIFEST]
    assert manifest.stale_reason(tmp_project) == "sources changed since the last build (graph_data/review.ttl)"
