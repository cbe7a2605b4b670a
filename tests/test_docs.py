"""`liskg docs`: the ontology reference page an editor navigates, made by Ontospy with LiSKG's template.

Expectations come from the ontology itself (parsed here with rdflib), so the tests follow edits to
the terms; only the four interfaces and their numerals are written out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from conftest import ROOT, run_cli

PREFIXES = {
    "liskg": "https://w3id.org/liskg/ontology#",
    "lkd": "https://w3id.org/liskg/data/",
    "unit": "http://qudt.org/vocab/unit/",
    "qudt": "http://qudt.org/schema/qudt/",
    "vann": "http://purl.org/vocab/vann/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "owl": str(OWL),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
CHROMIUM = Path("/usr/bin/chromium")  # Debian's, never a downloaded browser
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KINDS = {
    OWL.Class: "class",
    OWL.ObjectProperty: "object property",
    OWL.DatatypeProperty: "datatype property",
    OWL.AnnotationProperty: "annotation property",
    OWL.NamedIndividual: "individual",
}


def curie(iri) -> str:
    for prefix, namespace in PREFIXES.items():
        if str(iri).startswith(namespace):
            return f"{prefix}:{str(iri)[len(namespace) :]}"
    raise AssertionError(f"no prefix for {iri}")


def anchor_of(iri) -> str:
    """A LiSKG term's entry is at its IRI's fragment (#GarnetElectrolyte); other terms at their CURIE."""
    return str(iri).removeprefix(PREFIXES["liskg"]) if str(iri).startswith(PREFIXES["liskg"]) else curie(iri)


def iri_of(anchor: str) -> str:
    if ":" not in anchor:
        return PREFIXES["liskg"] + anchor
    prefix, local = anchor.split(":", 1)
    return PREFIXES[prefix] + local


def ontology(root: Path) -> rdflib.Graph:
    """Every ontology module the reference documents (the SHACL shapes are not part of it)."""
    graph = rdflib.Graph()
    for path in sorted((root / "ontology").glob("*.ttl")):
        if path.name != "shapes.ttl":
            graph.parse(path, format="turtle")
    return graph


class Page(HTMLParser):
    """The parts of the page the tests read: entries by id, the class tree, the interfaces table."""

    def __init__(self, html: str):
        super().__init__()
        self.entries: dict[str, dict] = {}  # id -> {"class", "h3", "text", "hrefs"}
        self.tree_pairs: set[tuple[str, str]] = set()
        self.tree_nodes: set[str] = set()
        self.interface_rows: list[list[str]] = []
        self.hrefs: list[str] = []
        self._entry = self._in_h3 = None
        self._tree_depth = self._li_stack = None
        self._row = self._cell = None
        self._div_depth = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag == "article":
            self._entry = self.entries.setdefault(
                attrs["id"], {"class": attrs["class"], "h3": "", "text": "", "hrefs": []}
            )
        if self._entry is not None and tag == "h3":
            self._in_h3 = True
        if self._entry is not None and "href" in attrs:
            self._entry["hrefs"].append(attrs["href"])
        if tag == "div" and attrs.get("class") == "tree":
            self._tree_depth, self._li_stack = self._div_depth, []
        if tag == "div":
            self._div_depth += 1
        if self._li_stack is not None:
            if tag == "li":
                self._li_stack.append(None)
            elif tag == "a" and self._li_stack and self._li_stack[-1] is None:
                node = attrs["href"].removeprefix("#")
                self._li_stack[-1] = node
                self.tree_nodes.add(node)
                if len(self._li_stack) > 1:
                    self.tree_pairs.add((self._li_stack[-2], node))
        if tag == "tr" and self._row is None and attrs.get("data-interface") is not None:
            self._row = []
        if self._row is not None and tag == "td":
            self._cell = ""

    def handle_endtag(self, tag):
        if tag == "article":
            self._entry = None
        if tag == "h3":
            self._in_h3 = False
        if tag == "div":
            self._div_depth -= 1
            if self._li_stack is not None and self._div_depth == self._tree_depth:
                self._li_stack = None
        if self._li_stack is not None and tag == "li":
            self._li_stack.pop()
        if self._row is not None and tag == "td":
            self._row.append(self._cell.strip())
            self._cell = None
        if self._row is not None and tag == "tr":
            self.interface_rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._entry is not None:
            self._entry["text"] += data
            if self._in_h3:
                self._entry["h3"] += data
        if self._cell is not None:
            self._cell += data


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> tuple[str, Page]:
    """The page `liskg docs -o DIR` writes, with one hash seed (the next test writes it with another)."""
    out = tmp_path_factory.mktemp("docs")
    result = run_cli("docs", "-o", str(out), env={"PYTHONHASHSEED": "1"})
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]  # no temp file left
    html = (out / "index.html").read_text(encoding="utf-8")
    return html, Page(html)


