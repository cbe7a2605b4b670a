"""`liskg diff`: what the last edit changed, between build/previous/ and build/ (outputs.keep_previous).

Triples: the asserted graphs (liskg-merged.ttl) compared as sets, blank nodes named by what they are (an
axiom by the triple it annotates, any other by its own triples), each added triple counted under the source
file (module, or template sheet) that holds it now, each removed one under the file that declares its subject
now ("(removed records)" when none does). Answers: every named query's rows (as build/answers/ keeps them,
labels as a person reads them) added and removed.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from liskg.base import vocab
from liskg.base.errors import LiskgError
from liskg.base.project import ANSWERS, MERGED, Project
from liskg.builder.outputs import PREVIOUS
from liskg.sources.loading import load_sources

ANNOTATED = tuple(ox.NamedNode(vocab.OWL + p) for p in ("annotatedSource", "annotatedProperty", "annotatedTarget"))
Key = tuple[str, str, str]  # a triple as N-Triples terms, blank nodes named by content
GONE = "(removed records)"


@dataclass
class QueryChange:
    name: str
    added: list[list[str]] = field(default_factory=list)
    removed: list[list[str]] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)


@dataclass
class Diff:
    """The triples added and removed, by source file, and the named queries whose answer rows changed."""

    added: dict[str, int]
    removed: dict[str, int]
    queries: list[QueryChange]
    unchanged: int  # named queries whose answer is the same

    def report(self) -> str:
        """What `liskg diff` prints."""
        total_added, total_removed = sum(self.added.values()), sum(self.removed.values())
        lines = [f"asserted triples: +{total_added} -{total_removed} (build/previous/ -> build/)"]
        for module in sorted(set(self.added) | set(self.removed)):
            lines.append(f"  {module}  +{self.added.get(module, 0)} -{self.removed.get(module, 0)}")
        for change in self.queries:
            lines += ["", f"{change.name}: +{len(change.added)} -{len(change.removed)} answer rows"]
            lines.append("    " + " | ".join(change.headers))
            lines += ["  + " + " | ".join(row) for row in change.added]
            lines += ["  - " + " | ".join(row) for row in change.removed]
        lines += ["", f"{self.unchanged} other named queries: answers unchanged"]
        return "\n".join(lines)


def diff(project: Project) -> Diff:
    """Compare build/previous/ with build/ (both must be there: a build of changed sources makes the first)."""
    previous = project.build_dir / PREVIOUS
    if not (previous / MERGED).exists():
        raise LiskgError(
            "nothing to compare with: build/previous/ is kept when a build replaces one of other sources; "
            "edit a source or a sheet, then run `liskg diff` (it builds first)"
        )
    old, new = _triples(previous / MERGED), _triples(project.build_dir / MERGED)
    holders, declared = _modules(project)
    added: Counter[str] = Counter(holders.get(t, GONE) for t in new - old)
    removed: Counter[str] = Counter(declared.get(t[0], GONE) for t in old - new)
    changes, unchanged = _answers(previous / ANSWERS, project.build_dir / ANSWERS)
    return Diff(dict(added), dict(removed), changes, unchanged)


def _triples(path: Path) -> set[Key]:
    return _keys(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)))


def _keys(triples: list) -> set[Key]:
    """The triples as comparable keys: a blank node is named by the triple it annotates (an OWL axiom) or by a
    hash of its own triples (restrictions, lists), so the same content compares equal across parses."""
    outgoing: dict[ox.BlankNode, list] = defaultdict(list)
    for t in triples:
        if isinstance(t.subject, ox.BlankNode):
            outgoing[t.subject].append(t)
    names: dict[ox.BlankNode, str] = {}

    def name(node) -> str:
        if not isinstance(node, ox.BlankNode):
            return str(node)
        if node not in names:
            names[node] = "_:pending"  # a cycle of blank nodes names itself once
            ends = {t.predicate: t.object for t in outgoing[node] if t.predicate in ANNOTATED}
            parts = [str(ends[p]) for p in ANNOTATED if p in ends]
            if len(parts) < 3:
                parts = sorted(f"{t.predicate} {name(t.object)}" for t in outgoing[node])
            names[node] = "_:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]
        return names[node]

    return {(name(t.subject), str(t.predicate), name(t.object)) for t in triples}


def _modules(project: Project) -> tuple[dict[Key, str], dict[str, str]]:
    """Each triple of the sources now -> the file that holds it; each subject -> the file that types it."""
    holders: dict[Key, str] = {}
    declared: dict[str, str] = {}
    for source in load_sources(project).files:
        where = project.relative(source.path)
        triples = source.triples or []
        for key in _keys(triples):
            holders.setdefault(key, where)
        for t in triples:
            if t.predicate.value == vocab.RDF_TYPE:
                declared.setdefault(str(t.subject), where)
    return holders, declared


def _answers(old_folder: Path, new_folder: Path) -> tuple[list[QueryChange], int]:
    changes, unchanged = [], 0
    for path in sorted(new_folder.glob("*.json")):
        (headers, new), (_old_headers, old) = _rows(path), _rows(old_folder / path.name)
        added, removed = _minus(new, old), _minus(old, new)
        if added or removed:
            changes.append(QueryChange(path.stem, added, removed, headers))
        else:
            unchanged += 1
    return changes, unchanged


def _minus(rows: list[list[str]], other: list[list[str]]) -> list[list[str]]:
    """ROWS without those OTHER has (each as often as it has it), in their order."""
    left = Counter(tuple(r) for r in other)
    kept = []
    for row in rows:
        if left[tuple(row)]:
            left[tuple(row)] -= 1
        else:
            kept.append(row)
    return kept


def _rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """A kept answer's headers and rows, as people read them ([] for a query the other build did not answer)."""
    if not path.exists():
        return [], []
    cells = json.loads(path.read_text(encoding="utf-8")).get("cells") or {}
    return list(cells.get("headers", [])), [[str(c) for c in row] for row in cells.get("rows", [])]
