"""The build outputs in build/ and how they are written (build/manifest.py says whether they are current).

- liskg-merged.ttl     asserted ontology + data as one self-contained ontology (no owl:imports)
- liskg-inferred.nt    asserted + materialized triples, sorted N-Triples: what queries run on

Outputs are canonical (blank nodes relabelled by content, triples sorted) so they are byte-identical
across runs, and every file is written to a temporary file first and renamed into place.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from liskg import vocab
from liskg.errors import LiskgError

if TYPE_CHECKING:  # rdflib is imported only when a build serializes, never on the query path
    import rdflib

MERGED = "liskg-merged.ttl"
INFERRED = "liskg-inferred.nt"


def write_atomically(path: Path, data: bytes) -> None:
    """Write data to path via a temporary file in the same folder and a rename: all or nothing.

    The file gets the permissions a plain open() would give it (0666 less the umask), not the
    owner-only 0600 of the temporary file.
    """
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


def canonical(graph: rdflib.Graph) -> rdflib.Graph:
    """The graph with blank nodes named by their content, so serializations are stable.

    Only the triples that hold a blank node take part in the canonical naming (every triple about a
    blank node is among them, so its name depends on its content alone); the rest are copied."""
    import rdflib
    from rdflib.compare import to_canonical_graph

    result, with_blanks = rdflib.Graph(), rdflib.Graph()
    for prefix, ns in vocab.PREFIXES.items():
        result.bind(prefix, ns)
    for triple in graph:
        (with_blanks if any(isinstance(term, rdflib.BNode) for term in triple) else result).add(triple)
    for triple in to_canonical_graph(with_blanks):
        result.add(triple)
    return result


def sorted_ntriples(graph: rdflib.Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return ("\n".join(sorted(line for line in lines if line.strip())) + "\n").encode("utf-8")


def turtle(graph: rdflib.Graph) -> bytes:
    """Turtle with annotation properties, the ontology header and property and class declarations first: OWL API 3.4.3 parses
    as it reads and drops an annotation whose IRI value comes before its property's declaration."""
    from io import BytesIO

    from rdflib.namespace import OWL, RDFS
    from rdflib.plugins.serializers.turtle import TurtleSerializer

    serializer = TurtleSerializer(graph)
    serializer.topClasses = [OWL.AnnotationProperty, OWL.Ontology, OWL.ObjectProperty, OWL.DatatypeProperty,
                             OWL.Class, RDFS.Class]
    out = BytesIO()
    serializer.serialize(out, encoding="utf-8")
    return out.getvalue()
