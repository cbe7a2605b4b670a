"""`liskg release`: the files a release publishes, in build/release/.

- liskg.{ttl,rdf,owx,nt,jsonld}                  ontology + data as one ontology (asserted triples)
- liskg-ontology.{ttl,rdf,owx,nt,jsonld}         the ontology alone (TBox, units, quantity kinds)
- liskg-emmo-alignment.{ttl,rdf,owx,nt,jsonld}   the alignment module compiled from the mappings
- liskg-inferred.nt                              asserted + materialized triples (what queries run on)
- context.jsonld                                 the JSON-LD @context the .jsonld files carry inline, for reuse
- liskg-emmo.sssom.tsv                           the mapping table, its SSSOM metadata in its header
- void.ttl                                       VoID/DCAT description with counts taken at release
- catalog-v001.xml                               maps every ontology IRI to its release file
- SHA256SUMS                                     sha256sum-style checksums of all the above

Before writing, the release checks versions, the deprecation policy and the mappings, and runs
HermiT and the OWL API's OWL 2 DL profile check on LiSKG together with the alignment module.
Every file is deterministic; the folder is replaced as a whole, so it is never half-written.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from xml.dom import minidom

import rdflib

from liskg.base import manifest, vocab
from liskg.base.errors import CheckFailed, LiskgError
from liskg.base.progress import Progress
from liskg.base.project import INFERRED, MERGED, Project
from liskg.base.rdfconvert import to_ox_triple, to_rdflib_graph
from liskg.base.vocab import OWL_IMPORTS
from liskg.builder import pipeline, serialization
from liskg.builder.owlapi import check_files, compile_java, owlapi_classpath
from liskg.builder.reasoning import reason
from liskg.publish import alignment, dataset, mappings, versioning
from liskg.querying.stats import counts
from liskg.querying.store import load
from liskg.sources.loading import load_sources

RELEASE_DIR = "release"
CONTEXT_IRI = "https://w3id.org/liskg/context.jsonld"
RDF_FORMATS = {".ttl": "turtle", ".rdf": "xml", ".nt": "nt", ".jsonld": "json-ld"}
CONTEXT = {
    **vocab.PREFIXES,
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "emmo": "https://w3id.org/emmo#",
    "echem": "https://w3id.org/emmo/domain/electrochemistry#",
    "battery": "https://w3id.org/emmo/domain/battery#",
    "chemicalsubstance": "https://w3id.org/emmo/domain/chemical-substance#",
    "manufacturing": "https://w3id.org/emmo/domain/manufacturing#",
}
BASE = "https://w3id.org/liskg/release/{version}/"
RDF_TYPE = rdflib.RDF.type
XSD_STRING = rdflib.URIRef("http://www.w3.org/2001/XMLSchema#string")


@dataclass
class ReleaseResult:
    version: str = ""
    folder: Path | None = None
    files: dict[str, int] = field(default_factory=dict)  # name -> bytes
    triples: dict[str, int] = field(default_factory=dict)  # graph stem -> triples


def ordered(graph: rdflib.Graph) -> rdflib.Graph:
    """A canonical copy with triples inserted in sorted order, so every serializer writes them stably."""
    canon = _canonical(graph)
    result = rdflib.Graph()
    for prefix, ns in CONTEXT.items():
        result.bind(prefix, ns, override=True)
    # rdf:type first: the OWL API's RDF/XML parser reads an ontology's header as its annotations only
    # when it already knows the subject is an owl:Ontology
    key = lambda t: (t[1] != RDF_TYPE, tuple(x.n3() for x in t))  # noqa: E731
    for triple in sorted((tuple(_plain(term) for term in t) for t in canon), key=key):
        result.add(triple)
    return result


def _canonical(graph: rdflib.Graph) -> rdflib.Graph:
    """The graph with its blank nodes named by the build's canonical labelling (serialization.canonical, RDFC-1.0),
    so every serializer of the release writes the same labels on every run."""
    return to_rdflib_graph(serialization.canonical(to_ox_triple(t) for t in graph))


def _canonical_nt(graph: rdflib.Graph) -> bytes:
    return serialization.ntriples(graph.serialize(format="nt", encoding="utf-8"))


def _plain(term):
    """xsd:string literals as simple literals (the same in RDF 1.1; JSON-LD cannot tell them apart)."""
    if isinstance(term, rdflib.Literal) and term.datatype == XSD_STRING:
        return rdflib.Literal(str(term))
    return term


def jsonld(graph: rdflib.Graph) -> bytes:
    """Compact JSON-LD against CONTEXT, nodes sorted by @id, the context inline: a remote context would
    make every JSON-LD reader (rdflib, Jena) fetch it, and fail offline."""
    data = json.loads(graph.serialize(format="json-ld", context=CONTEXT, auto_compact=True))
    nodes = data.get("@graph", [data])
    for node in nodes:
        node.pop("@context", None)
        for key, value in node.items():
            if isinstance(value, list):
                node[key] = sorted(value, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda n: n.get("@id", ""))
    document = {"@context": CONTEXT, "@graph": nodes}
    return (json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def serializations(stem: str, graph: rdflib.Graph) -> dict[str, bytes]:
    g = ordered(graph)
    out = {}
    for suffix, fmt in RDF_FORMATS.items():
        if fmt == "nt":
            out[stem + suffix] = _canonical_nt(g)
        elif fmt == "json-ld":
            out[stem + suffix] = jsonld(g)
        elif fmt == "xml":
            out[stem + suffix] = stable_rdfxml(g.serialize(format="xml", encoding="utf-8"))
        else:
            out[stem + suffix] = g.serialize(format=fmt, encoding="utf-8")
    return out


def stable_rdfxml(data: bytes) -> bytes:
    """rdflib's RDF/XML with its node descriptions sorted by subject (rdflib emits them in set order)."""
    document = minidom.parseString(data)
    root = document.documentElement
    assert root is not None  # rdflib's RDF/XML has its rdf:RDF element
    nodes = [n for n in root.childNodes if n.nodeType == n.ELEMENT_NODE]
    for child in list(root.childNodes):
        root.removeChild(child)
    key = lambda n: (n.getAttribute("rdf:about"), n.getAttribute("rdf:nodeID"), n.toxml())  # noqa: E731
    for node in sorted(nodes, key=key):
        root.appendChild(document.createTextNode("\n  "))
        root.appendChild(node)
    root.appendChild(document.createTextNode("\n"))
    return document.toxml(encoding="utf-8").replace(b"?><", b"?>\n<", 1) + b"\n"


