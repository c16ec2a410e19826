"""Every place has an Ortsteil: written (and then known), or found in its city or name; else a
located German error naming file, line, field and the valid district ids.

The fixture project's town "Teststadt" has the districts `mitte` (also called "Teststadt") and
`borken`; its venue `rathaus` names `mitte`.
"""

from __future__ import annotations

from generator.derive.places import Places

EVENT = "title: Dorffest\ncategory: fest\nstart: 2027-06-05 14:00\n"
LISTING = "einer dieser Kennungen: mitte, borken — oder „district: ausserhalb“ für einen Ort außerhalb von Teststadt."


def test_places_whose_city_or_name_tells_the_district_need_no_district(project) -> None:
    project.add("events/a.yml", EVENT + "location: {name: Festwiese, city: Teststadt OT Borken}\n")
    project.add("events/b.yml", EVENT + "location: {name: Dorfanger Borken}\n")
    project.add("events/c.yml", EVENT + "location: {name: Schulhof, city: Teststadt}\n")
    project.add("events/d.yml", EVENT + "location: {name: Schloss Hartenfels, city: Torgau, district: ausserhalb}\n")
    project.add("venues/saal.yml", "name: Saal\naddress: {street: Weg 1, postcode: 04916, city: Borken}\n")
    project.assert_problems([])
    site, _ = project.load()
    assert site is not None
    assert site.town.district_finder.find(name="Schulhof", city="Teststadt").district == "mitte"


def test_a_place_without_a_district_is_reported_at_its_location_with_the_valid_ids(project) -> None:
    project.add("events/scheune.yml", EVENT + "location:\n  name: Scheune am Deich\n")
    project.assert_problems(
        [
            "content/events/scheune.yml:4:1: location.district: Der Ortsteil ist nicht zu erkennen. Im Namen "
            "(„Scheune am Deich“) steht kein Ortsteil von Teststadt, und ein Ort („city“) fehlt. Ergänzen Sie "
            f"unter „location“ die Zeile „district:“ mit {LISTING}"
        ]
    )


def test_another_town_is_not_guessed_to_be_outside(project) -> None:
    project.add("events/torgau.yml", EVENT + "location: {name: Schloss Hartenfels, city: Torgau}\n")
    project.assert_problems(
        [
            "content/events/torgau.yml:4:1: location.district: Der Ortsteil ist nicht zu erkennen. Weder im Ort "
            "(„Torgau“) noch im Namen („Schloss Hartenfels“) steht ein Ortsteil von Teststadt. Ergänzen Sie unter "
            f"„location“ die Zeile „district:“ mit {LISTING}"
        ]
    )


def test_a_misspelt_district_in_the_city_gets_a_suggestion(project) -> None:
    project.add("events/tippfehler.yml", EVENT + "location: {name: Festwiese, city: Teststadt OT Borkn}\n")
    project.assert_problems(
        [
            "content/events/tippfehler.yml:4:1: location.district: Der Ortsteil ist nicht zu erkennen. Weder im Ort "
            "(„Teststadt OT Borkn“) noch im Namen („Festwiese“) steht ein Ortsteil von Teststadt. Meinten Sie "
            f"„borken“? Ergänzen Sie unter „location“ die Zeile „district:“ mit {LISTING}"
        ]
    )


def test_two_districts_in_the_name_are_named_in_the_message(project) -> None:
    project.add("events/wanderung.yml", EVENT + "location: {name: Wanderparkplatz Mitte / Borken}\n")
    project.assert_problems(
        [
            "content/events/wanderung.yml:4:1: location.district: Der Ortsteil ist nicht zu erkennen. Zu "
            "„Wanderparkplatz Mitte / Borken“ passen mehrere Ortsteile: borken, mitte. Ergänzen Sie unter "
            "„location“ die Zeile „district:“ mit einer dieser Kennungen: borken, mitte — oder „district: "
            "ausserhalb“ für einen Ort außerhalb von Teststadt."
        ]
    )


def test_a_moved_date_at_a_place_without_a_district_is_reported_at_its_change(project) -> None:
    project.add(
        "events/treff.yml",
        "title: Treff\ncategory: sport\nvenue: rathaus\nstart: 2027-06-02 18:00\n"
        "repeat:\n  freq: weekly\n  count: 4\n  changes:\n"
        "    - date: 2027-06-09\n      location: {name: Grillplatz am See}\n"
        "    - date: 2027-06-16\n      location: {name: Grillplatz, district: borken}\n",
    )
    project.assert_problems(
        [
            "content/events/treff.yml:10:7: repeat.changes[1].location.district: Der Ortsteil ist nicht zu "
            "erkennen. Im Namen („Grillplatz am See“) steht kein Ortsteil von Teststadt, und ein Ort („city“) "
            f"fehlt. Ergänzen Sie unter „repeat.changes[1].location“ die Zeile „district:“ mit {LISTING}"
        ]
    )


