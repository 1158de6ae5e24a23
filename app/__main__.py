"""`python -m app` is the same as `quorate`."""

import multiprocessing
import sys

from app.entry import main

# Guarded: the helper process that reads long packs' pages imports this module again, and must not run the app.
if __name__ == "__main__":
    multiprocessing.freeze_support()  # lets the PyInstaller bundle start that helper process
    sys.exit(main())
