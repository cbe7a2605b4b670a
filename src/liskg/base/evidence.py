"""Evidence: the sentences of the review behind a link, and whether a sentence names the things it links.

A stated link carries its sentences on an OWL 2 axiom annotation of the assertion; a measurement, an
effect statement or a claim carries them directly (liskg:evidence). Whether a sentence *names* an end
of a link is a matter of spelling, and the review's text is a PDF extraction: spaces go missing
("Li10GeP2S12and", "10-4to"), dashes vary ("–", "−", "-"), sub- and superscripts are flattened to plain
digits ("cm-1", "10−4"). So a name matches a sentence when its characters appear in order with any
whitespace between them, dashes and minus signs all counting as "-", compared case-insensitively; a
short name (three characters or fewer once spaces are gone: "Li", "In", "SSE") must match its case
exactly and stand clear of other letters, so that "In" is not found in "In addition".

What names a thing (Names):
- its rdfs:label, skos:altLabel, skos:hiddenLabel (spellings kept for this matching only) and
  liskg:chemicalFormula; for a class, also those of every narrower class;
- a study or cited analysis, and its strategies, cells and measurements: the study's reference number
  as the review cites it ("[107]", "[82, 83]", "[105–107]", "Ref.[97]");
- a measurement: its numbers as printed ("5822", "1.32 × 10-4", "10-4");
- a claim: the sentences that state it (its own liskg:evidence); a section: the sentences printed in it.

The build's checks (liskg.builder.evidence), scripts/propose_evidence.py and the `why` look-ups share
this module. It imports only the base layer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from liskg.base import engine, vocab
from liskg.base.vocab import LISKG, OWL, RDFS, RDFS_LABEL, SKOS

EVIDENCE = LISKG + "evidence"
REQUIRES_EVIDENCE = LISKG + "requiresEvidence"
ASSERTION_BASIS = LISKG + "assertionBasis"
STATED = LISKG + "StatedInReview"
INFERRED = LISKG + "EditorsInference"
STATED_IN_SOURCE = LISKG + "StatedInSource"  # a link of a paper outside the review (a template row)
SOURCE_NOTE = LISKG + "sourceNote"
ANNOTATED_SOURCE = OWL + "annotatedSource"
ANNOTATED_PROPERTY = OWL + "annotatedProperty"
ANNOTATED_TARGET = OWL + "annotatedTarget"
HIDDEN_LABEL = SKOS + "hiddenLabel"
NAME_PROPERTIES = (RDFS_LABEL, SKOS + "altLabel", HIDDEN_LABEL, LISKG + "chemicalFormula")
NUMBER_PROPERTIES = tuple(
    LISKG + p for p in ("numericValue", "minimumValue", "maximumValue", "lowerBound", "upperBound")
)
# The records that are statements themselves: their sentences hang on the node (liskg:evidence).
MEASUREMENT = LISKG + "Measurement"
EFFECT_STATEMENT = LISKG + "EffectStatement"
CLAIM = LISKG + "Claim"
SECTION = LISKG + "Section"
SUBCLASS_OF = RDFS + "subClassOf"

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"), "-")
_SPACES = re.compile(r"\s+")
_CITATION = re.compile(r"\[\s*(\d[\d\s,\-]*)\]")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")
SHORT = 3  # a name this short (without spaces) matches case-sensitively and as a word of its own


def normalize(text: str) -> str:
    """TEXT as the matching sees it: Unicode-compatible forms (superscript digits become digits), every
    dash and minus sign a hyphen, runs of whitespace one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text).translate(_DASHES)).strip()


@lru_cache(maxsize=100_000)
def _pattern(name: str) -> re.Pattern[str] | None:
    """The regular expression that finds NAME in a normalized sentence, or None for an empty name."""
    chars = [c for c in normalize(name) if not c.isspace()]
    if not chars:
        return None
    body = r"\s*".join(re.escape(c) for c in chars)
    if len(chars) > SHORT:  # a one- or two-letter word at either end stands clear of letters ("interface I")
        words = normalize(name).split(" ")
        before = r"(?<![A-Za-z])" if len(words[0]) <= 2 and words[0].isalpha() and len(words) > 1 else ""
        after = r"(?![A-Za-z])" if len(words[-1]) <= 2 and words[-1].isalpha() and len(words) > 1 else ""
        return re.compile(before + body + after, re.IGNORECASE)
    before = r"(?<![A-Za-z])" if chars[0].isalpha() else ""
    # a plural s may follow ("SSEs"), no other lower-case letter ("In" is not in "Into")
    after = r"(?:s(?![a-z])|(?![a-z]))" if chars[-1].isalpha() else ""
    return re.compile(before + body + after)


def cited_numbers(text: str) -> frozenset[int]:
    """The reference numbers a sentence cites in square brackets: [107], [82, 83], [105–107], Ref.[97]."""
    found: set[int] = set()
    for group in _CITATION.findall(normalize(text)):
        for part in group.split(","):
            ends = [int(x) for x in part.split("-") if x.strip().isdigit()]
            if len(ends) == 2 and ends[0] <= ends[1] <= ends[0] + 200:
                found.update(range(ends[0], ends[1] + 1))
            elif ends:
                found.add(ends[0])
    return frozenset(found)


def number_forms(value: str) -> tuple[str, ...]:
    """How a number stored as VALUE (an xsd:decimal's lexical form) may be printed: 5822.0 -> "5822";
    0.000132 -> "0.000132", "1.32 × 10-4"; 0.0001 -> "10-4"; -3.04 -> "3.04" (the sign is often set apart).
    Spaces are optional in matching, so "1.32×10-4" is found too."""
    try:
        number = abs(Decimal(value))
    except InvalidOperation:
        return ()
    if number == 0:
        return ("0",)
    forms = [_plain(number)]
    exponent = number.adjusted()
    if exponent <= -2:  # small numbers are printed as powers of ten; large ones never are in the review
        mantissa, power = _plain(number.scaleb(-exponent)), f"10-{-exponent}"
        forms += [power] if mantissa == "1" else []
        forms += [f"{mantissa} × {power}", f"{mantissa} x {power}"]
    return tuple(dict.fromkeys(forms))