def test_a_venue_without_a_district_is_reported_at_its_address(project) -> None:
    project.add(
        "venues/scheune.yml", "name: Scheune\naddress:\n  street: Deich 1\n  postcode: 04916\n  city: Elsterau\n"
    )
    project.assert_problems(
        [
            "content/venues/scheune.yml:2:1: district: Der Ortsteil ist nicht zu erkennen. Weder im Ort "
            "(„Elsterau“) noch im Namen („Scheune“) steht ein Ortsteil von Teststadt. Ergänzen Sie die Zeile "
            f"„district:“ mit {LISTING}"
        ]
    )


def test_a_written_district_must_exist_and_gets_a_suggestion(project) -> None:
    project.add("events/mite.yml", EVENT + "location:\n  name: Festwiese\n  district: mite\n")
    project.assert_problems(
        [
            "content/events/mite.yml:6:13: location.district: Einen Ortsteil mit der Kennung „mite“ gibt es nicht "
            "in content/town.yml. Meinten Sie „mitte“? Vorhanden: borken, mitte."
        ]
    )


def test_outside_is_for_places_not_for_clubs(project) -> None:
    project.add(
        "clubs/ausflug.yml", "name: Ausflugsverein\ncategory: sport\ndistrict: ausserhalb\nreviewed: 2026-10-01\n"
    )
    project.assert_problems(
        [
            "content/clubs/ausflug.yml:3:11: district: Einen Ortsteil mit der Kennung „ausserhalb“ gibt es nicht "
            "in content/town.yml. Vorhanden: borken, mitte."
        ]
    )


def test_places_are_still_checked_against_the_districts_of_a_broken_town_file(project) -> None:
    town = project.content / "town.yml"
    town.write_text(town.read_text(encoding="utf-8").replace("stadt@example.org", "keine-adresse"), encoding="utf-8")
    project.add("events/a.yml", EVENT + "location: {name: Festwiese, city: Teststadt OT Borken}\n")
    project.add("events/scheune.yml", EVENT + "location:\n  name: Scheune am Deich\n")
    project.assert_problems(
        [
            "content/events/scheune.yml:4:1: location.district: Der Ortsteil ist nicht zu erkennen. ...",
            "content/town.yml:24:10: legal.email: ...",
        ]
    )


def test_the_town_may_not_use_the_id_of_the_places_outside(project) -> None:
    town = project.content / "town.yml"
    text = town.read_text(encoding="utf-8").replace(
        "{id: borken, label: Borken}", "{id: borken, label: Borken}\n  - {id: ausserhalb, label: Umland}"
    )
    town.write_text(text, encoding="utf-8")
    project.assert_problems(
        [
            "content/town.yml:13:10: districts[3].id: Die Kennung „ausserhalb“ ist reserviert: Sie steht bei Orten "
            "außerhalb der Kommune. Wählen Sie für den Ortsteil eine andere Kennung.",
        ]
    )


def test_a_name_may_belong_to_one_district_only(project) -> None:
    town = project.content / "town.yml"
    text = town.read_text(encoding="utf-8").replace(
        "{id: borken, label: Borken}", "{id: borken, label: Borken, names: [Teststadt]}"
    )
    town.write_text(text, encoding="utf-8")
    project.assert_problems(
        [
            "content/town.yml:12:41: districts[2].names[1]: Den Namen „Teststadt“ hat auch der Ortsteil „mitte“. "
            "Ein Name darf nur zu einem Ortsteil gehören, sonst ist nicht klar, wo ein Ort liegt.",
        ]
    )


def test_a_venue_without_address_is_placed_by_its_name_or_asks_for_the_district(project) -> None:
    """Coordinates say nothing about the Ortsteil (no map data): the name may, else `district` is asked for."""
    project.add("venues/anger.yml", "name: Dorfanger Borken\ngeo: {lat: 51.7, lon: 13.2}\n")
    project.add("venues/wald.yml", "name: Schutzhütte im Wald\ngeo: {lat: 51.7, lon: 13.2}\n")
    project.add("venues/wiese.yml", "name: Festwiese\naddress: {city: Teststadt}\ndirections: Hinter dem Sportplatz\n")
    project.assert_problems(
        [
            "content/venues/wald.yml:1:1: district: Der Ortsteil ist nicht zu erkennen. Im Namen "
            "(„Schutzhütte im Wald“) steht kein Ortsteil von Teststadt, und ein Ort („address.city“) fehlt. "
            f"Ergänzen Sie die Zeile „district:“ mit {LISTING}"
        ]
    )
    project.add("venues/wald.yml", "name: Schutzhütte im Wald\ngeo: {lat: 51.7, lon: 13.2}\ndistrict: borken\n")
    project.assert_problems([])
    site, _ = project.load()
    assert site is not None
    places = Places(site)
    assert [places.venue(v) for v in ("anger", "wald", "wiese")] == ["borken", "borken", "mitte"]