def _ontology_graph(project: Project, loaded) -> rdflib.Graph:
    """The ontology modules as one ontology: liskg.ttl's header, no imports, no module headers."""
    files = loaded.ontology_files(project)
    modules = {f.ontology_iri for f in files if f.ontology_iri != versioning.ONTOLOGY_IRI}
    return to_rdflib_graph(
        t for f in files for t in f.triples if t.predicate.value != OWL_IMPORTS and t.subject.value not in modules
    )


def owl_xml(ttl_files: dict[str, bytes], work: Path) -> dict[str, bytes]:
    """OWL/XML of each Turtle file, written by the OWL API (java/OwlXml.java)."""
    classes = compile_java(resources.files("liskg.builder") / "java" / "OwlXml.java")
    args = ["java", "-cp", f"{classes}:{owlapi_classpath()}", "OwlXml", "write"]
    for name, data in ttl_files.items():
        (work / name).write_bytes(data)
        args += [str(work / name), str(work / (name.removesuffix(".ttl") + ".owx"))]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        raise LiskgError(f"OWL API could not write OWL/XML: {(proc.stderr.strip().splitlines() or ['?'])[-1][:300]}")
    return {
        name.removesuffix(".ttl") + ".owx": (work / (name.removesuffix(".ttl") + ".owx")).read_bytes()
        for name in ttl_files
    }


def catalog(version: str) -> bytes:
    entries = [
        ("https://w3id.org/liskg/data", "liskg.ttl"),
        ("https://w3id.org/liskg/ontology", "liskg-ontology.ttl"),
        (alignment.ALIGNMENT_IRI, "liskg-emmo-alignment.ttl"),
    ]
    lines = [
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>',
        '<catalog prefer="public" xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">',
    ]
    for iri, file in entries:
        lines.append(f'    <uri name="{iri}" uri="{file}"/>')
        lines.append(f'    <uri name="{iri}/{version}" uri="{file}"/>')
    return ("\n".join(lines + ["</catalog>"]) + "\n").encode("utf-8")


def checksums(files: dict[str, bytes]) -> bytes:
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n" for name, data in sorted(files.items())).encode()


def check(project: Project, loaded, table, store_asserted) -> None:
    problems = versioning.version_problems(project, loaded) + versioning.deprecation_problems(project, loaded)
    problems += mappings.problems(
        table,
        mappings.load_terms(project.root),
        mappings.liskg_labels(store_asserted),
        mappings.liskg_classes(store_asserted),
    )
    if problems:
        raise CheckFailed("\n".join(problems + [f"{len(problems)} release problem(s); nothing was written"]))


