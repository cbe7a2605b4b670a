"""The LiSKG-EMMO mapping table (one SSSOM TSV file, its YAML metadata in the leading "#" lines) and its checks.

This is LiSKG's one SSSOM reader: the release, the alignment module, the reference page and the scripts
read the table through load_mappings, which reads the file the way sssom-py does (tests/test_mappings.py
compares the two). The table is hand-edited; every object IRI must be in the shipped EMMO term list
(ontology/mappings/emmo-terms.tsv, written by scripts/emmo_terms.py from the pinned snapshot) with the
same prefLabel, module and version, and every subject must be a LiSKG term with the same rdfs:label. A row
whose object is sssom:NoTermFound records a LiSKG class EMMO has no counterpart for, with the reason.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from liskg.base import engine, vocab
from liskg.base.errors import LiskgError

MAPPINGS_FILE = "ontology/mappings/liskg-emmo.sssom.tsv"
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
    "object_source",
    "object_source_version",
    "comment",
]
SKOS_PREDICATES = {"skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch"}
PREDICATES = SKOS_PREDICATES | {"rdf:type"}  # rdf:type: a LiSKG individual is a member of an EMMO class
TYPES = {"owl class", "owl named individual"}
NO_TERM = "sssom:NoTermFound"
EMMO_IRI = "https://w3id.org/emmo"


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
    object_source: str
    object_source_version: str
    comment: str
    subject_iri: str
    predicate_iri: str
    object_iri: str
    line: int

    @property
    def no_term(self) -> bool:
        """The row records that EMMO has no counterpart (object sssom:NoTermFound)."""
        return self.object_id == NO_TERM


@dataclass
class MappingTable:
    metadata: dict
    prefixes: dict[str, str]
    mappings: list[Mapping] = field(default_factory=list)


def _expand(curie: str, prefixes: dict[str, str], where: str) -> str:
    prefix, _, local = curie.partition(":")
    if not local or prefix not in prefixes:
        raise LiskgError(f"{where}: {curie!r} is not a CURIE with a prefix from the curie_map in the file's header")
    return prefixes[prefix] + local


def load_mappings(root: Path) -> MappingTable:
    """Read the SSSOM file: the YAML metadata of its leading "#" lines (read as sssom-py reads them: every
    leading "#" removed) and the table after them; a malformed header or row is a one-line 'file:line' error."""
    try:
        text = (root / MAPPINGS_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LiskgError(
            f"{MAPPINGS_FILE}: cannot read the mapping table ({getattr(exc, 'strerror', None) or exc})"
        ) from None
    lines = text.split("\n")
    header = 0
    while header < len(lines) and lines[header].startswith("#"):
        header += 1
    try:
        metadata = yaml.safe_load("\n".join(line.lstrip("#").rstrip() for line in lines[:header])) or {}
    except yaml.YAMLError as exc:
        raise LiskgError(f"{MAPPINGS_FILE}: the metadata header is not YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(metadata, dict) or not isinstance(metadata.get("curie_map"), dict):
        raise LiskgError(f"{MAPPINGS_FILE}: the metadata header needs a curie_map")
    prefixes = dict(metadata["curie_map"])
    table = MappingTable(metadata=metadata, prefixes=prefixes)
    rows = list(csv.reader(lines[header:], delimiter="\t"))
    if not rows or rows[0] != COLUMNS:
        raise LiskgError(f"{MAPPINGS_FILE}:{header + 1}: the header must be the columns {' '.join(COLUMNS)}")
    for number, row in enumerate(rows[1:], start=header + 2):
        if not row:
            continue
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
        found += [f"{where}: {what}" for what in _shape_problems(m)]
        found += [f"{where}: {what}" for what in _object_problems(m, emmo_terms)]
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


def _shape_problems(m: Mapping) -> list[str]:
    """A row's predicate, types and curation."""
    found = []
    if m.predicate_id not in PREDICATES:
        found.append(f"predicate {m.predicate_id} is not one of {', '.join(sorted(PREDICATES))}")
    object_types = {""} if m.no_term else TYPES
    if m.subject_type not in TYPES or m.object_type not in object_types:
        found.append(f"subject_type and object_type must be one of {', '.join(sorted(TYPES))}")
    elif m.predicate_id == "rdf:type" and (m.subject_type, m.object_type) != ("owl named individual", "owl class"):
        found.append("rdf:type maps an individual to a class; use a skos predicate between two classes")
    elif m.predicate_id in SKOS_PREDICATES and m.subject_type != m.object_type and not m.no_term:
        found.append(f"a {m.subject_type} and an {m.object_type}: map an individual with rdf:type")
    if m.mapping_justification != "semapv:ManualMappingCuration" or not m.comment.strip():
        found.append("every mapping is curated by hand: semapv:ManualMappingCuration and a reason in comment")
    return found


def _object_problems(m: Mapping, emmo_terms: dict[str, dict[str, str]]) -> list[str]:
    """A row's EMMO object: in the term list, with its prefLabel and the module that declares it."""
    if m.no_term:
        if m.object_label or m.object_source != EMMO_IRI:
            return [f"a {NO_TERM} row has no object_label and names {EMMO_IRI} as object_source"]
        return []
    term = emmo_terms.get(m.object_iri)
    if term is None:
        return [
            f"{m.object_id} is not in the EMMO term list {TERMS_FILE}; check the IRI, then run scripts/emmo_terms.py"
        ]
    if term["pref_label"] != m.object_label:
        return [f"object_label {m.object_label!r} is not EMMO's prefLabel {term['pref_label']!r}"]
    if (m.object_source, m.object_source_version) != (term["module"], term["emmo_version"]):
        return [
            f"object_source {m.object_source} {m.object_source_version} is not the module that declares "
            f"{m.object_id}: {term['module']} {term['emmo_version']}"
        ]
    return []


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
        if m.no_term:
            match, term, module = "none", "(no EMMO term)", "EMMO and its domains"
        else:
            prefix = m.object_id.split(":", 1)[0]
            version = emmo_terms[m.object_iri]["emmo_version"]
            match = "member of" if m.predicate_id == "rdf:type" else m.predicate_id.removeprefix("skos:")
            term, module = m.object_label, f"{modules[prefix]} ({version})"
        lines.append(
            f"| `{m.subject_id}` {m.subject_label} | {match} | {term} | {module} | {m.comment.replace('|', '/')} |"
        )
    return "\n".join(lines) + "\n"


def liskg_classes(store) -> set[str]:
    """The LiSKG IRIs declared as owl:Class in an Oxigraph store of the graph."""
    return {row["s"].value for row in engine.solutions(store, vocab.sparql("publish/sparql/liskg-classes.rq"))}
