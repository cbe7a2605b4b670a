"""Load files through the OWL API, the library Protégé is built on, and check the OWL 2 DL profile.

owlready2 ships OWL API 3.4.3 (pellet/owlapi-distribution-3.4.3-bin.jar). It is older than
Protégé's own OWL API and stricter (it rejects SPARQL-style PREFIX lines in Turtle, for one), so
passing it is a conservative gate for "opens cleanly in Protégé". The checker is compiled once
with the machine's javac into build/java/.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from liskg.errors import LiskgError

JAVA_SOURCE = "OwlApiCheck.java"


@dataclass
class OwlApiResult:
    ok: bool
    lines: list[str]


def owlapi_jar() -> Path:
    import owlready2

    jar = Path(owlready2.__file__).parent / "pellet" / "owlapi-distribution-3.4.3-bin.jar"
    if not jar.exists():
        raise LiskgError(f"{jar}: the OWL API jar shipped with owlready2 is missing; reinstall owlready2")
    return jar


def compiled_checker(cache_dir: Path) -> Path:
    """The folder holding OwlApiCheck.class, compiled when missing or when the source changed."""
    return compile_java(JAVA_SOURCE, cache_dir)


def compile_java(source_name: str, cache_dir: Path) -> Path:
    """Compile src/liskg/java/SOURCE_NAME against the OWL API jar; the folder holding its classes.

    The folder is named by the source's hash, so an edited source is recompiled and an unchanged
    one is compiled once.
    """
    if shutil.which("javac") is None:
        raise LiskgError("the OWL API check needs a JDK (javac): apt-get install -y default-jdk-headless")
    source = (resources.files("liskg") / "java" / source_name).read_bytes()
    target = cache_dir / hashlib.sha256(source).hexdigest()[:16]
    class_file = target / (Path(source_name).stem + ".class")
    if not class_file.exists():
        target.mkdir(parents=True, exist_ok=True)
        (target / source_name).write_bytes(source)
        proc = subprocess.run(["javac", "-nowarn", "-cp", str(owlapi_jar()), "-d", str(target),
                               str(target / source_name)], capture_output=True, text=True)
        if proc.returncode != 0:
            raise LiskgError(f"javac failed on {source_name}: {proc.stderr.strip().splitlines()[0]}")
    return target


def check_files(files: list[Path], cache_dir: Path, profile: bool = False,
                catalog: dict[str, Path] | None = None) -> OwlApiResult:
    """Load each file with the OWL API; with profile=True also report OWL 2 DL profile violations.

    With a catalog (ontology IRI -> file), each file's imports resolve to local files and the profile
    check covers the file's whole import closure, as Protégé opens it; triples the OWL API drops as
    unparsed are reported for every ontology in the closure."""
    classes = compiled_checker(cache_dir)
    args = ["java", "-cp", f"{classes}:{owlapi_jar()}", "OwlApiCheck"] + (["--profile"] if profile else [])
    for iri, file in sorted((catalog or {}).items()):
        args += ["--map", f"{iri}={file}"]
    proc = subprocess.run(args + [str(f) for f in files], capture_output=True, text=True, timeout=600)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    return OwlApiResult(ok=proc.returncode == 0, lines=lines)


def protege_edit(root: Path, catalog: dict[str, Path], module_iri: str, edit: Path, cache_dir: Path, *,
                 turtle: Path | None = None, rdfxml: Path | None = None) -> list[str]:
    """Emulate a Protégé session (java/ProtegeEdit.java): load ROOT with the catalog's IRI mappings,
    add the individuals and values of EDIT (N-Triples) to the module MODULE_IRI as OWL axioms, save
    that module as Turtle and/or RDF/XML. Returns the tool's output lines; raises on failure."""
    classes = compile_java("ProtegeEdit.java", cache_dir)
    args = ["java", "-cp", f"{classes}:{owlapi_jar()}", "ProtegeEdit", "--root", str(root), "--module", module_iri,
            "--edit", str(edit)]
    for iri, file in sorted(catalog.items()):
        args += ["--map", f"{iri}={file}"]
    if turtle is not None:
        args += ["--turtle", str(turtle)]
    if rdfxml is not None:
        args += ["--rdfxml", str(rdfxml)]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode != 0:
        detail = next((line for line in lines if line.startswith("ERROR")), "") or proc.stderr.strip()[-300:]
        raise LiskgError(f"OWL API edit session failed: {detail}")
    return lines
