"""Let HTML in texts past validation, for tests of the renderer's own defences.

Validation rejects tags in every text field, so hostile markup no longer reaches a build. The
pages must stay safe without that check all the same (a theme or a new field could show text the
check does not read); the tests that prove it switch the check off with this.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from generator.validate import markup


@contextmanager
def markup_unchecked() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(markup, "find_markup", lambda text, kind: [])
        yield