def test_docs_writes_one_offline_page_the_same_from_any_run(page, tmp_project):
    """In build/docs/ by default; byte-identical to the page of another run (another hash seed, an ASCII
    locale), as every output is."""
    env = {"PYTHONHASHSEED": "2", "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    result = run_cli("--root", str(tmp_project.root), "docs", env=env)
    assert result.code == 0, result.err
    assert result.out.strip() == "wrote build/docs/index.html"
    assert result.err == ""
    assert sorted(p.name for p in (tmp_project.build_dir / "docs").iterdir()) == ["index.html"]
    html = (tmp_project.build_dir / "docs" / "index.html").read_text(encoding="utf-8")
    assert html == page[0]
    assert "<title>LiSKG ontology: interfacial engineering of solid-state lithium-sulfur batteries</title>" in html
    # nothing to fetch when the page is opened offline: no external stylesheet, script, image or font (the
    # search box's script is inline)
    assert not re.search(r"<(link|img|iframe)\b|<script[^>]*\bsrc=", html)
    assert "@import" not in html and "url(" not in html


def test_every_class_property_and_individual_has_an_entry_anchored_at_its_iri(page):
    html, parsed = page
    graph = ontology(ROOT)
    expected = {}
    for kind_iri, kind in KINDS.items():
        for term in graph.subjects(RDF.type, kind_iri):
            if isinstance(term, rdflib.URIRef):
                expected[anchor_of(term)] = (term, kind)
    assert len([k for k, (_, kind) in expected.items() if kind == "individual"]) > 40  # interfaces, units, ...
    for anchor, (term, kind) in sorted(expected.items()):
        assert anchor in parsed.entries, anchor
        entry = parsed.entries[anchor]
        assert f"{kind}" in entry["h3"], (anchor, entry["h3"])
        label = graph.value(term, RDFS.label)
        assert entry["h3"].startswith(str(label) if label else anchor), (anchor, entry["h3"])
        assert str(term) in entry["text"]  # the full IRI
        assert html.count(f'id="{anchor}"') == 1
        if str(term).startswith(PREFIXES["liskg"]):  # 1.1's anchor, the CURIE, still lands on the entry
            assert html.count(f'id="{curie(term)}"') == 1, anchor
    # and nothing else: the other entries are the data individuals of the examples section
    others = {a for a, e in parsed.entries.items() if "example-individual" not in e["class"]}
    assert others == set(expected)


def test_every_internal_link_lands_on_an_anchor(page):
    html, parsed = page
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    internal = {h[1:] for h in parsed.hrefs if h.startswith("#")}
    assert internal and sorted(internal - ids) == []


def test_the_four_interfaces_are_set_side_by_side_with_their_numerals(page):
    _, parsed = page
    rows = [(numeral, label, iri) for numeral, label, iri, *_ in parsed.interface_rows]
    assert rows == [
        ("I", "Li/SSE interface", "liskg:LiSSEInterface"),
        ("II", "SSE/SSE interface", "liskg:SSESSEInterface"),
        ("III", "S/SSE interface", "liskg:SSSEInterface"),
        ("IV", "S/S interface", "liskg:SSInterface"),
    ]
    entry = parsed.entries["SSSEInterface"]["text"]
    assert re.search(r"interface numeral\s*III(?!I)", entry) and "cathode/electrolyte interface" in entry


def test_the_class_tree_is_the_ontologys_direct_subclass_pairs(page):
    _, parsed = page
    graph = ontology(ROOT)
    pairs = {
        (anchor_of(sup), anchor_of(sub))
        for sub, sup in graph.subject_objects(RDFS.subClassOf)
        if isinstance(sub, rdflib.URIRef) and isinstance(sup, rdflib.URIRef)
    }
    assert len(pairs) > 50
    assert parsed.tree_pairs == pairs
    assert parsed.tree_nodes == {
        anchor_of(c) for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, rdflib.URIRef)
    }


# a data individual: under lkd:, not a module's ontology header
DATA_INDIVIDUAL = (
    f"FILTER(STRSTARTS(STR(?x), '{PREFIXES['lkd']}')) "
    "FILTER NOT EXISTS { ?x a <http://www.w3.org/2002/07/owl#Ontology> }"
)


