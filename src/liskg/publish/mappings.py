"""The LiSKG-EMMO mapping table (SSSOM TSV + YAML metadata) and its checks.

The table is hand-edited; every object IRI must be in the shipped EMMO term list
(ontology/mappings/emmo-terms.tsv, written by scripts/emmo_terms.py from the pinned snapshot) with
the same prefLabel, and every subject must be a LiSKG term with the same rdfs:label.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from liskg.base import engine, vocab
from liskg.base.errors import LiskgError

MAPPINGS_FILE = "ontology/mappings/liskg-emmo.sssom.tsv"
METADATA_FILE = "ontology/mappings/liskg-emmo.sssom.yml"
TERMS_FILE = "ontology/mappings/emmo-terms.tsv"
COLUMNS = [
    "subject_id",
    "subject_label",
    "subject_type",
    "predicate_id",
    "object_id",
    "object_label",
    "object_type",
    "mapping_justification",
    "comment",
]
PREDICATES = {"skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch"}
TYPES = {"owl class", "owl named individual"}


@dataclass(frozen=True)
class Mapping:
    """One row of the table, with its CURIEs expanded and the line it is on."""

    subject_id: str
    subject_label: str
    subject_type: str
    predicate_id: str
    object_id: str
    object_label: str
    object_type: str
    mapping_justification: str
    comment: str
    subject_iri: str
    predicate_iri: str
    object_iri: str
    line: int


@dataclass
class MappingTable:
    metadata: dict
    prefixes: dict[str, str]
    mappings: list[Mapping] = field(default_factory=list)


def _expand(curie: str, prefixes: dict[str, str], where: str) -> str:
    prefix, _, local = curie.partition(":")
    if not local or prefix not in prefixes:
        raise LiskgError(f"{where}: {curie!r} is not a CURIE with a prefix from the curie_map of {METADATA_FILE}")
    return prefixes[prefix] + local


def load_mappings(root: Path) -> MappingTable:
    """Read the SSSOM table and its metadata; a malformed row is a one-line 'file:line' error."""
    try:
        metadata = yaml.safe_load((root / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LiskgError(f"{METADATA_FILE}: cannot read the SSSOM metadata ({str(exc).splitlines()[0]})") from None
    prefixes = dict(metadata.get("curie_map") or {})
    table = MappingTable(metadata=metadata, prefixes=prefixes)
    try:
        with (root / MAPPINGS_FILE).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle, delimiter="\t"))
    except (OSError, UnicodeDecodeError) as exc:
        raise LiskgError(
            f"{MAPPINGS_FILE}: cannot read the mapping table ({getattr(exc, 'strerror', None) or exc})"
        ) from None
    if not rows or rows[0] != COLUMNS:
        raise LiskgError(f"{MAPPINGS_FILE}:1: the header must be the columns {' '.join(COLUMNS)}")
    for number, row in enumerate(rows[1:], start=2):
        where = f"{MAPPINGS_FILE}:{number}"
        if len(row) != len(COLUMNS):
            raise LiskgError(f"{where}: {len(row)} columns, expected {len(COLUMNS)} (tab-separated)")
        values = dict(zip(COLUMNS, row))
        table.mappings.append(
            Mapping(
                **values,
                subject_iri=_expand(values["subject_id"], prefixes, where),
                predicate_iri=_expand(values["predicate_id"], prefixes, where),
                object_iri=_expand(values["object_id"], prefixes, where),
                line=number,
            )
        )
    return table


def load_terms(root: Path) -> dict[str, dict[str, str]]:
    """The shipped EMMO term list: IRI -> {pref_label, module, emmo_version}."""
    try:
        with (root / TERMS_FILE).open(encoding="utf-8", newline="") as handle:
            return {row["iri"]: row for row in csv.DictReader(handle, delimiter="\t")}
    except OSError as exc:
        raise LiskgError(
            f"{TERMS_FILE}: cannot read the EMMO term list ({exc.strerror}); run scripts/emmo_terms.py"
        ) from None


def problems(
    table: MappingTable,
    emmo_terms: dict[str, dict[str, str]],
    liskg_labels: dict[str, str],
    liskg_classes: set[str] | None = None,
) -> list[str]:
    """Every row that breaks a rule, one 'file:line: what is wrong' line each.

    liskg_labels maps each LiSKG IRI to its rdfs:label; liskg_classes, when given, holds the LiSKG
    IRIs declared as owl:Class, to check each subject_type.
    """
    found, seen = [], set()
    for m in table.mappings:
        where = f"{MAPPINGS_FILE}:{m.line}"
        if m.predicate_id not in PREDICATES:
            found.append(f"{where}: predicate {m.predicate_id} is not one of {', '.join(sorted(PREDICATES))}")
        if m.subject_type not in TYPES or m.object_type not in TYPES:
            found.append(f"{where}: subject_type and object_type must be one of {', '.join(sorted(TYPES))}")
        if m.mapping_justification != "semapv:ManualMappingCuration" or not m.comment.strip():
            found.append(
                f"{where}: every mapping is curated by hand: semapv:ManualMappingCuration and a reason in comment"
            )
        term = emmo_terms.get(m.object_iri)
        if term is None:
            found.append(
                f"{where}: {m.object_id} is not in the EMMO term list {TERMS_FILE}; "
                "check the IRI, then run scripts/emmo_terms.py"
            )
        elif term["pref_label"] != m.object_label:
            found.append(f"{where}: object_label {m.object_label!r} is not EMMO's prefLabel {term['pref_label']!r}")
        if liskg_classes is not None and (m.subject_iri in liskg_classes) != (m.subject_type == "owl class"):
            found.append(f"{where}: subject_type {m.subject_type!r} does not match how LiSKG declares {m.subject_id}")
        label = liskg_labels.get(m.subject_iri)
        if label is None:
            found.append(f"{where}: {m.subject_id} is not a LiSKG term")
        elif label != m.subject_label:
            found.append(f"{where}: subject_label {m.subject_label!r} is not LiSKG's rdfs:label {label!r}")
        key = (m.subject_id, m.predicate_id, m.object_id)
        if key in seen:
            found.append(f"{where}: duplicate mapping {' '.join(key)}")
        seen.add(key)
    return found


def liskg_labels(store) -> dict[str, str]:
    """IRI -> rdfs:label of every LiSKG term and data resource in an Oxigraph store of the graph."""
    rows = engine.solutions(store, vocab.sparql("publish/sparql/liskg-labels.rq"))
    return {row["s"].value: row["label"].value for row in rows}


def markdown_table(table: MappingTable, emmo_terms: dict[str, dict[str, str]]) -> str:
    """The mappings as a Markdown table for docs/interoperability.md, in the table's order."""
    modules = {
        "emmo": "EMMO",
        "echem": "electrochemistry",
        "battery": "battery",
        "chemicalsubstance": "chemical-substance",
        "manufacturing": "manufacturing",
    }
    lines = ["| LiSKG term | match | EMMO term | EMMO module (version) | why |", "|---|---|---|---|---|"]
    for m in table.mappings:
        prefix = m.object_id.split(":", 1)[0]
        version = emmo_terms[m.object_iri]["emmo_version"]
        lines.append(
            f"| `{m.subject_id}` {m.subject_label} | {m.predicate_id.removeprefix('skos:')} | "
            f"{m.object_label} | {modules[prefix]} ({version}) | {m.comment.replace('|', '/')} |"
        )
    return "\n".join(lines) + "\n"


def liskg_classes(store) -> set[str]:
    """The LiSKG IRIs declared as owl:Class in an Oxigraph store of the graph."""
    return {row["s"].value for row in engine.solutions(store, vocab.sparql("publish/sparql/liskg-classes.rq"))}
