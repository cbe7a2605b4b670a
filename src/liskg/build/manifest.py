"""build/manifest.json: the sources a build was made from, its counts, and which checks it passed.

A build is current when it was made by this LiSKG version from sources with the same hashes. It is
validated when SHACL ran on it: `liskg reason` and `build --no-validate` write unvalidated builds,
which readers report as such and which a validating build never takes as current.
"""

from __future__ import annotations

import json
from collections.abc import Collection

from liskg import __version__
from liskg.build.outputs import INFERRED, STORE, write_atomically
from liskg.project import Project

MANIFEST = "manifest.json"
# The checks a build can run, in pipeline order (inference is not a check: every build runs it).
CHECKS = ("qc", "shacl", "hermit", "owlapi")
CHECK_NAMES = {"qc": "quality checks", "shacl": "SHACL validation", "hermit": "HermiT", "owlapi": "the OWL API check"}


def source_hashes(project: Project, known: dict | None = None) -> dict[str, str]:
    """SHA-256 of every source file. KNOWN (a manifest) lends its hash to a file whose size and
    modification time are still the ones it recorded, so a reader re-hashes only files that changed."""
    sources, stats = (known or {}).get("sources", {}), (known or {}).get("stats", {})
    hashes = {}
    for path in project.source_files():
        name = project.relative(path)
        if name in sources and stats.get(name) == _stat(path):
            hashes[name] = sources[name]
        else:
            import hashlib  # only here: a reader whose sources are unchanged never needs it

            hashes[name] = hashlib.sha256(path.read_bytes()).hexdigest()
    return hashes


def _stat(path) -> list[int]:
    status = path.stat()
    return [status.st_size, status.st_mtime_ns]


def write(project: Project, counts: dict[str, int], checks: Collection[str]) -> None:
    """Write the manifest of a build that ran CHECKS (written last, after every output)."""
    manifest = {"liskg_version": __version__, "sources": source_hashes(project), "counts": counts,
                "stats": {project.relative(p): _stat(p) for p in project.source_files()},
                "checks": [c for c in CHECKS if c in checks]}
    write_atomically(project.build_dir / MANIFEST, (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())


def read(project: Project) -> dict | None:
    """The manifest of the last build, or None when there is none or it cannot be read."""
    try:
        return json.loads((project.build_dir / MANIFEST).read_text())
    except (OSError, ValueError):
        return None


def checks_run(project: Project) -> list[str]:
    """The checks the last build ran (none when there is no readable manifest)."""
    return list((read(project) or {}).get("checks", []))


def stale_reason(project: Project, *, need: Collection[str] = ()) -> str | None:
    """Why the build outputs cannot be used as they are, or None when they are current.

    NEED names checks the build must have run to count as current (a validating build needs "shacl").
    """
    if not all((project.build_dir / name).exists() for name in (MANIFEST, INFERRED, STORE)):
        return "no build yet"
    manifest = read(project)
    if manifest is None:
        return "build manifest unreadable"
    if manifest.get("liskg_version") != __version__:
        return "built by another LiSKG version"
    current = source_hashes(project, known=manifest)
    changed = sorted(set(current.items()) ^ set(manifest.get("sources", {}).items()))
    if changed:
        return f"sources changed since the last build ({changed[0][0]})"
    missing = [CHECK_NAMES[c] for c in CHECKS if c in need and c not in manifest.get("checks", [])]
    if missing:
        return f"the last build skipped {' and '.join(missing)}"
    return None


def unvalidated_warning(project: Project) -> str | None:
    """A line for readers when the current build skipped SHACL validation, else None."""
    if "shacl" in checks_run(project):
        return None
    return ("this build skipped SHACL validation (made by `liskg reason` or `build --no-validate`), so its "
            "records are unchecked; run `liskg build` to validate")