def test_entries_say_where_a_term_is_used_with_an_example_from_the_data(page, store, project):
    """Each example is a real data individual of the class (or a subject of the property, or a user of the
    individual), shown in the examples section; a term with uses in the data has an example. Uses are
    the asserted triples; class membership counts subclasses (the inferred graph)."""
    from liskg import open_store

    asserted = open_store(project, inferred=False)
    _, parsed = page
    checked = 0
    for anchor, entry in sorted(parsed.entries.items()):
        if "example-individual" in entry["class"]:
            continue
        term = iri_of(anchor)
        examples = [h[1:] for h in entry["hrefs"] if h.startswith("#lkd:")]
        kind = entry["class"].split()[1]
        if "punned" in entry["class"]:  # a class the data also points at: an example of either use
            used = store.query(f"ASK {{ {{ ?x a <{term}> }} UNION {{ ?x ?p <{term}> }} {DATA_INDIVIDUAL} }}")
        elif kind == "class":
            used = store.query(f"ASK {{ ?x a <{term}> {DATA_INDIVIDUAL} }}")
        elif kind == "individual":
            used = asserted.query(f"ASK {{ ?x ?p <{term}> {DATA_INDIVIDUAL} }}")
        else:
            used = asserted.query(f"ASK {{ ?x <{term}> ?o {DATA_INDIVIDUAL} }}")
        assert bool(examples) == bool(used), anchor
        if not examples:
            continue
        example = PREFIXES["lkd"] + examples[-1].split(":", 1)[1]
        assert "example-individual" in parsed.entries[examples[-1]]["class"]
        if "punned" in entry["class"]:
            assert store.query(f"ASK {{ {{ <{example}> a <{term}> }} UNION {{ <{example}> ?p <{term}> }} }}"), anchor
        elif kind == "class":
            assert store.query(f"ASK {{ <{example}> a <{term}> }}"), anchor
        elif kind == "individual":
            assert asserted.query(f"ASK {{ <{example}> ?p <{term}> }}"), anchor
        else:
            assert asserted.query(f"ASK {{ <{example}> <{term}> ?o }}"), anchor
        checked += 1
    assert checked > 100
    # a class says which properties link to it and which properties its individuals carry in the data
    interface = parsed.entries["Interface"]["text"]
    assert "in range of" in interface and "at interface" in interface and "in domain of" in interface
    study = parsed.entries["Study"]["text"]
    assert re.search(r"\d+ individuals, carrying .*applies strategy \(\d+\)", study)
    assert re.search(r"status\s*in use", study)


DEPRECATED = """
liskg:OldInterfaceGroup a owl:Class ;
    rdfs:label "old interface group"@en ;
    skos:definition "A grouping of interfaces that was replaced by the interface class."@en ;
    owl:deprecated true ;
    dcterms:isReplacedBy liskg:Interface .
"""

SSSOM = """\
# curie_map:
#   liskg: https://w3id.org/liskg/ontology#
#   emmo: https://w3id.org/emmo#
#   skos: http://www.w3.org/2004/02/skos/core#
#   semapv: https://w3id.org/semapv/vocab/
# mapping_set_id: https://w3id.org/liskg/mappings/test
subject_id\tsubject_label\tsubject_type\tpredicate_id\tobject_id\tobject_label\tobject_type\tmapping_justification\tobject_source\tobject_source_version\tcomment
liskg:Electrolyte\telectrolyte\towl class\tskos:exactMatch\temmo:EMMO_fe4d0fa9\tElectrolyte\towl class\tsemapv:ManualMappingCuration\thttps://w3id.org/emmo\t1.0.3\tsame meaning
liskg:LiSSEInterface\tLi/SSE interface\towl class\tskos:broadMatch\temmo:EMMO_1234abcd\tElectrodeElectrolyteInterface\towl class\tsemapv:ManualMappingCuration\thttps://w3id.org/emmo\t1.0.3\t
liskg:NoSuchTerm\tnothing\towl class\tskos:exactMatch\temmo:EMMO_5678\tSomething\towl class\tsemapv:ManualMappingCuration\thttps://w3id.org/emmo\t1.0.3\t
"""


