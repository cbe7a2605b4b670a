"""The same named queries on two engines over the same inferred graph: pyoxigraph and rdflib in memory.

Each engine loads the graph from N-Triples, then evaluates every query to its last row. rdflib is
pure Python, so its queries are stopped after a time cap instead of being left to run for minutes.

Task spec (JSON): {"engine": "oxigraph"|"rdflib", "nt": PATH, "queries": {name: text}, "runs": N,
                   "caps": {name: seconds}}
"""

from __future__ import annotations

import time

import timing


def multi_hop_filter(text: str) -> bool:
    """True for a query with a FILTER and a multi-hop pattern: a property path (a/b, p*, p+) or a chain
    ?x p ?y . ?y q ?z. This is the query class of the 15x target."""
    from rdflib.paths import Path
    from rdflib.plugins.sparql import prepareQuery
    from rdflib.term import Variable

    triples, filters = [], []

    def walk(node):
        if isinstance(node, dict):
            if getattr(node, "name", "") == "BGP":
                triples.extend(node["triples"])
            if getattr(node, "name", "") == "Filter":
                filters.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value)

    walk(prepareQuery(text).algebra)
    objects = {o for _, _, o in triples if isinstance(o, Variable)}
    chained = any(isinstance(s, Variable) and s in objects for s, _, _ in triples)
    return bool(filters) and (chained or any(isinstance(p, Path) for _, p, _ in triples))


def _oxigraph(path: str):
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.N_TRIPLES)
    return (lambda text: sum(1 for _ in store.query(text))), len(store)


def _rdflib(path: str):
    import rdflib

    graph = rdflib.Graph()
    graph.parse(path, format="nt")
    return (lambda text: sum(1 for _ in graph.query(text))), len(graph)


def handle(spec: dict) -> dict:
    start = time.perf_counter()
    evaluate, triples = {"oxigraph": _oxigraph, "rdflib": _rdflib}[spec["engine"]](spec["nt"])
    result = {"load": time.perf_counter() - start, "triples": triples, "queries": {}}
    for name, text in spec["queries"].items():
        samples = []
        try:
            with timing.time_limit(spec["caps"][name]):
                for _ in range(spec["runs"]):
                    begin = time.perf_counter()
                    rows = evaluate(text)
                    samples.append(time.perf_counter() - begin)
            result["queries"][name] = {"rows": rows, "seconds": samples}
        except TimeoutError as exc:
            result["queries"][name] = {"error": str(exc), "seconds": samples}
        timing.emit(result)
    return result


if __name__ == "__main__":
    timing.task_main(handle)
