"""`python -m generator …`"""

import sys

from generator.cli import main

if __name__ == "__main__":  # worker processes (QR codes) import this module again
    sys.exit(main())
