"""One broken file per validation rule: copied into a valid project, it must be reported
with exactly the expected file, line, column, field and German message.

Each row names a fixture under tests/data/ (named after what is wrong with it), where it
goes in the project (default: the same path under content/) and the complete list of
problem lines the project then reports. A line ending in `` ...`` is matched as a prefix.
"""

from __future__ import annotations

import pytest
from picture_files import phone_jpeg

EV = "content/events"

_NOT_AN_OCCURRENCE_TAIL = (
    "findet die Reihe nicht statt, daher kann dieser Tag hier nicht stehen. "
    "Nächstgelegene Termine: Dienstag, 11.05.2027 ..."
)
_NOT_A_LINK = (
    "ist kein erlaubter Link. Nur Adressen, die mit https:// oder http:// beginnen, sind erlaubt, "
    "z. B. https://www.example.org/."
)
_ANCHOR = "Verweise mit & und * (YAML-Anker) sind nicht erlaubt. Schreiben Sie den Wert an jeder Stelle aus."
_HTML = (
    "Hier steht HTML-Code, wohl aus einer Webseite kopiert. Das Portal zeigt ihn nicht als Formatierung, "
    "sondern als Zeichen an."
)
_HTML_LINE = f"{_HTML} Dieses Feld kennt keine Formatierung. Schreiben Sie stattdessen:"
_DST_GAP = (
    "Die Uhrzeit 02:30 am 28.03.2027 gibt es nicht: In dieser Nacht wird die Uhr von 2 auf 3 Uhr "
    "vorgestellt (Sommerzeit). Wählen Sie eine Uhrzeit ab 03:00."
)


def doubled_hour(clock: str) -> str:
    return (
        f"Die Uhrzeit {clock} am 31.10.2027 gibt es zweimal: In dieser Nacht wird die Uhr von 3 auf 2 Uhr "
        "zurückgestellt (Winterzeit), daher ist nicht eindeutig, welche der beiden gemeint ist. Wählen Sie eine "
        "Uhrzeit vor 02:00 oder ab 03:00."
    )


def offset_mismatch(written: str, day: str, local: str, as_written: str, same_instant: str) -> str:
    clock = as_written[-5:]
    return (
        f"Die Zeitzonen-Angabe {written} passt nicht zur Ortszeit: Am {day} gilt hier {local}. Termine stehen in "
        "Ortszeit, ohne Zeitzone, so wie sie vor Ort auf der Uhr steht. "
        f"Schreiben Sie {as_written}, wenn {clock} Uhr gemeint ist, oder {same_instant} für genau den angegebenen "
        "Zeitpunkt."
    )


def rule(fixture: str, expected: list[str], dest: str | None = None, marks=()):
    return pytest.param(fixture, dest, expected, id=fixture.split("/", 1)[1], marks=marks)


