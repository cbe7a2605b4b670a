"""Publishing LiSKG: EMMO mappings, the alignment module, release files and the dataset description."""
