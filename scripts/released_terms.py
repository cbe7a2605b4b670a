"""Rewrite ontology/released-terms.txt with every ontology term of the current version, after a release.

    .venv/bin/python scripts/released_terms.py

From then on those terms may be deprecated but never removed (tests/test_versioning.py). Terms the
list held before stay in it: a deprecated term is still declared, so it is listed again.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from liskg.base.project import Project  # noqa: E402
from liskg.publish import versioning  # noqa: E402
from liskg.sources.loading import load_sources  # noqa: E402

if __name__ == "__main__":
    project = Project(ROOT)
    loaded = load_sources(project)
    problems = versioning.deprecation_problems(project, loaded)
    if problems:
        sys.exit("\n".join(problems))
    version = versioning.release_info(loaded)["version"]
    terms = versioning.ontology_terms(project, loaded)
    header = (
        f"# LiSKG ontology terms released in {version} (one IRI a line). A term listed here is never removed:\n"
        "# deprecate it (owl:deprecated true, dcterms:isReplacedBy) instead. tests/test_versioning.py enforces this.\n"
    )
    (ROOT / versioning.RELEASED_TERMS).write_text(header + "\n".join(terms) + "\n", encoding="utf-8")
    print(f"released_terms: {len(terms)} terms of {version} -> {versioning.RELEASED_TERMS}")