RULES = [
    # --- YAML syntax and loader safety ------------------------------------------------------
    rule(
        "broken/events/duplicate-key.yml",
        [
            f"{EV}/duplicate-key.yml:4:1: title: Das Feld „title“ steht doppelt (zuerst in Zeile 1). "
            "Löschen Sie einen der beiden Einträge."
        ],
    ),
    # an alias is reported where it is written (the anchor alone does no harm), with its field
    rule("broken/events/anchor-alias.yml", [f"{EV}/anchor-alias.yml:5:14: description: {_ANCHOR}"]),
    rule(
        "broken/events/billion-laughs.yml",
        # 72 aliases: the first 50 are listed, one line counts the rest (from the 51st, g[6])
        [
            *[
                f"{EV}/billion-laughs.yml:{line}:{8 + 4 * entry}: {key}[{entry + 1}]: {_ANCHOR}"
                for line, key in enumerate("bcdefghi", start=3)
                for entry in range(9)
            ][:50],
            f"{EV}/billion-laughs.yml:8:28: … und 22 weitere Fehler dieser Art in dieser Datei. Beheben Sie "
            "zuerst die genannten; der nächste Lauf zeigt die übrigen.",
        ],
    ),
    rule(
        "broken/events/python-tag.yml",
        [
            f"{EV}/python-tag.yml:5:14: Der YAML-Tag „tag:yaml.org,2002:python/object/apply:os.system“ "
            "ist nicht erlaubt. Entfernen Sie das Ausrufezeichen-Wort vor dem Wert."
        ],
    ),
    rule(
        "broken/events/tab-indentation.yml",
        [
            f"{EV}/tab-indentation.yml:6:1: Die Datei ist kein gültiges YAML. Tabulatorzeichen sind in YAML "
            "nicht erlaubt. Rücken Sie nur mit Leerzeichen ein."
        ],
    ),
    rule(
        "broken/events/unclosed-quote.yml",
        [
            f"{EV}/unclosed-quote.yml:4:14: Die Datei ist kein gültiges YAML. Ein Anführungszeichen wurde "
            "geöffnet, aber nicht geschlossen."
        ],
    ),
    rule(
        "broken/events/not-utf8.yml",
        [
            f"{EV}/not-utf8.yml:1:12: Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie in Ihrem "
            "Editor mit der Kodierung „UTF-8“."
        ],
    ),
    rule(
        "broken/events/empty.yml", [f"{EV}/empty.yml:1:1: Die Datei ist leer. Tragen Sie die Felder ein (name: wert)."]
    ),
    rule(
        "broken/events/top-level-list.yml",
        [
            f"{EV}/top-level-list.yml:1:1: Die Datei muss aus Feldern bestehen (je Zeile „name: wert“), "
            "nicht aus einer Liste oder einem einzelnen Text."
        ],
    ),
    # --- fields and types --------------------------------------------------------------------
    rule(
        "broken/events/unknown-field.yml",
        [
            f"{EV}/unknown-field.yml:5:1: desciption: Das Feld „desciption“ gibt es hier nicht. "
            "Meinten Sie „description“? Erlaubt sind: title, organizer, category, venue, location, start, end, hours, "
            "description, ..."
        ],
    ),
    rule(
        "broken/events/missing-required-field.yml",
        [
            f"{EV}/missing-required-field.yml:2:1: title: Das Pflichtfeld „title“ (Titel) fehlt. "
            "Ergänzen Sie eine Zeile „title: …“."
        ],
    ),
    rule(
        "broken/events/mapping-instead-of-text.yml",
        [
            f"{EV}/mapping-instead-of-text.yml:2:3: title: Hier wird ein einfacher Text erwartet, keine Liste "
            "und keine Unterfelder."
        ],
    ),
    rule(
        "broken/events/text-instead-of-mapping.yml",
        [
            f"{EV}/text-instead-of-mapping.yml:3:11: location: Hier werden eingerückte Unterfelder erwartet "
            "(z. B. name:, street:, postcode:), kein einzelner Wert. Schreiben Sie jedes Unterfeld in eine "
            "eigene, eingerückte Zeile."
        ],
    ),
    # --- file names and ids ------------------------------------------------------------------
    rule(
        "broken/events/Invalid_ID.yml",
        [
            f"{EV}/Invalid_ID.yml:1:1: Der Dateiname „Invalid_ID.yml“ ist als Kennung ungültig: erlaubt sind nur "
            "Kleinbuchstaben a–z, Ziffern und Bindestriche (ä → ae, ß → ss, Leerzeichen → -), "
            "z. B. „invalid-id.yml“."
        ],
    ),
    rule(
        "broken/events/yaml-extension.yaml",
        [
            f"{EV}/yaml-extension.yaml:1:1: In content/events/ sind nur Dateien mit der Endung „.yml“ erlaubt. "
            "Benennen Sie „.yaml“ in „.yml“ um."
        ],
    ),
    rule(
        "broken/events/duplicate-id",
        [
            f"{EV}/sommerfest.yml:1:1: Die Kennung „sommerfest“ gibt es schon ({EV}/2027/sommerfest.yml). "
            "Dateinamen müssen in content/events/ eindeutig sein, auch über Unterordner hinweg. "
            "Benennen Sie eine der Dateien um."
        ],
        dest="events",
    ),
    # --- references to other records and to the town's vocabularies --------------------------
    rule(
        "broken/events/unknown-organizer.yml",
        [
            f"{EV}/unknown-organizer.yml:2:25: organizer[2]: Einen Verein mit der Kennung „turnverien“ gibt es "
            "nicht (es gibt keine Datei content/clubs/turnverien.yml). Meinten Sie „turnverein“?"
        ],
    ),
    rule(
        "broken/events/unknown-venue.yml",
        [
            f"{EV}/unknown-venue.yml:3:8: venue: Einen Ort mit der Kennung „rathuas“ gibt es nicht "
            "(es gibt keine Datei content/venues/rathuas.yml). Meinten Sie „rathaus“?"
        ],
    ),
    rule(
        "broken/events/unknown-category.yml",
        [
            f"{EV}/unknown-category.yml:2:11: category: Eine Kategorie mit der Kennung „sprot“ gibt es nicht "
            "in content/town.yml. Meinten Sie „sport“? Vorhanden: fest, sport."
        ],
    ),
    rule(
        "broken/events/unknown-audience.yml",
        [
            f"{EV}/unknown-audience.yml:5:12: audiences: Eine Zielgruppe mit der Kennung „kindre“ gibt es nicht "
            "in content/town.yml. Meinten Sie „kinder“? Vorhanden: familien, kinder."
        ],
    ),
    rule(
        "broken/clubs/unknown-district.yml",
        [
            "content/clubs/unknown-district.yml:2:19: category[2]: Eine Kategorie mit der Kennung „fst“ gibt es "
            "nicht in content/town.yml. Meinten Sie „fest“? Vorhanden: fest, sport.",
            "content/clubs/unknown-district.yml:3:11: district: Einen Ortsteil mit der Kennung „mite“ gibt es "
            "nicht in content/town.yml. Meinten Sie „mitte“? Vorhanden: borken, mitte.",
        ],
    ),
    rule(
        "broken/venues/unknown-district.yml",
        [
            "content/venues/unknown-district.yml:3:11: district: Einen Ortsteil mit der Kennung „nord“ gibt es "
            "nicht in content/town.yml. Vorhanden: borken, mitte."
        ],
    ),
    rule(
        "broken/events/duplicate-list-item.yml",
        [
            f"{EV}/duplicate-list-item.yml:5:12: audiences: „kinder“ steht doppelt in der Liste. "
            "Nennen Sie jeden Eintrag nur einmal."
        ],
    ),
    # --- start and end ----------------------------------------------------------------------
    rule(
        "broken/events/end-before-start.yml",
        [f"{EV}/end-before-start.yml:5:6: end: Das Ende liegt vor dem Beginn. Prüfen Sie Datum und Uhrzeit von „end“."],
    ),
    rule(
        "broken/events/all-day-start-timed-end.yml",
        [
            f"{EV}/all-day-start-timed-end.yml:5:6: end: Der Termin ist ganztägig (Beginn ohne Uhrzeit), "
            "also ist das Ende ein Tag (JJJJ-MM-TT), der letzte Tag des Termins."
        ],
    ),
    rule(
        "broken/events/all-day-start-time-only-end.yml",
        [
            f"{EV}/all-day-start-time-only-end.yml:5:6: end: Ein ganztägiger Termin endet an einem Tag "
            "(JJJJ-MM-TT), nicht zu einer Uhrzeit."
        ],
    ),
    rule(
        "broken/events/timed-start-date-end.yml",
        [
            f"{EV}/timed-start-date-end.yml:5:6: end: Der Termin beginnt mit Uhrzeit, also braucht auch das "
            "Ende eine Uhrzeit (JJJJ-MM-TT HH:MM oder nur HH:MM)."
        ],
    ),
    # --- daylight saving time ---------------------------------------------------------------
    rule("broken/events/start-in-dst-gap.yml", [f"{EV}/start-in-dst-gap.yml:4:8: start: {_DST_GAP}"]),
    rule(
        "broken/events/series-hits-dst-gap.yml",
        [
            f"{EV}/series-hits-dst-gap.yml:4:8: start: Ein Termin der Reihe fiele auf Sonntag, 28.03.2027, "
            "02:30 Uhr — diese Uhrzeit gibt es wegen der Umstellung auf Sommerzeit nicht. "
            "Wählen Sie eine andere Uhrzeit."
        ],
    ),
    rule(
        "broken/events/start-in-doubled-hour.yml",
        [f"{EV}/start-in-doubled-hour.yml:4:8: start: {doubled_hour('02:30')}"],
    ),
    rule("broken/events/end-in-doubled-hour.yml", [f"{EV}/end-in-doubled-hour.yml:5:6: end: {doubled_hour('02:30')}"]),
    rule(
        "broken/events/series-hits-doubled-hour.yml",
        [
            f"{EV}/series-hits-doubled-hour.yml:4:8: start: Ein Termin der Reihe fiele auf Sonntag, 31.10.2027, "
            "02:30 Uhr — diese Uhrzeit gibt es wegen der Umstellung auf Winterzeit zweimal, sie ist also nicht "
            "eindeutig. Wählen Sie eine Uhrzeit vor 02:00 oder ab 03:00, oder verlegen Sie diesen einen Termin "
            "unter „repeat.changes“."
        ],
    ),
    # the moved occurrence is reported at its change; its end (03:30) is after the doubled hour
    rule(
        "broken/events/change-in-doubled-hour.yml",
        [f"{EV}/change-in-doubled-hour.yml:10:14: repeat.changes[1].start: {doubled_hour('02:15')}"],
    ),
    # --- ISO 8601 date-times: seconds and UTC offsets ----------------------------------------
    rule(
        "broken/events/seconds.yml",
        [
            f"{EV}/seconds.yml:4:8: start: „2027-12-14T17:30:15+01:00“ nennt Sekunden; Termine stehen auf die Minute "
            "genau. Schreiben Sie 2027-12-14T17:30+01:00."
        ],
    ),
    # the end's +01:00 is the town's offset in December: accepted
    rule(
        "broken/events/offset-utc.yml",
        [
            f"{EV}/offset-utc.yml:4:8: start: "
            + offset_mismatch("„Z“ (UTC)", "14.12.2027", "+01:00", "2027-12-14 16:30", "2027-12-14 17:30")
        ],
    ),
    rule(
        "broken/events/offset-wrong-season.yml",
        [
            f"{EV}/offset-wrong-season.yml:4:8: start: "
            + offset_mismatch("„+02:00“", "14.12.2027", "+01:00", "2027-12-14 17:30", "2027-12-14 16:30")
        ],
    ),
    rule(
        "broken/events/change-offset-wrong-season.yml",
        [
            f"{EV}/change-offset-wrong-season.yml:9:14: repeat.changes[1].start: "
            + offset_mismatch("„+01:00“", "11.05.2027", "+02:00", "2027-05-11 19:00", "2027-05-11 20:00")
        ],
    ),
    # --- exceptions of a series -------------------------------------------------------------
    rule(
        "broken/events/except-not-an-occurrence.yml",
        [
            f"{EV}/except-not-an-occurrence.yml:8:24: repeat.except[2]: Am Mittwoch, 12.05.2027 "
            + _NOT_AN_OCCURRENCE_TAIL
        ],
    ),
    rule(
        "broken/events/cancelled-not-an-occurrence.yml",
        [
            f"{EV}/cancelled-not-an-occurrence.yml:8:14: repeat.cancelled[1]: Am Mittwoch, 12.05.2027 "
            + _NOT_AN_OCCURRENCE_TAIL
        ],
    ),
    rule(
        "broken/events/change-not-an-occurrence.yml",
        [
            f"{EV}/change-not-an-occurrence.yml:9:13: repeat.changes[1].date: Am Donnerstag, 13.05.2027 "
            + _NOT_AN_OCCURRENCE_TAIL
        ],
    ),
    rule(
        "broken/events/date-in-two-lists.yml",
        [
            f"{EV}/date-in-two-lists.yml:8:14: repeat.cancelled: Der 11.05.2027 steht in mehreren Listen "
            "(except, cancelled, changes). Ein Termin entfällt, ist abgesagt oder geändert — nur eines davon."
        ],
    ),
    rule(
        "broken/events/change-only-date.yml",
        [
            f"{EV}/change-only-date.yml:8:13: repeat.changes[1].date: Die Änderung nennt nur ein Datum. "
            "Geben Sie an, was sich ändert (start, end, venue, title oder note)."
        ],
    ),
    # --- the recurrence rule itself ---------------------------------------------------------
    rule(
        "broken/events/until-and-count.yml",
        [
            f"{EV}/until-and-count.yml:8:10: repeat.count: Nennen Sie entweder „until“ (bis wann) oder "
            "„count“ (wie oft), nicht beides."
        ],
    ),
    rule(
        "broken/events/ordinal-weekday-weekly.yml",
        [
            f"{EV}/ordinal-weekday-weekly.yml:7:9: repeat.days: Eine Nummer vor dem Wochentag (z. B. „1…“) "
            "gibt es nur bei freq: monthly. Bei wöchentlichen Terminen schreiben Sie nur den Tag, z. B. di."
        ],
    ),
    rule(
        "broken/events/start-not-matching-rule.yml",
        [
            f"{EV}/start-not-matching-rule.yml:4:8: start: Der Beginn (Montag, 17.05.2027) passt nicht zur "
            "Wiederholung unter „repeat“. Wählen Sie als Beginn den ersten Termin der Reihe, oder passen Sie "
            "„days“ an."
        ],
    ),
    # --- links, contact data, dates ---------------------------------------------------------
    rule(
        "broken/events/javascript-link.yml",
        [f"{EV}/javascript-link.yml:5:10: website: „javascript:alert(1)“ {_NOT_A_LINK}"],
    ),
    rule(
        "broken/events/ftp-link.yml",
        [f"{EV}/ftp-link.yml:5:15: registration: „ftp://example.org/anmeldung.pdf“ {_NOT_A_LINK}"],
    ),
    rule(
        "broken/events/mailto-website.yml",
        [f"{EV}/mailto-website.yml:7:12: contact.website: „mailto:info@example.org“ {_NOT_A_LINK}"],
    ),
    rule(
        "broken/events/bad-email.yml",
        [
            f"{EV}/bad-email.yml:6:10: contact.email: „info(at)example.org“ ist keine gültige E-Mail-Adresse, "
            "z. B. info@example.org."
        ],
    ),
    rule(
        "broken/events/bad-phone.yml",
        [
            f"{EV}/bad-phone.yml:6:10: contact.phone: „0800-RUF-AN“ ist keine gültige Telefonnummer. Schreiben "
            "Sie nur Ziffern, Leerzeichen und + / - ( ), z. B. 03535 12345 oder +49 3535 12345."
        ],
    ),
    rule(
        "broken/venues/bad-postcode.yml",
        [
            "content/venues/bad-postcode.yml:4:13: address.postcode: „4916“ ist keine gültige Postleitzahl. "
            "Sie hat genau fünf Ziffern, z. B. 04916."
        ],
    ),
    rule(
        "broken/events/german-date.yml",
        [
            f"{EV}/german-date.yml:4:8: start: „21.05.2027“ ist kein gültiger Zeitpunkt. Schreiben Sie "
            "JJJJ-MM-TT HH:MM, z. B. 2027-05-21 15:00, oder nur JJJJ-MM-TT für ganztägige Termine. "
            "Meinten Sie 2027-05-21?"
        ],
    ),
    rule(
        "broken/events/german-date-time.yml",
        [
            f"{EV}/german-date-time.yml:4:8: start: „21.5.2027, 15:00 Uhr“ ist kein gültiger Zeitpunkt. "
            "Schreiben Sie JJJJ-MM-TT HH:MM, z. B. 2027-05-21 15:00, oder nur JJJJ-MM-TT für ganztägige "
            "Termine. Meinten Sie 2027-05-21 15:00?"
        ],
    ),
    rule(
        "broken/clubs/german-date.yml",
        [
            "content/clubs/german-date.yml:3:11: reviewed: „01.10.2026“ ist kein gültiges Datum. Schreiben Sie "
            "es als JJJJ-MM-TT, z. B. 2027-05-21. Meinten Sie 2026-10-01?"
        ],
    ),
    rule(
        "broken/events/impossible-date.yml",
        [f"{EV}/impossible-date.yml:4:8: start: Den Tag „2027-02-30“ gibt es nicht. Prüfen Sie Tag und Monat."],
    ),
    # --- images -----------------------------------------------------------------------------
    rule(
        "broken/events/image-external-url.yml",
        [
            f"{EV}/image-external-url.yml:6:8: image.src: Bilder müssen als Datei unter content/images/ liegen; "
            "Links auf andere Seiten, absolute Pfade und „..“ sind nicht erlaubt (Datenschutz, und das Bild muss "
            "mit den Inhalten gespeichert sein). Legen Sie die Datei in content/images/ und geben Sie ihren Namen "
            "an, z. B. „sommerfest.jpg“."
        ],
    ),
    rule(
        "broken/clubs/image-missing-file.yml",
        [
            "content/clubs/image-missing-file.yml:5:8: image.src: Die Bilddatei content/images/mannschaft.jpg "
            "gibt es nicht."
        ],
    ),
    # --- HTML pasted into text fields: one message per field, at the first tag; the file's other
    # problems (here an unknown venue, found across files) come in the same run
    rule(
        "broken/events/html-in-texts.yml",
        [
            f"{EV}/html-in-texts.yml:1:15: title: {_HTML_LINE} „&amp;“ → „&“.",
            f"{EV}/html-in-texts.yml:3:8: venue: Einen Ort mit der Kennung „rathuas“ gibt es nicht "
            "(es gibt keine Datei content/venues/rathuas.yml). Meinten Sie „rathaus“?",
            f"{EV}/html-in-texts.yml:5:47: price: {_HTML_LINE} „<br/>“ → löschen.",
            f"{EV}/html-in-texts.yml:10:3: description: {_HTML} Schreiben Sie stattdessen: "
            "„<p>“ → eine Leerzeile zwischen den Absätzen; „<STRONG class=…>“ → **fett** (zwei Sternchen davor "
            "und danach); „&nbsp;“ → ein Leerzeichen (und 4 weitere).",
            f"{EV}/html-in-texts.yml:12:18: tags[2]: {_HTML_LINE} „&uuml;“ → „ü“.",
        ],
    ),
    rule(
        "broken/venues/html-in-directions.yml",
        [
            "content/venues/html-in-directions.yml:5:23: directions: "
            f"{_HTML_LINE} „&szlig;“ → „ß“; „<i>“ → löschen (den Text dazwischen behalten)."
        ],
    ),
    rule(
        "broken/town/html-in-category.yml",
        [
            f"content/town.yml:9:29: categories[2].label: {_HTML_LINE} „&amp;“ → „&“.",
            f"content/town.yml:9:66: categories[2].description: {_HTML_LINE} „<br>“ → löschen.",
        ],
        dest="town.yml",
    ),
    # a page's body is Markdown too; HTML inside code (a widget snippet) is shown on purpose
    rule(
        "broken/pages/html-in-body.md",
        [
            f"content/pages/html-in-body.md:2:18: title: {_HTML_LINE} „&amp;“ → „&“.",
            f"content/pages/html-in-body.md:10:5: {_HTML} Schreiben Sie stattdessen: „<br>“ → eine Leerzeile oder "
            "zwei Leerzeichen am Zeilenende; „<h2>“ → „## “ am Zeilenanfang.",
        ],
    ),
    # --- town configuration -----------------------------------------------------------------
    rule(
        "broken/town/unknown-timezone.yml",
        [
            "content/town.yml:5:11: timezone: „Europe/Herzberg“ ist keine bekannte Zeitzone. "
            "Für Deutschland: Europe/Berlin."
        ],
        dest="town.yml",
    ),
    # --- editorial pages --------------------------------------------------------------------
    rule(
        "broken/pages/no-front-matter.md",
        [
            "content/pages/no-front-matter.md:1:1: Eine Seite beginnt mit einem Kopf zwischen zwei Zeilen „---“, "
            "darin mindestens „title: …“, z. B. erste Zeile „---“, zweite „title: Anlaufstelle“, dritte „---“."
        ],
    ),
    rule(
        "broken/pages/unclosed-front-matter.md",
        [
            "content/pages/unclosed-front-matter.md:1:1: Der Kopf der Seite wird nicht mit einer Zeile „---“ "
            "geschlossen."
        ],
    ),
    rule(
        "broken/pages/unknown-front-matter-field.md",
        [
            "content/pages/unknown-front-matter-field.md:3:1: ordre: Das Feld „ordre“ gibt es hier nicht. "
            "Meinten Sie „order“? Erlaubt sind: title, description, order, menu_title, tags, events, opportunities."
        ],
    ),
]


