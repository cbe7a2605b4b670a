"""LiSKG: a knowledge graph of interfacial engineering in solid-state lithium-sulfur batteries.

The Python API (docs/api.md, liskg.api): every `liskg` command is one of its functions plus printing:

    import liskg
    project = liskg.Project.find()          # this checkout, $LISKG_HOME, or liskg.Project(path)
    liskg.build(project)                     # check the sources and write build/
    answer = liskg.query(project, "oxide-anode-strategies")
    print(liskg.study(project, "107"))       # the look-ups: study, material, method, failure, strategies
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

# The look-ups and the comparison, no SPARQL needed: each is a function here and a `liskg` command of the same
# name, defined once (liskg.cli.main.COMMANDS takes them from here).
LOOKUPS = ("strategies", "study", "material", "failure", "method", "names", "compare")
# The functions of liskg.api (in the order docs/api.md lists them) and the classes they return.
FUNCTIONS = (
    "build",
    "validate",
    "new_study",
    "diff",
    "reason",
    "status",
    "docs",
    "release",
    "open_store",
    "query",
    "answer_text",
    "named_queries",
    *LOOKUPS,
    "evidence",
    "why",
    "stats",
    "graph",
    "page",
    "export",
    "chart",
    "plot",
    "serve",
)
_API = set(FUNCTIONS) | {"Answer", "Cell", "Status"}


def __getattr__(name: str):
    """The API functions and classes, imported from liskg.api on first use: a `liskg` command that does
    not need them (most of them) starts without importing it."""
    if name not in _API:
        raise AttributeError(f"module 'liskg' has no attribute {name!r}")
    from liskg import api  # 5 ms at start-up: `import liskg` gives Project and the errors without it

    globals()[name] = value = getattr(api, name)
    return value


__all__ = [
    "Project",
    *FUNCTIONS,
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
