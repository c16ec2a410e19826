"""`python -m generator …`"""

from generator.build.jobs import exit_now
from generator.cli import main

if __name__ == "__main__":  # worker processes (QR codes) import this module again
    exit_now(main())  # every command has finished its work by now: workers joined, files closed
