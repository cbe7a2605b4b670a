"""Read Protégé/OASIS XML catalogs (catalog-v001.xml) that map ontology IRIs to local files."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from liskg.base.errors import LiskgError

CATALOG_NAME = "catalog-v001.xml"
_NS = "{urn:oasis:names:tc:entity:xmlns:xml:catalog}"


def read_catalog(path: Path) -> dict[str, Path]:
    """Map each <uri name="IRI" uri="file"/> entry of one catalog to an absolute file path."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line, column = exc.position
        raise LiskgError(f"{path}:{line}:{column}: not a well-formed XML catalog ({exc.msg})") from None
    return {
        name: (path.parent / uri).resolve()
        for entry in root.iter(f"{_NS}uri")
        if (name := entry.get("name")) and (uri := entry.get("uri"))
    }


def read_catalogs(folders: list[Path]) -> dict[str, Path]:
    """Merge the catalogs found in the given folders; a later folder does not override an earlier one."""
    mapping: dict[str, Path] = {}
    for folder in folders:
        catalog = folder / CATALOG_NAME
        if catalog.exists():
            for iri, file in read_catalog(catalog).items():
                mapping.setdefault(iri, file)
    return mapping
