"""One event → VEVENTs: what each property looks like, checked line by line and by a parser."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest
from feed_project import LONG_TEXT, VORTRAG_PLACE, VORTRAG_TITLE, load
from feed_tools import unfold, vevents
from icalendar.parser import Parameters

from generator.models.site import Site
from generator.outputs.feeds.event import render_event
from generator.outputs.feeds.history import Revision
from generator.outputs.feeds.serialize import to_ical

DTSTAMP = datetime(2027, 1, 10, tzinfo=UTC)
REVISION = Revision(3, datetime(2026, 12, 24, 17, 30, tzinfo=UTC))


@pytest.fixture
def site(feed_project: Path) -> Site:
    return load(feed_project)


def lines_of(site: Site, event_id: str) -> list[str]:
    return unfold(render_event(site.events[event_id], site, REVISION, DTSTAMP) + b"END:VCALENDAR\r\n")[:-1]


def components(site: Site, event_id: str) -> list[list[str]]:
    """The unfolded lines of each VEVENT."""
    result: list[list[str]] = []
    for line in lines_of(site, event_id):
        if line == "BEGIN:VEVENT":
            result.append([])
        result[-1].append(line)
    return result


def test_series_master_has_rule_exdate_and_identity(site):
    master = components(site, "wochentreff")[0]
    for line in (
        "UID:wochentreff@engagiert.example.org",
        "DTSTAMP:20270110T000000Z",
        "SEQUENCE:3",
        "LAST-MODIFIED:20261224T173000Z",
        "SUMMARY:Wochentreff",
        "STATUS:CONFIRMED",
        "DTSTART;TZID=Europe/Berlin:20270310T190000",
        "DTEND;TZID=Europe/Berlin:20270310T210000",
        "RRULE:FREQ=WEEKLY;UNTIL=20271110T225959Z;INTERVAL=2;BYDAY=WE",  # 23:59:59 CET as UTC
        "EXDATE;TZID=Europe/Berlin:20270811T190000",
        "URL:https://engagiert.example.org/veranstaltungen/wochentreff/",
        "LOCATION:Rathaus\\, Markt 1\\, 04916 Teststadt",
        "CATEGORIES:Sport",
    ):
        assert line in master, line
    # the Turnverein has no e-mail address: no ORGANIZER (never the town's address for a club's event)
    assert not any(line.startswith(("GEO", "RECURRENCE-ID", "ORGANIZER")) for line in master)
    assert "Veranstalter: Turnverein Teststadt e. V.\\n" in next(
        line for line in master if line.startswith("DESCRIPTION")
    )


def test_overrides_follow_the_master_sorted_with_its_uid_and_sequence(site):
    _, moved, cancelled = components(site, "wochentreff")
    for line in (
        "UID:wochentreff@engagiert.example.org",
        "RECURRENCE-ID;TZID=Europe/Berlin:20270616T190000",
        "SEQUENCE:3",
        "DTSTART;TZID=Europe/Berlin:20270617T183000",
        "DTEND;TZID=Europe/Berlin:20270617T203000",
        "SUMMARY:Sommertreff",
        "STATUS:CONFIRMED",
        "LOCATION:Marktplatz\\, Markt\\, 04916 Teststadt",
        "GEO:51.6843;13.2346",
    ):
        assert line in moved, line
    assert next(line for line in moved if line.startswith("DESCRIPTION:")).startswith(
        "DESCRIPTION:Verlegt vom Mi.\\, 16. Juni 2027 auf Do.\\, 17. Juni 2027\\, 18:30–20:30 Uhr.\\n"
        "Hinweis: Wegen des Stadtfests am Donnerstag auf dem Markt.\\n\\n"
    )
    for line in (
        "RECURRENCE-ID;TZID=Europe/Berlin:20270922T190000",
        "DTSTART;TZID=Europe/Berlin:20270922T190000",
        "SUMMARY:ABGESAGT: Wochentreff",
        "STATUS:CANCELLED",
    ):
        assert line in cancelled, line
    assert not any(line.startswith(("RRULE", "EXDATE")) for line in moved + cancelled)


def test_monthly_rule_keeps_the_ordinal_weekday(site):
    assert "RRULE:FREQ=MONTHLY;COUNT=6;BYDAY=-1FR" in lines_of(site, "stammtisch")


def test_all_day_events_are_dates_with_exclusive_end(site):
    stadtfest = lines_of(site, "stadtfest")
    assert "DTSTART;VALUE=DATE:20270605" in stadtfest
    assert "DTEND;VALUE=DATE:20270607" in stadtfest  # Saturday and Sunday end on Monday
    flohmarkt = lines_of(site, "flohmarkt")
    assert "DTSTART;VALUE=DATE:20270417" in flohmarkt
    assert "DTEND;VALUE=DATE:20270418" in flohmarkt


def test_an_event_naming_no_organizer_has_none(site):
    stadtfest = lines_of(site, "stadtfest")
    assert not any(line.startswith("ORGANIZER") or "Veranstalter" in line for line in stadtfest)


def test_the_town_is_organizer_with_the_contact_point_address_only_where_the_event_says_so(feed_project):
    event = feed_project / "content" / "events" / "stadtfest.yml"
    event.write_text(event.read_text(encoding="utf-8") + "organizer: stadt\n", encoding="utf-8")
    site = load(feed_project)  # the contact point has no e-mail: the legal address is not the organiser's
    assert not any(line.startswith("ORGANIZER") for line in lines_of(site, "stadtfest"))
    town = feed_project / "content" / "town.yml"
    text = town.read_text(encoding="utf-8").replace(
        "  name: Anlaufstelle\n", "  name: Anlaufstelle\n  email: hilfe@example.org\n"
    )
    town.write_text(text, encoding="utf-8")
    site = load(feed_project)
    assert 'ORGANIZER;CN="Stadt Teststadt":mailto:hilfe@example.org' in lines_of(site, "stadtfest")
    assert not any(line.startswith("ORGANIZER") for line in lines_of(site, "wochentreff"))  # a club without e-mail
    assert 'ORGANIZER;CN="Chor Harmonie, Teststadt e. V.":mailto:chor@example.org' in lines_of(site, "stammtisch")


def test_the_first_organizer_with_an_address_is_the_organizer_and_all_are_named(feed_project):
    event = feed_project / "content" / "events" / "stadtfest.yml"
    organizers = (
        "organizer:\n  - turnverein\n  - name: 'Schule: Am Park; Teststadt'\n    website: https://schule.example.org/\n"
        "  - name: Museum\n    email: museum@example.org\n  - chor\n"
    )
    event.write_text(event.read_text(encoding="utf-8") + organizers, encoding="utf-8")
    site = load(feed_project)
    data = render_event(site.events["stadtfest"], site, REVISION, DTSTAMP)
    vevent = icalendar.Calendar.from_ical(b"BEGIN:VCALENDAR\r\n" + data + b"END:VCALENDAR\r\n").walk("VEVENT")[0]
    assert str(vevent["ORGANIZER"]) == "mailto:museum@example.org"  # not the Turnverein's (none) nor the town's
    assert vevent["ORGANIZER"].params["CN"] == "Museum"
    assert (
        "Veranstalter: Turnverein Teststadt e. V., Schule: Am Park; Teststadt, Museum, Chor Harmonie, Teststadt e. V.\n"
        in str(vevent["DESCRIPTION"])
    )


def test_cancelled_and_postponed_events_say_so_in_the_title(site):
    konzert = lines_of(site, "konzert")
    assert "SUMMARY:ABGESAGT: Konzert im Park" in konzert
    assert "STATUS:CANCELLED" in konzert
    assert any(line.startswith("DESCRIPTION:Dieser Termin ist abgesagt.") for line in konzert)
    flohmarkt = lines_of(site, "flohmarkt")
    assert "SUMMARY:VERSCHOBEN: Flohmarkt" in flohmarkt
    assert "STATUS:TENTATIVE" in flohmarkt


def test_texts_with_umlauts_and_special_characters_round_trip(site):
    event = icalendar.Calendar.from_ical(
        b"BEGIN:VCALENDAR\r\n" + render_event(site.events["vortrag"], site, REVISION, DTSTAMP) + b"END:VCALENDAR\r\n"
    ).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == VORTRAG_TITLE
    assert str(event["LOCATION"]) == VORTRAG_PLACE
    assert str(event["DESCRIPTION"]) == (
        f"{LONG_TEXT}\n\n"
        "Anmeldung (https://example.org/anmeldung)\n\n"
        "Veranstalter: Chor Harmonie, Teststadt e. V.\n"
        "Preis: 5 €; ermäßigt 3 €\n"
        "Anmeldung erforderlich: https://example.org/anmeldung\n"
        "Mehr auf Engagiert in Teststadt: https://engagiert.example.org/veranstaltungen/vortrag/"
    )
    assert list(event["CATEGORIES"].cats) == ["Feste", "Obst", "Garten"]
    assert event["ORGANIZER"].params["CN"] == "Chor Harmonie, Teststadt e. V."
    assert str(event["ORGANIZER"]) == "mailto:chor@example.org"


def test_organizer_name_is_quoted_even_when_it_need_not_be(feed_project):
    (feed_project / "content" / "clubs" / "sportfreunde.yml").write_text(
        "name: Sportfreunde\ncategory: sport\ncontact: {email: sport@example.org}\nreviewed: 2026-10-01\n",
        encoding="utf-8",
    )
    event = feed_project / "content" / "events" / "stadtfest.yml"
    event.write_text(event.read_text(encoding="utf-8") + "organizer: sportfreunde\n", encoding="utf-8")
    site = load(feed_project)
    assert 'ORGANIZER;CN="Sportfreunde":mailto:sport@example.org' in lines_of(site, "stadtfest")


class _QuotedCN(Parameters):
    always_quoted = (*Parameters.always_quoted, "CN")


ALL_DAY_SERIES = """\
title: Ferienspiele
category: fest
venue: markt
start: 2027-07-05
end: 2027-07-06
tags: [Spiel, "Sport, Spaß"]
repeat:
  freq: weekly
  days: [mo]
  until: 2027-08-30
  except: [2027-07-19]
  cancelled: [2027-08-02]
  changes:
    - date: 2027-07-26
      start: 2027-07-27
      end: 2027-07-28
