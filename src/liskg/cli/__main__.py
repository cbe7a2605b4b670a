"""`python -m liskg.cli ARGS` runs the `liskg` command."""

import sys

from liskg.cli.main import main

sys.exit(main())