@pytest.mark.parametrize(("fixture", "dest", "expected"), RULES)
def test_rule(project, fixture: str, dest: str | None, expected: list[str]) -> None:
    project.copy(fixture, dest)
    project.assert_problems(expected)


def test_fixture_project_is_valid(project) -> None:
    site, report = project.load()
    assert not report
    assert site is not None
    assert sorted(site.clubs) == ["turnverein"]
    assert sorted(site.venues) == ["markt", "rathaus"]


def test_file_over_one_megabyte(project) -> None:
    padding = "# Füllzeile, damit die Datei zu groß wird.\n" * 30_000  # 1.38 MB
    project.add("events/file-over-1mb.yml", "title: Sommerfest\n" + padding)
    project.assert_problems(
        [
            f"{EV}/file-over-1mb.yml:1:1: Die Datei ist 1,4 MB groß; erlaubt ist höchstens 1 MB. "
            "Teilen Sie den Inhalt auf mehrere Dateien auf."
        ]
    )


def test_missing_town_file_is_reported_together_with_file_problems(project) -> None:
    project.remove("town.yml")
    project.copy("broken/events/end-before-start.yml")
    project.assert_problems(
        [
            f"{EV}/end-before-start.yml:5:6: end: Das Ende liegt vor dem Beginn. ...",
            "content/town.yml:1:1: Die Datei mit den Angaben zur Kommune fehlt. Legen Sie content/town.yml an "
            "(Vorlage: README).",
        ]
    )


