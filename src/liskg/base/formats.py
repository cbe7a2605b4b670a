"""The output formats of every command, by name: one module that imports nothing, so the command line
offers them as choices without importing Oxigraph, networkx or vl-convert.

liskg.querying.tables writes the query formats, liskg.querying.compare the comparison's, liskg.viz.export
the graph's, liskg.viz.charts the charts'.
"""

HUMAN_FORMATS = ("table", "md")  # for people: labels, numbers with units
RESULT_FORMATS = ("csv", "tsv", "json", "xml")  # SPARQL 1.1 Query Results formats
GRAPH_FORMATS = ("nt", "ttl")  # CONSTRUCT and DESCRIBE results
FORMATS = HUMAN_FORMATS + RESULT_FORMATS + GRAPH_FORMATS  # a query's result

COMPARE_FORMATS = ("table", "csv", "md", "latex")  # `liskg compare`
COMPARE_ROWS = ("study", "strategy")  # one row per study or per strategy
EXPORT_FORMATS = ("graphml", "gexf", "json")  # the drawn graph, for Gephi and Cytoscape
CHART_FORMATS = ("svg", "png")  # `liskg plot`
