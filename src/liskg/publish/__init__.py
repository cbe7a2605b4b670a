"""Publishing: the ontology reference documentation."""
