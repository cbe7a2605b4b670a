"""Synthetic LiSKG projects of the review graph's shape at k times its size.

Scale k writes a project folder (ontology/ and queries/ copied, graph_data/ generated with a root
file and a catalog) that `liskg --root DIR build` builds unchanged. The data is the review graph's
own instance data (graph_data/*.ttl) as replica 0, plus k-1 perturbed replicas of it:

- every data IRI lkd:X of replica c becomes lkd:sC-X, and every label gets the suffix " [sC]";
- numbers are scaled by a seeded log-normal factor per record (so FILTERs select a varying share),
  reference numbers are shifted to stay unique, and cycle counts are scaled;
- a reference to a material or failure mode points, with probability SHARE, to the same entity of
  an earlier replica, so shared materials become hubs and the graph stays one connected component,
  as in a literature where later papers reuse earlier materials;
- each axiom annotation (a link's evidence, or its editors' inference mark) annotates the replica's
  own triple; as a replica's names and numbers are perturbed, no sentence states them, so a replica's
  evidence becomes an editors' inference saying so (replica 0 keeps the review's sentences).

Studies, strategies (typed by the same method classes), materials (same families and roles),
measurements (units, quantity kinds, conditions, baselines), failure modes, claims and sections
therefore keep the review's shape and proportions. 1x is the review graph itself. Deterministic:
the same sources, scale and seed give byte-identical files.

    .venv/bin/python bench/generate.py --scale 10 --out build/bench/scale-10
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import shutil
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox

from liskg.base.project import Project
from liskg.base.vocab import DCTERMS, LISKG, LKD, OWL, PREFIXES, RDF_TYPE, RDFS, RDFS_LABEL, XSD
from liskg.sources.loading import load_sources

RDFS_SUBCLASS = RDFS + "subClassOf"
LABEL = RDFS_LABEL
SHARE = 0.3
SHARD_TRIPLES = 250_000
SHARED_KINDS = (LISKG + "Material", LISKG + "FailureMode")
SCALED_DECIMALS = {
    LISKG + p for p in ("numericValue", "lowerBound", "upperBound", "orderOfMagnitude", "atCRate", "atCurrentDensity")
}
SCALED_INTEGERS = {LISKG + "afterCycles"}
REFERENCE_NUMBER = LISKG + "referenceNumber"
HEADER_PREDICATES = {
    OWL + "imports",
    OWL + "versionIRI",
    OWL + "versionInfo",
    DCTERMS + "title",
    DCTERMS + "description",
    DCTERMS + "license",
}
ROOT_HEADER = """\
<https://w3id.org/liskg/data> a owl:Ontology ;
    owl:imports {imports} ;
    dcterms:title "LiSKG synthetic graph, {scale}x the review graph"@en ;
    dcterms:description "Replicas of the review graph's instance data made by bench/generate.py (seed {seed})."@en ;
    dcterms:license <https://creativecommons.org/licenses/by/4.0/> .