def release(project: Project, *, quiet: bool = False, sparql_endpoint: str | None = None) -> ReleaseResult:
    """Check and write build/release/; raise LiskgError (nothing written) when a check fails. The VoID
    description names SPARQL_ENDPOINT (the URL where the release is served) when given, and no endpoint
    otherwise."""
    progress = Progress("release", quiet)
    result = ReleaseResult()
    with progress.step("checking versions, deprecations and mappings") as note:
        if manifest.stale_reason(project):  # as liskg.open_store does: a quiet build first
            pipeline.build(project, quiet=True)
        store = load(project, inferred=True)
        asserted_store = load(project, inferred=False)
        loaded = load_sources(project)
        table = mappings.load_mappings(project.root)
        check(project, loaded, table, asserted_store)
        info = versioning.release_info(loaded)
        result.version = info["version"]
        note["detail"] = f"version {info['version']}, {len(table.mappings)} mappings"

    with progress.step("compiling the EMMO alignment") as note:
        merged = rdflib.Graph().parse(project.build_dir / MERGED, format="turtle")
        graphs = {
            "liskg": merged,
            "liskg-ontology": _ontology_graph(project, loaded),
            "liskg-emmo-alignment": alignment.compile_alignment(table, info),
        }
        note["detail"] = f"{len(graphs['liskg-emmo-alignment']):,} triples"

    with progress.step("serializing Turtle, RDF/XML, N-Triples, JSON-LD") as note:
        files: dict[str, bytes] = {}
        for stem, graph in graphs.items():
            files.update(serializations(stem, graph))
            result.triples[stem] = len(set(graph))
        files["liskg-inferred.nt"] = (project.build_dir / INFERRED).read_bytes()
        result.triples["liskg-inferred"] = len(store)
        note["detail"] = f"{len(files)} files"

    project.build_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=project.build_dir) as tmp:
        work = Path(tmp)
        with progress.step("HermiT and the OWL 2 DL profile on LiSKG + alignment") as note:
            note["detail"] = _check_alignment(project, merged, graphs["liskg-emmo-alignment"], files, work)
        with progress.step("writing OWL/XML through the OWL API") as note:
            files.update(owl_xml({f"{stem}.ttl": files[f"{stem}.ttl"] for stem in graphs}, work))
            note["detail"] = ", ".join(f"{stem}.owx" for stem in graphs)

    files["context.jsonld"] = (json.dumps({"@context": CONTEXT}, indent=1, sort_keys=True) + "\n").encode()
    files[Path(mappings.MAPPINGS_FILE).name] = (project.root / mappings.MAPPINGS_FILE).read_bytes()
    files["catalog-v001.xml"] = catalog(result.version)
    description = dataset.describe(
        version=result.version,
        issued=info["issued"],
        base=BASE.format(version=result.version),
        counts=counts(store),
        asserted=merged,
        files={n: len(d) for n, d in files.items()},
        endpoint=sparql_endpoint,
        prior=info["prior"],
    )
    files["void.ttl"] = ordered(description).serialize(format="turtle", encoding="utf-8")
    files["SHA256SUMS"] = checksums(files)

    with progress.step("writing build/release/") as note:
        result.folder = _replace_folder(project.build_dir / RELEASE_DIR, files)
        result.files = {name: len(data) for name, data in sorted(files.items())}
        note["detail"] = f"{len(files)} files, {sum(result.files.values()):,} bytes"
    return result


def _check_alignment(
    project: Project, merged: rdflib.Graph, aligned: rdflib.Graph, files: dict[str, bytes], work: Path
) -> str:
    together = rdflib.Graph()
    for t in merged:
        together.add(t)
    for t in aligned:
        if t[0] != rdflib.URIRef(alignment.ALIGNMENT_IRI):  # one ontology header: the data's
            together.add(t)
    report = reason(together, str(next(merged.subjects(rdflib.RDF.type, rdflib.OWL.Ontology))))
    if not report.consistent or report.unsatisfiable:
        raise CheckFailed(f"LiSKG with the EMMO alignment: {report.problem_line()}; nothing was written")
    combined = work / "liskg-with-alignment.ttl"
    combined.write_bytes(serialization.turtle(_canonical_nt(together)))
    alone = work / "liskg-emmo-alignment.ttl"
    alone.write_bytes(files["liskg-emmo-alignment.ttl"])
    owl = check_files([combined, alone], profile=True)
    failed = [line.replace(str(work) + "/", "") for line in owl.lines if ": OK " not in line]
    if failed:
        raise CheckFailed("\n".join(f"OWL API: {line}" for line in failed) + "\nnothing was written")
    return f"HermiT: {report.summary()}; OWL 2 DL: both files pass"


def _replace_folder(target: Path, files: dict[str, bytes]) -> Path:
    """Write the files into a fresh folder and swap it in for TARGET in one rename; a second release
    running at the same time waits for the first (a lock beside TARGET) instead of racing its swap."""
    with open(target.parent / f".{target.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _swap_in(target, files)


def _swap_in(target: Path, files: dict[str, bytes]) -> Path:
    staging = Path(tempfile.mkdtemp(prefix=".release-", dir=target.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
            os.chmod(staging / name, 0o644)
        os.chmod(staging, 0o755)
        old = None
        if target.exists():
            old = target.parent / f".{target.name}-old-{os.getpid()}"
            os.replace(target, old)
        os.replace(staging, target)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target
