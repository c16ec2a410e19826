"""Fixtures of the feed tests; the fixture project itself lives in feed_project.py.

Test modules import helpers from `feed_project`, never from `conftest`: several test folders have
a conftest.py, and `from conftest import …` would get whichever was imported first.
"""

from feed_project import feed_project

__all__ = ["feed_project"]
