"""Writing a file all or nothing: every stage writes its outputs (build/, the graph page, exports, the reference
page, a release) through write_atomically, so no reader ever sees half a file."""

from __future__ import annotations

import os

from liskg.base.errors import LiskgError

TYPE_CHECKING = False  # typing's constant, without importing typing (see liskg.base.project)
if TYPE_CHECKING:  # paths are pathlib's, but `liskg query NAME` reads the manifest without importing it
    from pathlib import Path


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