def test_files_in_sub_folders_are_validated(project) -> None:
    project.copy("broken/events/end-before-start.yml", "events/2027/mai/end-before-start.yml")
    project.assert_problems([f"{EV}/2027/mai/end-before-start.yml:5:6: end: Das Ende liegt vor dem Beginn. ..."])


def test_unknown_venue_in_town_contact_point(project) -> None:
    town = project.content / "town.yml"
    town.write_text(town.read_text(encoding="utf-8").replace("venue: rathaus", "venue: rathuas"), encoding="utf-8")
    project.assert_problems(
        [
            "content/town.yml:19:10: contact_point.venue: Einen Ort mit der Kennung „rathuas“ gibt es nicht "
            "(es gibt keine Datei content/venues/rathuas.yml). Meinten Sie „rathaus“?"
        ]
    )


def test_existing_image_is_accepted(project) -> None:
    project.add("images/mannschaft.jpg", phone_jpeg(400, 300))
    project.copy("broken/clubs/image-missing-file.yml", "clubs/mit-bild.yml")
    project.assert_problems([])


def test_valid_examples_load_and_end_time_is_combined_with_start_day(project) -> None:
    from datetime import datetime

    project.copy("valid/events/sommerfest.yml")
    project.copy("valid/events/training.yml")
    site, report = project.load()
    assert [str(p) for p in report.sorted()] == []
    assert site is not None
    sommerfest = site.events["sommerfest"].data
    assert sommerfest.start == datetime(2027, 5, 21, 15, 0)
    assert sommerfest.end == datetime(2027, 5, 21, 19, 0)
    assert sommerfest.organizer == ["turnverein"]


