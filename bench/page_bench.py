"""The graph page (issue 11, and the page part of issue 16), measured against today's page in one run.

Baseline: the page of commit BASELINE (physics layout in the browser, no SPARQL engine), written
by that commit's own code (git archive into a temporary folder) from the same build. Measured in
headless Debian chromium at 1600x1000, median of RUNS loads each (at scales above 1, SCALED_RUNS
loads of the new page and one of the old):
- settled: navigation -> the graph drawn where it stays (new page: its first drawn frame, no physics;
  old page: physics stabilized, the same as ready);
- ready: navigation -> window.liskg.ready (new page: graph drawn and SPARQL engine loaded, plus
  the query of a query view answered; old page: physics stabilized);
- drawn / engine: the new page's own time to the first drawn frame and to the engine being ready;
- a named query in the page: liskg.engine.run of oxide-anode-strategies, warm, median of 5;
- a click on the most connected node -> the next painted frame;
- layout quality: in the headline view (--query oxide-anode-strategies), pairs of overlapping
  answer labels, from the page's own label boxes; and crossings of the drawn (not hidden) straight
  edges at their drawn positions, with the number of drawn edges and crossings per drawn edge;
- file size and its ratio to the baseline page.
Run: .venv/bin/python bench/page_bench.py [--scales 1,10] [--runs 3]  (prints JSON; see docs/performance.md),
or as a task of bench/targets.py: page_bench.py '{"scales": [10], "runs": 3, "scaled_runs": 3}'.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

import projects
from liskg.viz import layout
from timing import NEXT_FRAME, clicks_to_frame, task_main

BASELINE = "2cd94ec"
BASELINE_BUILD_FILES = "ade13f9"  # the commit that first tracked src/liskg/build/__init__.py and manifest.py
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HUB = """() => { const net = liskg.network, ids = liskg.nodes.getIds().filter((id) => net.body.nodes[id]);
  const hub = ids.reduce((a, b) => (net.getConnectedEdges(b).length > net.getConnectedEdges(a).length ? b : a));
  net.focus(hub, {scale: 1.0, animation: false}); return net.canvasToDOM(net.getPositions([hub])[hub]); }"""
OVERLAPS = """() => { const boxes = Object.values(liskg.network.body.nodes)
  .filter((n) => n.options.label && liskg.data.nodes.some((d) => d.id === n.id && d.answer))
  .map((n) => n.labelModule.size); let pairs = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const a = boxes[i], b = boxes[j];
    if (!(a.left + a.width <= b.left || b.left + b.width <= a.left || a.top + a.height <= b.top || b.top + b.height <= a.top)) pairs++; }
  return {labels: boxes.length, overlapping_pairs: pairs}; }"""
POSITIONS = """() => { const shown = new Set(liskg.nodes.getIds({filter: (n) => !n.hidden}));
  return [liskg.network.getPositions([...shown]),
          liskg.edges.get({filter: (e) => !e.hidden && shown.has(e.from) && shown.has(e.to)}).map((e) => [e.from, e.to])]; }"""


def crossings(positions: dict, edges: list) -> int:
    """Pairs of drawn straight edges (no shared end) that cross, at the page's positions ({"x", "y"})."""
    at = {n: (p["x"], p["y"]) for n, p in positions.items()}
    return layout.crossings(at, [(u, v) for u, v in edges if u in at and v in at])


def write_pages(project, folder: Path, code: Path | None) -> dict[str, Path]:
    """The overview and headline pages of PROJECT written by the checkout (code None) or by CODE's src/."""
    env = {"PYTHONPATH": str(code / "src")} if code else {}
    pages = {}
    for name, extra in (("overview", []), ("headline", ["--query", "oxide-anode-strategies"])):
        out = folder / f"{'old' if code else 'new'}-{name}.html"
        command = [
            sys.executable,
            "-c",
            "import sys; from liskg.cli.main import main; sys.exit(main(sys.argv[1:]))",
            "--root",
            str(project.root),
            "viz",
            *extra,
            "-o",
            str(out),
        ]
        subprocess.run(command, check=True, capture_output=True, env={**__import__("os").environ, **env})
        pages[name] = out
    return pages


