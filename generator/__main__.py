"""`python -m generator …`"""

from generator.cli import main
from generator.render.workers import exit_now

if __name__ == "__main__":  # worker processes (QR codes) import this module again
    exit_now(main())  # every command has finished its work by now: workers joined, files closed