def _plain(number: Decimal) -> str:
    text = format(number.normalize(), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@lru_cache(maxsize=100_000)
def _number_pattern(form: str) -> re.Pattern[str]:
    body = r"\s*".join(re.escape(c) for c in normalize(form) if not c.isspace())
    return re.compile(r"(?<![\d.])" + body + r"(?![\d])")


@dataclass
class Names:
    """Everything that names one thing in a sentence (see the module's docstring)."""

    strings: set[str] = field(default_factory=set)
    citations: set[int] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)  # as printed, from number_forms()
    sentences: set[str] = field(default_factory=set)  # sentence IRIs that name it by being its own

    def __bool__(self) -> bool:
        return bool(self.strings or self.citations or self.numbers or self.sentences)


@lru_cache(maxsize=100_000)
def _squeezed(text: str) -> str:
    """TEXT normalized, lower-cased, without whitespace: a name's pattern can match only where its squeezed
    form is a substring of the sentence's (a cheap test first, so most names compile no pattern)."""
    return "".join(normalize(text).lower().split())


def names_string(text: str, name: str) -> bool:
    """Whether NAME occurs in TEXT (normalized). A short name that opens the sentence before a lower-case
    word is the sentence's first word, not the name ("In addition", "As a result")."""
    if _squeezed(name) not in _squeezed(text):
        return False
    pattern = _pattern(name)
    if pattern is None:
        return False
    word = name.strip()
    capitalized = len(word) > 1 and word[0].isupper() and word[1:].islower()  # "In", "As"; not "PVD", "Li2S"
    for match in pattern.finditer(text):
        if capitalized and match.start() == 0 and re.match(r"\s+[a-z]", text[match.end() :]):
            continue
        return True
    return False


def mentions(sentence: str, text: str, names: Names) -> bool:
    """Whether the sentence SENTENCE (its IRI) with the words TEXT names a thing with NAMES."""
    if sentence in names.sentences:
        return True
    normalized = normalize(text)
    if names.citations and names.citations & cited_numbers(normalized):
        return True
    if any(_number_pattern(form).search(normalized) for form in names.numbers):
        return True
    return any(names_string(normalized, name) for name in names.strings)


def mentions_number(text: str, names: Names) -> bool:
    normalized = normalize(text)
    return any(_number_pattern(form).search(normalized) for form in names.numbers)


# ------------------------------------------------------------------- reading names from a store


def _batches(items: list[str], size: int = 400) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _rows(store, name: str, **values: list[str]):
    """The solutions of base/sparql/NAME.rq with each VALUES slot bound to IRIs."""
    import pyoxigraph as ox

    text = vocab.sparql(f"base/sparql/{name}.rq")
    return engine.solutions(store, engine.bind(text, **{k: [ox.NamedNode(v) for v in vs] for k, vs in values.items()}))


def names_of(store, iris: Iterable[str]) -> dict[str, Names]:
    """The Names of each IRI, read from STORE (a pyoxigraph Store; the asserted or the built graph)."""
    found = {iri: Names() for iri in set(iris)}
    wanted = sorted(iri for iri in found if _IRI.match(iri))  # a blank node or literal end has no names
    narrower = _narrower(store, wanted)  # a class is also named by its narrower classes' names
    strings = _strings(store, set(wanted) | {n for ns in narrower.values() for n in ns})
    for iri in wanted:
        found[iri].strings.update(strings.get(iri, ()))
        for n in narrower.get(iri, ()):
            found[iri].strings.update(strings.get(n, ()))
    for batch in _batches(wanted):
        for row in _rows(store, "evidence-citations", x=batch):
            found[row["x"].value].citations.add(int(row["n"].value))
        for row in _rows(store, "evidence-numbers", x=batch):
            found[row["x"].value].numbers.update(number_forms(row["n"].value))
        for row in _rows(store, "evidence-own-sentences", x=batch):
            found[row["x"].value].sentences.add(row["n"].value)
    return found


def _strings(store, iris: set[str]) -> dict[str, set[str]]:
    """The labels, alternative and hidden labels and formulas of each IRI."""
    found: dict[str, set[str]] = {}
    for batch in _batches(sorted(iris)):
        for row in _rows(store, "evidence-names", x=batch):
            found.setdefault(row["x"].value, set()).add(row["n"].value)
    return found


def _narrower(store, iris: list[str]) -> dict[str, set[str]]:
    """The narrower classes (at any depth) of each IRI that is a class; the class tree is read once, whole
    (the ontology's, a few hundred triples however large the data)."""
    children: dict[str, set[str]] = {}
    for row in _rows(store, "evidence-class-tree"):
        children.setdefault(row["super"].value, set()).add(row["sub"].value)
    found = {}
    for iri in iris:
        if iri in children:
            seen: set[str] = set()
            pending = [iri]
            while pending:
                for child in children.get(pending.pop(), ()):
                    if child not in seen and child != iri:
                        seen.add(child)
                        pending.append(child)
            found[iri] = seen
    return found


def sentence_texts(store, iris: Iterable[str]) -> dict[str, str]:
    """The words of the sentences IRIS, by IRI."""
    texts = {}
    for batch in _batches(sorted(i for i in set(iris) if _IRI.match(i))):
        texts.update({row["s"].value: row["t"].value for row in _rows(store, "evidence-sentence-texts", s=batch)})
    return texts
