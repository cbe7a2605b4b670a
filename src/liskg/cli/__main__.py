"""`python -m liskg.cli ARGS` runs the `liskg` command."""

import sys

from liskg.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
