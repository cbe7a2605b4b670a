"""The sentence index of the review (graph_data/review-text.ttl, written by scripts/review_sentences.py):
the IRIs evidence links are written against, the quoted sentences, and what is left out."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import defaultdict

import pytest
import rdflib
from rdflib.namespace import RDF, RDFS

import liskg
from conftest import ROOT, run_main
from liskg.base.errors import LiskgError
from liskg.base.reviewtext import Sentence, load_sentences

LISKG = rdflib.Namespace("https://w3id.org/liskg/ontology#")
LKD = "https://w3id.org/liskg/data/"
MODULE = ROOT / "graph_data" / "review-text.ttl"

# The naming rules of docs/modelling.md: a section is "abstract" or 1-2 numbers; k and j count from 1.
SECTION = r"(?:abstract|[1-5](?:-[1-4])?)"
PARAGRAPH = re.compile(rf"para-(?:{SECTION}-[1-9]\d*|fig-[1-9]\d*|table-1)")
SENTENCE = re.compile(rf"sent-(?:{SECTION}-[1-9]\d*|fig-[1-9]\d*|table-1)-[1-9]\d*")

# Per section: body paragraphs, captions (figures and the table title), sentences (captions' included).
COUNTS = {
    "abstract": (1, 0, 6),
    "1": (6, 2, 78),
    "2": (2, 1, 11),
    "2-1": (3, 1, 50),
    "2-2": (4, 1, 61),
    "2-3": (2, 1, 35),
    "2-4": (1, 0, 14),
    "3": (1, 1, 20),
    "3-1": (5, 2, 65),
    "3-2": (3, 1, 33),
    "3-3": (6, 2, 91),
    "4": (1, 0, 6),
    "4-1": (4, 1, 44),
    "4-2": (2, 2, 27),
    "4-3": (3, 0, 22),
    "5": (5, 0, 39),
}
# Where each caption is printed: the section of the text it stands in.
CAPTIONS = {
    "fig-1": "1",
    "fig-2": "1",
    "table-1": "2",
    "fig-3": "2-1",
    "fig-4": "2-2",
    "fig-5": "2-3",
    "fig-6": "3",
    "fig-7": "3-1",
    "fig-8": "3-1",
    "fig-9": "3-2",
    "fig-10": "3-3",
    "fig-11": "3-3",
    "fig-12": "4-1",
    "fig-13": "4-2",
    "fig-14": "4-2",
}
# Sentences an evidence link will cite, checked by hand against the review.
KNOWN = {
    # Sharafi [107]: the result follows the sentence that names the study.
    "sent-2-3-1-3": "To remedy the issues of high interface impedance, Sharafi et al.[107] preheated the battery to "
    "175 °C and then cooled it to room temperature.",
    "sent-2-3-1-4": "The Li-LLZO interface resistance decreased dramatically from 5822 to 514 Ω cm2.",
    # Fu [67]
    "sent-2-3-2-18": "By forming an intermediary Li metal alloy, the interface resistance was reduced from 950 Ω "
    "cm2(the pristine garnet/Li) to 75 Ω cm2(the surface-engineered garnet/Li) at room temperature.",
    "sent-abstract-1-1": "The utilization of solid-state electrolytes (SSEs) presents a promising solution to the "
    "issues of safety concern and shuttle effect in Li–S batteries, which has garnered "
    "significant interest recently.",
    # "et al.[n]", "Fig.", "vs.Li+/Li" and "Sect." end no sentence; "1.The" and "0.1 C.Polymer" do.
    "sent-2-2-4-1": "Sun et al.[38] reported an “integration plasma (IP)” strategy for constructing an interlayer "
    "layer between Li anode and SSE (Fig.4a).",
    "sent-1-1-12": "As illustrated in Fig.1a, S8is first reduced to LiPSs (Li2Sx,4 ≤x≤ 8) at 2.3 V vs.Li+/Li, and "
    "further to Li2S at around 2.1 V versus Li+/Li, resulting in high theoretical capacity of 1675 "
    "mAh g-1.",
    "sent-4-1-3-1": "As discussed in the Sect.2.4, the interfacial contact between the rigid inorganic electrolyte "
    "and the solid electrodes is consistently poor, which impedes the electrochemical performance "
    "of solid-state batteries.",
    "sent-5-2-1": "(1) The electrochemical performances of the state-of-theart solid-state Li–S batteries are still "
    "inferior to those of liquid electrolyte systems, as indicated in Table 1.",
    "sent-2-4-1-13": "The solid-state Li–S battery based on the modified LAGP electrolyte exhibited high Coulombic "
    "efficiencies approaching 100%, and outstanding cycle stability with a capacity retention of "
    "1080 mAh g-1after 150 cycles at 0.1 C.",
    # Captions: a panel letter starts a sentence; "B.V." and "Co.KGaA" end none.
    "sent-fig-3-6": "b, c Reprinted from Ref.[66] with permission.",
    "sent-fig-3-7": "Copyright 2012, Elsevier B.V.",
    "sent-fig-7-10": "(b-f) Reprinted from Ref.[75] with permission.",
    "sent-fig-11-5": "Copyright 2020, WILEY–VCH Verlag GmbH & Co.KGaA, Weinheim.",
    "sent-fig-13-1": "Fig.13 Roadmap toward the practical solid-state Li–S batteries according to the currently "
    "reported cell performance.",
    "sent-table-1-1": "Table 1 Summary of electrochemical performances of solid-state Li–S batteries employing "
    "various strategies to enhance interfacial contact",
}


def _script():
    spec = importlib.util.spec_from_file_location("review_sentences", ROOT / "scripts" / "review_sentences.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return _script()


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(MODULE)


@pytest.fixture(scope="module")
def sentences(graph) -> dict[str, Sentence]:
    return load_sentences(graph)


def local(iri) -> str:
    return str(iri).removeprefix(LKD)


def section_of(graph, paragraph) -> str:
    return local(graph.value(paragraph, LISKG.inSection)).removeprefix("section-")


def test_the_stray_line_is_never_a_sentence(graph, script):
    texts = [str(o) for o in graph.objects(None, LISKG.quotedText)]
    assert not [t for t in texts if re.search("Tsar Dolmat|Cossack|comest thou", t)]
    assert "Tsar Dolmat" not in MODULE.read_text(encoding="utf-8")
    assert script.EXCLUDED["Tsar Dolmat was greatly angered"].startswith("not part of the paper")


def test_the_excluded_lines_are_the_ones_meant(script, source_text):
    lines = [line.strip() for line in source_text.splitlines()]
    where = {
        prefix: [n for n, line in enumerate(lines, start=1) if line.startswith(prefix)] for prefix in script.EXCLUDED
    }
    assert where == {
        "A Review on Engineering Design": [1],
        "2024-03-01 10:59BingxinQi": [3],
        "Nano-Micro Letters 2024年4期": [4],
        "Bingxin Qi, Xinyue Hong": [6],
        "KEYWORDS ": [10],
        "Table 1 (continued)": [36],
        "Tsar Dolmat was greatly angered": [104],
        "AcknowledgementsThe authors": [172],
        "Declarations": [174],
        "Conflict of interestThe authors": [176],
        "Open AccessThis article is licensed": [178],
    }


def test_the_committed_module_is_the_scripts_output(script, source_text):
    """Skips where ../shared is missing: a clone builds from the committed file alone."""
    assert script.SOURCE.read_text(encoding="utf-8") == source_text
    first, second = script.generate(), script.generate()
    assert first == second
    assert MODULE.read_text(encoding="utf-8") == first, "run .venv/bin/python scripts/review_sentences.py"
    assert script.main(["--check"]) == 0


def test_every_paragraph_of_the_review_is_there_word_for_word(graph, sentences, script, source_text):
    """Every line of the text is a heading, an excluded line or one paragraph, whose sentences put back
    together are the line itself (only the heading word ABSTRACT is dropped)."""
    by_paragraph = defaultdict(list)
    for sentence in sentences.values():
        by_paragraph[sentence.paragraph].append((sentence.position, sentence.text))
    texts = ["".join(text for _, text in sorted(found)) for _, found in sorted(by_paragraph.items())]
    titles = script.section_titles()
    kept = []
    for line in filter(None, map(str.strip, source_text.splitlines())):
        heading = script.HEADING.fullmatch(line)
        if any(line.startswith(prefix) for prefix in script.EXCLUDED):
            continue
        if heading and titles.get(".".join(filter(None, heading.group(1, 2)))) == heading.group(3):
            continue
        kept.append(line.removeprefix("ABSTRACT "))
    assert len(kept) == 64
    assert sorted(texts) == sorted(kept)


def test_paragraphs_captions_and_sentences_per_section(graph, sentences):
    found = defaultdict(lambda: [0, 0, 0])
    for paragraph in set(graph.subjects(LISKG.inSection, None)):
        caption = (paragraph, RDF.type, LISKG.Paragraph) not in graph
        found[section_of(graph, paragraph)][1 if caption else 0] += 1
    for sentence in sentences.values():
        found[sentence.section.removeprefix(LKD + "section-")][2] += 1
    assert {s: tuple(v) for s, v in found.items()} == COUNTS
    assert len(sentences) == 602 and sum(v[0] + v[1] for v in COUNTS.values()) == 64


def test_captions_are_typed_and_placed_where_the_text_prints_them(graph):
    figures = {local(p): section_of(graph, p) for p in graph.subjects(RDF.type, LISKG.FigureCaption)}
    tables = {local(p): section_of(graph, p) for p in graph.subjects(RDF.type, LISKG.TableCaption)}
    assert {**figures, **tables} == {f"para-{k}": v for k, v in CAPTIONS.items()}
    assert set(tables) == {"para-table-1"}


def test_known_sentences_have_their_iris_and_text(sentences):
    assert {local(i): sentences[LKD + local(i)].text for i in (LKD + k for k in KNOWN)} == KNOWN
    sharafi = sentences[LKD + "sent-2-3-1-4"]
    assert sharafi == Sentence(LKD + "section-2-3", LKD + "para-2-3-1", 4, KNOWN["sent-2-3-1-4"])


def test_every_sentence_has_one_text_position_paragraph_and_label(graph):
    for sentence in graph.subjects(RDF.type, LISKG.Sentence):
        for predicate in (LISKG.quotedText, LISKG.position, LISKG.inParagraph, RDFS.label):
            assert len(list(graph.objects(sentence, predicate))) == 1, (sentence, predicate)
        text = graph.value(sentence, LISKG.quotedText)
        assert text.language is None and text.datatype is None, sentence
        assert str(text) == str(text).strip() != "", sentence
        assert (graph.value(sentence, LISKG.inParagraph), LISKG.inSection, None) in graph, sentence


def test_positions_count_from_one_in_reading_order(graph, sentences):
    in_paragraph = defaultdict(list)
    for iri, sentence in sentences.items():
        in_paragraph[sentence.paragraph].append(sentence.position)
        assert iri.endswith(f"-{sentence.position}")
    assert all(sorted(found) == list(range(1, len(found) + 1)) for found in in_paragraph.values())
    in_section = defaultdict(list)
    for paragraph in graph.subjects(LISKG.inSection, None):
        in_section[section_of(graph, paragraph)].append(
            (graph.value(paragraph, LISKG.position).toPython(), local(paragraph))
        )
    for section, found in in_section.items():
        assert [p for p, _ in sorted(found)] == list(range(1, len(found) + 1)), section
    # A body paragraph after a caption stands one place further on than its number.
    assert sorted(in_section["2-1"]) == [(1, "para-2-1-1"), (2, "para-2-1-2"), (3, "para-fig-3"), (4, "para-2-1-3")]


def test_iris_and_labels_follow_the_naming_rules(graph):
    paragraphs = {local(p) for p in graph.subjects(LISKG.inSection, None)}
    assert all(PARAGRAPH.fullmatch(p) for p in paragraphs), sorted(p for p in paragraphs if not PARAGRAPH.fullmatch(p))
    for sentence in graph.subjects(RDF.type, LISKG.Sentence):
        name, paragraph = local(sentence), local(graph.value(sentence, LISKG.inParagraph))
        assert SENTENCE.fullmatch(name) and name.startswith("sent-" + paragraph.removeprefix("para-") + "-"), name
    for paragraph in graph.subjects(LISKG.inSection, None):
        section = section_of(graph, paragraph)
        if local(paragraph).removeprefix("para-").split("-")[0] not in ("fig", "table"):
            assert local(paragraph).startswith(f"para-{section}-"), paragraph
    labels = {
        local(s): str(graph.value(s, RDFS.label))
        for s in graph.subjects(RDFS.label, None)
        if re.match(LKD + "(para|sent)-", str(s))
    }
    assert labels["sent-2-3-2-18"] == "Section 2.3, paragraph 2, sentence 18"
    assert labels["para-fig-5"] == "Fig. 5 caption" and labels["sent-fig-5-2"] == "Fig. 5 caption, sentence 2"
    assert labels["sent-abstract-1-3"] == "Abstract, paragraph 1, sentence 3"
    assert labels["sent-table-1-1"] == "Table 1 title, sentence 1"
    assert len(set(labels.values())) == len(labels) == 602 + 64


def test_the_header_credits_the_review_under_cc_by(graph):
    onto = rdflib.URIRef("https://w3id.org/liskg/data/review-text")
    dcterms = rdflib.Namespace("http://purl.org/dc/terms/")
    assert graph.value(onto, dcterms.license) == rdflib.URIRef("https://creativecommons.org/licenses/by/4.0/")
    citation = str(graph.value(onto, dcterms.bibliographicCitation))
    assert citation.startswith(
        "Bingxin Qi, Xinyue Hong, Ying Jiang, Jing Shi, Mingrui Zhang, Wen Yan, Chao Lai. "
        "A Review on Engineering Design for Enhancing Interfacial Contact in Solid-State "
        "Lithium–Sulfur Batteries. Nano-Micro Letters, 2024"
    )
    assert "doi" not in citation.lower()
    rights = str(graph.value(onto, dcterms.rights))
    assert "verbatim quotations" in rights and "CC BY 4.0" in rights and "missing spaces" in rights
    assert graph.value(onto, dcterms.title) and graph.value(onto, dcterms.description)
    assert MODULE.read_text(encoding="utf-8").startswith(
        "@prefix"
    ) and "# GENERATED FILE: do not edit by hand" in MODULE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "caption", "expected"),
    [
        ("is growing.Over the past decade.", False, ["is growing.", "Over the past decade."]),
        (
            "Sun et al.[38] reported it (Fig.4a).First, Ag was sprayed.",
            False,
            ["Sun et al.[38] reported it (Fig.4a).", "First, Ag was sprayed."],
        ),
        (
            "at 2.3 V vs.Li+/Li, and 1.32 × 10-4S cm-1 (e.g., LiClO4, etc.) and Sect.2.4, i.e., the foil.",
            False,
            ["at 2.3 V vs.Li+/Li, and 1.32 × 10-4S cm-1 (e.g., LiClO4, etc.) and Sect.2.4, i.e., the foil."],
        ),
        (
            "as indicated in Table 1.The next step: (1) one; (2) two.",
            False,
            ["as indicated in Table 1.", "The next step: (1) one; (2) two."],
        ),
        ("restrain the “shuttle effect”.In comparison.", False, ["restrain the “shuttle effect”.", "In comparison."]),
        ("at 0.1 C.Polymer modification.", False, ["at 0.1 C.", "Polymer modification."]),
        ("a word.b lower case in the body", False, ["a word.b lower case in the body"]),
        (
            "Fig.3 a One.Reprinted from Ref.[97] with permission.Copyright 2016, Elsevier B.V.d, e Two.(b-f) Three",
            True,
            [
                "Fig.3 a One.",
                "Reprinted from Ref.[97] with permission.",
                "Copyright 2016, Elsevier B.V.",
                "d, e Two.",
                "(b-f) Three",
            ],
        ),
        (
            "Copyright 2020, Wiley–VCH Verlag GmbH & Co.KGaA, Weinheim.e Schematic",
            True,
            ["Copyright 2020, Wiley–VCH Verlag GmbH & Co.KGaA, Weinheim.", "e Schematic"],
        ),
        (
            "states (i.e., flat, bent and clustered states).c Cycling at 0.1C.Reprinted",
            True,
            ["states (i.e., flat, bent and clustered states).", "c Cycling at 0.1C.", "Reprinted"],
        ),
    ],
)
def test_sentence_boundaries(script, text, caption, expected):
    assert script.split_sentences(text, caption=caption) == expected


def test_a_line_the_script_cannot_place_stops_it(script, tmp_path):
    text = "ABSTRACT One.\n\n1 Introduction\n\nBody.\n"
    titles = {"1": "Introduction"}
    assert [p.local for p in script.read_paragraphs(text + "".join(f"\n{p}x\n" for p in script.EXCLUDED), titles)] == [
        "para-abstract-1",
        "para-1-1",
    ]
    with pytest.raises(SystemExit, match="no line starts with"):
        script.read_paragraphs(text, titles)
    with pytest.raises(SystemExit, match="neither the abstract nor listed in EXCLUDED"):
        script.read_paragraphs("A stray line.\n" + text + "".join(f"\n{p}x\n" for p in script.EXCLUDED), titles)
    with pytest.raises(SystemExit, match="is not section 1's title"):
        script.read_paragraphs(
            text.replace("Introduction", "Intro") + "".join(f"\n{p}x\n" for p in script.EXCLUDED), titles
        )


def test_load_sentences_reads_the_built_store_and_the_module_alike(store, sentences):
    assert load_sentences(store) == sentences
    assert list(sentences) == sorted(sentences)


def test_load_sentences_names_a_sentence_without_text():
    graph = rdflib.Graph()
    sentence, paragraph = rdflib.URIRef(LKD + "sent-9-1-1"), rdflib.URIRef(LKD + "para-9-1")
    graph.add((sentence, RDF.type, LISKG.Sentence))
    graph.add((sentence, LISKG.inParagraph, paragraph))
    graph.add((sentence, LISKG.position, rdflib.Literal(1)))
    graph.add((paragraph, LISKG.inSection, rdflib.URIRef(LKD + "section-9")))
    with pytest.raises(LiskgError, match=r"^lkd:sent-9-1-1 has 0 liskg:quotedText values; the sentence index "):
        load_sentences(graph)


def test_passages_are_neither_drawn_nor_counted_as_research_records(project, store):
    graph = liskg.graph(project)
    assert not [n for n in graph if re.match(LKD + "(para|sent)-", n)]
    result = run_main("--root", str(project.root), "stats")
    assert result.code == 0 and "studies               44" in result.out and "claims                95" in result.out
    drawn = run_main("--root", str(project.root), "stats", "--graph")
    assert "graph drawn by `liskg viz`: 479 nodes" in drawn.out


def test_shacl_flags_a_sentence_without_text_and_evidence_that_is_no_sentence(tmp_project):
    module = tmp_project.data_dir / "review-text.ttl"
    text = module.read_text(encoding="utf-8")
    start = text.index("lkd:sent-2-3-1-4 a owl:NamedIndividual")
    quoted = text.index("    liskg:quotedText ", start)
    broken = text[:quoted].rstrip().removesuffix(";") + ".\n" + text[text.index("\n", quoted) + 1 :]
    module.write_text(broken + "\nlkd:ref-107 liskg:evidence lkd:para-2-3-1 .\n", encoding="utf-8")
    line = broken.count("\n", 0, start) + 1
    result = run_main("--root", str(tmp_project.root), "build", "-q")
    assert result.code != 0
    errors = result.err.splitlines()
    assert (
        f'liskg: error: graph_data/review-text.ttl:{line}: SHACL SentenceShape: lkd:sent-2-3-1-4 "Section 2.3, '
        'paragraph 1, sentence 4": liskg:quotedText: a sentence needs its words, once, as a plain string '
        "(liskg:quotedText)"
    ) in errors, errors
    assert any(
        "SHACL EvidenceShape: lkd:ref-107" in e and "evidence must be a sentence of the review" in e for e in errors
    ), errors
