"""Source data: parse the Turtle files and follow owl:imports through the catalogs."""