"""


@dataclass(frozen=True)
class Template:
    """One instance triple of the review graph, split into the parts a replica rewrites; AXIOMS are the
    annotations of its OWL 2 axioms (its evidence, or the editors' inference mark), each a tuple of
    (predicate, kind, value) with kind "data" (an lkd: IRI, the replica's) or "fixed"."""

    subject: str  # local name after lkd:
    predicate: str  # N-Triples form
    kind: str  # "data" (lkd: IRI), "shared" (lkd: material/failure mode), "label", "decimal", "integer",
    # "reference", "fixed"
    value: object
    axioms: tuple[tuple[tuple[str, str, str], ...], ...] = ()


EVIDENCE = f"<{LISKG}evidence>"
BASIS, INFERENCE, NOTE = LISKG + "assertionBasis", LISKG + "EditorsInference", LISKG + "sourceNote"
SYNTHETIC_NOTE = (
    '"A synthetic replica (bench/generate.py): its names and numbers are perturbed, so no sentence states it."@en'
)
AXIOM_PARTS = {OWL + "annotatedSource", OWL + "annotatedProperty", OWL + "annotatedTarget"}


def _axioms(triples) -> dict[tuple[str, str, str], list[tuple[tuple[str, str, str], ...]]]:
    """The axiom annotations of the data, by the (subject, predicate, object) they annotate: each one's other
    triples (rdf:type owl:Axiom, liskg:evidence, liskg:assertionBasis, liskg:sourceNote) as templates."""
    nodes: dict[str, list] = {}
    for t in triples:
        if isinstance(t.subject, ox.BlankNode):
            nodes.setdefault(t.subject.value, []).append(t)
    found: dict[tuple[str, str, str], list[tuple[tuple[str, str, str], ...]]] = {}
    for node in nodes.values():
        parts = {t.predicate.value: t.object.value for t in node if t.predicate.value in AXIOM_PARTS}
        if len(parts) != 3:
            continue
        rest = []
        for t in sorted(node, key=str):
            if t.predicate.value in AXIOM_PARTS:
                continue
            o = t.object
            data = isinstance(o, ox.NamedNode) and o.value.startswith(LKD)
            rest.append(
                (f"<{t.predicate.value}>", "data" if data else "fixed", o.value[len(LKD) :] if data else str(o))
            )
        key = (parts[OWL + "annotatedSource"], parts[OWL + "annotatedProperty"], parts[OWL + "annotatedTarget"])
        found.setdefault(key, []).append(tuple(rest))
    return found


def _decimal(x: float) -> str:
    """x to three significant digits as an xsd:decimal lexical form (no exponent, always a point)."""
    text = format(Decimal(f"{x:.3g}"), "f")
    return text if "." in text else text + ".0"


def _is_header(triple: ox.Triple, module_iri: str | None) -> bool:
    """A triple of a module's owl:Ontology header (the review module's IRI also names the review itself)."""
    return triple.subject.value == module_iri and (
        triple.object.value == OWL + "Ontology" or triple.predicate.value in HEADER_PREDICATES
    )


def _templates(project: Project) -> tuple[list[Template], list[str]]:
    """The instance triples of the review graph as templates, and, as N-Triples lines written once, the
    data files' statements about vocabulary terms (e.g. a class's skos:hiddenLabel the evidence check
    matches)."""
    loaded = load_sources(project)
    triples = sorted(
        {
            t
            for f in loaded.data_files(project)
            if f.path != project.root_file.resolve()
            for t in f.triples
            if not _is_header(t, f.ontology_iri)
        },
        key=str,
    )
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for f in loaded.files for t in f.triples)
    kinds = " ".join(f"<{k}>" for k in SHARED_KINDS)
    shared = {
        row["x"].value
        for row in store.query(f"SELECT DISTINCT ?x {{ VALUES ?k {{ {kinds} }} ?x a/<{RDFS_SUBCLASS}>* ?k }}")
    }
    axioms = _axioms(triples)
    result = []
    vocabulary = []
    for t in triples:
        s, p, o = t.subject.value, t.predicate.value, t.object
        if isinstance(t.subject, ox.NamedNode) and not s.startswith(LKD):
            vocabulary.append(f"{t.subject} <{p}> {o} .")
            continue
        if not isinstance(t.subject, ox.NamedNode):
            continue  # axiom annotations go with the triple they annotate (_axioms)
        if isinstance(o, ox.NamedNode) and o.value.startswith(LKD):
            kind, value = ("shared" if o.value in shared else "data"), o.value[len(LKD) :]
        elif isinstance(o, ox.Literal) and p == LABEL:
            kind, value = "label", (str(ox.Literal(o.value))[1:-1], o.language)
        elif isinstance(o, ox.Literal) and p in SCALED_DECIMALS:
            kind, value = "decimal", (float(o.value), str(o))
        elif isinstance(o, ox.Literal) and p in SCALED_INTEGERS:
            kind, value = "integer", (int(o.value), str(o))
        elif isinstance(o, ox.Literal) and p == REFERENCE_NUMBER:
            kind, value = "reference", int(o.value)
        else:
            kind, value = "fixed", str(o)
        annotations = tuple(axioms.get((s, p, o.value), ())) if isinstance(o, ox.NamedNode) else ()
        result.append(Template(s[len(LKD) :], f"<{p}>", kind, value, annotations))
    return result, vocabulary


def _replica(templates: list[Template], copy: int, seed: int, stride: int) -> list[str]:
    """N-Triples lines of replica `copy` (0: the review graph unchanged)."""
    rng = random.Random(f"{seed}:{copy}")
    prefix = f"{LKD}s{copy}-" if copy else LKD
    suffix = f" [s{copy}]" if copy else ""
    factors: dict[str, float] = {}
    synthetic: set[str] = set()
    lines: list[str] = []
    for t in templates:
        o = t.value
        if t.kind == "data":
            o = f"<{prefix}{t.value}>"
        elif t.kind == "shared":
            target = rng.randrange(copy) if copy and rng.random() < SHARE else copy
            o = f"<{LKD}s{target}-{t.value}>" if target else f"<{LKD}{t.value}>"
        elif t.kind == "label":
            text, language = t.value
            o = f'"{text}{suffix}"@{language}'
        elif t.kind in ("decimal", "integer") and not copy:
            o = t.value[1]
        elif t.kind in ("decimal", "integer"):
            factor = factors.setdefault(t.subject, math.exp(rng.gauss(0, 0.4)))
            o = (
                f'"{_decimal(t.value[0] * factor)}"^^<{XSD}decimal>'
                if t.kind == "decimal"
                else f'"{max(1, round(t.value[0] * factor))}"^^<{XSD}integer>'
            )
        elif t.kind == "reference":
            o = f'"{copy * stride + t.value}"^^<{XSD}integer>'
        if copy and t.predicate == EVIDENCE:  # a replica's number or claim: no sentence states it
            if t.subject not in synthetic:
                synthetic.add(t.subject)
                lines += [
                    f"<{prefix}{t.subject}> <{BASIS}> <{INFERENCE}> .",
                    f"<{prefix}{t.subject}> <{NOTE}> {SYNTHETIC_NOTE} .",
                ]
            continue
        lines.append(f"<{prefix}{t.subject}> {t.predicate} {o} .")
        for annotated in t.axioms:  # the axiom annotates the replica's own triple, shared object included
            node = f"_:r{copy}a{len(lines)}"
            lines += [
                f"{node} <{OWL}annotatedSource> <{prefix}{t.subject}> .",
                f"{node} <{OWL}annotatedProperty> {t.predicate} .",
                f"{node} <{OWL}annotatedTarget> {o} .",
            ]
            if copy and any(predicate == EVIDENCE for predicate, _k, _v in annotated):
                annotated = tuple(a for a in annotated if a[0] not in (EVIDENCE, f"<{BASIS}>"))
                annotated += ((f"<{BASIS}>", "fixed", f"<{INFERENCE}>"), (f"<{NOTE}>", "fixed", SYNTHETIC_NOTE))
            lines += [
                f"{node} {predicate} {f'<{prefix}{value}>' if kind == 'data' else value} ."
                for predicate, kind, value in annotated
            ]
    return lines


def _shard_turtle(iri: str, lines: list[str]) -> bytes:
    header = [f"<{iri}> <{RDF_TYPE}> <{OWL}Ontology> .", f"<{iri}> <{OWL}imports> <https://w3id.org/liskg/ontology> ."]
    data = "\n".join(header + lines).encode("utf-8")
    return ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def _catalog(entries: dict[str, str]) -> str:
    rows = "".join(f'    <uri name="{name}" uri="{uri}"/>\n' for name, uri in entries.items())
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n' + rows + "</catalog>\n"
    )


