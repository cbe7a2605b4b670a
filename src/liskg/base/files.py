"""Writing a file all or nothing: every stage writes its outputs (build/, the graph page, exports, the reference
page, a release) through write_atomically, so no reader ever sees half a file; the on-disk store, a folder,
is swapped in under a SwapLock."""

from __future__ import annotations

import os

from liskg.base.errors import LiskgError

TYPE_CHECKING = False  # typing's constant, without importing typing (see liskg.base.project)
if TYPE_CHECKING:  # paths are pathlib's, but `liskg query NAME` reads the manifest without importing it
    from pathlib import Path
    from typing import IO


def write_atomically(path: Path, data: bytes) -> None:
    """Write data to path via a temporary file in the same folder and a rename: all or nothing.

    The file gets the permissions a plain open() would give it (0666 less the umask), not the
    owner-only 0600 of the temporary file.
    """
    import tempfile  # 16 ms at start-up (random, shutil): the plainest `liskg query NAME` writes nothing

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise LiskgError(
            f"{path}: cannot write output ({why_unwritable(path, exc)}); choose a writable location"
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


class SwapLock:
    """The lock file beside a folder a build replaces by renames (build/liskg-store.lock): held shared while a
    reader opens the folder or checks that it is there, exclusively while a build swaps in a new one.

    RocksDB reads a store's list of files when it opens it and then opens the files by name, so a swap in
    between hands the reader another store's files ("Mismatch in unique ID on table file"); once open, it
    holds them, so readers hold the lock for milliseconds and a build waits at most that long. The build
    creates the file (create=True) when it first installs the folder; a reader never writes it.
    """

    def __init__(self, folder: Path | str, *, exclusive: bool = False, create: bool = False):
        self.path, self.exclusive, self.create = f"{folder}.lock", exclusive, create
        self._file: IO | None = None

    def __enter__(self) -> SwapLock:
        import fcntl

        try:
            self._file = open(self.path, "a" if self.create else "r")
        except OSError:  # no build made one here, or a folder nobody may write: no build swaps it
            return self
        fcntl.flock(self._file, fcntl.LOCK_EX if self.exclusive else fcntl.LOCK_SH)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()  # releases the lock


def why_unwritable(path: Path, exc: OSError) -> str:
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
