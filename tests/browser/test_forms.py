"""The forms "… melden": filled in Chromium, their YAML must pass `validate` in a copy of the project.

The forms are rendered by theme/assets/forms.js from the embedded JSON Schema; these tests drive
them as a volunteer would (by visible labels) and check the file, the error messages and the
e-mail and GitHub links.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Browser, Page, expect
from site_under_test import ROOT, TODAY, SiteServer
from test_page_types import AXE, RUN_AXE, WCAG_21_AA, format_violations

from generator import urls
from generator.cli import main
from generator.content import load_site
from generator.load.yaml_loader import load_yaml_text
from generator.models.club import Club
from generator.project import Project

EVENT_FORM = urls.report_form("veranstaltung")
CLUB_FORM = urls.report_form("verein")
OPPORTUNITY_FORM = urls.report_form("engagement")
SUBMIT = "Eingaben prüfen und Eintrag erstellen"
TITLE = 'Vortrag: 100 Jahre Elsterbrücke #2 – "Zeitzeugen" erzählen'
DESCRIPTION = "Ein Abend über die **Brücke**.\n\n- mit Bildern\n- mit Zeitzeugen\n\n# keine Überschrift: nur Text"
DATA_MARK = "----- Für die Redaktion -----"
ENTRY_LINE = re.compile(r"^Der Eintrag für die Datei (\S+) \(bitte unverändert übernehmen\):$", re.MULTILINE)


@pytest.fixture
def page(page: Page) -> Page:
    """The forms refuse dates before the browser's today: it is the shared build's, so the 2027 dates last."""
    page.clock.set_fixed_time(datetime.fromisoformat(f"{TODAY} 12:00").replace(tzinfo=ZoneInfo("Europe/Berlin")))
    return page


def submit(page: Page) -> None:
    page.locator("form[data-form]").get_by_role("button", name=SUBMIT).click()


def result_message(page: Page) -> str:
    """The e-mail text the form shows (and copies): a German summary, then the entry for the editors."""
    expect(page.get_by_role("heading", name="Fertig! Jetzt nur noch abschicken")).to_be_visible()
    return page.locator("[data-message]").text_content() or ""


def entry_of(message: str) -> tuple[str, str]:
    """(file path, YAML entry) from the part of the message below the editors' mark."""
    _, mark, data = message.partition(DATA_MARK)
    assert mark, message
    match = ENTRY_LINE.search(data)
    assert match, data
    return match.group(1), data[match.end() :].removeprefix("\n\n")


def result_yaml(page: Page) -> str:
    return entry_of(result_message(page))[1]


def result_path(page: Page) -> str:
    return entry_of(result_message(page))[0]


