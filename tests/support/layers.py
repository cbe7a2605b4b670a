"""The layers of liskg and which may import which, and a checker that finds every import across them.

The stages only lean downwards (issue 26): X -> Y means modules of X may import modules of Y.

    base      -> (base only)
    sources   -> base
    builder   -> sources, base
    querying  -> base
    viz       -> querying, base
    publish   -> builder, querying, sources, base
    api       -> every layer but cli (the package's face, liskg/__init__.py, counts as api)
    cli       -> api, base

Imports are read with ast from the source files, never executed: every `import` and `from ... import`
anywhere in a module counts, inside functions and `if TYPE_CHECKING:` blocks too. A module outside
every layer is reported as well, so a new top-level module has to be placed in one.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "liskg"
# The first name below the package -> its layer; the package itself (liskg/__init__.py) is the face.
LAYER_OF_PACKAGE = {
    "base": "base",
    "sources": "sources",
    "builder": "builder",
    "querying": "querying",
    "viz": "viz",
    "publish": "publish",
    "api": "api",
    "cli": "cli",
}
ALLOWED = {
    "base": {"base"},
    "sources": {"sources", "base"},
    "builder": {"builder", "sources", "base"},
    "querying": {"querying", "base"},
    "viz": {"viz", "querying", "base"},
    "publish": {"publish", "builder", "querying", "sources", "base"},
    "api": {"api", "base", "sources", "builder", "querying", "viz", "publish"},
    "cli": {"cli", "api", "base"},
}


@dataclass(frozen=True, order=True)
class Arrow:
    """One import of a module of one layer by a module of another: where it is and what it crosses."""

    where: str  # "path:line", the path relative to the tree's root
    importer: str
    imported: str
    source_layer: str
    target_layer: str

    def __str__(self) -> str:
        return f"{self.where}: {self.importer} ({self.source_layer}) -> {self.imported} ({self.target_layer})"


def modules(src: Path, package: str = PACKAGE) -> dict[str, Path]:
    """Every module of PACKAGE under SRC (the folder holding the package), by dotted name."""
    found = {}
    for path in sorted((src / package).rglob("*.py")):
        parts = list(path.relative_to(src).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def layer(module: str, package: str = PACKAGE) -> str | None:
    """The layer of a dotted module name inside PACKAGE (None: outside every layer)."""
    parts = module.split(".")
    if parts[0] != package:
        return None
    if len(parts) == 1:
        return "api"
    return LAYER_OF_PACKAGE.get(parts[1])


def imported_modules(tree: ast.AST, module: str, is_package: bool, known: set[str]) -> list[tuple[int, str]]:
    """(line, dotted name) of every module TREE (the module MODULE) imports, wherever the statement is.

    `from a import b` imports the module a.b when there is one (KNOWN), else a name of a."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((node.lineno, candidate if candidate in known else base))
    return found


def arrows(src: Path, package: str = PACKAGE) -> list[Arrow]:
    """Every import in the package under SRC from one layer into another (or into no layer), sorted."""
    tree_modules = modules(src, package)
    known = set(tree_modules)
    found = []
    for module, path in tree_modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        source_layer = layer(module, package) or "(no layer)"
        for line, imported in imported_modules(tree, module, path.name == "__init__.py", known):
            if imported.split(".")[0] != package:
                continue
            target_layer = layer(imported, package) or "(no layer)"
            if target_layer != source_layer or source_layer == "(no layer)":
                where = f"{path.relative_to(src.parent)}:{line}"
                found.append(Arrow(where, module, imported, source_layer, target_layer))
    return sorted(found)


def forbidden(src: Path, package: str = PACKAGE) -> list[Arrow]:
    """The imports that break ALLOWED."""
    return [arrow for arrow in arrows(src, package) if arrow.target_layer not in ALLOWED.get(arrow.source_layer, set())]


def unplaced(src: Path, package: str = PACKAGE) -> list[str]:
    """The modules of the package under SRC that belong to no layer."""
    return [module for module in modules(src, package) if layer(module, package) is None]
