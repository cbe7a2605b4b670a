"""Canonical serialization of the build outputs: N-Triples sorted as text with blank nodes named by their
content (RDFC-1.0), and Turtle written by Oxigraph in a fixed order, so every build of the same sources
writes the same bytes. Oxigraph serializes; only the triples with blank nodes are parsed and renamed (see
canonical): the ontology's OWL axioms and the axiom annotations that carry the links' evidence, which are
many (391,353 of the 1,260,718 triples of a built 57x graph) and held, to be renamed together, in an
Oxigraph Dataset (in Rust, about 1 KB a triple), not as Python objects. ntriples and turtle hold a
document in memory (small graphs: a release's, a module's); the build's outputs are made on disk:
ntriples_file and turtle_file read their input a chunk at a time, hold only that Dataset and the lines of
the declared terms (the ontology's: few, however large the data), and leave the sorting to sort(1)
(sort_file).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from liskg.base import vocab
from liskg.base.errors import LiskgError


def ntriples(data: bytes) -> bytes:
    """Canonical N-Triples from N-Triples: blank nodes named by their content, lines sorted as text, no duplicates."""
    return sorted_ntriples(canonical_lines(data))


def ntriples_file(unsorted: Path, target: Path, keep: Callable[[bytes], bool] | None = None) -> Path:
    """TARGET, made what ntriples() makes of the N-Triples file UNSORTED (of its lines that KEEP accepts, by
    default all), on disk: UNSORTED is read a chunk at a time, the lines with a blank node go to a file of
    their own, whose triples are renamed together as canonical_lines renames them, and sort_file sorts the
    lot."""
    plain, blank = target.with_name(target.name + ".unsorted"), target.with_name(target.name + ".blank")
    with open(unsorted, "rb") as source, open(plain, "wb") as out, open(blank, "wb") as with_blanks:
        for chunk in chunks(source):
            lines = [line for line in chunk.splitlines() if line and (keep is None or keep(line))]
            _write_lines(with_blanks, [line for line in lines if b"_:" in line])
            _write_lines(out, [line for line in lines if b"_:" not in line])
        with_blanks.close()
        renamed = canonical_triples(ox.parse(path=str(blank), format=ox.RdfFormat.N_TRIPLES))
        ox.serialize(renamed, output=out, format=ox.RdfFormat.N_TRIPLES)
    blank.unlink()
    sort_file(plain, target)
    plain.unlink()
    return target


def chunks(source: BinaryIO, size: int | None = None) -> Iterator[bytes]:
    """The N-Triples file SOURCE in chunks of about SIZE bytes (by default CHUNK), each ending at a line's end."""
    while chunk := source.read(size or CHUNK):
        yield chunk + source.readline()


CHUNK = 16 << 20


def _write_lines(out: BinaryIO, lines: list[bytes]) -> None:
    if lines:
        out.write(b"\n".join(lines) + b"\n")


def canonical_lines(data: bytes) -> list[bytes]:
    """The N-Triples lines of DATA, the blank nodes named by their content.

    Only the lines that hold a blank node (the ontology's OWL axioms and the axiom annotations) are
    parsed and renamed; every triple about a blank node is among them, so its name depends on its
    content alone. The other lines are kept as Oxigraph wrote them."""
    kept, with_blanks = blank_node_lines(data)
    if not with_blanks:
        return [line for line in data.splitlines() if line]
    renamed = ox.serialize(
        canonical(ox.parse(with_blanks, format=ox.RdfFormat.N_TRIPLES)), format=ox.RdfFormat.N_TRIPLES
    )
    assert renamed is not None  # serialized to bytes: no output was given
    return [line for line in kept.splitlines() if line] + renamed.splitlines()


def blank_node_lines(data: bytes) -> tuple[bytes, bytes]:
    """The N-Triples lines of DATA in two parts: those without "_:", and those with it (every triple with a
    blank node, and any literal that happens to hold "_:"), found with bytes.find, not line by line."""
    spans, found = [], data.find(b"_:")
    while found != -1:
        start, end = data.rfind(b"\n", 0, found) + 1, data.find(b"\n", found)
        end = len(data) if end == -1 else end
        spans.append((start, end))
        found = data.find(b"_:", end)
    if not spans:
        return data, b""
    kept = b"\n".join(
        data[start:end] for start, end in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(data)])
    )
    return kept, b"\n".join(data[start:end] for start, end in spans)


def name_blank_nodes(store: ox.Store) -> None:
    """Rename the blank nodes in STORE's default graph by their content, as canonical_lines does, so that
    a dump of the store is canonical as it comes."""
    found = store.query(vocab.sparql("builder/sparql/blank-node-triples.rq"))
    assert isinstance(found, ox.QueryTriples)
    with_blanks = ox.Dataset(ox.Quad(t.subject, t.predicate, t.object) for t in found)  # in Rust, as canonical()
    for quad in with_blanks:
        store.remove(quad)
    with_blanks.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    store.extend(with_blanks)


def sorted_ntriples(lines: list[bytes]) -> bytes:
    """LINES sorted as text (in place), without duplicates, as one N-Triples document."""
    lines.sort()
    unique = [line for line, previous in zip(lines, [None, *lines]) if line != previous]
    return b"\n".join(unique) + b"\n" if unique else b""


