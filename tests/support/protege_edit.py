"""A test-only tool: emulate a Protégé edit session through the OWL API (ProtegeEdit.java)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from liskg.base.errors import CheckFailed
from liskg.builder.owlapi import compile_java, owlapi_classpath


def protege_edit(
    root: Path,
    catalog: dict[str, Path],
    module_iri: str,
    edit: Path,
    *,
    turtle: Path | None = None,
    rdfxml: Path | None = None,
) -> list[str]:
    """Emulate a Protégé session (ProtegeEdit.java beside this file): load ROOT with the catalog's IRI mappings,
    add the individuals and values of EDIT (N-Triples) to the module MODULE_IRI as OWL axioms, save
    that module as Turtle and/or RDF/XML. Returns the tool's output lines; raises on failure."""
    classes = compile_java(Path(__file__).with_name("ProtegeEdit.java"))
    args = [
        "java",
        "-cp",
        f"{classes}:{owlapi_classpath()}",
        "ProtegeEdit",
        "--root",
        str(root),
        "--module",
        module_iri,
        "--edit",
        str(edit),
    ]
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
        raise CheckFailed(f"OWL API edit session failed: {detail}")
    return lines
