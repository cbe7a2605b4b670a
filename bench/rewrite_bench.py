"""Before/after of the query rewrites in query_rewrites.py, on one scale, in pyoxigraph.

Task spec (JSON): {"root": DIR (its queries/), "nt": inferred N-Triples, "asserted": asserted Turtle, "runs": N}
"""

from __future__ import annotations

import time

import query_bench
import query_rewrites
import timing


def handle(spec: dict) -> dict:
    import pyoxigraph as ox

    inferred, asserted = ox.Store(), ox.Store()
    inferred.bulk_load(path=spec["nt"], format=ox.RdfFormat.N_TRIPLES)
    asserted.bulk_load(path=spec["asserted"], format=ox.RdfFormat.TURTLE)
    originals = query_bench.named(spec["root"])

    def answers(store, text):
        return sorted(str(row) for row in store.query(text))

    def seconds(text):
        samples = []
        for _ in range(spec["runs"]):
            start = time.perf_counter()
            for _ in inferred.query(text):
                pass
            samples.append(time.perf_counter() - start)
        return samples

    result = {}
    for name, (title, text) in query_rewrites.rewritten(originals).items():
        original = originals[name]
        result[name] = {
            "rewrite": title,
            "before": seconds(original),
            "after": seconds(text),
            "same_inferred": answers(inferred, original) == answers(inferred, text),
            "same_asserted": answers(asserted, original) == answers(asserted, text),
        }
    return result


if __name__ == "__main__":
    timing.task_main(handle)