def validates(tmp_path: Path, folder: str, file_name: str, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Write ``text`` into a copy of the sample content and run `python -m generator validate` on it."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "content", project / "content")
    target = project / "content" / folder / file_name
    assert not target.exists(), f"{file_name} gibt es schon"
    target.write_text(text, encoding="utf-8")
    code = main(["--root", str(project), "validate"])
    output = capsys.readouterr()
    assert code == 0, f"{file_name}:\n{text}\n{output.out}{output.err}"


def fill_event(page: Page, title: str = TITLE, description: str = DESCRIPTION) -> None:
    page.get_by_label("Titel").fill(title)
    page.get_by_label("Wer lädt ein?").select_option(label="Heimatverein Herzberg e. V.")
    page.get_by_label("Thema").select_option(label="Bildung und Vorträge")
    page.get_by_label("Beschreibung").fill(description)
    page.get_by_label("Datum").fill("19.6.2027")
    page.get_by_label("Beginn (Uhrzeit)").fill("19")
    page.get_by_label("Ende (Uhrzeit)").fill("21.30")
    page.get_by_label("Ort (Pflicht)").select_option("haus-zwei")
    page.get_by_label("Der Eintritt ist frei.").check()
    audiences = page.get_by_role("group", name="Zielgruppen")
    audiences.get_by_label("Familien").check()
    audiences.get_by_label("Seniorinnen und Senioren").check()
    page.get_by_role("group", name="Mit dem Rollstuhl zugänglich?").get_by_label("Teilweise (eingeschränkt)").check()
    page.get_by_role("textbox", name="E-Mail").fill("heimatverein@example.org")


def test_event_form_writes_a_file_validate_accepts(
    page: Page, site_server: SiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page)
    submit(page)
    text = result_yaml(page)
    data = load_yaml_text(text, "termin.yml").data
    assert data["title"] == TITLE  # quoted: the colon, "#" and quotes survive
    assert data["description"].rstrip("\n") == DESCRIPTION  # a block scalar keeps every line
    assert (data["start"], data["end"], data["free"]) == ("2027-06-19 19:00", "21:30", "ja")
    assert data["audiences"] == ["familien", "senioren"] and data["accessibility"] == {"wheelchair": "teilweise"}
    file_name = result_path(page).rsplit("/", 1)[-1]
    assert file_name == "vortrag-100-jahre-elsterbruecke-2-zeitzeugen-erzaehlen.yml"
    validates(tmp_path, "events", file_name, text, capsys)


def test_the_town_or_an_organisation_not_in_the_list_invites(
    page: Page, site_server: SiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page)
    page.get_by_label("Wer lädt ein?").select_option(label="Eine andere Einrichtung (nicht in der Liste)")
    submit(page)
    expect(page.get_by_role("alert").get_by_role("listitem")).to_have_text(
        ["Name der Einrichtung: Bitte füllen Sie dieses Feld aus."]
    )
    page.get_by_label("Name der Einrichtung").fill("Evangelische Grundschule Herzberg")
    page.get_by_label("Webseite der Einrichtung").fill("https://grundschule.example.org/")
    submit(page)
    assert "Wer lädt ein: Evangelische Grundschule Herzberg, https://grundschule.example.org/" in (
        result_message(page).splitlines()
    )
    text = result_yaml(page)
    assert load_yaml_text(text, "termin.yml").data["organizer"] == {
        "name": "Evangelische Grundschule Herzberg",
        "website": "https://grundschule.example.org/",
    }
    validates(tmp_path, "events", result_path(page).rsplit("/", 1)[-1], text, capsys)
    page.get_by_label("Wer lädt ein?").select_option(label="Stadt Herzberg (Elster)")
    expect(page.get_by_label("Name der Einrichtung")).to_be_hidden()
    submit(page)
    assert "Wer lädt ein: Stadt Herzberg (Elster)" in result_message(page).splitlines()
    assert load_yaml_text(result_yaml(page), "termin.yml").data["organizer"] == "stadt"


def test_weekly_series_at_a_place_not_in_the_list(
    page: Page, site_server: SiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page.goto(site_server.url(EVENT_FORM))
    page.get_by_label("Titel").fill("Lauftreff am Deich")
    page.get_by_label("Thema").select_option(label="Sport und Bewegung")
    page.get_by_label("Datum").fill("2027-01-05")  # a Tuesday
    page.get_by_label("Beginn (Uhrzeit)").fill("18:00")
    page.get_by_role("group", name="Findet der Termin regelmäßig statt?").get_by_label("Ja, jede Woche").check()
    days = page.get_by_role("group", name="An welchen Tagen?")
    days.get_by_label("Donnerstag").check()
    submit(page)  # the first date is a Tuesday, which is not ticked
    expect(days).to_contain_text("Kreuzen Sie diesen Tag an")
    days.get_by_label("Dienstag").check()
    page.get_by_label("Bis wann?").fill("30.6.2027")
    page.get_by_label("Ort (Pflicht)").select_option(label="Ein anderer Ort (nicht in der Liste)")
    page.get_by_label("Name des Ortes").fill("Deichweg an der Elsterbrücke")
    page.get_by_label("Postleitzahl").fill("04916")
    # neither city nor name says the Ortsteil: the volunteer chooses it (validate would ask for it)
    page.get_by_label("Ortsteil").select_option(label="Herzberg (Kernstadt)")
    submit(page)
    text = result_yaml(page)
    assert "repeat:\n  freq: weekly\n  days: [di, do]\n  until: 2027-06-30\n" in text
    assert "location:\n  name: Deichweg an der Elsterbrücke\n  postcode: 04916\n  district: herzberg\n" in text
    validates(tmp_path, "events", "lauftreff-am-deich.yml", text, capsys)


def test_monthly_series_offers_only_rules_the_first_date_fits(
    page: Page, site_server: SiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page.goto(site_server.url(EVENT_FORM))
    page.get_by_label("Titel").fill("Skatabend")
    page.get_by_label("Thema").select_option(label="Soziales und Nachbarschaft")
    page.get_by_label("Datum").fill("27.01.2027")  # the fourth and last Wednesday of January
    page.get_by_label("Beginn (Uhrzeit)").fill("19:00")
    page.get_by_label("Ort (Pflicht)").select_option("haus-zwei")
    page.get_by_role("group", name="Findet der Termin regelmäßig statt?").get_by_label("Ja, jeden Monat").check()
    monthday = page.get_by_label("An welchem Tag im Monat?")
    options = monthday.locator("option").all_text_contents()
    assert options == ["am 27. jedes Monats", "am vierten Mittwoch im Monat", "am letzten Mittwoch im Monat"]
    monthday.select_option(label="am letzten Mittwoch im Monat")
    submit(page)
    text = result_yaml(page)
    assert "repeat:\n  freq: monthly\n  days: [-1mi]\n" in text
    validates(tmp_path, "events", "skatabend.yml", text, capsys)


def test_an_impossible_date_shows_a_german_error_next_to_its_field(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page)
    date = page.get_by_label("Datum")
    date.fill("2027-02-30")
    submit(page)
    expect(date).to_have_attribute("aria-invalid", "true")
    message_id = next(i for i in (date.get_attribute("aria-describedby") or "").split() if i.endswith("-fehler"))
    message = page.locator(f"#{message_id}")
    expect(message).to_be_visible()
    expect(message).to_have_text("Fehler: Den Tag „2027-02-30“ gibt es nicht. Prüfen Sie Tag und Monat.")
    # the message stands in the field's own box, right above the input
    assert page.locator("#f-start-datum-feld").locator(f"#{message_id}").count() == 1
    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    link = summary.get_by_role("link", name="Datum: Den Tag „2027-02-30“ gibt es nicht. Prüfen Sie Tag und Monat.")
    link.click()
    expect(date).to_be_focused()
    expect(page.locator("[data-form-result]")).to_be_hidden()

    date.fill("30.06.2027")
    submit(page)
    expect(date).not_to_have_attribute("aria-invalid", "true")
    expect(message).to_be_hidden()
    result_yaml(page)


def test_required_fields_and_rules_from_the_schema(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url(EVENT_FORM))
    page.get_by_label("Datum").fill("28.03.2027")
    page.get_by_label("Beginn (Uhrzeit)").fill("02:30")  # skipped by the change to summer time
    page.get_by_label("Link zur Anmeldung").fill("www.example.org/anmeldung")
    page.get_by_label("Telefon").fill("03535-ABC")
    submit(page)
    summary = page.get_by_role("alert")
    expected = [
        "Titel: Bitte füllen Sie dieses Feld aus.",
        "Thema: Bitte wählen Sie eine Antwort aus.",
        "Beginn (Uhrzeit): Die Uhrzeit 02:30 am 28.03.2027 gibt es nicht: In dieser Nacht wird die Uhr von 2 auf "
        "3 Uhr vorgestellt (Sommerzeit). Wählen Sie eine Uhrzeit ab 03:00.",
        "Ort: Bitte wählen Sie eine Antwort aus.",
        "Link zur Anmeldung: „www.example.org/anmeldung“ ist kein erlaubter Link. Nur Adressen, die mit https:// "
        "oder http:// beginnen, sind erlaubt, z. B. https://www.example.org/.",
        "Telefon: „03535-ABC“ ist keine gültige Telefonnummer. Schreiben Sie nur Ziffern, Leerzeichen und + / - ( ), "
        "z. B. 03535 12345 oder +49 3535 12345.",
    ]
    expect(summary.get_by_role("listitem")).to_have_text(expected)


def axe_violations(page: Page) -> list[dict[str, Any]]:
    assert AXE.is_file(), f"{AXE} fehlt – `npm ci` installiert axe-core"
    page.add_script_tag(path=AXE)
    return page.evaluate(RUN_AXE, WCAG_21_AA)


def test_errors_and_result_have_no_wcag_21_aa_violations(page: Page, site_server: SiteServer) -> None:
    """PAGE_TYPES checks the empty forms; here the states a volunteer gets to: errors shown, entry ready."""
    page.goto(site_server.url(EVENT_FORM))
    page.get_by_role("group", name="Mit dem Rollstuhl zugänglich?").get_by_label("Nein").check()
    page.get_by_role("group", name="Findet der Termin regelmäßig statt?").get_by_label("Ja, jeden Monat").check()
    page.get_by_label("Datum").fill("31.02.2027")
    submit(page)
    expect(page.get_by_role("alert")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, "mit Fehlermeldungen:\n" + format_violations(violations)
    fill_event(page)
    submit(page)
    result_yaml(page)
    violations = axe_violations(page)
    assert not violations, "mit fertigem Eintrag:\n" + format_violations(violations)


def test_mailto_and_issue_links_carry_the_entry(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page)
    submit(page)
    text = result_yaml(page)

    mailto = page.get_by_role("link", name="E-Mail öffnen").get_attribute("href") or ""
    address, _, query = mailto.removeprefix("mailto:").partition("?")
    mail = parse_qs(query)
    assert unquote(address) == "engagiert@example.org"
    assert mail["subject"] == [f"Veranstaltung melden: {TITLE}"]
    body = mail["body"][0]
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")  # RFC 6068 line breaks
    assert text in body.replace("\r\n", "\n")
    assert len(mailto) <= 1900

    issue = page.get_by_role("link", name="Auf GitHub melden").get_attribute("href") or ""
    parts = urlsplit(issue)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/example/engagiert-herzberg/issues/new"
    fields = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert fields["template"] == "veranstaltung.yml"
    assert fields["title"] == TITLE
    assert fields["yaml"] == text
    assert fields["start"] == "2027-06-19 19:00"
    assert fields["category"] == "Bildung und Vorträge"  # the issue form's dropdown shows labels
    assert "content/events/vortrag-100-jahre-elsterbruecke-2-zeitzeugen-erzaehlen.yml" in fields["hinweise"]


def test_a_long_entry_offers_copy_and_download_instead_of_mailto(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page, description="Ein sehr langer Text über die Geschichte der Brücke. " * 60)
    submit(page)
    text = result_yaml(page)
    expect(page.get_by_role("link", name="E-Mail öffnen")).to_be_hidden()
    expect(page.locator("[data-mail-too-long]")).to_be_visible()
    download = page.get_by_role("link", name="Datei herunterladen")
    assert download.get_attribute("download") == "vortrag-100-jahre-elsterbruecke-2-zeitzeugen-erzaehlen.yml"
    with page.expect_download() as info:
        download.click()
    schema_line = "# yaml-language-server: $schema=../../schemas/event.schema.json\n"  # the file for the editors
    assert Path(info.value.path()).read_text(encoding="utf-8") == schema_line + text


def test_club_form_writes_a_new_club(
    page: Page, site_server: SiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page.goto(site_server.url(CLUB_FORM))
    page.get_by_label("Name (Pflicht)").fill("Schachfreunde Herzberg 2027 e. V.")
    page.get_by_role("group", name="Bereich").get_by_label("Sport und Bewegung").check()
    page.get_by_label("Beschreibung").fill("Wir spielen Schach.\nAnfänger willkommen!")
    page.get_by_label("Gegründet im Jahr").fill("ca. 2027")
    page.get_by_role("textbox", name="Treffen").fill("dienstags 18 Uhr, Haus II\n\n  freitags: Jugendtraining  ")
    page.get_by_label("Straße und Hausnummer").fill("Markt 1")
    page.get_by_role("group", name="Sind neue Mitglieder willkommen?").get_by_label("Ja").check()
    page.get_by_label("Mitgliedsbeitrag").fill("null")
    submit(page)
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("listitem")).to_have_text(
        [
            "Gegründet im Jahr: „ca. 2027“ ist keine Zahl. Schreiben Sie nur Ziffern. Beispiel: 1990.",
            "Postleitzahl: Bitte füllen Sie dieses Feld aus.",  # the address is begun, so it must be complete
            "Ort: Bitte füllen Sie dieses Feld aus.",
        ]
    )
    page.get_by_label("Gegründet im Jahr").fill("2027")
    page.get_by_label("Postleitzahl").fill("04916")
    page.get_by_label("Ort", exact=True).fill("Herzberg (Elster)")
    submit(page)
    text = result_yaml(page)
    data = load_yaml_text(text, "verein.yml").data
    assert data["meeting_times"] == ["dienstags 18 Uhr, Haus II", "freitags: Jugendtraining"]
    assert data["membership"] == {"open": "ja", "fee": "null"}  # quoted, so no YAML reader takes it for "empty"
    assert 'fee: "null"' in text and "founded: 2027" in text
    summary = result_message(page).split("\n\n")[2].splitlines()
    assert summary == [
        "Neuer Verein: Schachfreunde Herzberg 2027 e. V.",
        "Bereich: Sport und Bewegung",
        "Treffen: dienstags 18 Uhr, Haus II; freitags: Jugendtraining",
    ]
    validates(tmp_path, "clubs", "schachfreunde-herzberg-2027-e-v.yml", text, capsys)


def test_club_form_adds_a_second_contact_and_takes_it_away_again(
    page: Page, site_server: SiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page.goto(site_server.url(CLUB_FORM))
    page.get_by_label("Name (Pflicht)").fill("Kanuclub Schwarze Elster")
    page.get_by_role("group", name="Bereich").get_by_label("Sport und Bewegung").check()
    first = page.get_by_role("group", name="Kontakt", exact=True)
    first.get_by_label("Funktion").fill("Vorstand")
    first.get_by_label("E-Mail").fill("vorstand@kanuclub.example.org")
    expect(first.get_by_text("nur mit Einverständnis der Person")).to_be_visible()
    second = page.get_by_role("group", name="Weiterer Kontakt")
    expect(second).to_be_hidden()
    page.get_by_role("button", name="Weiteren Kontakt hinzufügen").click()
    expect(second.get_by_label("Funktion")).to_be_focused()
    expect(page.get_by_role("button", name="Weiteren Kontakt hinzufügen")).to_be_hidden()
    second.get_by_label("Funktion").fill("Jugendwart")
    second.get_by_label("Ansprechperson").fill("Max Beispiel")
    second.get_by_label("Telefon").fill("03535 000 299")
    second.get_by_label("E-Mail").fill("jugend@")
    submit(page)
    expect(page.get_by_role("alert").get_by_role("listitem")).to_have_text(
        ["E-Mail: „jugend@“ ist keine gültige E-Mail-Adresse, z. B. info@example.org."]
    )
    expect(second.get_by_label("E-Mail")).to_have_attribute("aria-invalid", "true")
    violations = axe_violations(page)
    assert not violations, "mit zweitem Kontakt und Fehler:\n" + format_violations(violations)
    second.get_by_label("E-Mail").fill("")
    submit(page)
    text = result_yaml(page)
    assert load_yaml_text(text, "verein.yml").data["contact"] == [
        {"role": "Vorstand", "email": "vorstand@kanuclub.example.org"},
        {"role": "Jugendwart", "name": "Max Beispiel", "phone": "03535 000 299"},
    ]
    assert "Weiterer Kontakt: Jugendwart, Max Beispiel, 03535 000 299" in result_message(page)
    validates(tmp_path, "clubs", "kanuclub-schwarze-elster.yml", text, capsys)

    second.get_by_role("button", name="Diesen Kontakt entfernen").click()
    expect(second).to_be_hidden()
    expect(page.get_by_role("button", name="Weiteren Kontakt hinzufügen")).to_be_focused()
    submit(page)
    text = result_yaml(page)
    assert "contact:\n  role: Vorstand\n  email: vorstand@kanuclub.example.org\n" in text  # one: as before
    page.get_by_role("button", name="Weiteren Kontakt hinzufügen").click()
    expect(second.get_by_label("Ansprechperson")).to_have_value("")  # removed means forgotten


def test_club_form_reproduces_every_existing_club(page: Page, site_server: SiteServer) -> None:
    """Choosing a club and sending it unchanged gives the same record, only `reviewed` is today."""
    site, report = load_site(Project(ROOT))
    assert site is not None, report.sorted()
    page.goto(site_server.url(CLUB_FORM))
    choose = page.get_by_label("Neu eintragen oder ändern?")
    for club_id, record in sorted(site.clubs.items()):
        choose.select_option(club_id)
        submit(page)
        text = result_yaml(page)
        assert result_path(page) == f"content/clubs/{club_id}.yml"
        assert f"\nGeänderter Vereinseintrag: {record.data.name}\n" in result_message(page)
        again = Club.model_validate(load_yaml_text(text, f"{club_id}.yml").data)
        assert again.model_copy(update={"reviewed": record.data.reviewed}) == record.data, text


def test_opportunity_form_writes_a_file_validate_accepts(
    page: Page, site_server: SiteServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page.goto(site_server.url(OPPORTUNITY_FORM))
    page.get_by_label("Titel").fill("Helfer für das Herbstfest")
    page.get_by_label("Beschreibung").fill("Auf- und Abbau, Kuchenstand.")
    page.get_by_label("Zeitaufwand").fill("2 Stunden")
    page.get_by_label("Gültig bis").fill("31.10.2027")
    submit(page)
    expect(page.get_by_role("alert").get_by_role("listitem")).to_have_text(
        ["Ansprechperson: Bitte füllen Sie mindestens eines der Felder unter „Kontakt“ aus, z. B. E-Mail oder Telefon."]
    )
    page.get_by_label("Telefon").fill("03535 000 200")
    page.get_by_label("Wer sucht").select_option(label="Heimatverein Herzberg e. V.")
    submit(page)
    text = result_yaml(page)
    assert "expires: 2027-10-31\n" in text and "phone: 03535 000 200" in text
    assert result_message(page).split("\n\n")[2].splitlines() == [
        "Neues Engagement-Angebot: Helfer für das Herbstfest",
        "Wer sucht: Heimatverein Herzberg e. V.",
        "Zeitaufwand: 2 Stunden",
        "Gültig bis: 31.10.2027",
        "Kontakt: 03535 000 200",
    ]
    validates(tmp_path, "opportunities", "helfer-fuer-das-herbstfest.yml", text, capsys)


@pytest.mark.parametrize("path", [EVENT_FORM, CLUB_FORM, OPPORTUNITY_FORM])
def test_without_javascript_the_page_explains_the_email_route(
    browser: Browser, site_server: SiteServer, path: str
) -> None:
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server.url(path))
        expect(page.locator("form[data-form]")).to_be_hidden()
        assert page.locator("noscript p").filter(has_text="Das Formular braucht JavaScript").is_visible()
        route = page.locator(".eg-form-email")
        address = route.get_by_role("link", name="engagiert@example.org")
        assert (address.get_attribute("href") or "").startswith("mailto:engagiert@example.org?subject=")
        assert route.get_by_role("listitem").count() >= 4  # what to write
    finally:
        context.close()


@pytest.mark.parametrize(
    ("where", "name", "target"),
    [
        ("", "Veranstaltung melden", EVENT_FORM),
        ("", "Eintragen und melden", urls.report()),
        (urls.clubs(), "Verein eintragen oder ändern", CLUB_FORM),
        (urls.events(), "Veranstaltung melden", EVENT_FORM),
        (urls.opportunities(), "Engagement-Angebot melden", OPPORTUNITY_FORM),
        (urls.report(), "Engagement-Angebot melden", OPPORTUNITY_FORM),
    ],
)
def test_the_forms_are_linked(page: Page, site_server: SiteServer, where: str, name: str, target: str) -> None:
    page.goto(site_server.url(where))
    page.locator(".eg-page").get_by_role("link", name=name, exact=True).first.click()
    assert page.url == site_server.url(target)


# --- checking while filling in, past dates, scrolling, the e-mail (issue 17) -----------------

VIEWPORTS = [pytest.param((360, 780), id="360"), pytest.param((1280, 900), id="1280")]
PHONE_ERROR = (
    "„03535-ABC“ ist keine gültige Telefonnummer. Schreiben Sie nur Ziffern, Leerzeichen und + / - ( ), "
    "z. B. 03535 12345 oder +49 3535 12345."
)


def settle(page: Page) -> None:
    """Let the page run what it has queued (the check of a field left waits for the click to end)."""
    page.evaluate("() => new Promise((done) => setTimeout(done, 20))")


def expect_error(page: Page, control_id: str, message: str | None) -> None:
    """The field box of ``control_id`` shows ``message`` (None: no error), linked as the rules say:
    aria-invalid on the control, the message in aria-describedby of the control or of its question."""
    settle(page)
    box = page.locator(f"#{control_id}-feld")
    question = box.evaluate("b => b.tagName") == "FIELDSET"
    described = box if question else page.locator(f"#{control_id}")
    shown = box.locator(".eg-error-message")
    linked = re.compile(rf"(^| ){control_id}-fehler$")
    if message is None:
        expect(shown).to_be_hidden()
        expect(described).not_to_have_attribute("aria-describedby", linked)
        expect(page.locator(f"#{control_id}")).not_to_have_attribute("aria-invalid", "true")
    else:
        expect(shown).to_have_text(f"Fehler: {message}")
        expect(described).to_have_attribute("aria-describedby", linked)
        if not question:
            expect(described).to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_field_is_checked_when_left_and_its_error_goes_when_fixed(
    page: Page, site_server: SiteServer, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_server.url(EVENT_FORM))
    title = page.get_by_label("Titel")
    title.focus()
    page.keyboard.press("Tab")  # passing an empty field says nothing
    expect_error(page, "f-title", None)

    phone = page.get_by_label("Telefon")
    phone.press_sequentially("03535-ABC")
    expect_error(page, "f-contact-phone", None)  # still typing: not yet
    phone.press("Tab")
    expect_error(page, "f-contact-phone", PHONE_ERROR)  # the message "Eingaben prüfen" gives
    assert (phone.get_attribute("aria-describedby") or "").split() == [
        "f-contact-phone-hinweis",
        "f-contact-phone-fehler",
    ]
    expect(page.locator("[data-form-status]")).to_have_text(f"Fehler bei „Telefon“: {PHONE_ERROR}")
    expect(page.locator("[data-error-summary]")).to_be_hidden()  # the list comes with "Eingaben prüfen"
    violations = axe_violations(page)
    assert not violations, format_violations(violations)

    phone.focus()
    phone.press("End")
    phone.press("Backspace")
    phone.press("Backspace")
    expect_error(page, "f-contact-phone", PHONE_ERROR)  # "03535-A" is still wrong: the message stays
    phone.press("Backspace")
    phone.press("Backspace")
    phone.press_sequentially("12345")
    expect_error(page, "f-contact-phone", None)  # gone while typing, the moment it is right
    assert phone.get_attribute("aria-describedby") == "f-contact-phone-hinweis"

    title.fill("Lesung")
    title.fill("")
    title.press("Tab")  # typed and emptied again: now it is missing
    expect_error(page, "f-title", "Bitte füllen Sie dieses Feld aus.")
    page.get_by_label("Thema").select_option(label="Bildung und Vorträge")  # a choice is checked at once
    page.get_by_label("Thema").select_option(label="Bitte wählen")
    expect_error(page, "f-category", "Bitte wählen Sie eine Antwort aus.")


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_error_summary_follows_the_fields_and_goes_with_the_last_error(
    page: Page, site_server: SiteServer, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page)
    page.get_by_label("Titel").fill("")
    page.get_by_label("Beginn (Uhrzeit)").fill("25")
    submit(page)
    summary = page.locator("[data-error-summary]")
    items = summary.get_by_role("listitem")
    expect(items).to_have_text(
        [
            "Titel: Bitte füllen Sie dieses Feld aus.",
            "Beginn (Uhrzeit): Die Uhrzeit „25“ gibt es nicht. Erlaubt ist 00:00 bis 23:59.",
        ]
    )
    page.get_by_label("Titel").press_sequentially("Lesung")
    expect(items).to_have_text(["Beginn (Uhrzeit): Die Uhrzeit „25“ gibt es nicht. Erlaubt ist 00:00 bis 23:59."])
    expect_error(page, "f-title", None)
    time = page.get_by_label("Beginn (Uhrzeit)")
    time.fill("")
    time.press_sequentially("19")
    expect(summary).to_be_hidden()
    expect_error(page, "f-start-zeit", None)
    submit(page)
    result_yaml(page)


@pytest.mark.parametrize("size", VIEWPORTS)
def test_a_date_in_the_past_is_refused(page: Page, site_server: SiteServer, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page)
    date = page.get_by_label("Datum")
    date.fill("12.12.2020")
    date.press("Tab")
    past = (
        "Der 12.12.2020 liegt in der Vergangenheit (heute ist der 01.12.2026). Das Portal zeigt nur kommende "
        "Termine: Bitte prüfen Sie das Datum."
    )
    expect_error(page, "f-start-datum", past)
    submit(page)
    expect(page.locator("[data-error-summary]").get_by_role("listitem")).to_have_text([f"Datum: {past}"])
    page.get_by_role("group", name="Findet der Termin regelmäßig statt?").get_by_label("Ja, jede Woche").check()
    date.focus()
    date.press("Tab")
    series = " Bei einem regelmäßigen Termin tragen Sie den nächsten Termin ab heute ein."
    expect_error(page, "f-start-datum", past + series)
    date.fill("1.12.26")  # today is fine, also with an hour that has passed
    page.get_by_label("Beginn (Uhrzeit)").fill("08:00")
    page.get_by_role("group", name="An welchen Tagen?").get_by_label("Dienstag").check()
    expect_error(page, "f-start-datum", None)
    submit(page)
    assert "start: 2026-12-01 08:00\n" in result_yaml(page)

    page.goto(site_server.url(OPPORTUNITY_FORM))
    expires = page.get_by_label("Gültig bis")
    expires.fill("30.11.2026")
    expires.press("Tab")
    expect_error(
        page,
        "f-expires",
        "Der 30.11.2026 liegt in der Vergangenheit (heute ist der 01.12.2026). "
        "Bitte tragen Sie einen Tag ab heute ein.",
    )
    expires.fill("01.12.2026")
    expect_error(page, "f-expires", None)


def header_bottom(page: Page) -> float:
    return page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")


def assert_below_header(page: Page, selector: str) -> None:
    """``selector``'s top is in the window below the sticky header, and its first line is not covered."""
    top, height = page.evaluate(
        "s => [document.querySelector(s).getBoundingClientRect().top, innerHeight]",
        selector,
    )
    assert header_bottom(page) <= top < height / 3, (selector, header_bottom(page), top)
    first_line = page.locator(selector).locator("h2, .eg-label, legend").first
    box = first_line.bounding_box()
    assert box is not None
    covering = page.evaluate(
        "([s, x, y]) => { const e = document.elementFromPoint(x, y); "
        "return document.querySelector(s).contains(e) ? null : e.outerHTML.slice(0, 120); }",
        [selector, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert covering is None, f"{selector}: its first line is covered by {covering}"


@pytest.mark.parametrize("size", VIEWPORTS)
def test_summary_field_and_result_land_below_the_sticky_header(
    page: Page, site_server: SiteServer, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page)
    page.get_by_label("Titel").fill("")
    submit(page)  # from the bottom of the form, far below the summary
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    assert_below_header(page, "[data-error-summary]")

    page.mouse.wheel(0, 3000)  # away from the title, then back through the summary's link
    summary.get_by_role("link", name="Titel: Bitte füllen Sie dieses Feld aus.").click()
    expect(page.get_by_label("Titel")).to_be_focused()
    assert_below_header(page, "#f-title-feld")

    page.get_by_label("Titel").fill(TITLE)
    submit(page)
    result = page.locator("[data-form-result]")
    expect(result).to_be_focused()
    assert_below_header(page, "[data-form-result]")


def test_a_message_appearing_does_not_move_the_next_click_away(page: Page, site_server: SiteServer) -> None:
    """Leaving a wrong date for the tick box right below it: the message above must not make the click miss."""
    page.set_viewport_size({"width": 360, "height": 780})
    page.goto(site_server.url(EVENT_FORM))
    page.get_by_label("Datum").fill("30.02.2027")
    all_day = page.get_by_label("Ganztägig – ohne Uhrzeit")
    all_day.click()
    expect(all_day).to_be_checked()
    expect_error(page, "f-start-datum", "Den Tag „30.02.2027“ gibt es nicht. Prüfen Sie Tag und Monat.")
    page.get_by_label("Telefon").fill("03535-ABC")
    submit(page)  # one click, straight from a wrong field
    expect(page.locator("[data-error-summary]")).to_be_focused()


@pytest.mark.parametrize("size", VIEWPORTS)
def test_the_prepared_email_starts_with_a_german_summary(
    page: Page, site_server: SiteServer, size: tuple[int, int]
) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(site_server.url(EVENT_FORM))
    fill_event(page)
    page.get_by_role("group", name="Findet der Termin regelmäßig statt?").get_by_label("Ja, jede Woche").check()
    page.get_by_role("group", name="An welchen Tagen?").get_by_label("Samstag").check()
    page.get_by_label("Bis wann?").fill("31.7.2027")
    submit(page)
    message = result_message(page)
    mailto = page.get_by_role("link", name="E-Mail öffnen").get_attribute("href") or ""
    body = parse_qs(mailto.partition("?")[2])["body"][0].replace("\r\n", "\n")
    assert body == message  # what is shown and copied is what the e-mail says
    people, _, _ = body.partition(DATA_MARK)
    assert people.splitlines()[:11] == [
        "Guten Tag,",
        "",
        "bitte nehmen Sie diesen Eintrag in das Portal „Engagiert in Herzberg“ auf:",
        "",
        f"Neue Veranstaltung: {TITLE}",
        "Wann: Sa., 19.06.2027, 19:00–21:30 Uhr",
        "Regelmäßig: jede Woche am Samstag, bis 31.07.2027",
        "Wo: Haus II (Anlaufstelle Engagement)",
        "Wer lädt ein: Heimatverein Herzberg e. V.",
        "Thema: Bildung und Vorträge",
        "Kontakt: heimatverein@example.org",
    ]
    assert "yaml-language-server" not in body and "title:" not in people
    path, entry = entry_of(body)
    assert path == "content/events/vortrag-100-jahre-elsterbruecke-2-zeitzeugen-erzaehlen.yml"
    data = load_yaml_text(entry, "termin.yml").data
    assert (data["title"], data["start"], data["repeat"]["until"]) == (TITLE, "2027-06-19 19:00", "2027-07-31")
    assert len(mailto) <= 1900


def test_the_summary_names_a_place_not_in_the_list_and_a_monthly_rule(page: Page, site_server: SiteServer) -> None:
    page.goto(site_server.url(EVENT_FORM))
    page.get_by_label("Titel").fill("Skatabend")
    page.get_by_label("Thema").select_option(label="Soziales und Nachbarschaft")
    page.get_by_label("Datum").fill("27.01.2027")
    page.get_by_label("Ganztägig – ohne Uhrzeit").check()
    page.get_by_label("Letzter Tag").fill("28.01.2027")
    page.get_by_role("group", name="Findet der Termin regelmäßig statt?").get_by_label("Ja, jeden Monat").check()
    page.get_by_label("An welchem Tag im Monat?").select_option(label="am letzten Mittwoch im Monat")
    page.get_by_label("Ort (Pflicht)").select_option(label="Ein anderer Ort (nicht in der Liste)")
    page.get_by_label("Name des Ortes").fill("Gasthof Zur Linde")
    page.get_by_label("Postleitzahl").fill("04916")
    page.get_by_label("Stadt oder Gemeinde").fill("Herzberg (Elster)")
    submit(page)
    lines = result_message(page).splitlines()
    assert "Wann: Mi., 27.01.2027 bis Do., 28.01.2027, ganztägig" in lines
    assert "Regelmäßig: jeden Monat am letzten Mittwoch" in lines
    assert "Wo: Gasthof Zur Linde, 04916 Herzberg (Elster)" in lines
    assert not any(line.startswith(("Wer lädt ein:", "Kontakt:")) for line in lines)  # left empty: not named
