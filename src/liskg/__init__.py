"""LiSKG: a knowledge graph of interfacial engineering in solid-state lithium-sulfur batteries.

Architecture (one module, one job):
  source data (ontology/, graph_data/)
    -> sources (parse, follow owl:imports through the catalogs)
    -> build: qc (term checks), inference (rule materialization), validation (SHACL),
              reasoning (HermiT, optional), owlapi (OWL 2 DL profile, optional), outputs
    -> query / graph / publish, all reading the built outputs; cli wraps them.
"""

__version__ = "1.0.0"
