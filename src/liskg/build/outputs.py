"""The build outputs in build/ and how they are written (build/manifest.py says whether they are current).

- liskg-merged.ttl     asserted ontology + data as one self-contained ontology (no owl:imports)
- liskg-inferred.nt    asserted + materialized triples, sorted N-Triples: what queries run on
- liskg-store/         the same triples in Oxigraph's on-disk store, which readers open read-only in
                       milliseconds instead of parsing the N-Triples on every call (an index derived
                       from liskg-inferred.nt: RocksDB's files are not byte-identical across runs)

Outputs are canonical (blank nodes relabelled by content, triples sorted) so they are byte-identical
across runs, and every file is written to a temporary file first and renamed into place. Oxigraph
serializes them and names the few blank nodes (see canonical).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from liskg import vocab
from liskg.errors import LiskgError

MERGED = "liskg-merged.ttl"
INFERRED = "liskg-inferred.nt"
STORE = "liskg-store"


def write_atomically(path: Path, data: bytes) -> None:
    """Write data to path via a temporary file in the same folder and a rename: all or nothing.

    The file gets the permissions a plain open() would give it (0666 less the umask), not the
    owner-only 0600 of the temporary file.
    """
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise LiskgError(f"{path}: cannot write output ({_why_unwritable(path, exc)}); choose a writable location") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise LiskgError(f"{path}: cannot write output ({exc.strerror}); choose a writable location") from None
        raise


def prepare_store(path: Path, ntriples: bytes) -> Path:
    """The N-Triples (in any order, blank nodes named as in liskg-inferred.nt) as an Oxigraph on-disk store in a
    new temporary folder beside PATH (install_store puts it in place; a build that fails removes it instead)."""
    import shutil
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned_stores(path)
        tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    except OSError as exc:
        raise LiskgError(f"{path}: cannot write output ({_why_unwritable(path, exc)}); choose a writable location") from None
    try:
        store = ox.Store(str(tmp))
        store.bulk_load(input=ntriples, format=ox.RdfFormat.N_TRIPLES, lenient=True)  # Oxigraph's own output
        store.optimize()
        del store  # closes the database
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise LiskgError(f"{path}: cannot write output ({exc.strerror or exc}); choose a writable location") from None
        raise
    return tmp


def remove_abandoned_stores(path: Path) -> None:
    """Remove the store folders a killed build left beside PATH (.NAME.*.tmp, .NAME.*.old): those whose
    database lock no process holds. A build that is still preparing one holds its lock."""
    import fcntl
    import shutil

    for folder in path.parent.glob(f".{path.name}.*"):
        if not folder.is_dir() or folder.suffix not in (".tmp", ".old"):
            continue
        try:
            with open(folder / "LOCK", "a") as lock:
                fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the file closes
        except OSError:
            continue  # held: another build's store in the making
        shutil.rmtree(folder, ignore_errors=True)


def install_store(prepared: Path, path: Path) -> None:
    """Replace the store folder PATH by the prepared one in one rename; a reader that opened the old store
    keeps reading its (unlinked) files."""
    import shutil

    old = prepared.with_name(prepared.name.replace(".tmp", ".old"))
    try:
        if path.exists():
            os.rename(path, old)
        os.rename(prepared, path)
    except OSError as exc:
        shutil.rmtree(prepared, ignore_errors=True)
        raise LiskgError(f"{path}: cannot write output ({exc.strerror or exc}); choose a writable location") from None
    finally:
        shutil.rmtree(old, ignore_errors=True)


def _why_unwritable(path: Path, exc: OSError) -> str:
    """The reason in the user's terms: a folder on the way that is a file, else the system's message."""
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                return f"{parent} is a file, not a folder"
            break
    return exc.strerror or str(exc)


def _umask() -> int:
    """The process umask, read without changing it where Linux allows (os.umask would, for a moment)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def ntriples(data: bytes) -> bytes:
    """Canonical N-Triples from N-Triples: blank nodes named by their content, lines sorted as text, no duplicates."""
    return sorted_ntriples(canonical_lines(data))


