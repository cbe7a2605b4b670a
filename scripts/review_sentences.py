"""Write graph_data/review-text.ttl, the sentence index of the review, from the text in ../shared/sources/.

    .venv/bin/python scripts/review_sentences.py            # rewrite graph_data/review-text.ttl
    .venv/bin/python scripts/review_sentences.py --check    # exit 1 when the committed file is not the output

The module is generated, never edited by hand (as ODK's committed imports): the build and a fresh clone
read the committed file and never need ../shared. The output is the same bytes on every run.

What goes in: the abstract, the body paragraphs of every section (the conclusion's numbered items are
paragraphs of section 5), the captions of Fig. 1-14 and the title of Table 1. Each paragraph is split into
sentences, and each sentence is quoted exactly as the extraction gives it (missing spaces included); only
the heading word "ABSTRACT" in front of the abstract is left out. What stays out is listed in EXCLUDED,
each line with its reason; a line of the text that is neither excluded nor recognised stops the script.

IRIs (the contract evidence links are written against; docs/modelling.md, "Naming rules"):
  lkd:para-<section>-<k>          k-th body paragraph of a section (lkd:para-2-3-2), <section> as in lkd:section-2-3
  lkd:para-abstract-1             the abstract, in lkd:section-abstract
  lkd:para-fig-<n>, -table-<n>    a figure caption, the table title, in the section where the text prints it
  lkd:sent-<paragraph>-<j>        j-th sentence of that paragraph (lkd:sent-2-3-2-5, lkd:sent-fig-5-1)
liskg:position orders sentences in their paragraph (= j) and paragraphs in their section, in reading order
with the captions counted, so a body paragraph after a caption has a position above its k.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import rdflib

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "sources" / "review-interfacial-contact-solid-state-li-s.txt"
OUTPUT = ROOT / "graph_data" / "review-text.ttl"
ONTOLOGY = ROOT / "ontology" / "liskg.ttl"
SECTIONS = ROOT / "graph_data" / "review.ttl"
MODULE = "https://w3id.org/liskg/data/review-text"
LISKG = rdflib.Namespace("https://w3id.org/liskg/ontology#")

# Lines of the extraction that are not the review's text, each found by how it starts, with the reason it
# is left out. Each must start some line of the text, or the list is stale and the script stops.
EXCLUDED = {
    "A Review on Engineering Design": "the title: lkd:review's liskg:title (graph_data/review.ttl)",
    "2024-03-01 10:59BingxinQi": "extraction metadata: a download date run into the authors' names",
    "Nano-Micro Letters 2024年4期": "extraction metadata: the journal and issue",
    "Bingxin Qi, Xinyue Hong": "the author line: lkd:review's liskg:authorList",
    "KEYWORDS ": "the keyword list: not sentences",
    "Table 1 (continued)": "the table's running head on its second page (the table body is missing from the "
    "extraction)",
    "Tsar Dolmat was greatly angered": "not part of the paper: a passage of an unrelated text that the extraction "
    "put between Section 3.2 and the caption of Fig. 9",
    "AcknowledgementsThe authors": "the acknowledgements: funding, not the review's content",
    "Declarations": "the heading of the declarations",
    "Conflict of interestThe authors": "the conflict-of-interest declaration",
    "Open AccessThis article is licensed": "the licence paragraph: the module header states the licence and credit",
}
ABSTRACT = "ABSTRACT "  # the heading word in front of the abstract, dropped from its first sentence
HEADING = re.compile(r"(\d)(?:\.(\d))? (.+)")
FIGURE = re.compile(r"Fig\.(\d+) ")
TABLE = re.compile(r"Table (\d+) ")

# A full stop (or ? or !) ends a sentence when the next sentence starts right after it, with or without
# the space the extraction often dropped ("is growing.Over the past"): with a capital letter or an
# opening quote. In a caption, a panel letter starts a sentence too ("Nature Portfolio.b Cross-sectional",
# "B.V.d, e Reprinted", "respectively.(b-f) Reprinted").
STOP = re.compile(r"[.?!]")
STARTS = re.compile(r"\s*[A-Z“‘]")
STARTS_PANEL = re.compile(r"\s*(\([a-h](?:\s*[-–,]\s*[a-h])*\)|[a-h](?:\s*[-–,]\s*[a-h])*)\s+\S")
# Full stops that end no sentence although a capital follows: (text before, text after), each as printed.
# A stop before a digit, a bracket or a small letter ends no sentence anyway ("Fig.1a", "Sect.2.4",
# "1.32 × 10-4", "Ref.[72]", "et al.[38]", "e.g., LiClO4", "i.e., the aluminum foil", "etc.)").
NOT_ENDS = [
    (re.compile(r"\bvs$"), re.compile(r"Li")),  # "2.3 V vs.Li+/Li"
    (re.compile(r"\bCo$"), re.compile(r"KGaA")),  # "Wiley–VCH Verlag GmbH & Co.KGaA, Weinheim"
    (re.compile(r"\bB$"), re.compile(r"V\b")),  # "Elsevier B.V."
    (re.compile(r"\b(?:Fig|Ref|Sect)$"), re.compile("")),  # never end a sentence, whatever follows
    (re.compile(r"\bet al$"), re.compile("")),
    (re.compile(r"\b(?:e\.g|i\.e)$"), re.compile("")),
]


@dataclass(frozen=True)
class Paragraph:
    local: str  # the IRI's local name: para-2-3-2, para-fig-5, para-table-1, para-abstract-1
    kind: str  # "Paragraph", "FigureCaption" or "TableCaption"
    section: str  # the section's local name: section-2-3, section-abstract
    label: str  # "Section 2.3, paragraph 2", "Fig. 5 caption", "Table 1 title", "Abstract, paragraph 1"
    position: int  # in its section, reading order, captions counted
    line: int  # in the source text
    sentences: tuple[str, ...]


def split_sentences(text: str, caption: bool = False) -> list[str]:
    """TEXT cut after every stop that ends a sentence (see STOP, STARTS, NOT_ENDS), each piece stripped."""
    sentences, start = [], 0
    for stop in STOP.finditer(text):
        end = stop.end()
        before, after = text[start : stop.start()], text[end:]
        if not after.strip():
            continue
        if not (STARTS.match(after) or (caption and STARTS_PANEL.match(after))):
            continue
        if any(b.search(before) and a.match(after) for b, a in NOT_ENDS):
            continue
        sentences.append(text[start:end].strip())
        start = end
    sentences.append(text[start:].strip())
    return [s for s in sentences if s]


def section_titles(path: Path = SECTIONS) -> dict[str, str]:
    """Section number ("2.3") -> title, as graph_data/review.ttl states them."""
    graph = rdflib.Graph().parse(path, format="turtle")
    return {
        str(number): str(graph.value(section, LISKG.title))
        for section, number in graph.subject_objects(LISKG.sectionNumber)
    }


def ontology_version(path: Path = ONTOLOGY) -> str:
    """The ontology's owl:versionInfo: every module carries the same version."""
    graph = rdflib.Graph().parse(path, format="turtle")
    version = graph.value(rdflib.URIRef("https://w3id.org/liskg/ontology"), rdflib.OWL.versionInfo)
    if version is None:
        raise SystemExit(f"{path}: no owl:versionInfo on the ontology header")
    return str(version)


