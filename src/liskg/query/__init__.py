"""Reading the built graph: the store, SPARQL with a time bound, named queries, look-ups, tables, the server."""