# --- formerly known generator bugs, now fixed: each is asserted precisely ---------------------


def test_all_day_change_with_time_end_is_reported_not_raised(project) -> None:
    project.copy("broken/events/all-day-change-with-time-end.yml")
    project.assert_problems(
        [
            f"{EV}/all-day-change-with-time-end.yml:10:12: repeat.changes[1].end: Ein ganztägiger Termin endet "
            "an einem Tag (JJJJ-MM-TT), nicht zu einer Uhrzeit."
        ]
    )


def test_change_end_before_its_start_is_located_at_the_change(project) -> None:
    project.add(
        "events/training.yml",
        "title: Training\ncategory: sport\nvenue: markt\nstart: 2027-05-04 18:00\nrepeat:\n  freq: weekly\n"
        '  changes:\n    - date: 2027-05-11\n      start: 2027-05-11 19:00\n      end: "18:30"\n',
    )
    project.assert_problems(
        [
            f"{EV}/training.yml:10:12: repeat.changes[1].end: Das Ende liegt vor dem Beginn. Prüfen Sie Datum und "
            "Uhrzeit von „end“."
        ]
    )


def test_empty_required_values_are_reported_as_empty(project) -> None:
    project.copy("broken/events/empty-required-values.yml")
    empty = "Das Feld ist leer. Tragen Sie einen Wert ein."
    # located right after the colon, where the value belongs
    project.assert_problems(
        [
            f"{EV}/empty-required-values.yml:1:7: title: {empty}",
            f"{EV}/empty-required-values.yml:2:10: category: {empty}",
            f"{EV}/empty-required-values.yml:4:7: start: {empty}",
        ]
    )


