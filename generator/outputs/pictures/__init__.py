"""Pictures as published: every rendition of a picture from the bytes of its original (`process.py`)."""
