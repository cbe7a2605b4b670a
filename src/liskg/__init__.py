"""LiSKG: a knowledge graph of interfacial engineering in solid-state lithium-sulfur batteries.

The Python API (docs/api.md); the `liskg` command wraps it:

    import liskg
    project = liskg.Project.find()          # this checkout, $LISKG_HOME, or liskg.Project(path)
    liskg.build(project)                     # check the sources and write build/
    answer = liskg.query(project, "oxide-anode-strategies")
    graph = liskg.graph(project)             # networkx MultiDiGraph of the asserted links

Architecture (folders by stage; arrows only point down, tests/test_architecture.py enforces them):
  base       what every stage shares: errors, vocab, the project's layout, numbers, labels, SPARQL engine
  sources    parse the Turtle sources, follow owl:imports through the catalogs
  builder    qc (term checks), inference, validation (SHACL), reasoning (HermiT), owlapi, outputs, answers
  querying   reading the build: store, answers, tables, look-ups, compare, stats, server
  viz        the drawn graph: model, layout, metrics, exports, the HTML page, charts
  publish    reference page, EMMO mappings and alignment, versioning, release
  api        the functions below; cli wraps them
"""

from liskg.base.errors import (
    EXIT_CODES,
    CheckFailed,
    InternalError,
    LiskgError,
    ShaclViolations,
    TimedOut,
    Unavailable,
)
from liskg.base.project import Project
from liskg.base.version import __version__ as __version__

_API = {"build", "open_store", "query", "graph", "status", "Answer", "Cell", "Status"}


def __getattr__(name: str):
    """The API functions and classes, imported from liskg.api on first use: a `liskg` command that does
    not need them (most of them) starts without importing it."""
    if name not in _API:
        raise AttributeError(f"module 'liskg' has no attribute {name!r}")
    from liskg import api  # 90 ms at start-up (pyoxigraph, the query stage): most commands never need it

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