def canonical_lines(data: bytes) -> list[bytes]:
    """The N-Triples lines of DATA, the blank nodes named by their content.

    Only the lines that hold a blank node (the ontology's OWL axioms: a few dozen, however large the
    data) are parsed and renamed; every triple about a blank node is among them, so its name depends
    on its content alone. The other lines are kept as Oxigraph wrote them."""
    spans, found = [], data.find(b"_:")  # a superset: "_:" may also sit in a literal
    while found != -1:
        start, end = data.rfind(b"\n", 0, found) + 1, data.find(b"\n", found)
        end = len(data) if end == -1 else end
        spans.append((start, end))
        found = data.find(b"_:", end)
    if not spans:
        return [line for line in data.splitlines() if line]
    kept = b"\n".join(data[start:end] for start, end in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(data)]))
    renamed = canonical(ox.parse(b"\n".join(data[start:end] for start, end in spans), format=ox.RdfFormat.N_TRIPLES))
    return [line for line in kept.splitlines() if line] + ox.serialize(renamed, format=ox.RdfFormat.N_TRIPLES).splitlines()


def name_blank_nodes(store: ox.Store) -> None:
    """Rename the blank nodes in STORE's default graph by their content, as canonical_lines does, so that
    a dump of the store is canonical as it comes."""
    with_blanks = list(store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isBlank(?s) || isBlank(?o)) }"))
    for t in with_blanks:
        store.remove(ox.Quad(t.subject, t.predicate, t.object))
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in canonical(with_blanks))


def sorted_ntriples(lines: list[bytes]) -> bytes:
    """LINES sorted as text (in place), without duplicates, as one N-Triples document."""
    lines.sort()
    unique = [line for line, previous in zip(lines, [None, *lines]) if line != previous]
    return b"\n".join(unique) + b"\n" if unique else b""


def canonical(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """The triples with their blank nodes renamed by Oxigraph's RDFC-1.0 canonical labelling (the W3C RDF
    Dataset Canonicalization; the other triples unchanged)."""
    plain, with_blanks = [], ox.Dataset()
    for t in triples:
        if isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode):
            with_blanks.add(ox.Quad(t.subject, t.predicate, t.object))
        else:
            plain.append(t)
    with_blanks.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return plain + [q.triple for q in with_blanks]


DECLARATION_ORDER = [vocab.OWL + "AnnotationProperty", vocab.OWL + "Ontology", vocab.OWL + "ObjectProperty",
                     vocab.OWL + "DatatypeProperty", vocab.OWL + "Class", vocab.RDFS + "Class"]


def turtle(canonical_ntriples: bytes) -> bytes:
    """Turtle with the project's prefixes, written by Oxigraph in the order of the canonical N-Triples,
    except that annotation properties, the ontology header and property and class declarations come
    first: OWL API 3.4.3 parses as it reads and drops an annotation whose property it has not yet seen
    declared. The order is decided on the lines (only the declarations are parsed), and the triples
    stream from Oxigraph's parser to its serializer."""
    lines = canonical_ntriples.splitlines()
    declarations = [line for line in lines if _RDF_TYPE in line]
    rank: dict[bytes, int] = {}
    for t in ox.parse(b"\n".join(declarations), format=ox.RdfFormat.N_TRIPLES):
        if t.predicate.value == vocab.RDF_TYPE and t.object.value in DECLARATION_ORDER:
            subject = str(t.subject).encode()
            rank[subject] = min(rank.get(subject, len(DECLARATION_ORDER)), DECLARATION_ORDER.index(t.object.value))
    subjects = [line[:line.find(b" ")] for line in lines]
    first = sorted((i for i, subject in enumerate(subjects) if subject in rank), key=lambda i: rank[subjects[i]])
    ordered = [lines[i] for i in first] + [line for line, subject in zip(lines, subjects) if subject not in rank]
    triples = ox.parse(b"\n".join(ordered), format=ox.RdfFormat.N_TRIPLES)
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=vocab.PREFIXES)


_RDF_TYPE = f"<{vocab.RDF_TYPE}>".encode()
