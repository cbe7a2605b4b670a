"""The build: load -> QC -> inference -> SHACL -> (HermiT, OWL API) -> outputs in build/ (see pipeline)."""
