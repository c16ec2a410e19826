"""The VCALENDAR around serialised components: properties, their order and escaping."""

from __future__ import annotations

from feed_tools import assert_well_formed, unfold

from generator.outputs.feeds.calendar import CalendarInfo, assemble, calendar_head
from generator.outputs.feeds.timezone import vtimezone

INFO = CalendarInfo("Teststadt: Sport, Spiel; Spaß", "Veranstaltungen der Kategorie „Sport“", "Europe/Berlin")


def test_subscribed_calendars_name_themselves_and_ask_for_refreshes():
    assert unfold(calendar_head(INFO) + b"END:VCALENDAR\r\n") == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//engagiert//Veranstaltungskalender//DE",
        "CALSCALE:GREGORIAN",
        "DESCRIPTION:Veranstaltungen der Kategorie „Sport“",
        "X-WR-CALDESC:Veranstaltungen der Kategorie „Sport“",
        "NAME:Teststadt: Sport\\, Spiel\\; Spaß",
        "X-WR-CALNAME:Teststadt: Sport\\, Spiel\\; Spaß",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        "X-WR-TIMEZONE:Europe/Berlin",
        "END:VCALENDAR",
    ]


def test_no_method_so_no_organizer_is_required():
    assert b"METHOD" not in calendar_head(INFO)


def test_single_event_files_carry_no_calendar_name():
    """Imported, not subscribed: a name would make Outlook open them as a calendar of their own."""
    assert unfold(calendar_head(None) + b"END:VCALENDAR\r\n") == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//engagiert//Veranstaltungskalender//DE",
        "CALSCALE:GREGORIAN",
        "END:VCALENDAR",
    ]


def test_assembled_calendar_keeps_its_properties_before_the_first_component():
    data = assemble(calendar_head(INFO), [vtimezone("Europe/Berlin", 2026, 2028)])
    assert_well_formed(data)
    lines = unfold(data)
    assert lines.index("BEGIN:VTIMEZONE") > lines.index("X-WR-TIMEZONE:Europe/Berlin")
    assert data.endswith(b"END:VTIMEZONE\r\nEND:VCALENDAR\r\n")
