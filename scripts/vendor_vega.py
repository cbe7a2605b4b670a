"""Vendor Vega, Vega-Lite, vega-embed and vega-interpreter from npm into src/liskg/viz/web/vendor/.

The versions are the ones vl-convert-python renders `liskg plot` with (Vega 6.2.0, Vega-Lite 6.4.1,
vega-embed 7.0.2), so a chart looks the same in the page and in a static file. Each package comes
from the npm registry by `npm pack` (the ordinary client); the script writes its files, its licence and
vendor.json (version, licence, sha256 of the tarball and of every file). vega-interpreter ships only as
an ES module: its one import line and one export line are rewritten so it loads as a classic script
on the vega global (window.vegaInterpreter), which lets the page's Content-Security-Policy refuse
eval. Run: .venv/bin/python scripts/vendor_vega.py
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "src/liskg/viz/web/vendor"
PACKAGES = {  # package: (version, file in the tarball, vendored name)
    "vega": ("6.2.0", "package/build/vega.min.js", "vega.min.js"),
    "vega-lite": ("6.4.1", "package/build/vega-lite.min.js", "vega-lite.min.js"),
    "vega-embed": ("7.0.2", "package/build/vega-embed.min.js", "vega-embed.min.js"),
    "vega-interpreter": ("2.2.1", "package/build/vega-interpreter.js", "vega-interpreter.js"),
}
INTERPRETER_IMPORT = "import { ascending, isString, DisallowedObjectProperties } from 'vega-util';"
INTERPRETER_EXPORT = "export { expression as expressionInterpreter };"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def classic_interpreter(text: str) -> str:
    if INTERPRETER_IMPORT not in text or INTERPRETER_EXPORT not in text:
        raise SystemExit("vega-interpreter: its import/export lines changed; update scripts/vendor_vega.py")
    text = text.replace(
        INTERPRETER_IMPORT, "(function () {\nconst { ascending, isString, DisallowedObjectProperties } = vega;"
    )
    return text.replace(INTERPRETER_EXPORT, "window.vegaInterpreter = expression;\n})();")


def main() -> None:
    VENDOR.mkdir(parents=True, exist_ok=True)
    record = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (version, member, target) in PACKAGES.items():
            out = subprocess.run(
                ["npm", "pack", f"{name}@{version}", "--silent"], cwd=tmp, check=True, capture_output=True, text=True
            ).stdout.split()[-1]
            tarball = Path(tmp) / out
            with tarfile.open(tarball) as archive:
                text = archive.extractfile(member).read().decode("utf-8")
                names = archive.getnames()
                licence = archive.extractfile("package/LICENSE").read() if "package/LICENSE" in names else None
                manifest = json.loads(archive.extractfile("package/package.json").read())
            if name == "vega-interpreter":
                text = classic_interpreter(text)
            (VENDOR / target).write_text(text, encoding="utf-8")
            if licence is not None:
                (VENDOR / f"LICENSE-{name}.txt").write_bytes(licence)
            record[name] = {
                "version": version,
                "licence": manifest["license"],
                "file": target,
                "licence_file": f"LICENSE-{name}.txt"
                if licence is not None
                else "LICENSE-vega.txt (the package ships none; it is part of the Vega project)",
                "from": member,
                "tarball_sha256": sha256(tarball.read_bytes()),
                "sha256": sha256(text.encode("utf-8")),
            }
    (VENDOR / "vendor.json").write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