def read_paragraphs(text: str, titles: dict[str, str]) -> list[Paragraph]:
    """Every passage of the review in text order; stops on a line it cannot place."""
    found: list[Paragraph] = []
    used: set[str] = set()
    section, number, body, position = "section-abstract", "", 0, 0
    figures: list[int] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        excluded = [prefix for prefix in EXCLUDED if line.startswith(prefix)]
        if excluded:
            used.update(excluded)
            continue
        heading = HEADING.fullmatch(line)
        if heading and ".".join(filter(None, heading.group(1, 2))) in titles:
            number = ".".join(filter(None, heading.group(1, 2)))
            if titles[number] != heading.group(3):
                raise SystemExit(
                    f"{SOURCE.name}:{line_number}: heading {line!r} is not section {number}'s title "
                    f"in {SECTIONS.name} ({titles[number]!r})"
                )
            section, body, position = "section-" + number.replace(".", "-"), 0, 0
            continue
        position += 1
        where = f"Section {number}" if number else "Abstract"
        if line.startswith(ABSTRACT):
            if number or body:
                raise SystemExit(f"{SOURCE.name}:{line_number}: an abstract after the first section")
            body += 1
            found.append(
                Paragraph(
                    "para-abstract-1",
                    "Paragraph",
                    section,
                    "Abstract, paragraph 1",
                    position,
                    line_number,
                    tuple(split_sentences(line.removeprefix(ABSTRACT))),
                )
            )
        elif figure := FIGURE.match(line):
            n = int(figure.group(1))
            if n != len(figures) + 1:
                raise SystemExit(f"{SOURCE.name}:{line_number}: Fig.{n} follows Fig.{len(figures)}")
            figures.append(n)
            found.append(
                Paragraph(
                    f"para-fig-{n}",
                    "FigureCaption",
                    section,
                    f"Fig. {n} caption",
                    position,
                    line_number,
                    tuple(split_sentences(line, caption=True)),
                )
            )
        elif table := TABLE.match(line):
            n = int(table.group(1))
            found.append(
                Paragraph(
                    f"para-table-{n}",
                    "TableCaption",
                    section,
                    f"Table {n} title",
                    position,
                    line_number,
                    tuple(split_sentences(line, caption=True)),
                )
            )
        elif not number:
            raise SystemExit(
                f"{SOURCE.name}:{line_number}: a line before the first section that is neither the "
                f"abstract nor listed in EXCLUDED: {line[:60]!r}"
            )
        else:
            body += 1
            found.append(
                Paragraph(
                    f"para-{number.replace('.', '-')}-{body}",
                    "Paragraph",
                    section,
                    f"{where}, paragraph {body}",
                    position,
                    line_number,
                    tuple(split_sentences(line)),
                )
            )
    stale = sorted(set(EXCLUDED) - used)
    if stale:
        raise SystemExit(f"{SOURCE.name}: no line starts with {stale}; update EXCLUDED")
    missing = sorted(set(titles) - {p.section.removeprefix("section-").replace("-", ".") for p in found})
    if missing:
        raise SystemExit(f"{SOURCE.name}: no paragraph found for section(s) {missing}")
    return found


