"""Publishing LiSKG: the ontology reference, EMMO mappings, the alignment module, release files and the dataset description."""
