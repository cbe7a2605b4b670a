"""The formats a query result prints in, by name (liskg.querying.tables writes them): a module of its own, so
the command line offers them without importing Oxigraph."""

HUMAN_FORMATS = ("table", "md")  # for people: labels, numbers with units
RESULT_FORMATS = ("csv", "tsv", "json", "xml")  # SPARQL 1.1 Query Results formats
GRAPH_FORMATS = ("nt", "ttl")  # CONSTRUCT and DESCRIBE results
FORMATS = HUMAN_FORMATS + RESULT_FORMATS + GRAPH_FORMATS
