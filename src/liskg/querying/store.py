"""Open the built graph in Oxigraph, the SPARQL engine every reader (query, stats, viz, serve) uses.

Reading never builds: liskg.api.open_store decides whether to rebuild first. The inferred graph is
opened read-only from build/liskg-store/, so a store from load() refuses updates (RuntimeError).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from liskg.base.errors import LiskgError
from liskg.base.files import SwapLock
from liskg.base.project import INFERRED, MERGED, STORE, Project


def output_file(project: Project, *, inferred: bool = True) -> Path:
    """The build output a reader loads: asserted + inferred triples, or the merged asserted ones."""
    return project.build_dir / (INFERRED if inferred else MERGED)


def load(project: Project, *, inferred: bool = True) -> ox.Store:
    """The build output in Oxigraph: the inferred graph's on-disk store opened read-only (milliseconds at any
    size), or with inferred=False the merged asserted triples parsed into memory."""
    if inferred:
        folder = project.build_dir / STORE
        try:
            with SwapLock(folder):  # a build swapping in a new store waits until this one is open
                return ox.Store.read_only(str(folder))
        except OSError as exc:
            raise LiskgError(
                f"{project.relative(project.build_dir / STORE)}: cannot open the built "
                f"store ({' '.join(str(exc).split())}); run `liskg build`"
            ) from None
    store = ox.Store()
    store.bulk_load(path=str(output_file(project, inferred=False)), format=ox.RdfFormat.TURTLE)
    return store
