"""The stages lean only downwards, and every module can be imported by its dotted path (issue 26).

tests/support/layers.py holds the rule (which layer may import which) and the checker, a function
that reads any source tree with ast; here it runs on src/ and on a small tree with a planted import.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from support import layers

SRC = ROOT / "src"


def test_no_import_crosses_the_layers_the_wrong_way():
    assert layers.unplaced(SRC) == []
    assert [str(arrow) for arrow in layers.forbidden(SRC)] == []


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "src" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "src"


def test_the_checker_finds_a_planted_import_wherever_it_hides(tmp_path):
    src = _tree(
        tmp_path,
        {
            "liskg/__init__.py": "",
            "liskg/base/__init__.py": "",
            "liskg/base/files.py": "def write():\n    from liskg.builder import pipeline\n",
            "liskg/builder/__init__.py": "",
            "liskg/builder/pipeline.py": (
                "from typing import TYPE_CHECKING\n\nfrom liskg.base import files\n\n"
                "if TYPE_CHECKING:\n    from liskg.querying.tables import render\n"
            ),
            "liskg/querying/__init__.py": "",
            "liskg/querying/tables.py": "from ..builder import pipeline\nimport liskg.cli.main\n",
            "liskg/cli/__init__.py": "",
            "liskg/cli/main.py": "import liskg.querying.tables\n",
            "liskg/helpers.py": "",
        },
    )
    found = [str(arrow) for arrow in layers.forbidden(src)]
    assert found == [
        "src/liskg/base/files.py:2: liskg.base.files (base) -> liskg.builder.pipeline (builder)",
        "src/liskg/builder/pipeline.py:6: liskg.builder.pipeline (builder) -> liskg.querying.tables (querying)",
        "src/liskg/cli/main.py:1: liskg.cli.main (cli) -> liskg.querying.tables (querying)",
        "src/liskg/querying/tables.py:1: liskg.querying.tables (querying) -> liskg.builder.pipeline (builder)",
        "src/liskg/querying/tables.py:2: liskg.querying.tables (querying) -> liskg.cli.main (cli)",
    ]
    assert layers.unplaced(src) == ["liskg.helpers"]


IMPORT_EVERY_MODULE = """
import importlib, json, sys, types
failures = []
for name in json.loads(sys.argv[1]):
    parent, _, leaf = name.rpartition(".")
    forms = {"import": f"import {name}", "import as": f"import {name} as m"}
    if parent:
        forms["from import"] = f"from {parent} import {leaf} as m"
    for form, statement in forms.items():
        scope = {}
        try:
            exec(statement, scope)
            got = scope["m"] if "m" in scope else sys.modules[name]
            if got is not sys.modules[name] or not isinstance(got, types.ModuleType):
                failures.append(f"{statement}: gives {got!r}")
        except Exception as exc:
            failures.append(f"{statement}: {type(exc).__name__}: {exc}")
import liskg
face = {n: getattr(liskg, n) for n in ("build", "query", "graph", "open_store", "status")}
failures += [f"liskg.{n} is {f!r}" for n, f in face.items() if getattr(f, "__module__", None) != "liskg.api"]
print(json.dumps(failures))
"""


def test_every_module_imports_by_its_dotted_path_and_the_face_keeps_its_functions():
    names = sorted(layers.modules(SRC))
    assert len(names) > 70 and "liskg.querying.tables" in names
    for order in (names, names[::-1]):  # whatever was loaded first
        proc = subprocess.run(
            [sys.executable, "-c", IMPORT_EVERY_MODULE, json.dumps(order)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout.splitlines()[-1]) == []
