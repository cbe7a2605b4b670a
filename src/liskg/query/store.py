"""Open the built graph in Oxigraph, the SPARQL engine every reader (query, stats, viz, serve) uses."""

from __future__ import annotations

import pyoxigraph as ox

from liskg.build import outputs
from liskg.project import Project


def ensure_current(project: Project, quiet: bool = True) -> None:
    """Rebuild when build/ is missing or stale; the build pipeline (and rdflib) is imported only then."""
    if outputs.stale_reason(project):
        from liskg.build.pipeline import ensure_built

        ensure_built(project, quiet=quiet)


def open_store(project: Project, *, inferred: bool = True, quiet: bool = True) -> ox.Store:
    """An in-memory store of the current build, rebuilding first when the sources changed.

    inferred=False gives the asserted triples only (the merged ontology + data, no materialization).
    """
    ensure_current(project, quiet)
    store = ox.Store()
    if inferred:
        path, fmt = project.build_dir / outputs.INFERRED, ox.RdfFormat.N_TRIPLES
    else:
        path, fmt = project.build_dir / outputs.MERGED, ox.RdfFormat.TURTLE
    store.bulk_load(path=str(path), format=fmt)
    return store