def literal(text: str) -> str:
    """TEXT as a Turtle string: backslash, quote and control characters escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def sentence_label(paragraph: Paragraph, j: int) -> str:
    return f"{paragraph.label}, sentence {j}"


HEADER = """\
@prefix liskg: <https://w3id.org/liskg/ontology#> .
@prefix lkd: <https://w3id.org/liskg/data/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .

# GENERATED FILE: do not edit by hand. scripts/review_sentences.py writes it from
# ../shared/sources/{source}
# (sha256 {digest});
# regenerate with `.venv/bin/python scripts/review_sentences.py` (tests/test_review_text.py checks that
# this file is the script's output whenever ../shared is present).
#
# The review's text, paragraph by paragraph and sentence by sentence, for evidence links (liskg:evidence).
# The quotations are the review's words, under its CC BY 4.0 licence (credit and changes in the header).
# {paragraphs} paragraphs ({captions} of them captions), {sentences} sentences.

dcterms:bibliographicCitation a owl:AnnotationProperty .
dcterms:rights a owl:AnnotationProperty .

<{module}> a owl:Ontology ;
    owl:versionIRI <{module}/{version}> ;
    owl:versionInfo "{version}" ;
    owl:imports <https://w3id.org/liskg/ontology> ,
        <https://w3id.org/liskg/data/sections> ;
    dcterms:title "LiSKG sentence index of the review"@en ;
    dcterms:description "The abstract, the body paragraphs, the figure captions and the table title of the review, each paragraph split into its sentences, so that every fact in LiSKG can point to the sentences that state it. Generated by scripts/review_sentences.py from a text extraction of the review."@en ;
    rdfs:label "LiSKG sentence index of the review"@en ;
    dcterms:license <https://creativecommons.org/licenses/by/4.0/> ;
    dcterms:bibliographicCitation "Bingxin Qi, Xinyue Hong, Ying Jiang, Jing Shi, Mingrui Zhang, Wen Yan, Chao Lai. A Review on Engineering Design for Enhancing Interfacial Contact in Solid-State Lithium–Sulfur Batteries. Nano-Micro Letters, 2024." ;
    dcterms:rights "The sentences (liskg:quotedText) are verbatim quotations of the review cited in dcterms:bibliographicCitation, an open-access article under the Creative Commons Attribution 4.0 International licence (CC BY 4.0). Changes: the text was split into paragraphs and sentences; extraction artefacts such as missing spaces between sentences and words are kept as extracted; the heading word ABSTRACT, the title, author and metadata lines, the keywords, the acknowledgements, the declarations, the licence paragraph and one line that is not part of the paper were dropped; the body of Table 1, missing from the extraction, is not included."@en .
