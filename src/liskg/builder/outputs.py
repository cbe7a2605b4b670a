"""How the build writes its outputs in build/ (their names: liskg.base.project; whether they are current:
liskg.base.manifest).

The on-disk store (liskg-store/) holds the triples of liskg-inferred.nt in Oxigraph's on-disk format, which
readers open read-only in milliseconds instead of parsing the N-Triples on every call (an index derived
from liskg-inferred.nt: RocksDB's files are not byte-identical across runs).

Every file is written to a temporary file first and renamed into place; the large ones (liskg-merged.ttl,
liskg-inferred.nt and the store) are prepared on disk in a Workspace and renamed into place once every check
has passed.
What goes into the files (canonical, so byte-identical across runs) is liskg.builder.serialization's job.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from liskg.base.errors import LiskgError
from liskg.base.files import SwapLock, why_unwritable
from liskg.builder.serialization import blank_node_lines, chunks


class Workspace:
    """build/.liskg-build.XXXX.tmp: where a build prepares its large outputs (the merged Turtle, the N-Triples
    and the on-disk store, each too large to hold in memory) before they are moved into place, removed (close)
    when the build ends, done or not, with build/ itself if the build made it and left nothing in it. Its LOCK
    is held while the build lives: a build killed before it ended leaves a folder nobody holds, which the next
    build removes. FIRST names the output a failure to create it is reported against."""

    def __init__(self, build_dir: Path, first: str):
        self._made = None if build_dir.is_dir() else build_dir
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
                f"{path}: cannot write output ({why_unwritable(path, exc)}); choose a writable location"
            ) from None

    def close(self) -> None:
        """Remove the workspace and what is left in it."""

        shutil.rmtree(self.folder, ignore_errors=True)
        self._lock.close()
        if self._made is not None and not any(self._made.iterdir()):
            self._made.rmdir()

    def path(self, name: str) -> Path:
        return self.folder / name


WORKSPACE_PREFIX = ".liskg-build."
LOAD_CHUNK = 16 << 20  # bytes of N-Triples per bulk load: Oxigraph's loader holds several times that


def prepare_store(folder: Path, ntriples: Path) -> Path:
    """FOLDER (in a Workspace), made an Oxigraph on-disk store of the N-Triples file NTRIPLES (in any order,
    blank nodes named as in liskg-inferred.nt, and kept so). Oxigraph's bulk loader holds a whole load in
    memory (over a gigabyte for a million triples in one) and names blank nodes afresh in each load, so the
    lines without blank nodes are bulk-loaded a chunk at a time, and those with them (a third of the lines of a
    generated graph: its axiom annotations) are written to a file beside FOLDER and added at the end."""
    nt, blank_file = ox.RdfFormat.N_TRIPLES, folder.with_name(folder.name + ".blank.nt")
    try:
        store = ox.Store(str(folder))
        with open(ntriples, "rb") as source, open(blank_file, "wb") as with_blanks:
            for chunk in chunks(source, LOAD_CHUNK):
                plain, blank = blank_node_lines(chunk)
                store.bulk_load(input=plain, format=nt, lenient=True)  # Oxigraph's own output
                with_blanks.write(blank + b"\n")
        store.extend(ox.Quad(*t) for t in ox.parse(path=str(blank_file), format=nt))  # labels as written
        blank_file.unlink()
        store.optimize()
        del store  # closes the database
    except OSError as exc:
        raise LiskgError(f"{folder}: cannot write output ({exc.strerror or exc}); choose a writable location") from None
    return folder


def install_store(prepared: Path, path: Path) -> None:
    """Replace the store folder PATH by the prepared one (in a Workspace), under PATH's SwapLock: no reader is
    opening the old store meanwhile, and a reader that opened it keeps reading its (unlinked) files, which
    leave with the workspace."""
    try:
        with SwapLock(path, exclusive=True, create=True):
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
    for folder in build_dir.glob(f"{WORKSPACE_PREFIX}*.tmp"):
        try:
            with open(folder / "LOCK", "a") as lock:
                fcntl.lockf(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released when the file closes
        except OSError:
            continue  # held: a build still running
        shutil.rmtree(folder, ignore_errors=True)


PREVIOUS = "previous"  # build/previous/: the merged graph and answers of the last build of other sources


def keep_previous(project) -> None:
    """Before a build of changed sources replaces build/, keep its merged graph and answers in build/previous/
    (hard links, no copies: the new files are renamed over the old names, so a reader never misses one), which
    `liskg diff` compares the new build with. A build of the same sources keeps the previous one it had, so a
    diff still shows the last edit."""
    from liskg.base import manifest
    from liskg.base.project import ANSWERS, MERGED

    old = manifest.read(project)
    if old is None or not (project.build_dir / MERGED).exists():
        return
    if old.get("sources") == manifest.source_hashes(str(project.root), known=old):
        return
    previous = project.build_dir / PREVIOUS
    if previous.exists():
        shutil.rmtree(previous)
    (previous / ANSWERS).mkdir(parents=True)
    kept = [project.build_dir / MERGED, *sorted((project.build_dir / ANSWERS).glob("*.json"))]
    for path in kept:
        target = previous / path.relative_to(project.build_dir)
        try:
            os.link(path, target)
        except OSError:  # a file system without hard links
            shutil.copy2(path, target)
