"""The LiSKG-EMMO mapping table: valid SSSOM (sssom-py), every EMMO object in the shipped term list,
every subject a LiSKG term, predicates chosen as documented."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
import yaml

from conftest import ROOT
from liskg.publish import mappings


def parse_with_sssom(root):
    from sssom.parsers import parse_sssom_table

    meta = yaml.safe_load((root / mappings.METADATA_FILE).read_text(encoding="utf-8"))
    return parse_sssom_table(root / mappings.MAPPINGS_FILE, meta=meta)


def validation_results(msdf):
    from sssom.validators import validate

    return {
        kind.value: [str(r) for r in report.results] for kind, report in validate(msdf, fail_on_error=False).items()
    }


def test_the_table_validates_with_sssom_py():
    from sssom.constants import _get_sssom_schema_object

    msdf = parse_with_sssom(ROOT)
    assert len(msdf.df) == 62
    assert validation_results(msdf) == {"JsonSchema": [], "PrefixMapCompleteness": [], "StrictCurieFormat": []}
    meta = yaml.safe_load((ROOT / mappings.METADATA_FILE).read_text(encoding="utf-8"))
    assert set(meta) - {"curie_map"} <= set(_get_sssom_schema_object().mapping_set_slots)
    assert msdf.metadata["license"] == "https://creativecommons.org/licenses/by/4.0/"


def test_sssom_py_rejects_an_undeclared_prefix(tmp_path):
    (tmp_path / "ontology" / "mappings").mkdir(parents=True)
    shutil.copy(ROOT / mappings.METADATA_FILE, tmp_path / mappings.METADATA_FILE)
    text = (ROOT / mappings.MAPPINGS_FILE).read_text(encoding="utf-8")
    (tmp_path / mappings.MAPPINGS_FILE).write_text(text.replace("echem:", "ec:", 1), encoding="utf-8")
    results = validation_results(parse_with_sssom(tmp_path))
    assert any("ec" in r for r in results["PrefixMapCompleteness"])


@pytest.fixture(scope="module")
def asserted():
    from liskg import Project, open_store

    return open_store(Project(ROOT), inferred=False)


@pytest.fixture(scope="module")
def labels(asserted):
    return mappings.liskg_labels(asserted)


def test_every_mapping_points_at_a_shipped_emmo_term_and_a_liskg_term(labels, asserted):
    table = mappings.load_mappings(ROOT)
    terms = mappings.load_terms(ROOT)
    assert mappings.problems(table, terms, labels, mappings.liskg_classes(asserted)) == []
    assert {m.object_iri for m in table.mappings} == set(terms)
    assert Counter(t["emmo_version"] for t in terms.values()) == {
        "0.37.2": 28,
        "0.14.2": 9,
        "1.0.3": 8,
        "0.20.1": 5,
        "0.1.0-beta": 2,
    }


def test_a_mapping_to_a_term_emmo_does_not_have_fails(labels):
    table = mappings.load_mappings(ROOT)
    row = next(m for m in table.mappings if m.subject_id == "liskg:SulfideElectrolyte")
    fake = "https://w3id.org/emmo/domain/electrochemistry#electrochemistry_00000000_0000_0000_0000_000000000000"
    table.mappings[table.mappings.index(row)] = mappings.Mapping(
        **{**row.__dict__, "object_iri": fake, "object_id": "echem:electrochemistry_0000"}
    )
    assert mappings.problems(table, mappings.load_terms(ROOT), labels) == [
        f"{mappings.MAPPINGS_FILE}:{row.line}: echem:electrochemistry_0000 is not in the EMMO term list "
        f"{mappings.TERMS_FILE}; check the IRI, then run scripts/emmo_terms.py"
    ]


def test_predicates_are_chosen_honestly():
    table = mappings.load_mappings(ROOT)
    assert Counter(m.predicate_id for m in table.mappings) == {
        "skos:broadMatch": 27,
        "skos:exactMatch": 19,
        "skos:closeMatch": 13,
        "skos:relatedMatch": 2,
        "skos:narrowMatch": 1,
    }
    by_object = {(m.subject_id, m.object_label): m.predicate_id for m in table.mappings}
    assert by_object[("liskg:MechanicalPressing", "Pressing")] == "skos:closeMatch"  # EMMO's Pressing is joining
    assert by_object[("liskg:SolidStateElectrolyte", "SolidElectrolyte")] == "skos:closeMatch"
    assert (
        by_object[("liskg:EnergyDensity", "SpecificEnergy")] == "skos:exactMatch"
    )  # gravimetric, not EMMO's volumetric
    assert not any(m.object_label in {"Casting", "Milling"} for m in table.mappings)  # false friends


def test_a_malformed_row_is_one_line_naming_file_and_line(tmp_path):
    (tmp_path / "ontology" / "mappings").mkdir(parents=True)
    shutil.copy(ROOT / mappings.METADATA_FILE, tmp_path / mappings.METADATA_FILE)
    lines = (ROOT / mappings.MAPPINGS_FILE).read_text(encoding="utf-8").splitlines()
    lines[4] = lines[4].replace("\t", " ", 1)
    (tmp_path / mappings.MAPPINGS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    from liskg.base.errors import LiskgError

    with pytest.raises(
        LiskgError, match=r"^ontology/mappings/liskg-emmo.sssom.tsv:5: 8 columns, expected 9 \(tab-separated\)$"
    ):
        mappings.load_mappings(tmp_path)


def test_the_term_list_is_what_the_script_derives_from_the_snapshot(tmp_path):
    import subprocess
    import sys

    snapshot = ROOT.parent / "shared" / "reference" / "emmo"
    if not snapshot.is_dir():
        pytest.skip(f"no EMMO snapshot at {snapshot}")
    out = tmp_path / "emmo-terms.tsv"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "emmo_terms.py"), str(snapshot), "--output", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert out.read_bytes() == (ROOT / mappings.TERMS_FILE).read_bytes()


def test_a_subject_type_that_contradicts_liskg_fails(labels, asserted):
    table = mappings.load_mappings(ROOT)
    row = next(m for m in table.mappings if m.subject_id == "liskg:IonicConductivity")
    table.mappings[table.mappings.index(row)] = mappings.Mapping(**{**row.__dict__, "subject_type": "owl class"})
    assert mappings.problems(table, mappings.load_terms(ROOT), labels, mappings.liskg_classes(asserted)) == [
        f"{mappings.MAPPINGS_FILE}:{row.line}: subject_type 'owl class' does not match how LiSKG declares "
        "liskg:IonicConductivity"
    ]