def test_duplicate_weekday_names_the_day(project) -> None:
    project.copy("broken/events/duplicate-weekday.yml")
    project.assert_problems(
        [
            f"{EV}/duplicate-weekday.yml:7:9: repeat.days: „Dienstag“ steht doppelt in der Liste. "
            "Nennen Sie jeden Eintrag nur einmal."
        ]
    )


def test_impossible_end_date_says_the_day_does_not_exist(project) -> None:
    project.copy("broken/events/impossible-end-date.yml")
    project.assert_problems(
        [f"{EV}/impossible-end-date.yml:5:6: end: Den Tag „2027-02-30“ gibt es nicht. Prüfen Sie Tag und Monat."]
    )


def test_invalid_venue_file_does_not_cause_false_missing_file_errors(project) -> None:
    project.copy("broken/venues/referenced-venue-invalid.yml", "venues/markt.yml")
    project.copy("valid/events/sommerfest.yml")
    project.assert_problems(
        [
            "content/venues/markt.yml:2:36: address.postcode: „4916“ ist keine gültige Postleitzahl. "
            "Sie hat genau fünf Ziffern, z. B. 04916."
        ]
    )


def test_invalid_club_file_does_not_cause_false_missing_file_errors(project) -> None:
    club = project.content / "clubs" / "turnverein.yml"
    text = club.read_text(encoding="utf-8").replace("reviewed: 2026-10-01", "reviewed: 01.10.2026")
    club.write_text(text, encoding="utf-8")
    project.copy("valid/events/sommerfest.yml")  # organizer: turnverein
    project.assert_problems(
        [
            "content/clubs/turnverein.yml:4:11: reviewed: „01.10.2026“ ist kein gültiges Datum. Schreiben Sie es "
            "als JJJJ-MM-TT, z. B. 2027-05-21. Meinten Sie 2026-10-01?"
        ]
    )