def test_deprecated_terms_and_emmo_mappings_are_shown(tmp_project):
    (tmp_project.ontology_dir / "liskg.ttl").open("a", encoding="utf-8").write(DEPRECATED)
    (tmp_project.ontology_dir / "mappings").mkdir(exist_ok=True)
    (tmp_project.ontology_dir / "mappings" / "liskg-emmo.sssom.tsv").write_text(SSSOM, encoding="utf-8")
    result = run_cli("--root", str(tmp_project.root), "docs")
    assert result.code == 0, result.err
    html = (tmp_project.build_dir / "docs" / "index.html").read_text(encoding="utf-8")
    parsed = Page(html)
    old = parsed.entries["OldInterfaceGroup"]
    assert "is-deprecated" in old["class"] and "deprecated" in old["h3"]
    assert re.search(r"status\s*deprecated; use interface instead", old["text"])
    assert "#Interface" in old["hrefs"]
    assert re.search(r"status\s*in use", parsed.entries["Interface"]["text"])
    electrolyte = parsed.entries["Electrolyte"]
    assert re.search(
        r"EMMO mapping\s*skos:exactMatch Electrolyte emmo:EMMO_fe4d0fa9 \(semapv:ManualMappingCuration\): "
        r"same meaning",
        electrolyte["text"],
    )
    assert "https://w3id.org/emmo#EMMO_fe4d0fa9" in electrolyte["hrefs"]
    assert re.search(
        r"EMMO mapping\s*skos:broadMatch ElectrodeElectrolyteInterface emmo:EMMO_1234abcd",
        parsed.entries["LiSSEInterface"]["text"],
    )
    assert html.count("EMMO mapping</dt>") == 2
    # a row whose subject is no term is listed apart, so a typo in the mapping file shows
    assert re.search(
        r"<li><code>liskg:NoSuchTerm</code>: <code>skos:exactMatch</code> "
        r"<code>emmo:EMMO_5678</code></li>",
        html,
    )


def test_the_real_page_shows_no_mappings_until_the_file_exists(page):
    html, _ = page
    if (ROOT / "ontology" / "mappings" / "liskg-emmo.sssom.tsv").exists():
        pytest.skip("the mapping file exists: its rows are shown")
    assert "EMMO mapping" not in html


def test_a_mapping_file_without_the_sssom_columns_is_one_error_line(tmp_project):
    (tmp_project.ontology_dir / "mappings").mkdir(exist_ok=True)
    (tmp_project.ontology_dir / "mappings" / "liskg-emmo.sssom.tsv").write_text(
        "# curie_map:\n#   liskg: https://w3id.org/liskg/ontology#\n"
        "subject_id\tpredicate_id\tobject\nliskg:Electrolyte\tskos:exactMatch\temmo:X\n",
        encoding="utf-8",
    )
    result = run_cli("--root", str(tmp_project.root), "docs")
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(
        "liskg: error: ontology/mappings/liskg-emmo.sssom.tsv:3: the header must be the columns subject_id "
    )


@pytest.mark.browser
def test_the_page_in_chromium_loads_nothing_remote_and_the_tree_navigates(page, tmp_path):
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: apt-get install -y chromium (make test installs it)")
    html, _ = page
    path = tmp_path / "index.html"
    path.write_text(html, encoding="utf-8")
    requests, errors = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        view = browser.new_page(viewport={"width": 1600, "height": 1000})
        view.on("request", lambda request: requests.append(request.url))
        view.on("console", lambda message: message.type == "error" and errors.append(message.text))
        view.goto(path.as_uri())
        view.click(".tree >> text=garnet-type electrolyte")
        assert view.evaluate("() => decodeURIComponent(location.hash)") == "#GarnetElectrolyte"
        top = view.evaluate("() => document.getElementById('GarnetElectrolyte').getBoundingClientRect().top")
        assert 0 <= top < 100
        # 1.1's CURIE anchor still lands on the entry
        view.goto(path.as_uri() + "#liskg:SulfideElectrolyte")
        top = view.evaluate("() => document.getElementById('SulfideElectrolyte').getBoundingClientRect().top")
        assert 0 <= top < 100
        # the search box keeps the index entries that match every word, and Enter opens the first
        view.fill("#search", "garnet type")
        shown = view.evaluate(
            "() => Array.from(document.querySelectorAll('#sidebar li[data-search]')).filter(li => !li.hidden)"
            ".map(li => li.textContent.trim())"
        )
        assert shown == ["garnet-type electrolyte"], shown
        view.press("#search", "Enter")
        assert view.evaluate("() => decodeURIComponent(location.hash)") == "#GarnetElectrolyte"
        browser.close()
    assert requests == [path.as_uri()] and errors == []


