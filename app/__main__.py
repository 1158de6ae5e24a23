"""`python -m app` is the same as `quorate`."""

import sys

from app.cli import main

sys.exit(main())
