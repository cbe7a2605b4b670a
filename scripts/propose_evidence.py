"""Candidate sentences for the links and records of one graph_data file that have no evidence yet.

    .venv/bin/python scripts/propose_evidence.py graph_data/studies-anode.ttl
    .venv/bin/python scripts/propose_evidence.py graph_data/claims.ttl --subject lkd:claim-3-1-pressing-limitations
    .venv/bin/python scripts/propose_evidence.py graph_data/failure-modes.ttl --turtle > /tmp/proposed.ttl

For each assertion of FILE that the build requires evidence for (a property or class marked
liskg:requiresEvidence, see docs/modelling.md) and that has neither liskg:evidence nor an editors'
inference mark, and for each measurement, effect statement and claim of FILE without its own sentences,
the sentences of the review that name its ends (liskg.base.evidence: labels, alternative and hidden
labels, formulas, the study's reference number, the number as printed), searched in the sections the
record is stated in (liskg:statedInSection of the subject, of its study or of its claim) and in the
sentences next to them; best first: both ends in one sentence, then one end in a sentence beside one
naming the other. Nothing is written: a proposal names both ends, which is necessary, not sufficient.
Read each sentence: it must state the link, not merely mention its ends. With --turtle the best
proposal of each link is printed as an axiom block for the file's `# Evidence` section, each preceded
by the sentences as comments, for the curator to check, edit and paste.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import pyoxigraph as ox  # noqa: E402

from liskg.base import evidence as ev  # noqa: E402
from liskg.base.project import Project  # noqa: E402
from liskg.base.reviewtext import load_sentences  # noqa: E402
from liskg.base.vocab import LISKG, LKD, PREFIXES, RDF_TYPE, shorten  # noqa: E402
from liskg.builder import evidence as checks  # noqa: E402
from liskg.sources.loading import load_sources  # noqa: E402
from liskg.sources.positions import TriplePositions  # noqa: E402

STATED_IN = LISKG + "statedInSection"


@dataclass(frozen=True)
class Proposal:
    score: int  # 2: one sentence names both ends; 1: two sentences side by side do; 0: one end only
    sentences: tuple[str, ...]


def expand(name: str) -> str:
    prefix, _, local = name.partition(":")
    return PREFIXES[prefix] + local if prefix in PREFIXES and not name.startswith("<") else name.strip("<>")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path, help="a graph_data/*.ttl file")
    parser.add_argument("--subject", help="only the links and records of this subject (lkd:...)")
    parser.add_argument("--top", type=int, default=3, help="candidates shown per link (default 3)")
    parser.add_argument("--turtle", action="store_true", help="print the best proposals as axiom blocks")
    parser.add_argument("--all", action="store_true", help="also links that already have evidence")
    args = parser.parse_args(argv)

    project = Project(ROOT)
    path = args.file.resolve()
    store = ox.Store()
    load_sources(project, store)
    sentences = load_sentences(store)
    positions = TriplePositions(path)
    properties, classes = checks.requiring(store)
    method_classes = _narrower(store, classes)
    marked = _marked(store)

    links = []
    for (s, p, o), line in sorted(positions.triples.items(), key=lambda item: item[1]):
        if not s.startswith(LKD) or (args.subject and s != expand(args.subject)):
            continue
        if p in properties or (p == RDF_TYPE and o in method_classes):
            if args.all or (s, p, o) not in marked:
                links.append(((s, p, o), line))
    records = _records(store, positions, marked, args)

    ends = {x for (s, _p, o), _ in links for x in (s, o)} | {x for _, _, parts, _ in records for x in parts}
    names = ev.names_of(store, ends)
    sections = _sections(store, ends)
    order = sorted(sentences, key=lambda iri: _reading_order(sentences[iri]))
    place = {iri: n for n, iri in enumerate(order)}

    shown = project.relative(path)
    for (s, p, o), line in links:
        where = f"{shown}:{line}"
        wanted = sections.get(s, set()) | sections.get(o, set())
        proposals = _propose(names[s], names[o], wanted, sentences, order, place)
        _print(where, f"{shorten(s)} {shorten(p)} {shorten(o)}", proposals, sentences, args)
        if args.turtle and proposals and proposals[0].score > 0:
            _print_axiom(s, p, o, proposals[0])
    for iri, kind, parts, line in records:
        where = f"{shown}:{line}"
        wanted = set().union(*(sections.get(x, set()) for x in parts))
        if kind == "e":  # an effect statement: its method and its failure mode
            first, second = names[parts[0]], names[parts[1]]
        else:  # a measurement (its number; its study or material) or a claim (its sections' sentences)
            own = names[iri]
            first = ev.Names(numbers=own.numbers) if own.numbers else ev.Names(citations=own.citations)
            second = ev.Names(citations=own.citations, strings={n for x in parts[1:] for n in names[x].strings})
        proposals = _propose(first, second, wanted, sentences, order, place)
        _print(where, shorten(iri), proposals, sentences, args)
        if args.turtle and proposals and proposals[0].score > 0:
            print("\n".join(f"{shorten(iri)} liskg:evidence {shorten(s)} ." for s in proposals[0].sentences) + "\n")
    return 0


def _narrower(store, roots: list[str]) -> set[str]:
    if not roots:
        return set()
    values = " ".join(f"<{r}>" for r in roots)
    rows = store.query(f"SELECT DISTINCT ?c WHERE {{ VALUES ?r {{ {values} }} ?c <{ev.SUBCLASS_OF}>+ ?r }}")
    return {row["c"].value for row in rows}


def _marked(store) -> set[tuple[str, str, str]]:
    rows = store.query(
        f"""SELECT DISTINCT ?s ?p ?o WHERE {{ ?a <{ev.ANNOTATED_SOURCE}> ?s ; <{ev.ANNOTATED_PROPERTY}> ?p ;
            <{ev.ANNOTATED_TARGET}> ?o . {{ ?a <{ev.EVIDENCE}> ?e }} UNION {{ ?a <{ev.ASSERTION_BASIS}> ?b }} }}"""
    )
    found = {(r["s"].value, r["p"].value, r["o"].value) for r in rows}
    rows = store.query(
        f"SELECT DISTINCT ?x WHERE {{ {{ ?x <{ev.EVIDENCE}> ?e }} UNION {{ ?x <{ev.ASSERTION_BASIS}> ?b }} }}"
    )
    return found | {(r["x"].value, "", "") for r in rows}


def _records(store, positions: TriplePositions, marked, args) -> list[tuple[str, str, tuple[str, ...], int]]:
    """Measurements (their own IRI and what they are measured on), effect statements (method, failure mode)
    and claims (the claim itself) of the file, without sentences."""
    found = []
    rows = store.query(
        f"""SELECT ?x ?kind ?a ?b WHERE {{
            {{ ?x a <{ev.MEASUREMENT}> BIND("m" AS ?kind) OPTIONAL {{ ?x <{LISKG}measuredOn> ?a }} }}
            UNION {{ ?x a <{ev.EFFECT_STATEMENT}> ; <{LISKG}ofMethod> ?a ; <{LISKG}onFailureMode> ?b BIND("e" AS ?kind) }}
            UNION {{ ?x a ?c . ?c <{ev.SUBCLASS_OF}>* <{ev.CLAIM}> BIND("c" AS ?kind) }} }}"""
    )
    seen = set()
    for row in rows:
        iri = row["x"].value
        line = positions.subjects.get(iri)
        if line is None or iri in seen or (iri, "", "") in marked and not args.all:
            continue
        if args.subject and iri != expand(args.subject):
            continue
        seen.add(iri)
        if row["kind"].value == "e":
            parts: tuple[str, ...] = (row["a"].value, row["b"].value)
        elif row["kind"].value == "m":
            parts = (iri, *([row["a"].value] if row["a"] is not None else []))
        else:
            parts = (iri,)
        found.append((iri, row["kind"].value, parts, line))
    return sorted(found, key=lambda r: r[3])


def _sections(store, iris: set[str]) -> dict[str, set[str]]:
    """The sections each IRI is stated in, directly or through its study, cell, claim or statement."""
    found: dict[str, set[str]] = defaultdict(set)
    for batch in ev._batches(sorted(iris)):
        values = " ".join(f"<{i}>" for i in batch)
        rows = store.query(
            f"""SELECT ?x ?section WHERE {{ VALUES ?x {{ {values} }}
                {{ ?x <{STATED_IN}> ?section }}
                UNION {{ ?w <{LISKG}appliesStrategy> ?x ; <{STATED_IN}> ?section }}
                UNION {{ ?x <{LISKG}reportedBy> ?w . ?w <{STATED_IN}> ?section }}
                UNION {{ ?x <{LISKG}partOfClaim> ?w . ?w <{STATED_IN}> ?section }} }}"""
        )
        for row in rows:
            found[row["x"].value].add(row["section"].value)
    return found


def _reading_order(sentence) -> tuple:
    section = sentence.section.rsplit("section-", 1)[-1]
    key = [-1] if section == "abstract" else [int(x) for x in section.split("-") if x.isdigit()]
    return (key, sentence.paragraph, sentence.position)


def _propose(first: ev.Names, second: ev.Names, wanted: set[str], sentences, order, place) -> list[Proposal]:
    pool = [iri for iri in order if not wanted or sentences[iri].section in wanted]
    hits = {}
    for iri in pool:
        text = sentences[iri].text
        hits[iri] = (ev.mentions(iri, text, first), ev.mentions(iri, text, second))
    proposals = [Proposal(2, (iri,)) for iri, (a, b) in hits.items() if a and b]
    for iri, (a, b) in hits.items():
        if a != b:  # one end here: look for the other end within two sentences of the same paragraph
            for other in order[max(0, place[iri] - 2) : place[iri] + 3]:
                if sentences[other].paragraph != sentences[iri].paragraph or other not in hits:
                    continue
                if (a and hits[other][1] and not hits[other][0]) or (b and hits[other][0] and not hits[other][1]):
                    pair = tuple(sorted((iri, other), key=place.get))
                    proposals.append(Proposal(1, pair))
    proposals += [Proposal(0, (iri,)) for iri, (a, b) in hits.items() if a != b]
    return list(dict.fromkeys(sorted(proposals, key=lambda p: (-p.score, place[p.sentences[0]]))))


def _print(where, described, proposals, sentences, args) -> None:
    marker = "#" if args.turtle else ""
    print(f"{marker}{where}: {described}")
    if not proposals:
        print(f"{marker}  no sentence in its sections names either end")
    for proposal in proposals[: args.top]:
        for n, iri in enumerate(proposal.sentences):
            lead = f"{proposal.score}" if n == 0 else " "
            print(f'{marker}  {lead} {shorten(iri):18} "{sentences[iri].text}"')
    if not args.turtle:
        print()


def _print_axiom(s, p, o, proposal) -> None:
    evidence = " , ".join(shorten(x) for x in proposal.sentences)
    print(
        f"[] a owl:Axiom ;\n    owl:annotatedSource {shorten(s)} ;\n    owl:annotatedProperty {shorten(p)} ;\n"
        f"    owl:annotatedTarget {shorten(o)} ;\n    liskg:evidence {evidence} .\n"
    )


if __name__ == "__main__":
    sys.exit(main())