def test_the_protege_guide_names_terms_and_labels_the_graph_has(store):
    """docs/extending.md walks through real terms: every CURIE it names exists, every class or property
    it names by label (`reference number`, `heat treatment`) is a label of an ontology term."""
    guide = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    steps = guide.split("## Reading the errors")[0]  # the error table quotes broken names on purpose
    prefixes = {
        "liskg": "https://w3id.org/liskg/ontology#",
        "lkd": "https://w3id.org/liskg/data/",
        "unit": "http://qudt.org/vocab/unit/",
    }
    curies = set(re.findall(r"`((?:liskg|lkd|unit):[\w.-]*[\w])`", steps))
    assert len(curies) > 10
    for name in sorted(curies):
        prefix, local = name.split(":", 1)
        assert store.query(f"ASK {{ <{prefixes[prefix]}{local}> ?p ?o }}"), name
    labels = {
        row["l"].value
        for row in store.query(
            "SELECT ?l WHERE { ?term <http://www.w3.org/2000/01/rdf-schema#label> ?l . "
            "FILTER(STRSTARTS(STR(?term), 'https://w3id.org/liskg/ontology#')) }"
        )
    }
    values = {
        "en",
        "approximately",
        "greater than",
        "at least",
        "less than",
        "up to",
        "on the order of",
        "true",
    }  # values to type, not terms
    commands = ("liskg", "git ", "rdfpipe", "build", "validate")
    names = {
        name
        for name in re.findall(r"`([a-z][a-z ()°/-]*[a-z)])`", steps)
        if name not in values and not name.startswith(commands)
    }
    assert len(names) > 30
    assert sorted(name for name in names if name not in labels) == []


def section_text(html: str, section_id: str) -> str:
    start = html.index(f'<section id="{section_id}">')
    return re.sub(r"<[^>]+>", " ", html[start : html.index("</section>", start)])


def test_anchors_are_the_iris_fragments_with_the_curies_as_aliases(page):
    """1.1 anchored entries at their CURIE (#liskg:GarnetElectrolyte), so the IRI's own fragment landed nowhere."""
    html, parsed = page
    graph = ontology(ROOT)
    own = {s for s in graph.subjects(RDF.type, None) if str(s).startswith(PREFIXES["liskg"])}
    assert len(own) > 300
    for term in own:
        fragment = str(term).split("#", 1)[1]
        assert fragment in parsed.entries, fragment
        assert f'<span class="alias" id="liskg:{fragment}"></span>' in html
    assert "GarnetElectrolyte" in parsed.entries and "https://w3id.org/liskg/ontology#GarnetElectrolyte" in html


def test_disjointness_inverses_restrictions_and_union_domains_are_shown(page):
    _, parsed = page
    oxide = parsed.entries["OxideElectrolyte"]["text"]
    assert re.search(r"disjoint with\s*[\s\S]*?hydride solid-state electrolyte", oxide)
    study = parsed.entries["Study"]["text"]
    assert re.search(r"restrictions\s*applies strategy\s+some\s+processing method", study)
    assert re.search(r"inverse of\s*applied in study", parsed.entries["appliesStrategy"]["text"])
    assert re.search(r"domain\s*processing method\s+or\s+material", parsed.entries["mitigates"]["text"])
    punned = parsed.entries["IonicConductivity"]
    assert "class · individual" in punned["h3"] and "OWL 2 punning" in punned["text"]


def test_other_vocabularies_properties_have_their_own_section(page):
    html, parsed = page
    own = section_text(html, "annotation-properties")
    other = section_text(html, "other-vocabularies")
    for term in ("dcterms:title", "skos:definition", "qudt:conversionMultiplier", "vann:preferredNamespacePrefix"):
        assert term in other and term not in own, term
    assert "liskg:sourceNote" in own and "liskg:sourceNote" not in other


def test_the_page_has_namespaces_downloads_a_citation_and_the_changelog(page):
    from test_release import FILES

    html, _ = page
    namespaces = section_text(html, "namespaces")
    for prefix, iri in PREFIXES.items():
        assert f"{prefix}:" in namespaces and iri in namespaces, prefix
    for name in FILES:
        assert f'href="https://w3id.org/liskg/release/1.2.0/{name}"' in html, name
    cite = section_text(html, "cite")
    assert "Version 1.2.0" in cite and "https://w3id.org/liskg/ontology/1.2.0" in cite and "Nano-Micro Letters" in cite
    changelog = section_text(html, "changelog")
    assert "1.2.0" in changelog and "1.1.0" in changelog and "**" not in changelog
