"""Where the page's physics starts, so the drawing is deterministic and reads like a cell.

The four interfaces are pinned left to right in the order they sit in a cell (I: Li/SSE, II: SSE/SSE,
III: S/SSE, IV: S/S), so the whole graph reads like a cross-section from the lithium anode to the
sulfur cathode; every other node starts near the interfaces it belongs to. vis-network's physics then
settles the drawing from there and stops.
"""

from __future__ import annotations

import hashlib

import networkx as nx

INTERFACE_ORDER = {"I": 0, "II": 1, "III": 2, "IV": 3}
ANCHOR_SPACING = 700


def _anchor_x(node: dict) -> int | None:
    if node["kind"] != "interface" or node["numeral"] not in INTERFACE_ORDER:
        return None
    return round((INTERFACE_ORDER[node["numeral"]] - (len(INTERFACE_ORDER) - 1) / 2) * ANCHOR_SPACING)


def anchors(graph: nx.MultiDiGraph) -> dict[str, int]:
    """The x of each interface to pin, when at least two are drawn (one alone would only pull aside)."""
    found = {n: _anchor_x(d) for n, d in graph.nodes(data=True) if _anchor_x(d) is not None}
    return found if len(found) > 1 else {}


def start_positions(graph: nx.MultiDiGraph, anchors: dict[str, int]) -> dict[str, list[int]]:
    """Where physics starts: the anchors on the x axis; every other node above or below the mean x
    of its anchored interfaces, at a height fixed by a hash of its IRI (deterministic, no randomness)."""
    positions = {n: [x, 0] for n, x in anchors.items()}
    for node, d in graph.nodes(data=True):
        if node in positions:
            continue
        xs = [anchors[v] for v in d["facets"]["interface"] if v in anchors]
        digest = hashlib.sha256(node.encode("utf-8")).digest()
        jitter_x, height = (int.from_bytes(digest[i:i + 4], "big") / 2**32 - 0.5 for i in (0, 4))
        x = sum(xs) / len(xs) if xs else 0
        positions[node] = [round(x + jitter_x * ANCHOR_SPACING), round(height * 2 * ANCHOR_SPACING)]
    return positions