def load(browser, path: Path, new: bool, runs: int, quality: bool) -> dict:
    results = []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        external = []
        page.on(
            "request",
            lambda r, external=external: r.url.startswith(("file:", "blob:", "data:")) or external.append(r.url),
        )
        start = time.perf_counter()
        page.goto(path.as_uri(), wait_until="commit", timeout=600_000)
        if new:
            page.wait_for_function(
                "() => window.liskg && typeof liskg.drawnMs === 'number'", timeout=600_000, polling=10
            )
            settled = time.perf_counter() - start
        page.wait_for_function("() => window.liskg && window.liskg.ready", timeout=600_000, polling=10)
        ready = time.perf_counter() - start
        result = {"settled": settled if new else ready, "ready": ready, "external_requests": external}
        if new:
            result.update(page.evaluate("() => ({drawn: liskg.drawnMs / 1000, engine: liskg.engine.readyMs / 1000})"))
            times = []
            for _ in range(5):
                times.append(
                    page.evaluate("""async () => { const q = liskg.engine.queries.find((x) => x.name === 'oxide-anode-strategies');
                  const t = performance.now(); await liskg.engine.run(q.text); return (performance.now() - t) / 1000; }""")
                )
            result["named_query"] = statistics.median(times)
        hub = page.evaluate(HUB)
        page.evaluate(NEXT_FRAME)
        result["click_to_frame"] = statistics.median(clicks_to_frame(page, hub["x"], hub["y"], away=(3, 300)))
        if quality:
            page.evaluate("() => liskg.network.fit({animation: false})")
            page.evaluate(NEXT_FRAME)
            result.update(page.evaluate(OVERLAPS))
            positions, edges = page.evaluate(POSITIONS)
            result["edge_crossings"] = crossings(positions, edges)
            result["drawn_edges"] = len(edges)
            result["crossings_per_edge"] = result["edge_crossings"] / max(len(edges), 1)
        page.close()
        results.append(result)
    summary = {
        key: statistics.median([r[key] for r in results])
        if isinstance(results[0][key], (int, float))
        else results[0][key]
        for key in results[0]
    }
    summary["size_bytes"] = path.stat().st_size
    return summary


def measure(scales: list[int], runs: int = 3, scaled_runs: int = 1) -> dict:
    """Both pages at every scale, as the module doc says; the JSON main() prints."""
    from playwright.sync_api import sync_playwright

    review = projects.snapshot()
    out = {"baseline": BASELINE, "scales": {}}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        tmp = Path(tmp)
        archive = tmp / "baseline.tar"
        subprocess.run(["git", "archive", "-o", str(archive), BASELINE, "src"], check=True, cwd=projects.CHECKOUT)
        with tarfile.open(archive) as tar:
            tar.extractall(tmp / "baseline", filter="data")
        for missing in ("__init__.py", "manifest.py"):  # untracked at BASELINE (.gitignore ignored every build/)
            target = tmp / "baseline" / "src" / "liskg" / "build" / missing
            if not target.exists():  # as first committed, for BASELINE's code (later versions need newer modules)
                target.write_bytes(
                    subprocess.run(
                        ["git", "show", f"{BASELINE_BUILD_FILES}:src/liskg/build/{missing}"],
                        check=True,
                        capture_output=True,
                        cwd=projects.CHECKOUT,
                    ).stdout
                )
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for scale in scales:
            project, _info = projects.scaled(review, scale)
            subprocess.run(
                [sys.executable, "-m", "liskg.cli", "--root", str(project.root), "build"],
                check=True,
                capture_output=True,
            )
            folder = tmp / f"scale-{scale}"
            folder.mkdir()
            new, old = write_pages(project, folder, None), write_pages(project, folder, tmp / "baseline")
            row = {}
            for name in ("overview", "headline"):
                quality = name == "headline"
                row[name] = {
                    "new": load(browser, new[name], True, runs if scale == 1 else scaled_runs, quality),
                    "old": load(browser, old[name], False, runs if scale == 1 else 1, quality),
                }
                row[name]["size_ratio"] = row[name]["new"]["size_bytes"] / row[name]["old"]["size_bytes"]
            out["scales"][str(scale)] = row
            print(json.dumps({scale: row}), file=sys.stderr)
        browser.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default="1,10")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scaled-runs", type=int, default=1, help="loads of the new page at scales above 1")
    args = parser.parse_args()
    print(json.dumps(measure([int(s) for s in args.scales.split(",")], args.runs, args.scaled_runs), indent=1))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1].startswith("{"):
        task_main(lambda spec: measure(spec["scales"], spec.get("runs", 3), spec.get("scaled_runs", 1)))
    else:
        main()
