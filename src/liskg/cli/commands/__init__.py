"""One module per `liskg` subcommand (see liskg.cli.main.COMMANDS)."""
