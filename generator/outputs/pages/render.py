"""Render every portal page: an HTML body from our Jinja templates in `theme/pages/`, and the
front matter the Material theme puts into <head> (title, description, JSON-LD, Open Graph).

Contributor text is rendered and sanitised here; `shells.py` puts each page into its frame.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Template
from markupsafe import escape

from generator import urls
from generator.derive import german
from generator.derive.agenda import AgendaItem
from generator.derive.catalog import EVENT_PAGE_DATES, Catalog, single_dates
from generator.derive.pictures import Picture
from generator.derive.ranges import time_ranges
from generator.derive.related import Related
from generator.models.districts import OUTSIDE
from generator.models.opportunity import Commitment
from generator.models.site import Record, Site
from generator.models.town import Term
from generator.outputs.feeds.catalog import feed_groups
from generator.outputs.frame import PageSource
from generator.outputs.frame.mkdocs_run import NavEntry
from generator.outputs.markdown import plain_text
from generator.outputs.pages import forms, search_meta, structured_data
from generator.outputs.pages.view import Fragments, ViewHelpers
from generator.outputs.pages.volunteer import help_offer
from generator.outputs.standalone.widget import snippets
from generator.outputs.templates import CurrentPage, template_environment
from generator.progress import Stage

RECORD_DATES = 10
"""One-off dates a club's or venue's page lists before "… und N weitere Termine"."""
HOME_HIGHLIGHTS = 4
HOME_OPPORTUNITIES = 3
PAGE_DATES = 12
"""Most upcoming dates an editorial page lists under its text (a weekly series would fill it)."""

LIST_GROUPS = ("start", "months", "clubs", "venues", "opportunities", "terms", "districts", "editorial", "forms")
"""The pages that gather many records: start page with the event list, archive and subscribe page;
calendar months; the club, venue and volunteer lists; category and audience pages; the Ortsteile
(each with its events, clubs, venues and calls); editorial and legal pages with search; the forms."""

DISTRICT_DATES = 20
"""Events an Ortsteil's page lists, each once at its next date there (a weekly practice would fill
the list otherwise); the rest are a link to the event list filtered by the Ortsteil."""


class PageRenderer:
    """Renders every portal page into `pages` (in a fixed order) and returns the navigation."""

    def __init__(
        self,
        site: Site,
        today: date,
        templates_dir: Path,
        stage: Stage | None = None,
        catalog: Catalog | None = None,
        *,
        lists: Collection[str] = LIST_GROUPS,
        records: Callable[[str], bool] | None = None,
    ):
        """``lists``: which groups of the pages that gather many records to render (`LIST_GROUPS`);
        ``records(url)``: whether to render the page of one record (event, club, venue, call to
        volunteer); all of them by default."""
        self.site = site
        self.lists = lists
        self.records = records or (lambda url: True)
        self.stage = stage
        self.today = today
        self.env = template_environment(templates_dir)
        # Macros are imported without context (Jinja then caches the imported module; importing
        # "with context" re-ran _macros.html on every page: ~30 % of rendering time). They reach
        # the page's helpers through the environment's `view` global, bound page by page.
        self.current_page: CurrentPage = self.env.globals["view"]
        self.catalog = catalog or Catalog.build(site, today)
        self.pages: list[PageSource] = []
        self._templates: dict[str, Template] = {}
        self._fragments: Fragments = {}
        self._related: Related | None = None

    @property
    def related(self) -> Related:
        """Which events and calls each editorial page lists (`derive/related.py`), made when first asked."""
        if self._related is None:
            self._related = Related.of(self.site)
        return self._related

    def _pages_listing(self, kind: str, record_id: str) -> list[Record[Any]]:
        """The editorial pages that list this event or call: the record's page links back to them."""
        return [self.site.pages[page_id] for page_id in self.related.pages_of(kind, record_id)]

    def render_all(self) -> list[NavEntry]:
        self._start_and_lists()
        self._events()
        self._calendar_months()
        self._clubs()
        self._venues()
        self._opportunities()
        self._terms()
        self._districts()
        self._editorial_and_legal()
        self._forms()
        return self._nav()

    # --- page groups -----------------------------------------------------------------------

    def _start_and_lists(self) -> None:
        if "start" not in self.lists:
            return
        town, catalog = self.site.town, self.catalog
        ranges = time_ranges(self.today)
        today, weekend = ranges[0], ranges[2]
        dated, series = catalog.split_series(catalog.upcoming())
        highlights = catalog.highlights()
        self._page(
            urls.home(),
            "home.html",
            town.portal_name,
            town.tagline or f"Vereine, Termine und Mitmachen in {town.name}",
            highlights=highlights[:HOME_HIGHLIGHTS] or dated[:HOME_HIGHLIGHTS],
            marked_highlights=bool(highlights),
            ranges=ranges,
            today_items=catalog.split_series(catalog.between(today.first, today.last)),
            weekend=weekend,
            weekend_items=catalog.split_series(catalog.between(weekend.first, weekend.last)),
            opportunities=catalog.open_opportunities()[:HOME_OPPORTUNITIES],
            opportunity_count=len(catalog.open_opportunities()),
            more_pages=sorted(
                (p for p in self.site.pages.values() if not p.data.order), key=lambda p: p.data.title.lower()
            ),
            hide=["toc", "navigation"],
            own_heading=town.portal_name,  # the nav calls it "Start"; the page's h1 is the portal's name
        )
        self._page(
            urls.events(),
            "event_list.html",
            "Veranstaltungen",
            f"Besondere Termine und regelmäßige Treffen in {town.name}",
            ranges=ranges,
            dated=dated,
            series=series,
        )
        for time_range in ranges:
            self._page(
                urls.time_range(time_range.slug),
                "time_range.html",
                f"Veranstaltungen: {time_range.title}",
                f"Was ist los in {town.name}? {time_range.title}, {time_range.dates_in_words}",
                ranges=ranges,
                range=time_range,
                items=catalog.between(time_range.first, time_range.last),
            )
        self._page(
            urls.archive(),
            "archive.html",
            "Vergangene Veranstaltungen",
            f"Archiv der Veranstaltungen in {town.name}",
            past=catalog.past_events(),
        )
        self._page(
            urls.subscribe(),
            "subscribe.html",
            "Kalender abonnieren",
            f"Die Termine aus {town.name} im eigenen Kalender: alle, nach Thema, Ortsteil, Zielgruppe, Verein oder Ort",
            groups=feed_groups(self.site),
        )
        self._page(
            urls.open_data(),
            "open_data.html",
            "Daten und Einbindung",
            f"Die Angaben aus {town.name} als Feed, Tabelle, JSON, Widget und zum Ausdrucken",
        )

    def _events(self) -> None:
        for record in sorted(self.site.events.values()):
            if not self.records(urls.event(record.id)):
                continue
            items = self.catalog.by_event[record.id]
            upcoming = self.catalog.future(items)
            self._page(
                urls.event(record.id),
                "event.html",
                record.data.title,
                self._summary(
                    record.data.description,
                    german.recurrence_in_words(record.data) or german.when(record.data.start, record.data.end),
                ),
                event=record,
                upcoming=upcoming[:EVENT_PAGE_DATES],
                more=max(0, len(upcoming) - EVENT_PAGE_DATES),
                single_dates={o.original_date for o in single_dates(record.data, self.catalog.today)},
                jsonld=structured_data.event(self.site, record, upcoming, self.catalog.picture(record.data.image)),
                related_pages=self._pages_listing("events", record.id),
                og_type="article",
                image=record.data.image,
                kind="Veranstaltung",
            )

    def _calendar_months(self) -> None:
        if "months" not in self.lists:
            return
        months = self.catalog.months()
        for index, month in enumerate(months):
            self._page(
                urls.month(month.slug),
                "month.html",
                f"Kalender {german.month_name(month.year, month.month)}",
                f"Alle Veranstaltungen im {german.month_name(month.year, month.month)}",
                month=month,
                items=self.catalog.in_month(month),
                previous=months[index - 1] if index > 0 else None,
                following=months[index + 1] if index + 1 < len(months) else None,
            )

    def _clubs(self) -> None:
        catalog, town = self.catalog, self.site.town
        clubs = catalog.clubs_sorted()
        used_categories = {c for club in clubs for c in club.data.category}
        self._page_if(
            "clubs" in self.lists,
            urls.clubs(),
            "club_list.html",
            "Vereine und Gruppen",
            f"Alle {len(clubs)} Vereine, Gruppen und Initiativen in {town.name}, nach Bereichen geordnet",
            clubs=clubs,
            groups=[(term, catalog.clubs_in(term.id)) for term in catalog.used_terms(town.categories, used_categories)],
            districts=catalog.used_terms(town.districts, {c.data.district for c in clubs if c.data.district}),
            audiences=catalog.used_terms(town.audiences, {a for c in clubs for a in c.data.audiences}),
        )
        for record in clubs:
            if not self.records(urls.club(record.id)):
                continue
            self._page(
                urls.club(record.id),
                "club.html",
                record.data.name,
                self._summary(record.data.description, "Verein in " + town.name),
                club=record,
                **self._dated_and_series(catalog.future(catalog.by_club.get(record.id, [])), RECORD_DATES),
                opportunities=catalog.opportunities_of(record.id),
                embed=snippets(self.site, record.id),
                jsonld=structured_data.organization(self.site, record, self.catalog.picture(record.data.image)),
                og_type="profile",
                image=record.data.image,
                kind="Verein",
            )

    def _venues(self) -> None:
        venues = sorted(self.site.venues.values(), key=lambda v: (v.data.name.lower(), v.id))
        self._page_if(
            "venues" in self.lists,
            urls.venues(),
            "venue_list.html",
            "Orte",
            f"Veranstaltungsorte in {self.site.town.name}",
            venues=venues,
        )
        for record in venues:
            if not self.records(urls.venue(record.id)):
                continue
            self._page(
                urls.venue(record.id),
                "venue.html",
                record.data.name,
                search_meta.venue_line(record.data) or record.data.name,
                venue=record,
                **self._dated_and_series(
                    self.catalog.future(self.catalog.by_venue.get(record.id, [])), RECORD_DATES, record.id
                ),
                clubs=[c for c in self.catalog.clubs_sorted() if c.data.venue == record.id],
                jsonld=structured_data.place(self.site, record),
                kind="Ort",
            )

    def _opportunities(self) -> None:
        current = self.catalog.open_opportunities()
        calls = [record.data for record in current]
        districts = {self.catalog.opportunity_district(call) for call in calls}
        self._page_if(
            "opportunities" in self.lists,
            urls.opportunities(),
            "opportunity_list.html",
            "Mitmachen",
            f"Wo in {self.site.town.name} gerade Hilfe gebraucht wird",
            opportunities=current,
            categories=self.catalog.used_terms(self.site.town.categories, {c.category for c in calls if c.category}),
            districts=self.catalog.used_terms(self.site.town.districts, {d for d in districts if d}),
            commitments=[(c.value, c.label) for c in Commitment if c in {call.commitment for call in calls}],
            audiences=self.catalog.used_terms(self.site.town.audiences, {a for call in calls for a in call.audiences}),
        )
        for record in current:
            if not self.records(urls.opportunity(record.id)):
                continue
            self._page(
                urls.opportunity(record.id),
                "opportunity.html",
                record.data.title,
                self._summary(record.data.description, record.data.time_commitment),
                opportunity=record,
                offer=help_offer(self.site, record),
                related_pages=self._pages_listing("opportunities", record.id),
                kind="Mitmachen",
            )

    def _terms(self) -> None:
        """One page per category and per audience: clubs, upcoming events, calendar feed."""
        if "terms" not in self.lists:
            return
        town, catalog = self.site.town, self.catalog
        for term in town.categories:
            self._page(
                urls.category(term.id),
                "term.html",
                term.label,
                term.description or f"{term.label} in {town.name}: Vereine und Termine",
                term=term,
                clubs=catalog.clubs_in(term.id),
                **self._dated_and_series(catalog.upcoming(catalog.by_category.get(term.id, []), days=90)),
                feed=urls.feed_category(term.id),
            )
        for term in town.audiences:
            self._page(
                urls.audience(term.id),
                "term.html",
                f"Angebote für: {term.label}",
                term.description or f"Vereine und Termine für {term.label} in {town.name}",
                term=term,
                clubs=catalog.clubs_for(term.id),
                **self._dated_and_series(catalog.upcoming(catalog.by_audience.get(term.id, []), days=90)),
                feed=urls.feed_audience(term.id),
            )

    def _dated_and_series(
        self, items: list[AgendaItem], limit: int | None = None, venue_id: str | None = None
    ) -> dict[str, Any]:
        """What `dates_and_series` shows: each regular series once, then up to ``limit`` other
        dates; how many more there are and the day they go on from (its month is linked)."""
        dated, series = self.catalog.split_series(items, venue_id)
        shown = dated if limit is None else dated[:limit]
        more = len(dated) - len(shown)
        return {"upcoming": shown, "series": series, "more": more, "more_from": dated[len(shown)].day if more else None}

    def _districts(self) -> None:
        """ "Was ist los in …?": one page per Ortsteil and one for the places outside the town, and
        an overview. A date counts where it takes place (a moved date in its new Ortsteil)."""
        if "districts" not in self.lists:
            return
        town, catalog = self.site.town, self.catalog
        terms = [*town.districts, Term(id=OUTSIDE, label=town.district_label(OUTSIDE))]
        rows = []
        for term in terms:
            upcoming = catalog.future(catalog.by_district.get(term.id, []))
            next_dates: dict[str, AgendaItem] = {}
            for item in upcoming:
                next_dates.setdefault(item.event.id, item)
            first_dates = list(next_dates.values())
            clubs = [c for c in catalog.clubs_sorted() if c.data.district == term.id]
            venues = [
                v
                for v in sorted(self.site.venues.values(), key=lambda v: (v.data.name.lower(), v.id))
                if catalog.places.venue(v.id) == term.id
            ]
            calls = [o for o in catalog.open_opportunities() if catalog.opportunity_district(o.data) == term.id]
            title = (
                f"Ausflüge und Termine außerhalb von {town.name}"
                if term.id == OUTSIDE
                else f"Was ist los in {term.label}?"
            )
            rows.append((term, len(catalog.upcoming(upcoming))))
            self._page(
                urls.district(term.id),
                "district.html",
                title,
                term.description or f"Termine, Vereine, Orte und Mitmachen in {term.label}",
                term=term,
                upcoming=first_dates[:DISTRICT_DATES],
                more=max(0, len(first_dates) - DISTRICT_DATES),
                series=any(item.event.data.repeat for item in first_dates[:DISTRICT_DATES]),
                clubs=clubs,
                venues=venues,
                opportunities=calls,
                feed=urls.feed_district(term.id),
            )
        self._page(
            urls.districts(),
            "district_list.html",
            "Ortsteile",
            f"Was ist los in den Ortsteilen von {town.name}? Termine, Vereine, Orte und Mitmachen",
            rows=rows,
        )

    def _editorial_and_legal(self) -> None:
        if "editorial" not in self.lists:
            return
        open_calls = self.catalog.open_opportunities()
        for record in sorted(self.site.pages.values()):
            event_ids = self.related.events_of(record.id)
            call_ids = set(self.related.opportunities_of(record.id))
            dates = self.catalog.future(
                sorted((item for e in event_ids for item in self.catalog.by_event.get(e, [])), key=lambda i: i.sort_key)
            )
            self._page(
                urls.page(record.id),
                "page.html",
                record.data.title,
                record.data.description or "",
                page=record,
                lists_events=bool(event_ids),
                dates=dates[:PAGE_DATES],
                more_dates=max(0, len(dates) - PAGE_DATES),
                lists_calls=bool(call_ids),
                calls=[call for call in open_calls if call.id in call_ids],
                kind="Seite",
                # Material heads a menu page with its menu name; the page shows its full title
                own_heading=record.data.title if record.data.menu_title else None,
            )
        self._page(urls.legal("impressum"), "impressum.html", "Impressum", "Anbieterkennzeichnung")
        self._page(urls.legal("datenschutz"), "datenschutz.html", "Datenschutzerklärung", "Datenschutz")
        self._page(
            urls.legal("barrierefreiheit"),
            "barrierefreiheit.html",
            "Erklärung zur Barrierefreiheit",
            "Erklärung zur Barrierefreiheit nach BITV 2.0",
        )
        self._page(urls.search(), "search.html", "Suche", f"Vereine, Termine und Orte in {self.site.town.name} finden")

    def _forms(self) -> None:
        """melden/: forms whose script writes the content file in the browser (`outputs/pages/forms`)."""
        if "forms" not in self.lists:
            return
        email, github = forms.contact_email(self.site), forms.github_new_issue(self.site) is not None
        for layout in forms.FORMS:
            spec = forms.spec_json(forms.form_spec(self.site, layout))
            page_url, title = urls.report_form(layout.slug), layout.title
            self._page(page_url, "form.html", title, layout.lead, form=layout, spec=spec, email=email, github=github)
        self._page(
            urls.report(),
            "form_overview.html",
            "Eintragen und melden",
            f"Termine, Vereine und Aufrufe zum Mitmachen für {self.site.town.portal_name} melden",
            forms=forms.FORMS,
            email=email,
            kind="Seite",
        )

    def _nav(self) -> list[NavEntry]:
        nav = [
            NavEntry("Start", urls.home()),
            NavEntry("Veranstaltungen", urls.events()),
            NavEntry("Vereine", urls.clubs()),
            NavEntry("Mitmachen", urls.opportunities()),
            NavEntry("Orte", urls.venues()),
            NavEntry("Kalender abonnieren", urls.subscribe()),
        ]
        menu_pages = sorted((p for p in self.site.pages.values() if p.data.order), key=lambda p: (p.data.order, p.id))
        nav += [NavEntry(p.data.menu_title or p.data.title, urls.page(p.id)) for p in menu_pages]
        return nav

    # --- one page --------------------------------------------------------------------------

    @staticmethod
    def _summary(markdown_text: str | None, fallback: str) -> str:
        text = " ".join(plain_text(markdown_text).split()) if markdown_text else ""
        if not text:
            return fallback
        return text if len(text) <= 160 else text[:157].rsplit(" ", 1)[0] + " …"

    def _page_if(self, wanted: bool, *args: Any, **kwargs: Any) -> None:
        if wanted:
            self._page(*args, **kwargs)

    def _page(
        self,
        url: str,
        template: str,
        title: str,
        description: str,
        *,
        jsonld: dict[str, Any] | None = None,
        og_type: str = "website",
        image: Any = None,
        kind: str | None = None,
        hide: list[str] | None = None,
        own_heading: str | None = None,
        **context: Any,
    ) -> None:
        view = ViewHelpers(self.site, self.catalog, url, self._fragments)
        self.current_page.bind(view)
        body = self._template(template).render(
            site=self.site,
            town=self.site.town,
            today=self.today,
            url=url,
            link=view.link,
            view=view,
            urls=urls,
            title=title,
            kind=kind,
            **context,
        )
        picture = self.catalog.picture(image)
        og = {
            "type": og_type,
            "url": structured_data.absolute(self.site, url),
            **(self._og_image(picture) if picture else {}),
        }
        json_ld = structured_data.to_json(jsonld) if jsonld is not None else None
        page = PageSource.of(url, title, description, hide or ["toc", "navigation"], og, json_ld, body, own_heading)
        self.pages.append(page)
        if self.stage is not None:
            self.stage.advance()

    def _og_image(self, picture: Picture) -> dict[str, str]:
        """og:image with its size and alt text: messengers lay the preview out before they fetch it,
        and read the alt text out. Material prints front-matter values unescaped (see PageSource)."""
        og = picture.og
        return {
            "image": structured_data.absolute(self.site, og.url),
            "image_width": str(og.width),
            "image_height": str(og.height),
            "image_alt": " ".join(str(escape(picture.alt)).split()),
        }

    def _template(self, name: str) -> Template:
        """Looked up once per renderer: Jinja's own cache checks the file's time on every call."""
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(name)
        return template