def test_unclosed_quote_points_at_the_opening_quote(project) -> None:
    project.copy("broken/events/unclosed-quote.yml")
    project.assert_problems(
        [
            f"{EV}/unclosed-quote.yml:4:14: Die Datei ist kein gültiges YAML. Ein Anführungszeichen wurde "
            "geöffnet, aber nicht geschlossen."
        ]
    )


def test_non_utf8_column_counts_characters(project) -> None:
    # „Grüße aus Straßberg“: the bad byte is the 22nd character of the line, the 24th byte
    project.copy("broken/events/not-utf8-after-umlaut.yml")
    project.assert_problems(
        [
            f"{EV}/not-utf8-after-umlaut.yml:1:22: Die Datei ist nicht in UTF-8 gespeichert. Speichern Sie sie "
            "in Ihrem Editor mit der Kodierung „UTF-8“."
        ]
    )


def test_yaml_extension_in_pages_gets_no_yml_hint(project) -> None:
    project.copy("broken/pages/yaml-extension.yaml")
    project.assert_problems(
        ["content/pages/yaml-extension.yaml:1:1: In content/pages/ sind nur Dateien mit der Endung „.md“ erlaubt."]
    )


def test_duplicate_category_points_at_the_duplicate(project) -> None:
    project.copy("broken/town/duplicate-category.yml", "town.yml")
    project.assert_problems(
        [
            "content/town.yml:10:10: categories[3].id: Die Kennung „sport“ steht in „categories“ doppelt. "
            "Jede Kennung darf nur einmal vorkommen."
        ]
    )


