"""The vocabulary every module shares: namespaces, IRI shortening, and the SPARQL files shipped in the package."""

from __future__ import annotations

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
LISKG = "https://w3id.org/liskg/ontology#"
LKD = "https://w3id.org/liskg/data/"
UNIT = "http://qudt.org/vocab/unit/"
QUDT = "http://qudt.org/schema/qudt/"
VANN = "http://purl.org/vocab/vann/"

# The prefixes of every output and message, in the order they are bound.
PREFIXES = {
    "liskg": LISKG,
    "lkd": LKD,
    "unit": UNIT,
    "qudt": QUDT,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "vann": VANN,
    "owl": OWL,
    "xsd": XSD,
    "rdf": RDF,
    "rdfs": RDFS,
}
OWNED_NAMESPACES = (LISKG, LKD, UNIT)  # the namespaces LiSKG mints terms in

RDF_TYPE = RDF + "type"
RDFS_LABEL = RDFS + "label"
OWL_IMPORTS = OWL + "imports"
OWL_ONTOLOGY = OWL + "Ontology"
NUMERIC_TYPES = frozenset(
    XSD + t
    for t in (
        "decimal",
        "integer",
        "double",
        "float",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)


def shorten(iri: str) -> str:
    """An IRI as prefix:local when a known prefix fits (liskg:Study, lkd:ref-107), else <iri>."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def sparql(path: str) -> str:
    """The text of a SPARQL file shipped in the package, by its path inside liskg/ ("viz/sparql/graph-nodes.rq")."""
    from importlib import resources  # 12 ms at start-up: a table printed from an answer's cells never needs it

    return resources.files("liskg").joinpath(path).read_text(encoding="utf-8")


def sparql_folder(folder: str, prefix: str = "") -> dict[str, str]:
    """Every .rq file of a package folder whose name starts with PREFIX, by file name, sorted."""
    from importlib import resources  # 12 ms at start-up, as in sparql()

    files = sorted(resources.files("liskg").joinpath(folder).iterdir(), key=lambda p: p.name)
    return {
        p.name: p.read_text(encoding="utf-8") for p in files if p.name.endswith(".rq") and p.name.startswith(prefix)
    }
