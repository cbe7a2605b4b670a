"""`liskg viz` benchmarks: writing the page, and the page's layout and responsiveness in headless chromium.

The page (src/liskg/viz/web/graph.js) sets window.liskg.ready and liskg.stabilizedMs once vis-network's
stabilization ends and physics is switched off. Measured per page load: wall time from navigation to
ready, the page's own stabilization time, whether nodes still move afterwards (physics off), and the
latency from a click on the most connected node to the next painted frame.

A probe loads the same page once more with one option text replaced (`variant`: [old, new]), its
Content-Security-Policy script hash updated to match, to measure a candidate fix before/after.

Task spec (JSON): {"root": DIR, "runs": N, "page_runs": N, "variant": [old, new] or null}
"""

from __future__ import annotations

import base64
import hashlib
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import timing

LISKG = str(Path(sys.executable).parent / "liskg")
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
READY_TIMEOUT_MS = 300_000
NEXT_FRAME = timing.NEXT_FRAME
FRAME_TIMES = """() => {
  const net = liskg.network, hub = liskg.nodes.getIds()[0], redraws = [];
  for (let i = 0; i < 5; i++) { const t = performance.now(); net.redraw(); redraws.push(performance.now() - t); }
  const t = performance.now(); net.selectNodes([hub]); net.redraw(); const select = performance.now() - t;
  net.unselectAll();
  return {redraw: redraws.sort((a, b) => a - b)[2] / 1000, native_select: select / 1000};
}"""
HUB_POSITION = """() => {
  const net = liskg.network, ids = liskg.nodes.getIds();
  const hub = ids.reduce((a, b) => (net.getConnectedEdges(b).length > net.getConnectedEdges(a).length ? b : a));
  return net.canvasToDOM(net.getPositions([hub])[hub]);
}"""


def _page_load(browser, path: Path) -> dict:
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    external = []
    page.on("request", lambda request: request.url.startswith("file:") or external.append(request.url))
    start = time.perf_counter()
    page.goto(path.as_uri())
    page.wait_for_function("() => window.liskg && window.liskg.ready", timeout=READY_TIMEOUT_MS, polling=20)
    ready = time.perf_counter() - start
    stats = page.evaluate(
        "() => ({stabilized_ms: liskg.stabilizedMs, nodes: liskg.nodes.length, "
        "edges: liskg.edges.length, positions: liskg.network.getPositions()})"
    )
    page.wait_for_timeout(1000)
    moved = page.evaluate("() => liskg.network.getPositions()") != stats.pop("positions")
    frames = page.evaluate(FRAME_TIMES)
    hub = page.evaluate(HUB_POSITION)
    clicks = timing.clicks_to_frame(page, hub["x"], hub["y"], away=(5, 5))
    page.close()
    return {
        **stats,
        **frames,
        "ready": ready,
        "moved_after_layout": moved,
        "click_to_frame": statistics.median(clicks),
        "external_requests": external,
    }


def _script_hash(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def variant_page(html: str, old: str, new: str) -> str | None:
    """The page with `old` replaced by `new` in its inline script (CSP hash updated); None if absent."""
    for script in re.findall(r"<script>(.*?)</script>", html, re.S):
        if old in script:
            changed = script.replace(old, new)
            return html.replace(script, changed).replace(_script_hash(script), _script_hash(changed))
    return None


def handle(spec: dict) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "graph.html"
        write = timing.command_times([LISKG, "--root", spec["root"], "viz", "-o", str(page)], spec["runs"])
        result = {"generate": write, "bytes": page.stat().st_size}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            result["loads"] = [_page_load(browser, page) for _ in range(spec["page_runs"])]
            if spec.get("variant"):
                html = variant_page(page.read_text(encoding="utf-8"), *spec["variant"])
                if html is None:
                    result["variant_loads"] = None
                else:
                    page.write_text(html, encoding="utf-8")
                    result["variant_loads"] = [_page_load(browser, page) for _ in range(spec["page_runs"])]
            browser.close()
    return result


if __name__ == "__main__":
    timing.task_main(handle)
