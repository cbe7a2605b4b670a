"""Reading the build: the store, the answers the build computed, tables, look-ups, compare, stats, the server."""
