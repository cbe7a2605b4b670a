"""Shared fixtures: the real project, built once per run; disposable copies of it; and a way to run the CLI as
a user does.

The suite runs on xdist workers, one test file per worker (--dist loadfile). The checkout's build/ is
made once for all of them (current_build, under a lock the workers share), and a test that breaks or edits a
project works on a copy: copy_sources() for one that builds it itself, copy_built() for one that starts from
a current build without paying for it again."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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

[] a owl:Axiom ;
    owl:annotatedSource lkd:ref-9102 ;
    owl:annotatedProperty liskg:appliesStrategy ;
    owl:annotatedTarget lkd:ref-107-heat-treatment ;
    liskg:assertionBasis liskg:EditorsInference ;
    liskg:sourceNote "A link made up for the tests."@en .
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


@contextmanager
def locked(name: str) -> Iterator[None]:
    """Hold an exclusive lock shared by every xdist worker (a file in build/), for work on the checkout's
    build/ that one worker should do while the others wait for it."""
    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / f".tests-{name}.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@pytest.fixture(scope="session", autouse=True)
def current_build() -> Project:
    """The checkout built once for the whole run: each worker asks, the first one to hold the lock builds when
    build/ is not current, the others find it current. Tests read it, and copy it (copy_built) to break it."""
    from liskg import build

    with locked("build"):
        build(Project(ROOT), if_stale=True)
    return Project(ROOT)


@pytest.fixture(scope="session")
def project(current_build) -> Project:
    return current_build


SWAP_LOCK = "liskg-store.lock"  # liskg.base.files.SwapLock
BUILD_OUTPUTS = ("manifest.json", "liskg-merged.ttl", "liskg-inferred.nt", "liskg-store", SWAP_LOCK, "answers")


def copy_built(root: Path) -> Path:
    """The sources and the checkout's current build copied into ROOT (file times kept, so the copy is current
    without a build of its own); ROOT."""
    copy_sources(root)
    for name in BUILD_OUTPUTS:
        source, target = ROOT / "build" / name, root / "build" / name
        if name == SWAP_LOCK and not source.exists():  # a build made before the lock was
            continue
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return root


@pytest.fixture(scope="session")
def store(project):
    """The built review graph (asserted + inferred) in Oxigraph."""
    from liskg import open_store

    return open_store(project, inferred=True)


def copy_sources(root: Path) -> Path:
    """Copy the project's sources (ontology/, graph_data/, queries/, and CHANGELOG.md, which the reference page
    shows) into root; return root."""
    for folder in ("ontology", "graph_data", "queries"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, root / folder)
    if (ROOT / "CHANGELOG.md").exists():
        shutil.copy(ROOT / "CHANGELOG.md", root / "CHANGELOG.md")
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
