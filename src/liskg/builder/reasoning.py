"""Consistency and class satisfiability with the HermiT reasoner (through owlready2, needs Java)."""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, field

import pyoxigraph as ox
import rdflib

from liskg.base import engine, vocab
from liskg.base.errors import Unavailable

JAVA_HINT = (
    "HermiT needs Java: install Debian's headless JRE (apt-get install -y default-jre-headless) "
    "or build without --reason"
)


@dataclass
class ReasonerReport:
    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)
    clashes: list[tuple[str, str, str]] = field(default_factory=list)  # (individual, class, class)
    classes: int = 0
    individuals: int = 0

    def summary(self) -> str:
        if not self.consistent:
            return self.problem_line()
        return (
            f"consistent; {self.classes} classes, {self.individuals} individuals, "
            f"{len(self.unsatisfiable)} unsatisfiable classes"
        )

    def problem_line(self) -> str:
        if self.consistent:
            return f"unsatisfiable classes: {', '.join(self.unsatisfiable)}"
        if self.clashes:
            described = "; ".join(
                f"{vocab.shorten(i)} is typed both {vocab.shorten(a)} and {vocab.shorten(b)}, which are disjoint"
                for i, a, b in self.clashes
            )
            return f"HermiT: the ontology is inconsistent: {described}"
        return "HermiT: the ontology is inconsistent (no disjoint-type clash found; open it in Protégé and ask for an explanation)"


def disjoint_type_clashes(store: ox.Store) -> list[tuple[str, str, str]]:
    query = vocab.sparql("builder/rules/check-disjoint-types.rq")
    return [(r["individual"].value, r["first"].value, r["second"].value) for r in engine.solutions(store, query)]


def reason(merged: rdflib.Graph, ontology_iri: str, inferred: ox.Store | None = None) -> ReasonerReport:
    """Run HermiT on the merged ontology + data (the ontology ONTOLOGY_IRI); name the individuals behind an
    inconsistency (found in the INFERRED store)."""
    if shutil.which("java") is None:
        raise Unavailable(JAVA_HINT)
    import owlready2  # 37 ms at start-up: only --reason needs HermiT

    world = owlready2.World()
    ontology = world.get_ontology(ontology_iri)
    ontology.load(fileobj=io.BytesIO(merged.serialize(format="nt", encoding="utf-8")), format="ntriples")
    report = ReasonerReport(
        consistent=True, classes=len(list(world.classes())), individuals=len(list(world.individuals()))
    )
    try:
        with ontology:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        report.consistent = False
        report.clashes = disjoint_type_clashes(inferred) if inferred is not None else []
        return report
    except owlready2.OwlReadyJavaError as exc:
        raise Unavailable(f"HermiT failed to run: {str(exc).strip().splitlines()[-1][:200]}") from None
    report.unsatisfiable = sorted(c.iri for c in world.inconsistent_classes() if c is not owlready2.Nothing)
    return report
