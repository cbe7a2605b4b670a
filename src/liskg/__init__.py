"""LiSKG: a knowledge graph of interfacial engineering in solid-state lithium-sulfur batteries.

The Python API (docs/api.md); the `liskg` command wraps it:

    import liskg
    project = liskg.Project.find()          # this checkout, $LISKG_HOME, or liskg.Project(path)
    liskg.build(project)                     # check the sources and write build/
    answer = liskg.query(project, "oxide-anode-strategies")
    graph = liskg.graph(project)             # networkx MultiDiGraph of the asserted links

Architecture (folders by stage):
  source data (ontology/, graph_data/)
    -> sources (parse, follow owl:imports through the catalogs)
    -> build: qc (term checks), inference (rule materialization), validation (SHACL),
              reasoning (HermiT, optional), owlapi (OWL 2 DL profile, optional), outputs, manifest
    -> query / graph / publish, all reading the built outputs; cli wraps them.
"""

__version__ = "1.0.0"

# The subpackages build/, query/ and graph/ share their names with API functions. Loading them first
# means a later `import liskg.graph.model` finds them loaded and never rebinds liskg.graph to the
# package; their names are then dropped here, so liskg.build, liskg.query and liskg.graph resolve
# (through __getattr__ below) to the functions of liskg.api.
import liskg.build  # noqa: E402, F401
import liskg.graph  # noqa: E402, F401
import liskg.query  # noqa: E402, F401
from liskg.errors import (  # noqa: E402
    EXIT_CODES,
    CheckFailed,
    InternalError,
    LiskgError,
    ShaclViolations,
    TimedOut,
    Unavailable,
)
from liskg.project import Project  # noqa: E402

del build, graph, query  # noqa: F821 - the subpackages' names, bound by the imports above
_API = {"build", "open_store", "query", "graph", "status", "Answer", "Cell", "Status"}


def __getattr__(name: str):
    """The API functions and classes, imported from liskg.api on first use: a `liskg` command that does
    not need them (most of them) starts without importing it."""
    if name not in _API:
        raise AttributeError(f"module 'liskg' has no attribute {name!r}")
    from liskg import api

    globals()[name] = value = getattr(api, name)
    return value


__all__ = [
    "Project",
    "build",
    "open_store",
    "query",
    "graph",
    "status",
    "Answer",
    "Cell",
    "Status",
    "LiskgError",
    "CheckFailed",
    "ShaclViolations",
    "Unavailable",
    "TimedOut",
    "InternalError",
    "EXIT_CODES",
]
