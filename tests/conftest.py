"""Shared fixtures: the real project, a disposable copy of it, and a way to run the CLI as a user does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from liskg.base.project import Project

ROOT = Path(__file__).resolve().parents[1]
SOURCE_TEXT = ROOT.parent / "shared" / "sources" / "review-interfacial-contact-solid-state-li-s.txt"


# A study record (after docs/modelling.md) with no reference number: it parses and passes the
# quality checks, and violates one SHACL shape (StudyShape).
STUDY_WITHOUT_REFERENCE = """
lkd:ref-9102 a owl:NamedIndividual , liskg:Study ;
    rdfs:label "Unnumbered et al."@en ;
    liskg:summary "A record without its reference number, for the tests."@en ;
    liskg:statedInSection lkd:section-2-2 ;
    liskg:citedIn lkd:review ;
    liskg:appliesStrategy lkd:ref-107-heat-treatment .
"""


@dataclass
class CliResult:
    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300) -> CliResult:
    """Run `liskg ARGS` in a fresh interpreter, exactly as a user would type it."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("LISKG_DEBUG", None)
    proc = subprocess.run(
        [sys.executable, "-m", "liskg.cli", *args],
        cwd=cwd or ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def run_main(*args: str) -> CliResult:
    """Run `liskg ARGS` in this process (main(), as the console script does), capturing what it prints.

    Much faster than run_cli; use run_cli where a fresh interpreter matters (signals, imports, env)."""
    import contextlib
    import io

    from liskg.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse: usage errors and --help
            code = exc.code if isinstance(exc.code, int) else 2
    return CliResult(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def store(project):
    """The built review graph (asserted + inferred) in Oxigraph."""
    from liskg import open_store

    return open_store(project, inferred=True)


def copy_sources(root: Path) -> Path:
    """Copy the project's sources (ontology/, graph_data/, queries/) into root; return root."""
    for folder in ("ontology", "graph_data", "queries"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, root / folder)
    return root


@pytest.fixture
def tmp_project(tmp_path) -> Project:
    """A throwaway copy of the sources, for tests that break or edit them."""
    return Project(copy_sources(tmp_path))


def review_text(path: Path, ci: bool) -> str:
    """The review's text; when it is missing, the test skips, but in CI (where shared/ is laid beside
    the clone) it fails: the fidelity tests must run there."""
    if not path.exists():
        message = f"the review text is not at {path} (it lives in shared/, beside the checkout)"
        if ci:
            pytest.fail(message + "; in CI the fidelity tests must run, not skip", pytrace=False)
        pytest.skip(message)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def source_text() -> str:
    return review_text(SOURCE_TEXT, ci=os.environ.get("CI", "").lower() == "true")
