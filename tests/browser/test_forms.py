"""The forms "… melden": filled in Chromium, their YAML must pass `validate` in a copy of the project.

The forms are rendered by theme/assets/forms.js from the embedded JSON Schema; these tests drive
them as a volunteer would (by visible labels) and check the file, the error messages and the
e-mail and GitHub links.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect
from site_under_test import ROOT, SiteServer
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


def submit(page: Page) -> None:
    page.locator("form[data-form]").get_by_role("button", name=SUBMIT).click()


def result_yaml(page: Page) -> str:
    expect(page.get_by_role("heading", name="Fertig! Jetzt nur noch abschicken")).to_be_visible()
    return page.locator("[data-yaml]").text_content() or ""


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
    file_name = page.locator("[data-filename]").text_content().rsplit("/", 1)[-1]
    assert file_name == "vortrag-100-jahre-elsterbruecke-2-zeitzeugen-erzaehlen.yml"
    validates(tmp_path, "events", file_name, text, capsys)


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
    assert Path(info.value.path()).read_text(encoding="utf-8") == text


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
    validates(tmp_path, "clubs", "schachfreunde-herzberg-2027-e-v.yml", text, capsys)


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
        assert page.locator("[data-filename]").text_content() == f"content/clubs/{club_id}.yml"
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
