"""Write ontology/mappings/emmo-module.ttl: the part of the pinned EMMO snapshot that matters for LiSKG's
alignment, so that the tests can run HermiT on LiSKG + alignment + EMMO without ../shared and without the
whole of EMMO (its full merge takes HermiT over 15 minutes to classify).

    .venv/bin/python scripts/emmo_module.py [SNAPSHOT_DIR] [--output FILE]

The module is the STAR syntactic-locality module (OWL API 5, scripts/EmmoModule.java) of the snapshot for
the EMMO terms the mapping table names (ontology/mappings/emmo-terms.tsv): for any ontology that shares only
those terms with EMMO, it and the module entail the same as it and the whole snapshot, so consistency and the
satisfiability of every LiSKG class carry over. Run it after scripts/emmo_terms.py whenever the table maps a
new EMMO term; tests/test_emmo_merge.py fails while the module and the term list disagree. SNAPSHOT_DIR
defaults to ../shared/reference/emmo beside the checkout. The output is canonical (sorted N-Triples written
as Turtle), so an unchanged snapshot gives the same bytes.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from liskg.builder import serialization  # noqa: E402
from liskg.builder.owlapi import compile_java, owlapi_classpath  # noqa: E402
from liskg.publish.mappings import TERMS_FILE, load_terms  # noqa: E402

MODULE_FILE = "ontology/mappings/emmo-module.ttl"
MODULE_IRI = "https://w3id.org/liskg/ontology/emmo-module"
REPOSITORIES = {  # snapshot folder -> its public repository
    "EMMO": "https://github.com/emmo-repo/EMMO",
    "domain-electrochemistry": "https://github.com/emmo-repo/domain-electrochemistry",
    "domain-battery": "https://github.com/emmo-repo/domain-battery",
    "domain-chemical-substance": "https://github.com/emmo-repo/domain-chemical-substance",
}
DCTERMS = "http://purl.org/dc/terms/"
OWL = "http://www.w3.org/2002/07/owl#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def header(snapshot: Path) -> list[ox.Triple]:
    """The module's ontology header: what it is, where it comes from (repository and commit), its licence."""
    commits = dict(line.split() for line in (snapshot / "COMMITS.txt").read_text().splitlines() if line.strip())
    node = ox.NamedNode(MODULE_IRI)
    sources = [f"{REPOSITORIES[name]} at commit {commit}" for name, commit in sorted(commits.items())]

    def text(value: str) -> ox.Literal:
        return ox.Literal(value, language="en")

    triples = [
        ox.Triple(
            node, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(OWL + "Ontology")
        ),
        ox.Triple(node, ox.NamedNode(DCTERMS + "title"), text("EMMO module for the LiSKG alignment")),
        ox.Triple(
            node,
            ox.NamedNode(DCTERMS + "description"),
            text(
                "A syntactic-locality (STAR) module of EMMO 1.0.3 and its electrochemistry, battery and "
                "chemical-substance domain ontologies for the EMMO terms that LiSKG's mapping table names, "
                "extracted with the OWL API by LiSKG's scripts/emmo_module.py. Changes from the source: only "
                "the module's axioms are kept, without their annotations, and its terms keep their "
                "skos:prefLabel. For tests; use EMMO itself for anything else."
            ),
        ),
        ox.Triple(
            node, ox.NamedNode(DCTERMS + "license"), ox.NamedNode("https://creativecommons.org/licenses/by/4.0/")
        ),
        ox.Triple(node, ox.NamedNode(DCTERMS + "creator"), ox.Literal("the EMMO authors (emmo-repo)")),
        ox.Triple(
            node,
            ox.NamedNode(RDFS + "comment"),
            text(
                "EMMO and its domain ontologies are published under CC BY 4.0 by their authors; this module is "
                "an adapted excerpt, under the same licence."
            ),
        ),
    ]
    triples += [ox.Triple(node, ox.NamedNode(DCTERMS + "source"), ox.Literal(s)) for s in sources]
    for prop in ("title", "description", "license", "creator", "source"):
        triples.append(
            ox.Triple(
                ox.NamedNode(DCTERMS + prop),
                ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                ox.NamedNode(OWL + "AnnotationProperty"),
            )
        )
    return triples


def extract(snapshot: Path, work: Path) -> list[ox.Triple]:
    signature = work / "signature.txt"
    signature.write_text("\n".join(sorted(load_terms(ROOT))) + "\n", encoding="utf-8")
    classes = compile_java(ROOT / "scripts" / "EmmoModule.java")
    out = work / "module.ttl"
    proc = subprocess.run(
        [
            "java",
            "-Xmx2g",
            "-cp",
            f"{classes}:{owlapi_classpath()}",
            "EmmoModule",
            str(snapshot),
            str(signature),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=900,
    )
    sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        raise SystemExit(f"emmo_module: the OWL API extractor failed (exit {proc.returncode})")
    print(proc.stdout.strip())
    return [q.triple for q in ox.parse(path=str(out), format=ox.RdfFormat.TURTLE)]


def main(argv: list[str]) -> int:
    target = ROOT / MODULE_FILE
    if "--output" in argv:
        at = argv.index("--output")
        target, argv = Path(argv[at + 1]), argv[:at] + argv[at + 2 :]
    snapshot = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference" / "emmo"
    if not snapshot.is_dir():
        print(f"emmo_module: {snapshot}: no EMMO snapshot there", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        triples = extract(snapshot, Path(tmp))
    ontologies = {
        t.subject for t in triples if t.predicate.value.endswith("#type") and t.object.value == OWL + "Ontology"
    }
    triples = [t for t in triples if t.subject not in ontologies] + header(snapshot)
    nt = ox.serialize(serialization.canonical(triples), format=ox.RdfFormat.N_TRIPLES)
    assert nt is not None
    target.write_bytes(serialization.turtle(serialization.ntriples(nt)))
    print(f"emmo_module: {len(triples)} triples -> {target} (for the terms of {TERMS_FILE})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
