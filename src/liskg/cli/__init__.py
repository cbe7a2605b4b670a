"""The `liskg` command line: main.py parses and dispatches, commands/ holds one module per subcommand."""
