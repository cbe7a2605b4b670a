"""docs/interoperability.md tells the truth: its mapping table is the SSSOM file's, its counts are
the table's, and its formats table names every file `liskg release` writes."""

from __future__ import annotations

import re
import sys
from collections import Counter

from conftest import ROOT
from liskg.publish import mappings, release

PAGE = (ROOT / "docs" / "interoperability.md").read_text(encoding="utf-8")


def test_the_mapping_table_is_generated_from_the_sssom_file():
    sys.path.insert(0, str(ROOT / "scripts"))
    from interop_table import END, START

    table = mappings.markdown_table(mappings.load_mappings(ROOT), mappings.load_terms(ROOT))
    assert PAGE.split(START + "\n", 1)[1].split(END, 1)[0] == table, "run scripts/interop_table.py"
    assert table.count("\n") == 2 + 80


def test_the_counts_in_the_text_are_the_tables():
    table = mappings.load_mappings(ROOT).mappings
    counts = Counter(m.predicate_id for m in table if not m.no_term)
    stated = re.search(r"holds (\d+) rows: (.*?), each curated", PAGE, re.S).group(1, 2)
    assert int(stated[0]) == len(table)
    assert {p: int(n) for n, p in re.findall(r"(\d+)\s+`((?:skos|rdf):\w+)`", stated[1])} == counts
    assert int(re.search(r"(\d+)\s+`sssom:NoTermFound`", stated[1]).group(1)) == sum(m.no_term for m in table)


def test_the_formats_table_names_every_release_file():
    named = set(re.findall(r"^\| `([^`]+)`", PAGE.split("## Release files and formats", 1)[1], re.M))
    stems = {f"{stem}.*" for stem in ("liskg-ontology", "liskg-emmo-alignment")}
    written = {
        "liskg.ttl",
        "liskg.rdf",
        "liskg.owx",
        "liskg.nt",
        "liskg.jsonld",
        "liskg-inferred.nt",
        "context.jsonld",
        "void.ttl",
        "catalog-v001.xml",
        "SHA256SUMS",
    } | stems
    assert named - {"liskg-emmo.sssom.tsv"} == written
    assert release.CONTEXT_IRI in PAGE


def test_the_emmo_terms_query_gives_the_pages_answer():
    import pyoxigraph as ox

    from conftest import run_cli

    release_dir = ROOT / "build" / "release"
    if not (release_dir / "liskg-emmo-alignment.ttl").exists():
        assert run_cli("release", timeout=900).code == 0
    store = ox.Store()
    for name in ("liskg.ttl", "liskg-emmo-alignment.ttl"):
        store.bulk_load(path=str(release_dir / name), format=ox.RdfFormat.TURTLE)
    query = re.search(r"```sparql\n(.*?)```", PAGE, re.S).group(1)
    rows = [(r["emmoClass"].value, int(r["materials"].value)) for r in store.query(query)]
    shown = re.findall(r"^\| (\w+) \| (\d+) \|$", PAGE.split(query, 1)[1], re.M)
    assert rows == [(name, int(n)) for name, n in shown] == [("Electrolyte", 41), ("SolidElectrolyte", 25)]
