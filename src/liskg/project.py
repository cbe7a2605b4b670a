"""Where a LiSKG project's sources and build outputs live."""

from __future__ import annotations

import os
from pathlib import Path

from liskg.errors import LiskgError

ROOT_DATA_FILE = "liskg-data.ttl"


class Project:
    """A LiSKG checkout: ontology/, graph_data/, queries/ and the build/ folder beside them.

    A plain class, not a dataclass: importing dataclasses (and inspect with it) would be a third of a
    named query's start-up time."""

    __slots__ = ("root",)

    def __init__(self, root: Path):
        self.root = root

    def __eq__(self, other) -> bool:
        return isinstance(other, Project) and other.root == self.root

    def __hash__(self) -> int:
        return hash(self.root)

    def __repr__(self) -> str:
        return f"Project(root={self.root!r})"

    @classmethod
    def find(cls, root: str | os.PathLike | None = None) -> Project:
        """The project at ROOT, else $LISKG_HOME, else the checkout this package runs from, else cwd."""
        return find_project(root)

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def data_dir(self) -> Path:
        return self.root / "graph_data"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def build_dir(self) -> Path:
        return self.root / "build"

    @property
    def root_file(self) -> Path:
        return self.data_dir / ROOT_DATA_FILE

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    def source_files(self) -> list[Path]:
        """Every hand-edited source the build reads (Turtle and catalogs), sorted."""
        files: list[Path] = []
        for folder in (self.ontology_dir, self.data_dir):
            files += [p for p in folder.iterdir() if p.suffix in {".ttl", ".xml"}]
        return sorted(files)

    def relative(self, path: Path) -> str:
        """A path as users see it in messages: relative to the project root when inside it."""
        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def _looks_like_project(path: Path) -> bool:
    return (path / "ontology").is_dir() and (path / "graph_data").is_dir()


def find_project(explicit: str | os.PathLike | None = None) -> Project:
    """The project named by --root, else $LISKG_HOME, else the checkout this package runs from, else cwd.

    A folder the user named (--root or $LISKG_HOME) that is not a project is an error, never a
    silent fall-back to another project's data.
    """
    for named, how in ((explicit, "--root"), (os.environ.get("LISKG_HOME"), "$LISKG_HOME")):
        if named:
            if _looks_like_project(Path(named)):
                return Project(Path(named).resolve())
            raise LiskgError(f"{how} {named}: not a LiSKG project (needs ontology/ and graph_data/ folders)")
    for candidate in (Path(__file__).resolve().parents[2], Path.cwd()):
        if _looks_like_project(candidate):
            return Project(candidate.resolve())
    raise LiskgError(
        "no LiSKG project found (need ontology/ and graph_data/); run inside a checkout or pass --root DIR"
    )
