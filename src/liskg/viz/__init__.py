"""The drawn graph: the networkx model of the build, its layout, metrics, exports and the HTML page."""