"""


def test_icalendar_writes_back_the_very_same_bytes(feed_project):
    """Our own serialiser against icalendar's: parsed and written again by icalendar, every VEVENT is unchanged.

    (icalendar quotes CN only where needed; we always quote it, so the test asks icalendar to do the same.)
    """
    (feed_project / "content" / "events" / "ferienspiele.yml").write_text(ALL_DAY_SERIES, encoding="utf-8")
    site = load(feed_project)
    series = lines_of(site, "ferienspiele")  # an all-day series: DATE values throughout
    for line in ("RRULE:FREQ=WEEKLY;UNTIL=20270830;BYDAY=MO", "EXDATE;VALUE=DATE:20270719"):
        assert line in series, line
    assert "RECURRENCE-ID;VALUE=DATE:20270726" in series and "RECURRENCE-ID;VALUE=DATE:20270802" in series
    for record in site.events.values():
        data = render_event(record, site, REVISION, DTSTAMP)
        calendar = icalendar.Calendar.from_ical(b"BEGIN:VCALENDAR\r\n" + data + b"END:VCALENDAR\r\n")
        components = calendar.walk("VEVENT")
        assert len(components) == len(vevents(data)) >= 1
        for component, original in zip(components, vevents(data), strict=True):
            if "ORGANIZER" in component:
                component["ORGANIZER"].params = _QuotedCN(component["ORGANIZER"].params)
            assert to_ical(component) == original, record.id
