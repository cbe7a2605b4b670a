"""The build outputs in build/ and how they are written (build/manifest.py says whether they are current).

- liskg-merged.ttl     asserted ontology + data as one self-contained ontology (no owl:imports)
- liskg-inferred.nt    asserted + materialized triples, sorted N-Triples: what queries run on
- liskg-store/         the same triples in Oxigraph's on-disk store, which readers open read-only in
                       milliseconds instead of parsing the N-Triples on every call (an index derived
                       from liskg-inferred.nt: RocksDB's files are not byte-identical across runs)

Every file is written to a temporary file first and renamed into place, and the store is prepared in a
temporary folder and renamed into place. What goes into the files (canonical, so byte-identical across
runs) is liskg.build.serialization's job.
"""

from __future__ import annotations

import os
from pathlib import Path

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

    import pyoxigraph as ox  # here only: readers import this module to find the outputs, and need no Oxigraph

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