def sort_file(unsorted: Path, target: Path) -> Path:
    """TARGET, made of the lines of the N-Triples file UNSORTED sorted as bytes, without duplicates (what
    sorted_ntriples does in memory), by sort(1) in the C locale: it sorts in SORT_MEMORY and spills to
    temporary files beside TARGET, where a million triples sorted in memory take about 600 MB."""
    sort = shutil.which("sort")
    if sort is None:
        raise LiskgError("sort(1) is not on PATH: the build sorts liskg-inferred.nt with it; install coreutils")
    done = subprocess.run(
        [
            sort,
            "-u",
            "-S",
            SORT_MEMORY,
            "--parallel=1",
            "-T",
            str(target.parent),
            "-o",
            str(target),
            str(unsorted),
        ],  # one thread: the build's other jobs have the other core
        env={**os.environ, "LC_ALL": "C"},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        why = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
        raise LiskgError(
            f"{target.name}: cannot sort the output ({why}); check the free space in {target.parent.parent}"
        )
    return target


SORT_MEMORY = "32M"


def canonical(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """The triples with their blank nodes renamed by Oxigraph's RDFC-1.0 canonical labelling (the W3C RDF
    Dataset Canonicalization; the other triples unchanged)."""
    return list(canonical_triples(triples))


def canonical_triples(triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
    """What canonical() returns, one triple at a time: the triples with blank nodes are held in an Oxigraph
    Dataset (in Rust), the others in a list."""
    plain, with_blanks = [], ox.Dataset()
    for t in triples:
        if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
            with_blanks.add(ox.Quad(t.subject, t.predicate, t.object))
        else:
            plain.append(t)
    with_blanks.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return chain(plain, (q.triple for q in with_blanks))


DECLARATION_ORDER = [
    vocab.OWL + "AnnotationProperty",
    vocab.OWL + "Ontology",
    vocab.OWL + "ObjectProperty",
    vocab.OWL + "DatatypeProperty",
    vocab.OWL + "Class",
    vocab.RDFS + "Class",
]


def turtle(canonical_ntriples: bytes) -> bytes:
    """Turtle with the project's prefixes, written by Oxigraph in the order of the canonical N-Triples,
    except that annotation properties, the ontology header and property and class declarations come
    first: an OWL API 3 (as owlready2 still ships) parses as it reads and drops an annotation whose property it has not yet seen
    declared. The order is decided on the lines (only the declarations are parsed), and the triples
    stream from Oxigraph's parser to its serializer."""
    lines = canonical_ntriples.splitlines()
    rank = _declaration_ranks([lines])
    subjects = [_subject(line) for line in lines]
    first = [line for line, subject in zip(lines, subjects) if subject in rank]
    rest = [line for line, subject in zip(lines, subjects) if subject not in rank]
    triples = chain(_in_rank_order(first, rank), ox.parse(b"\n".join(rest), format=ox.RdfFormat.N_TRIPLES))
    turtle = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=vocab.PREFIXES)
    assert turtle is not None  # serialized to bytes: no output was given
    return turtle


def turtle_file(canonical_ntriples: Path, target: Path) -> Path:
    """TARGET, made what turtle() makes of the canonical N-Triples file CANONICAL_NTRIPLES, on disk: one pass
    over the file finds the declarations, a second holds the lines of the declared terms (the ontology's) and
    writes the others to a file, which Oxigraph's parser streams to its serializer after them."""
    with open(canonical_ntriples, "rb") as source:
        rank = _declaration_ranks(chunk.splitlines() for chunk in chunks(source))
    first: list[bytes] = []
    rest = target.with_name(target.name + ".rest.nt")
    with open(canonical_ntriples, "rb") as source, open(rest, "wb") as out:
        for chunk in chunks(source):
            others: list[bytes] = []
            for line in chunk.splitlines():
                (first if _subject(line) in rank else others).append(line)
            _write_lines(out, others)
    triples = chain(_in_rank_order(first, rank), ox.parse(path=str(rest), format=ox.RdfFormat.N_TRIPLES))
    ox.serialize(triples, output=str(target), format=ox.RdfFormat.TURTLE, prefixes=vocab.PREFIXES)
    rest.unlink()
    return target


def _declaration_ranks(blocks: Iterable[list[bytes]]) -> dict[bytes, int]:
    """The subjects (as written) that the lines of BLOCKS declare one of DECLARATION_ORDER, each with the first
    it is declared (only the rdf:type lines are parsed, a block at a time)."""
    rank: dict[bytes, int] = {}
    for lines in blocks:
        declarations = b"\n".join(line for line in lines if _RDF_TYPE in line)
        for t in ox.parse(declarations, format=ox.RdfFormat.N_TRIPLES):
            if t.predicate.value == vocab.RDF_TYPE and t.object.value in DECLARATION_ORDER:
                subject = str(t.subject).encode()
                order = DECLARATION_ORDER.index(t.object.value)
                rank[subject] = min(rank.get(subject, len(DECLARATION_ORDER)), order)
    return rank


def _in_rank_order(lines: list[bytes], rank: dict[bytes, int]) -> Iterator[ox.Triple]:
    """The triples of LINES, their subjects' declarations ranked, stably sorted by their subject's rank."""
    ordered: list[bytes] = sorted(lines, key=lambda line: rank[_subject(line)])
    return ox.parse(b"\n".join(ordered), format=ox.RdfFormat.N_TRIPLES)


def _subject(line: bytes) -> bytes:
    return line[: line.find(b" ")]


_RDF_TYPE = f"<{vocab.RDF_TYPE}>".encode()
