"""Places without a street in the built sample: the Schutzhütte am Stadtwald (a venue with only
coordinates and directions) and the toad excursion's parking place (a one-off `location` with
only coordinates and directions). Citizens find them by the map link and the directions on the
pages, and apps by `geo`/`directions` in the JSON, the CSV and the calendar feeds."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import icalendar

HUT = "orte/schutzhuette-stadtwald/index.html"
HUT_EVENT = "veranstaltungen/waldweihnacht-elsterbiber/index.html"
TOAD_EVENT = "veranstaltungen/amphibienwanderung-erleben/index.html"
HUT_MAP = "https://www.openstreetmap.org/?mlat=51.69750&amp;mlon=13.24520#map=17/51.69750/13.24520"
TOAD_MAP = "https://www.openstreetmap.org/?mlat=51.70630&amp;mlon=13.21180#map=17/51.70630/13.21180"
HUT_WAY = "Am Ende des Mühlgrabenwegs (Parkplatz an der Kleingartenanlage) dem Waldweg etwa 400 m"
TOAD_WAY = "Wanderparkplatz an der Kreisstraße von Herzberg nach Buckau"


def _facts(site: Path, page: str) -> dict[str, str]:
    """The page's facts list as {label: text with tags}."""
    html = (site / page).read_text(encoding="utf-8")
    block = re.search(r'<dl class="eg-facts".*?</dl>', html, re.S)
    assert block, page
    return dict(re.findall(r"<dt>(.*?)</dt>\s*<dd[^>]*>(.*?)</dd>", block.group(0), re.S))


def _map_link(url: str) -> str:
    return f'<a rel="nofollow noopener" href="{url}">Auf der Karte zeigen</a>'


def test_the_venue_page_shows_the_map_link_and_the_way_but_no_empty_address(sample_site: Path) -> None:
    facts = _facts(sample_site, HUT)
    assert "Adresse" not in facts
    assert _map_link(HUT_MAP) in facts["Lage"]
    assert facts["Anfahrt"].startswith(HUT_WAY)
    assert facts["Ortsteil"].endswith(">Herzberg (Kernstadt)</a>")  # read off the name, no address needed


def test_an_event_at_the_venue_shows_its_directions_and_map_link(sample_site: Path) -> None:
    facts = _facts(sample_site, HUT_EVENT)
    assert re.fullmatch(r'<a href="[^"]+">Schutzhütte am Stadtwald Herzberg</a> <span[^>]*>\(.*\)</span>', facts["Wo"])
    assert _map_link(HUT_MAP) in facts["Wo"] and ", ," not in facts["Wo"]
    assert facts["Anfahrt"].startswith(HUT_WAY)


def test_an_event_at_a_venue_with_a_street_keeps_its_directions_on_the_venue_page(sample_site: Path) -> None:
    facts = _facts(sample_site, "veranstaltungen/fledermausnacht/index.html")  # Botanischer Garten
    assert "Gartenweg 2, 04916 Herzberg (Elster)" in facts["Wo"] and "Auf der Karte zeigen" in facts["Wo"]
    assert "Anfahrt" not in facts


def test_a_one_off_place_with_coordinates_and_directions_shows_both(sample_site: Path) -> None:
    facts = _facts(sample_site, TOAD_EVENT)
    assert facts["Wo"].startswith("Parkplatz an der Straße nach Buckau <span")
    assert _map_link(TOAD_MAP) in facts["Wo"]
    assert facts["Anfahrt"].startswith(TOAD_WAY)
    assert facts["Ortsteil"].endswith(">Buckau</a>")


def test_structured_data_gives_geo_and_no_empty_address(sample_site: Path) -> None:
    html = (sample_site / HUT).read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))  # type: ignore[union-attr]
    place = data if data.get("@type") == "Place" else next(d for d in data["@graph"] if d["@type"] == "Place")
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 51.6975, "longitude": 13.2452}
    assert "address" not in place


def test_json_carries_geo_and_directions(sample_site: Path) -> None:
    venues = json.loads((sample_site / "api/v1/venues.json").read_text(encoding="utf-8"))
    hut = next(v for v in venues["items"] if v["id"] == "schutzhuette-stadtwald")
    assert (hut["address"], hut["geo"]) == (None, {"lat": 51.6975, "lon": 13.2452})
    assert hut["directions"].startswith(HUT_WAY)
    events = json.loads((sample_site / "api/v1/events.json").read_text(encoding="utf-8"))
    toads = next(e for e in events["items"] if e["id"] == "amphibienwanderung-erleben")
    assert toads["location"]["geo"] == {"lat": 51.7063, "lon": 13.2118}
    assert toads["location"]["directions"].startswith(TOAD_WAY)
    assert (toads["location"]["street"], toads["location"]["city"]) == (None, None)


def test_csv_carries_directions_and_coordinates(sample_site: Path) -> None:
    text = (sample_site / "api/v1/veranstaltungen.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    hut = next(r for r in rows if r["Kennung"] == "waldweihnacht-elsterbiber")
    assert (hut["Ort"], hut["Adresse"]) == ("Schutzhütte am Stadtwald Herzberg", "")
    assert hut["Anfahrt"].startswith(HUT_WAY)
    assert (hut["Breitengrad"], hut["Längengrad"]) == ("51,69750", "13,24520")
    hall = next(r for r in rows if r["Adresse"].startswith("Uebigauer Straße 12"))  # Bürgerhaus
    assert hall["Breitengrad"] == "51,68810"


def _event(site: Path, feed: str) -> icalendar.Event:
    calendar = icalendar.Calendar.from_ical((site / feed).read_bytes())
    return next(iter(calendar.walk("VEVENT")))


def test_feeds_carry_geo_and_the_directions_as_location(sample_site: Path) -> None:
    hut = _event(sample_site, "kalender/termine/waldweihnacht-elsterbiber.ics")
    assert str(hut["LOCATION"]) == f"Schutzhütte am Stadtwald Herzberg, {HUT_WAY} nach Norden folgen; " + (
        "die Hütte steht rechts am Waldrand."
    )
    assert (hut["GEO"].latitude, hut["GEO"].longitude) == (51.6975, 13.2452)
    toads = _event(sample_site, "kalender/termine/amphibienwanderung-erleben.ics")
    assert str(toads["LOCATION"]).startswith(f"Parkplatz an der Straße nach Buckau, {TOAD_WAY}")
    assert (toads["GEO"].latitude, toads["GEO"].longitude) == (51.7063, 13.2118)
    hall = _event(sample_site, "kalender/termine/fledermausnacht.ics")
    assert str(hall["LOCATION"]) == "Botanischer Garten Herzberg, Gartenweg 2, 04916 Herzberg (Elster)"
