"""The inference choice: LiSKG's SPARQL rules in Oxigraph against owlrl's OWL-RL and RDFS closures.

All three start from the same asserted triples (ontology + data, as build() loads them); the time
excludes loading and the conversion to an rdflib graph. owlrl is stopped after a time cap.

Task spec (JSON): {"root": DIR, "runs": N, "owlrl_runs": N, "cap": S}
"""

from __future__ import annotations

import time
from pathlib import Path

import timing
from liskg.base.project import Project


def handle(spec: dict) -> dict:
    import owlrl
    import pyoxigraph as ox

    from liskg.base.rdfconvert import to_rdflib_graph
    from liskg.builder import inference
    from liskg.sources.loading import load_sources

    asserted = load_sources(Project(Path(spec["root"]))).triples()
    result = {"asserted": len(set(asserted))}

    def rules():
        store = ox.Store()
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in asserted)
        return inference.materialize(store)

    result["sparql rules"] = {"added": rules(), "seconds": timing.repeat(rules, spec["runs"])}
    for name, semantics in (("owlrl RDFS", owlrl.RDFS_Semantics), ("owlrl OWL-RL", owlrl.OWLRL_Semantics)):
        samples, added = [], None
        try:
            with timing.time_limit(spec["cap"]):
                for _ in range(spec["owlrl_runs"]):
                    graph = to_rdflib_graph(asserted)
                    before = len(graph)
                    start = time.perf_counter()
                    owlrl.DeductiveClosure(semantics).expand(graph)
                    samples.append(time.perf_counter() - start)
                    added = len(graph) - before
            result[name] = {"added": added, "seconds": samples}
        except TimeoutError as exc:
            result[name] = {"error": str(exc), "seconds": samples}
    return result


if __name__ == "__main__":
    timing.task_main(handle)
