"""`python -m generator …`"""

import os

from generator.cli import main
from generator.render.workers import flush_standard_streams

if __name__ == "__main__":  # worker processes (QR codes) import this module again
    code = main()
    # Leave without the interpreter's teardown, which frees every object one by one: after a
    # build of 10,000 events that took 2.0 s of nothing but waiting (as mypy does, `hard_exit`).
    # Every command has finished its work by now: workers joined, files closed, the staging
    # folder removed; only the standard streams may still hold output.
    flush_standard_streams()
    os._exit(code)
