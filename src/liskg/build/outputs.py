"""The build outputs in build/ and how they are written (build/manifest.py says whether they are current).

- liskg-merged.ttl     asserted ontology + data as one self-contained ontology (no owl:imports)
- liskg-inferred.nt    asserted + materialized triples, sorted N-Triples: what queries run on
- liskg-store/         the same triples in Oxigraph's on-disk store, which readers open read-only in
                       milliseconds instead of parsing the N-Triples on every call (an index derived
                       from liskg-inferred.nt: RocksDB's files are not byte-identical across runs)

Every file is written to a temporary file first and renamed into place; the large ones (liskg-inferred.nt
and the store) are prepared on disk in a Workspace and renamed into place once every check has passed.
What goes into the files (canonical, so byte-identical across runs) is liskg.build.serialization's job.
"""

from __future__ import annotations

import os

from liskg.errors import LiskgError

TYPE_CHECKING = False  # as in liskg.project
if TYPE_CHECKING:  # paths are pathlib's, but `liskg query NAME` reads the manifest without importing it
    from pathlib import Path

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
        raise LiskgError(
            f"{path}: cannot write output ({_why_unwritable(path, exc)}); choose a writable location"
        ) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise LiskgError(f"{path}: cannot write output ({exc.strerror}); choose a writable location") from None
        raise


class Workspace:
    """build/.liskg-build.XXXX.tmp: where a build prepares its large outputs (the N-Triples and the on-disk
    store, each too large to hold in memory twice) before they are moved into place, removed (close) when
    the build ends, done or not. Its LOCK is held while the build lives: a build killed before it ended leaves
    a folder nobody holds, which the next build removes. FIRST names the output a failure to create it
    is reported against."""

    def __init__(self, build_dir: Path, first: str):
        import fcntl
        import tempfile

        try:
            build_dir.mkdir(parents=True, exist_ok=True)
            _remove_abandoned(build_dir)
            self.folder = build_dir / os.path.basename(
                tempfile.mkdtemp(prefix=WORKSPACE_PREFIX, suffix=".tmp", dir=build_dir)
            )
            self._lock = open(self.folder / "LOCK", "w")
            fcntl.lockf(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            path = build_dir / first
            raise LiskgError(
                f"{path}: cannot write output ({_why_unwritable(path, exc)}); choose a writable location"
            ) from None

    def close(self) -> None:
        """Remove the workspace and what is left in it."""
        import shutil

        shutil.rmtree(self.folder, ignore_errors=True)
        self._lock.close()

    def path(self, name: str) -> Path:
        return self.folder / name


WORKSPACE_PREFIX = ".liskg-build."
LOAD_CHUNK = 16 << 20  # bytes of N-Triples per bulk load: Oxigraph's loader holds several times that


def prepare_store(folder: Path, ntriples: Path) -> Path:
    """FOLDER (in a Workspace), made an Oxigraph on-disk store of the N-Triples file NTRIPLES (in any order,
    blank nodes named as in liskg-inferred.nt, and kept so). Oxigraph's bulk loader holds a whole load in
    memory (over a gigabyte for a million triples in one) and names blank nodes afresh in each load, so the
    lines without blank nodes are bulk-loaded a chunk at a time and the few with them added at the end."""
    import pyoxigraph as ox  # here only: readers import this module to find the outputs, and need no Oxigraph

    from liskg.build.serialization import blank_node_lines

    nt, with_blanks = ox.RdfFormat.N_TRIPLES, []
    try:
        store = ox.Store(str(folder))
        with open(ntriples, "rb") as source:
            while chunk := source.read(LOAD_CHUNK):
                plain, blank = blank_node_lines(chunk + source.readline())
                store.bulk_load(input=plain, format=nt, lenient=True)  # Oxigraph's own output
                with_blanks.append(blank)
        store.extend(ox.Quad(*t) for t in ox.parse(b"\n".join(with_blanks), format=nt))  # labels as written
        store.optimize()
        del store  # closes the database
    except OSError as exc:
        raise LiskgError(f"{folder}: cannot write output ({exc.strerror or exc}); choose a writable location") from None
    return folder


def install_store(prepared: Path, path: Path) -> None:
    """Replace the store folder PATH by the prepared one (in a Workspace) in one rename; a reader that opened
    the old store keeps reading its (unlinked) files, which leave with the workspace."""
    try:
        if path.exists():
            os.rename(path, prepared.with_name(prepared.name + ".old"))
        os.rename(prepared, path)
    except OSError as exc:
        raise LiskgError(f"{path}: cannot write output ({exc.strerror or exc}); choose a writable location") from None


def install_file(prepared: Path, path: Path) -> None:
    """Move a file prepared in a Workspace to PATH in one rename."""
    try:
        os.replace(prepared, path)
    except OSError as exc:
        raise LiskgError(f"{path}: cannot write output ({exc.strerror or exc}); choose a writable location") from None


def _remove_abandoned(build_dir: Path) -> None:
    """Remove the workspaces killed builds left in BUILD_DIR: those whose LOCK no process holds."""
    import fcntl
    import shutil

    for folder in build_dir.glob(f"{WORKSPACE_PREFIX}*.tmp"):
        try:
            with open(folder / "LOCK", "a") as lock:
                fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the file closes
        except OSError:
            continue  # held: a build still running
        shutil.rmtree(folder, ignore_errors=True)


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
        with open("/proc/self/status") as status:
            lines = status.read().splitlines()
        for line in lines:
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
