"""Open the built graph in Oxigraph, the SPARQL engine every reader (query, stats, viz, serve) uses.

Reading never builds: liskg.api.open_store decides whether to rebuild first.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from liskg.build import outputs
from liskg.project import Project


def output_file(project: Project, *, inferred: bool = True) -> Path:
    """The build output a reader loads: asserted + inferred triples, or the merged asserted ones."""
    return project.build_dir / (outputs.INFERRED if inferred else outputs.MERGED)


def load(project: Project, *, inferred: bool = True) -> ox.Store:
    """An in-memory store of the build output (inferred=False: the asserted triples only)."""
    store = ox.Store()
    store.bulk_load(path=str(output_file(project, inferred=inferred)),
                    format=ox.RdfFormat.N_TRIPLES if inferred else ox.RdfFormat.TURTLE)
    return store
