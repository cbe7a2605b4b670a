"""Where a LiSKG project's sources and build outputs live: the folders, and the names of the files in build/.

build/ holds (liskg.builder writes them, every reader finds them here):
- liskg-merged.ttl     asserted ontology + data as one self-contained ontology (no owl:imports)
- liskg-inferred.nt    asserted + materialized triples, sorted N-Triples: what queries run on
- liskg-store/         the same triples in Oxigraph's on-disk store, which readers open read-only
- answers/             each named query's answer, computed by the build (liskg.querying.answers reads them)
- manifest.json        the sources the build was made from and the checks it passed (liskg.base.manifest)
"""

from __future__ import annotations

import os

from liskg.base.errors import LiskgError

TYPE_CHECKING = False  # typing's constant, without importing typing (milliseconds of a cold query)
if TYPE_CHECKING:  # a Project's paths are pathlib's; the plainest `liskg query NAME` gets by without it
    from pathlib import Path

ROOT_DATA_FILE = "liskg-data.ttl"
SOURCE_FOLDERS = ("ontology", "graph_data")  # what the build reads, and its freshness depends on
SOURCE_SUFFIXES = (".ttl", ".xml")
SHEET_FOLDER = "graph_data/templates"  # template sheets, in folders of their own (liskg.sources.sheets)
SHEET_SUFFIXES = (".tsv", ".csv")
BUILD = "build"
QUERIES = "queries"

# The outputs in build/.
MERGED = "liskg-merged.ttl"
INFERRED = "liskg-inferred.nt"
STORE = "liskg-store"
ANSWERS = "answers"
MANIFEST = "manifest.json"


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
        return self.root / QUERIES

    @property
    def build_dir(self) -> Path:
        return self.root / BUILD

    @property
    def root_file(self) -> Path:
        return self.data_dir / ROOT_DATA_FILE

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    def source_files(self) -> list[Path]:
        """Every hand-edited source the build reads (Turtle and catalogs), sorted."""
        return [self.root / name for name in source_names(str(self.root))]

    def relative(self, path: Path) -> str:
        """A path as users see it in messages: relative to the project root when inside it."""
        from pathlib import Path  # 22 ms at start-up, which the plainest `liskg query NAME` does without

        try:
            return str(Path(path).resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def source_names(root: str) -> list[str]:
    """The sources under ROOT (see Project.source_files) as names relative to it ("ontology/liskg.ttl"), sorted:
    the Turtle files and catalogs, and the template sheets under graph_data/templates/ at any depth."""
    names = [
        f"{folder}/{entry.name}"
        for folder in SOURCE_FOLDERS
        for entry in os.scandir(os.path.join(root, folder))
        if os.path.splitext(entry.name)[1] in SOURCE_SUFFIXES
    ]
    for folder, _subfolders, files in os.walk(os.path.join(root, SHEET_FOLDER)):
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        names += [f"{relative}/{name}" for name in files if os.path.splitext(name)[1].lower() in SHEET_SUFFIXES]
    return sorted(names)


def _looks_like_project(path: str) -> bool:
    return all(os.path.isdir(os.path.join(path, folder)) for folder in SOURCE_FOLDERS)


def find_project(explicit: str | os.PathLike | None = None) -> Project:
    """The project named by --root, else $LISKG_HOME, else the checkout this package runs from, else cwd
    (see find_root)."""
    from pathlib import Path  # 22 ms at start-up, which the plainest `liskg query NAME` does without

    return Project(Path(find_root(explicit)))


def find_root(explicit: str | os.PathLike | None = None) -> str:
    """The folder of the project named by --root, else $LISKG_HOME, else the checkout this package runs from,
    else cwd, with symbolic links resolved.

    A folder the user named (--root or $LISKG_HOME) that is not a project is an error, never a
    silent fall-back to another project's data.
    """
    for named, how in ((explicit, "--root"), (os.environ.get("LISKG_HOME"), "$LISKG_HOME")):
        if named:
            if _looks_like_project(os.fspath(named)):
                return os.path.realpath(named)
            raise LiskgError(f"{how} {named}: not a LiSKG project (needs ontology/ and graph_data/ folders)")
    checkout = os.path.realpath(__file__).rsplit(os.sep, 4)[0]  # <checkout>/src/liskg/base/project.py
    for candidate in (checkout, os.getcwd()):
        if _looks_like_project(candidate):
            return os.path.realpath(candidate)
    raise LiskgError(
        "no LiSKG project found (need ontology/ and graph_data/); run inside a checkout or pass --root DIR"
    )
