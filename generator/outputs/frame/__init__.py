"""The frame: the only door to MkDocs and Material for MkDocs.

Contract (what crosses the door):

* In: `PageSource` values (URL, front matter, finished body HTML, optional own heading) made with
  `PageSource.of` — which escapes title and description, as Material prints them unescaped — the
  navigation (`NavEntry`, plain titles; escaped here), the town (site name, URL, tagline: escaped
  here), the build date, and the folders of static files (theme assets, content images).
* Out (`FramedSite`): every page as finished, compacted HTML, and MkDocs' other files (Material's
  CSS/JS, the 404 page compacted, our assets and images) as site-relative paths.
* Inside: MkDocs builds only the pages that need a frame of their own and one *prototype* per
  group of frame-alike pages (`shells.py`); the other pages are their prototype with marker words
  replaced. MkDocs' sitemap is replaced by `sitemap.py` (it knows only the pages it built).

Replacing MkDocs + Material (e.g. by Zensical, or plain Jinja) means replacing this folder and
keeping `frame_site`'s signature; nothing outside imports `mkdocs`.
"""

from generator.outputs.frame.page_source import PageSource
from generator.outputs.frame.site import FramedSite, MkDocsError, frame_site

__all__ = ["FramedSite", "MkDocsError", "PageSource", "frame_site"]
