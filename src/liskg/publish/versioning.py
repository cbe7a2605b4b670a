"""Versions and the deprecation policy.

Every module carries owl:versionIRI <module IRI>/<version> and owl:versionInfo <version>, the same
version throughout. ontology/released-terms.txt lists every ontology term of the last release; each
must still be declared, and a deprecated one (owl:deprecated true) must name its replacement with
dcterms:isReplacedBy. Removing or renaming a released term is an error.
"""

from __future__ import annotations

import re

from liskg.base.errors import LiskgError
from liskg.base.project import Project
from liskg.base.vocab import DCTERMS, LISKG, OWL, UNIT, shorten
from liskg.builder.qc import declarations
from liskg.sources.loading import LoadedSources, declared_ontology, parse_turtle

RELEASED_TERMS = "ontology/released-terms.txt"
ONTOLOGY_IRI = "https://w3id.org/liskg/ontology"
SHAPES_IRI = "https://w3id.org/liskg/shapes"
XSD_DATE_FIELDS = {"created": DCTERMS + "created", "issued": DCTERMS + "issued"}


def _header(loaded: LoadedSources, iri: str) -> dict[str, str]:
    return {t.predicate.value: t.object.value for f in loaded.files for t in f.triples if t.subject.value == iri}


def release_info(loaded: LoadedSources) -> dict[str, str]:
    """version, created and issued of the ontology, read from its header, and prior: the version its
    owl:priorVersion names ("" when it has none)."""
    header = _header(loaded, ONTOLOGY_IRI)
    info = {"version": header.get(OWL + "versionInfo", "")}
    info.update({name: header.get(predicate, "") for name, predicate in XSD_DATE_FIELDS.items()})
    info["prior"] = header.get(OWL + "priorVersion", "").removeprefix(ONTOLOGY_IRI + "/")
    return info


def version_problems(project: Project, loaded: LoadedSources) -> list[str]:
    """Modules without versionIRI/versionInfo, or with a version other than the ontology's."""
    info = release_info(loaded)
    version, prior = info["version"], info["prior"]
    found = _shapes_problems(project, version)
    if not re.fullmatch(r"\d+\.\d+\.\d+", prior) or _key(prior) >= _key(version):
        found.append(
            f"ontology/liskg.ttl: the ontology needs owl:priorVersion <{ONTOLOGY_IRI}/X.Y.Z>, the release before "
            f"{version} (has {prior!r})"
        )
    for f in loaded.rdf_files():
        header = {t.predicate.value: t.object.value for t in f.triples if t.subject.value == f.ontology_iri}
        info_, iri = header.get(OWL + "versionInfo"), header.get(OWL + "versionIRI")
        if info_ != version or iri != f"{f.ontology_iri}/{version}":
            found.append(
                f'{project.relative(f.path)}: module <{f.ontology_iri}> needs owl:versionInfo "{version}" '
                f"and owl:versionIRI <{f.ontology_iri}/{version}> (has {info_!r}, {iri!r})"
            )
        before = header.get(OWL + "priorVersion")
        if before is not None and before != f"{f.ontology_iri}/{prior}":
            found.append(
                f"{project.relative(f.path)}: module <{f.ontology_iri}> has owl:priorVersion <{before}>; the prior "
                f"release is {prior}: <{f.ontology_iri}/{prior}> (or none, for a module new in {version})"
            )
    return found


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".")) if re.fullmatch(r"\d+(\.\d+)*", version) else ()


def _shapes_problems(project: Project, version: str) -> list[str]:
    """ontology/shapes.ttl is a plain SHACL file: no owl:Ontology (Protégé would open its shapes as OWL and
    find hundreds of DL violations), and the release's version as owl:versionInfo of <SHAPES_IRI>."""
    where = project.relative(project.shapes_file)
    shapes = parse_turtle(project.shapes_file, where)
    found = []
    if declared_ontology(shapes)[0] is not None:
        found.append(f"{where}: a SHACL file, not an ontology: remove its owl:Ontology header (and owl:versionIRI)")
    info = next(
        (t.object.value for t in shapes if t.subject.value == SHAPES_IRI and t.predicate.value == OWL + "versionInfo"),
        None,
    )
    if info != version:
        found.append(f'{where}: <{SHAPES_IRI}> needs owl:versionInfo "{version}" (has {info!r})')
    return found


def read_released_terms(project: Project) -> tuple[str, list[tuple[int, str]]]:
    """(release version, [(line, IRI)]) from the committed list of released terms."""
    try:
        lines = (project.root / RELEASED_TERMS).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise LiskgError(f"{RELEASED_TERMS}: cannot read the list of released terms ({exc.strerror})") from None
    version = lines[0].removeprefix("# LiSKG ontology terms released in ").split()[0]
    return version, [
        (n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")
    ]


def ontology_terms(project: Project, loaded: LoadedSources) -> list[str]:
    """Every liskg: and unit: term the ontology modules declare, sorted."""
    return sorted(iri for iri in declarations(loaded.ontology_files(project)) if iri.startswith((LISKG, UNIT)))


def deprecation_problems(project: Project, loaded: LoadedSources) -> list[str]:
    """Released terms that are gone, or deprecated without dcterms:isReplacedBy."""
    version, released = read_released_terms(project)
    declared = set(ontology_terms(project, loaded))
    found = []
    for line, iri in released:
        where = f"{RELEASED_TERMS}:{line}"
        header = _header(loaded, iri)
        if iri not in declared:
            found.append(
                f"{where}: {shorten(iri)} was released in {version} and is gone; keep it declared, "
                "with owl:deprecated true and dcterms:isReplacedBy its replacement"
            )
        elif header.get(OWL + "deprecated") in ("true", "1") and DCTERMS + "isReplacedBy" not in header:
            found.append(f"{where}: {shorten(iri)} is deprecated without dcterms:isReplacedBy; name its replacement")
    return found
