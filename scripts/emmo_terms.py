"""Write ontology/mappings/emmo-terms.tsv: every EMMO term the SSSOM table maps to, looked up in the
pinned EMMO snapshot (IRI, skos:prefLabel, the module that declares it and that module's version).

Run it after editing ontology/mappings/liskg-emmo.sssom.tsv:

    .venv/bin/python scripts/emmo_terms.py [SNAPSHOT_DIR] [--output FILE]

SNAPSHOT_DIR defaults to ../shared/reference/emmo beside the checkout. Only this script reads the
snapshot; LiSKG itself and its tests read the committed term list. An object IRI that the snapshot
does not declare is an error, and nothing is written.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from liskg.publish.mappings import TERMS_FILE, load_mappings  # noqa: E402

PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel"
OWL = "http://www.w3.org/2002/07/owl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def module_header(triples: list[ox.Triple]) -> tuple[str, str]:
    """(ontology IRI, version) of one snapshot file: owl:versionInfo, else the version in owl:versionIRI."""
    ontology = next(
        (t.subject.value for t in triples if t.predicate.value == RDF_TYPE and t.object.value == OWL + "Ontology"), ""
    )
    header = {t.predicate.value: t.object.value for t in triples if t.subject.value == ontology}
    version = header.get(OWL + "versionInfo", "")
    if not version and OWL + "versionIRI" in header:
        version = next((part for part in header[OWL + "versionIRI"].split("/") if part[:1].isdigit()), "")
    return ontology, version


def snapshot_labels(snapshot: Path) -> dict[str, list[tuple[str, str, str, str]]]:
    """IRI -> [(prefLabel, file, module IRI, module version)] for every labelled term of the snapshot."""
    found: dict[str, list[tuple[str, str, str, str]]] = {}
    for path in sorted(snapshot.rglob("*.ttl")):
        try:
            triples = [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
        except SyntaxError as exc:  # EMMO's units.ttl has a malformed header; it declares no mapped term
            print(f"emmo_terms: skipped {path.relative_to(snapshot)} ({str(exc)[:60]}...)", file=sys.stderr)
            continue
        module, version = module_header(triples)
        for t in triples:
            if t.predicate.value == PREF_LABEL and isinstance(t.subject, ox.NamedNode):
                found.setdefault(t.subject.value, []).append(
                    (t.object.value, str(path.relative_to(snapshot)), module, version)
                )
    return found


def main(argv: list[str]) -> int:
    target = ROOT / TERMS_FILE
    if "--output" in argv:
        at = argv.index("--output")
        target, argv = Path(argv[at + 1]), argv[:at] + argv[at + 2 :]
    snapshot = Path(argv[0]) if argv else ROOT.parent / "shared" / "reference" / "emmo"
    if not snapshot.is_dir():
        print(f"emmo_terms: {snapshot}: no EMMO snapshot there", file=sys.stderr)
        return 2
    table = load_mappings(ROOT)
    labels = snapshot_labels(snapshot)
    rows, missing = [], []
    for iri in sorted({m.object_iri for m in table.mappings if not m.no_term}):
        hits = labels.get(iri)
        if not hits:
            missing.append(iri)
            continue
        # the declaring module is the one whose namespace the IRI lives in, else the first file
        hits.sort(key=lambda h: (not iri.startswith(h[2].rstrip("/#")), h[1]))
        label, _, module, version = hits[0]
        rows.append([iri, label, module, version])
    if missing:
        print("\n".join(f"emmo_terms: {iri}: not declared in the EMMO snapshot" for iri in missing), file=sys.stderr)
        return 1
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["iri", "pref_label", "module", "emmo_version"])
        writer.writerows(rows)
    print(f"emmo_terms: {len(rows)} terms -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