def source_key(project: Project, scale: int, seed: int) -> str:
    """What a generated project depends on: the sources, the named queries, this file, the scale and the seed."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in [*project.source_files(), *sorted(project.queries_dir.glob("*.rq"))]:
        digest.update(path.name.encode() + path.read_bytes())
    digest.update(f"{scale}:{seed}".encode())
    return digest.hexdigest()[:16]


def generate(source: Project, scale: int, out: Path, seed: int = 0) -> dict:
    """Write the scale-x project into `out` (replacing its graph_data/); return its counts."""
    start = time.perf_counter()
    templates, vocabulary = _templates(source)
    stride = 10 ** len(str(max([t.value for t in templates if t.kind == "reference"], default=0)))
    data_dir = out / "graph_data"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    copy_sources(source, out)
    per_shard = max(1, SHARD_TRIPLES // max(1, len(templates)))
    shards: dict[str, str] = {}
    triples = 0
    for first in range(0, scale, per_shard):
        name = f"shard-{len(shards):04d}.ttl"
        iri = f"{LKD}synthetic-{name[:-4]}"  # no "/": Turtle escapes it in a prefixed name, which the OWL API rejects
        lines = [] if shards else list(vocabulary)
        for c in range(first, min(scale, first + per_shard)):
            lines.extend(_replica(templates, c, seed, stride))
        (data_dir / name).write_bytes(_shard_turtle(iri, lines))
        shards[iri] = name
        triples += len(lines) + 2
    ontology_catalog = {name: "../ontology/" + uri.name for name, uri in _ontology_catalog(source).items()}
    imports = " ,\n        ".join(f"<{iri}>" for iri in ["https://w3id.org/liskg/ontology", *shards])
    prefixes = "".join(f"@prefix {k}: <{v}> .\n" for k, v in PREFIXES.items())
    (data_dir / "liskg-data.ttl").write_text(
        prefixes + "\n" + ROOT_HEADER.format(imports=imports, scale=scale, seed=seed)
    )
    (data_dir / "catalog-v001.xml").write_text(
        _catalog({"https://w3id.org/liskg/data": "liskg-data.ttl", **shards, **ontology_catalog})
    )
    triples += sum(1 for _ in ox.parse(path=str(data_dir / "liskg-data.ttl"), format=ox.RdfFormat.TURTLE))
    return {
        "scale": scale,
        "seed": seed,
        "data_triples": triples,
        "shards": len(shards),
        "seconds": time.perf_counter() - start,
    }


def _ontology_catalog(source: Project) -> dict[str, Path]:
    from liskg.sources.catalog import read_catalog

    return read_catalog(source.ontology_dir / "catalog-v001.xml") | {
        name: path
        for name, path in read_catalog(source.data_dir / "catalog-v001.xml").items()
        if path.parent == source.ontology_dir.resolve()
    }


def copy_sources(source: Project, out: Path) -> None:
    """Copy ontology/ and queries/ (the hand-written parts a generated project shares with the review's)."""
    for folder in (source.ontology_dir, source.queries_dir):
        if folder.is_dir():
            shutil.rmtree(out / folder.name, ignore_errors=True)
            shutil.copytree(folder, out / folder.name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, required=True, help="how many times the review graph's size")
    parser.add_argument("--out", type=Path, required=True, help="project folder to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--source",
        type=Path,
        default=Path(__file__).resolve().parents[1],
        help="the LiSKG checkout whose graph is replicated",
    )
    args = parser.parse_args(argv)
    info = generate(Project(args.source.resolve()), args.scale, args.out, args.seed)
    print(
        f"{args.out}: {info['data_triples']:,} triples in graph_data/ ({info['shards']} shards, "
        f"{info['seconds']:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
