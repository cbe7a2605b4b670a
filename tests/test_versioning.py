"""Versions on every module, the CHANGELOG, the FAIR header fields and the deprecation policy: a
released term that is gone, or deprecated without dcterms:isReplacedBy, fails."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from liskg.base.project import Project
from liskg.publish import versioning
from liskg.sources.loading import load_sources


@pytest.fixture(scope="module")
def loaded():
    return load_sources(Project(ROOT))


def test_every_module_has_the_same_version_iri_and_info(loaded):
    project = Project(ROOT)
    assert versioning.version_problems(project, loaded) == []
    assert versioning.release_info(loaded) == {
        "version": "1.2.0",
        "created": "2026-11-25",
        "issued": "2026-12-07",
        "prior": "1.1.0",
    }
    assert len(loaded.files) == 12  # plus ontology/shapes.ttl, checked beside them


def test_the_changelog_describes_the_current_version(loaded):
    headings = re.findall(r"^## (\S+) — (\S+)$", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    info = versioning.release_info(loaded)
    assert headings[0] == (info["version"], info["issued"])


def test_ontology_and_data_headers_carry_the_fair_essentials(loaded):
    dcterms, vann = "http://purl.org/dc/terms/", "http://purl.org/vocab/vann/"
    wanted = {
        dcterms + "title",
        dcterms + "description",
        dcterms + "license",
        dcterms + "creator",
        dcterms + "created",
        dcterms + "issued",
        vann + "preferredNamespacePrefix",
        vann + "preferredNamespaceUri",
        "http://www.w3.org/2000/01/rdf-schema#label",
    }
    for iri, prefix in (("https://w3id.org/liskg/ontology", "liskg"), ("https://w3id.org/liskg/data", "lkd")):
        header = {t.predicate.value: t.object.value for f in loaded.files for t in f.triples if t.subject.value == iri}
        assert wanted <= set(header), iri
        assert header[vann + "preferredNamespacePrefix"] == prefix


def test_no_released_term_is_gone(loaded):
    project = Project(ROOT)
    version, released = versioning.read_released_terms(project)
    assert version == "1.0.0" and len(released) == 264  # 1.1.0 claimsMitigation, claimsRisk added in 1.2.0
    assert versioning.deprecation_problems(project, loaded) == []
    assert set(iri for _, iri in released) <= set(versioning.ontology_terms(project, loaded))


def line_of(project, iri):
    return next(n for n, term in versioning.read_released_terms(project)[1] if term == iri)


def test_a_removed_term_fails_until_it_is_deprecated_with_a_replacement(tmp_project):
    source = tmp_project.ontology_dir / "liskg.ttl"
    text = source.read_text(encoding="utf-8")
    source.write_text(
        text.replace("liskg:SafetyHazard a owl:Class ;", "liskg:SafetyRisk a owl:Class ;"), encoding="utf-8"
    )
    line = line_of(tmp_project, "https://w3id.org/liskg/ontology#SafetyHazard")
    assert versioning.deprecation_problems(tmp_project, load_sources(tmp_project)) == [
        f"ontology/released-terms.txt:{line}: liskg:SafetyHazard was released in 1.0.0 and is gone; keep it "
        "declared, with owl:deprecated true and dcterms:isReplacedBy its replacement"
    ]

    kept = (
        text + "\nliskg:SafetyRisk a owl:Class ; rdfs:subClassOf liskg:FailureMode .\n"
        "liskg:SafetyHazard owl:deprecated true .\n"
    )
    source.write_text(kept, encoding="utf-8")
    assert versioning.deprecation_problems(tmp_project, load_sources(tmp_project)) == [
        f"ontology/released-terms.txt:{line}: liskg:SafetyHazard is deprecated without dcterms:isReplacedBy; "
        "name its replacement"
    ]

    source.write_text(kept + "liskg:SafetyHazard dcterms:isReplacedBy liskg:SafetyRisk .\n", encoding="utf-8")
    assert versioning.deprecation_problems(tmp_project, load_sources(tmp_project)) == []


def test_a_release_with_a_missing_version_is_refused(tmp_project):
    from liskg.base.errors import CheckFailed
    from liskg.publish.release import release

    module = tmp_project.data_dir / "claims.ttl"
    module.write_text(
        module.read_text(encoding="utf-8").replace('    owl:versionInfo "1.2.0" ;\n', "", 1), encoding="utf-8"
    )
    with pytest.raises(
        CheckFailed,
        match=r"^graph_data/claims.ttl: module <https://w3id.org/liskg/data/claims> "
        r'needs owl:versionInfo "1.2.0"',
    ):
        release(tmp_project, quiet=True)
    assert not (tmp_project.build_dir / "release").exists()


def test_one_version_everywhere(loaded):
    """1.1 said 1.0.0 in pyproject.toml and `liskg --version`, 1.1.0 in the ontology."""
    import tomllib

    from conftest import run_main
    from liskg.base.version import __version__
    from liskg.publish import mappings

    version = versioning.release_info(loaded)["version"]
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    cli = run_main("--version")
    assert (pyproject, __version__, cli.out.strip()) == (version, version, f"liskg {version}")
    assert mappings.load_mappings(ROOT).metadata["mapping_set_version"] == version
    shapes = (ROOT / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    assert f'owl:versionInfo "{version}"' in shapes


def test_the_ontology_names_its_prior_version_and_a_module_cannot_name_another(tmp_project):
    source = tmp_project.ontology_dir / "units.ttl"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("/units/1.1.0>", "/units/1.0.0>"), encoding="utf-8")
    assert versioning.version_problems(tmp_project, load_sources(tmp_project)) == [
        "ontology/units.ttl: module <https://w3id.org/liskg/ontology/units> has owl:priorVersion "
        "<https://w3id.org/liskg/ontology/units/1.0.0>; the prior release is 1.1.0: "
        "<https://w3id.org/liskg/ontology/units/1.1.0> (or none, for a module new in 1.2.0)"
    ]
    core = tmp_project.ontology_dir / "liskg.ttl"
    core.write_text(
        core.read_text(encoding="utf-8").replace(
            "    owl:priorVersion <https://w3id.org/liskg/ontology/1.1.0> ;\n", ""
        ),
        encoding="utf-8",
    )
    source.write_text(text, encoding="utf-8")
    problems = versioning.version_problems(tmp_project, load_sources(tmp_project))
    assert problems[0] == (
        "ontology/liskg.ttl: the ontology needs owl:priorVersion <https://w3id.org/liskg/ontology/X.Y.Z>, the release "
        "before 1.2.0 (has '')"
    )