def test_not_an_occurrence_hint_names_both_neighbours(project) -> None:
    project.copy("broken/events/cancelled-not-an-occurrence.yml")
    project.assert_problems(
        [
            f"{EV}/cancelled-not-an-occurrence.yml:8:14: repeat.cancelled[1]: Am Mittwoch, 12.05.2027 findet die "
            "Reihe nicht statt, daher kann dieser Tag hier nicht stehen. Nächstgelegene Termine: Dienstag, "
            "11.05.2027 und Dienstag, 18.05.2027. Tragen Sie das reguläre Datum des betroffenen Termins ein."
        ]
    )


# --- further changes of the same round ---------------------------------------------------------


def test_missing_place_names_the_field_venue(project) -> None:
    project.add("events/ohne-ort.yml", "title: Sommerfest\ncategory: fest\nstart: 2027-05-21 15:00\n")
    # no line to point at: the start of the document, like a missing required field
    project.assert_problems(
        [
            f"{EV}/ohne-ort.yml:1:1: venue: Es fehlt der Ort. Geben Sie „venue“ (Kennung aus content/venues/) "
            "oder „location“ an."
        ]
    )


def test_series_starting_in_the_dst_gap_is_reported_once(project) -> None:
    project.add(
        "events/nachtwanderung.yml",
        "title: Nachtwanderung\ncategory: sport\nvenue: markt\nstart: 2027-03-28 02:30\n"
        "repeat:\n  freq: weekly\n  count: 3\n",
    )
    project.assert_problems([f"{EV}/nachtwanderung.yml:4:8: start: {_DST_GAP}"])


def test_iso_date_times_with_the_towns_offset_are_stored_as_local_times(project) -> None:
    from datetime import datetime

    project.copy("valid/events/iso-date-times.yml")
    site, report = project.load()
    assert [str(p) for p in report.sorted()] == []
    assert site is not None
    stadtfest = site.events["iso-date-times"].data
    assert (stadtfest.start, stadtfest.end) == (datetime(2027, 6, 19, 14, 0), datetime(2027, 6, 19, 23, 0))
    assert stadtfest.repeat is not None
    assert stadtfest.repeat.changes[0].start == datetime(2028, 6, 17, 14, 0)
    assert all(value.tzinfo is None for value in (stadtfest.start, stadtfest.end, stadtfest.repeat.changes[0].start))


def test_series_whose_doubled_hour_occurrence_is_left_out_is_accepted(project) -> None:
    project.copy("valid/events/series-skips-doubled-hour.yml")
    project.assert_problems([])


def test_offset_that_moves_the_instant_into_the_doubled_hour_gets_no_second_suggestion(project) -> None:
    # 00:30 UTC is 02:30 summer time on 31.10.2027: that local time would be rejected in turn
    project.add("events/nacht.yml", "title: Nacht\ncategory: sport\nvenue: markt\nstart: 2027-10-31T00:30Z\n")
    project.assert_problems(
        [
            f"{EV}/nacht.yml:4:8: start: Die Zeitzonen-Angabe „Z“ (UTC) passt nicht zur Ortszeit: Am 31.10.2027 gilt "
            "hier +02:00. Termine stehen in Ortszeit, ohne Zeitzone, so wie sie vor Ort auf der Uhr steht. "
            "Schreiben Sie 2027-10-31 00:30, wenn 00:30 Uhr gemeint ist."
        ]
    )


def test_offset_whose_instant_falls_outside_the_accepted_years_gets_no_second_suggestion(project) -> None:
    project.add(
        "events/silvester.yml", "title: Silvester\ncategory: fest\nvenue: markt\nstart: 2199-12-31T23:30-05:00\n"
    )
    project.assert_problems(
        [
            f"{EV}/silvester.yml:4:8: start: Die Zeitzonen-Angabe „-05:00“ passt nicht zur Ortszeit: Am 31.12.2199 "
            "gilt hier +01:00. Termine stehen in Ortszeit, ohne Zeitzone, so wie sie vor Ort auf der Uhr steht. "
            "Schreiben Sie 2199-12-31 23:30, wenn 23:30 Uhr gemeint ist."
        ]
    )
