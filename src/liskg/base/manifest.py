"""build/manifest.json: the sources a build was made from, its counts, and which checks it passed.

A build is current when it was made by this LiSKG version from sources with the same hashes. It is
validated when SHACL ran on it: `liskg reason` and `build --no-validate` write unvalidated builds,
which readers report as such and which a validating build never takes as current.
"""

from __future__ import annotations

import json
import os
from collections.abc import Collection

from liskg.base.files import SwapLock, write_atomically
from liskg.base.project import BUILD, INFERRED, MANIFEST, STORE, Project, source_names
from liskg.base.version import __version__

# The checks a build can run, in pipeline order (inference is not a check: every build runs it).
CHECKS = ("qc", "shacl", "hermit", "owlapi")
CHECK_NAMES = {"qc": "quality checks", "shacl": "SHACL validation", "hermit": "HermiT", "owlapi": "the OWL API check"}


def source_hashes(root: str, known: dict | None = None) -> dict[str, str]:
    """SHA-256 of every source file under ROOT, by name. KNOWN (a manifest) lends its hash to a file whose
    size and modification time are still the ones it recorded, so a reader re-hashes only files that changed."""
    sources, stats = (known or {}).get("sources", {}), (known or {}).get("stats", {})
    hashes = {}
    for name in source_names(root):
        path = os.path.join(root, name)
        if name in sources and stats.get(name) == _stat(path):
            hashes[name] = sources[name]
        else:
            import hashlib  # 3 ms at start-up: a reader whose sources are unchanged never needs it

            with open(path, "rb") as source:
                hashes[name] = hashlib.sha256(source.read()).hexdigest()
    return hashes


def _stat(path: str) -> list[int]:
    status = os.stat(path)
    return [status.st_size, status.st_mtime_ns]


def write(project: Project, counts: dict[str, int], checks: Collection[str]) -> None:
    """Write the manifest of a build that ran CHECKS (written last, after every output)."""
    root = str(project.root)
    manifest = {
        "liskg_version": __version__,
        "sources": source_hashes(root),
        "counts": counts,
        "stats": {name: _stat(os.path.join(root, name)) for name in source_names(root)},
        "checks": [c for c in CHECKS if c in checks],
    }
    write_atomically(project.build_dir / MANIFEST, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())


def read(project: Project | str) -> dict | None:
    """The manifest of the project's last build, or None when there is none or it cannot be read. Here and
    below PROJECT may also be its folder as a string: the plainest `liskg query NAME` makes no Project."""
    try:
        with open(os.path.join(_folder(project), BUILD, MANIFEST), encoding="utf-8") as file:
            return json.load(file)
    except (OSError, ValueError):
        return None


def checks_run(project: Project | str) -> list[str]:
    """The checks the last build ran (none when there is no readable manifest)."""
    return list((read(project) or {}).get("checks", []))


def _folder(project: Project | str) -> str:
    return project if isinstance(project, str) else str(project.root)


def unreadable_reason(project: Project | str) -> str | None:
    """Why build/ holds no build a reader can answer from, current or not (a failed build leaves the last
    successful one in place), or None."""
    root = _folder(project)
    with SwapLock(os.path.join(root, BUILD, STORE)):  # not between a build's two renames of the store
        built = all(os.path.exists(os.path.join(root, BUILD, name)) for name in (MANIFEST, INFERRED, STORE))
    if not built:
        return "no build yet"
    manifest = read(root)
    if manifest is None:
        return "build manifest unreadable"
    if manifest.get("liskg_version") != __version__:
        return "built by another LiSKG version"
    return None


def stale_reason(project: Project | str, *, need: Collection[str] = ()) -> str | None:
    """Why the build outputs cannot be used as they are, or None when they are current.

    NEED names checks the build must have run to count as current (a validating build needs "shacl")."""
    root = _folder(project)
    missing = unreadable_reason(root)
    if missing:
        return missing
    manifest = read(root) or {}
    current = source_hashes(root, known=manifest)
    changed = sorted(set(current.items()) ^ set(manifest.get("sources", {}).items()))
    if changed:
        return f"sources changed since the last build ({changed[0][0]})"
    skipped = [CHECK_NAMES[c] for c in CHECKS if c in need and c not in manifest.get("checks", [])]
    if skipped:
        return f"the last build skipped {' and '.join(skipped)}"
    return None


UNVALIDATED = (
    "this build skipped SHACL validation (made by `liskg reason` or `build --no-validate`), so its "
    "records are unchecked; run `liskg build` to validate"
)


def unvalidated_warning(project: Project | str) -> str | None:
    """A line for readers when the current build skipped SHACL validation, else None."""
    return None if "shacl" in checks_run(project) else UNVALIDATED