"""


def render(paragraphs: list[Paragraph], version: str, digest: str) -> str:
    """The module as Turtle: header, then each section's paragraphs in reading order, each followed by its
    sentences."""
    out = [
        HEADER.format(
            source=SOURCE.name,
            digest=digest,
            module=MODULE,
            version=version,
            paragraphs=len(paragraphs),
            captions=sum(p.kind != "Paragraph" for p in paragraphs),
            sentences=sum(len(p.sentences) for p in paragraphs),
        )
    ]
    section = None
    for p in paragraphs:
        if p.section != section:
            section = p.section
            number = section.removeprefix("section-").replace("-", ".")
            out.append(f"\n# {'Abstract' if number == 'abstract' else 'Section ' + number}\n")
        out.append(
            f"\nlkd:{p.local} a owl:NamedIndividual , liskg:{p.kind} ;\n"
            f"    rdfs:label {literal(p.label)}@en ;\n"
            f"    liskg:inSection lkd:{p.section} ;\n"
            f"    liskg:position {p.position} .\n"
        )
        stem = p.local.removeprefix("para-")
        for j, sentence in enumerate(p.sentences, start=1):
            out.append(
                f"\nlkd:sent-{stem}-{j} a owl:NamedIndividual , liskg:Sentence ;\n"
                f"    rdfs:label {literal(sentence_label(p, j))}@en ;\n"
                f"    liskg:inParagraph lkd:{p.local} ;\n"
                f"    liskg:position {j} ;\n"
                f"    liskg:quotedText {literal(sentence)} .\n"
            )
    return "".join(out)


def generate(source: Path = SOURCE) -> str:
    data = source.read_bytes()
    paragraphs = read_paragraphs(data.decode("utf-8"), section_titles())
    return render(paragraphs, ontology_version(), hashlib.sha256(data).hexdigest())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file, write nothing")
    args = parser.parse_args(argv)
    if not SOURCE.exists():
        print(f"review_sentences: {SOURCE} not found (the text lives in ../shared/sources/)", file=sys.stderr)
        return 2
    text = generate()
    if args.check:
        same = OUTPUT.exists() and OUTPUT.read_text(encoding="utf-8") == text
        print(f"review_sentences: {OUTPUT.relative_to(ROOT)} {'is' if same else 'is NOT'} the script's output")
        return 0 if same else 1
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"review_sentences: {text.count('liskg:Sentence ;')} sentences -> {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
