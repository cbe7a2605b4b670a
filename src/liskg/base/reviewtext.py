"""The review's sentences as Python values, read from graph_data/review-text.ttl's triples in a store or graph.

    from liskg.base.reviewtext import load_sentences
    sentences = load_sentences(store)          # a pyoxigraph Store or an rdflib Graph
    sentences["https://w3id.org/liskg/data/sent-2-3-1-4"].text
    # 'The Li-LLZO interface resistance decreased dramatically from 5822 to 514 Ω cm2.'

The evidence checks read the sentences a link points to (liskg:evidence) from here. Only the base modules
are imported, so any stage may use it.
"""

from __future__ import annotations

from dataclasses import dataclass

from liskg.base.errors import LiskgError
from liskg.base.vocab import LISKG, RDF_TYPE, shorten

SENTENCE = LISKG + "Sentence"
IN_PARAGRAPH = LISKG + "inParagraph"
IN_SECTION = LISKG + "inSection"
POSITION = LISKG + "position"
QUOTED_TEXT = LISKG + "quotedText"


@dataclass(frozen=True)
class Sentence:
    """One sentence of the review: the IRIs of its section and paragraph, its place in the paragraph
    (from 1) and its words as quoted."""

    section: str
    paragraph: str
    position: int
    text: str


def load_sentences(source) -> dict[str, Sentence]:
    """Every liskg:Sentence of SOURCE (a pyoxigraph Store or an rdflib Graph), by IRI, in IRI order. A sentence
    without exactly one paragraph, section, position and text is an error naming it."""
    values = _values(source)
    found = {}
    for iri in sorted(values(None, RDF_TYPE, SENTENCE)):
        paragraph = _one(values, iri, IN_PARAGRAPH)
        section = _one(values, paragraph, IN_SECTION)
        position, text = _one(values, iri, POSITION), _one(values, iri, QUOTED_TEXT)
        found[iri] = Sentence(section, paragraph, int(position), text)
    return found


def _one(values, subject: str, predicate: str) -> str:
    found = values(subject, predicate, None)
    if len(found) != 1:
        raise LiskgError(
            f"{shorten(subject)} has {len(found)} {shorten(predicate)} values; the sentence index "
            "(graph_data/review-text.ttl) needs exactly one"
        )
    return found[0]


def _values(source):
    """A function (subject, predicate, object) -> the lexical values of the missing position: the subjects when
    object is given, else the objects; on pyoxigraph's default graph or on an rdflib graph."""
    if hasattr(source, "quads_for_pattern"):
        import pyoxigraph as ox

        def node(value: str | None):
            return None if value is None else ox.NamedNode(value)

        def values(s, p, o):
            quads = source.quads_for_pattern(node(s), node(p), node(o), ox.DefaultGraph())
            return [(q.subject if o is not None else q.object).value for q in quads]

        return values

    import rdflib

    def rdflib_values(s, p, o):
        triples = source.triples((rdflib.URIRef(s) if s else None, rdflib.URIRef(p), rdflib.URIRef(o) if o else None))
        return [str(t[0] if o is not None else t[2]) for t in triples]

    return rdflib_values
