"""`python -m generator issue-to-yaml`: issue-form bodies as GitHub writes them → checked YAML files.

The bodies below are what GitHub stores for an issue created with .github/ISSUE_TEMPLATE/*.yml:
``### <label>``, a blank line, the answer, ``_No response_`` for empty fields. They are checked
against the sample content of the repository (its clubs, venues and town.yml); files are written
into tmp_path, never into content/.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.submissions.issue_form import checked, load_form, parse_body, split_choices

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2027-03-01"
CONSENT = "- [X] Ich darf diese Angaben weitergeben, und sie dürfen im Portal veröffentlicht werden."


def event_body(**answers: str) -> str:
    """An event submission; keyword arguments replace answers (by field id, '-' as '_')."""
    values = {
        "title": "Frühlingskonzert im Haus II",
        "start": "2027-04-24 17:00",
        "end": "19:00",
        "venue": "Haus II",
        "location_name": "_No response_",
        "location_street": "_No response_",
        "location_postcode": "_No response_",
        "location_city": "_No response_",
        "location_directions": "_No response_",
        "organizer": "Heimatverein Herzberg e. V.",
        "category": "Musik und Chor",
        "audiences": "Familien, Seniorinnen und Senioren",
        "description": "Der Chor singt Frühlingslieder.\n\nDanach gibt es **Kaffee und Kuchen**.",
        "free": "ja",
        "price": "_No response_",
        "registration_required": "nein",
        "registration": "_No response_",
        "accessibility_wheelchair": "ja",
        "website": "_No response_",
        "contact_name": "Vorstand",
        "contact_email": "heimatverein@example.org",
        "contact_phone": "_No response_",
        "repeat_freq": "_No response_",
        "repeat_days": "_No response_",
        "repeat_interval": "_No response_",
        "repeat_until": "_No response_",
        "yaml": "_No response_",
        "hinweise": "Bitte auch im Amtsblatt erwähnen.",
        "einwilligung": CONSENT,
    }
    values.update(answers)
    form = load_form(ROOT / ".github" / "ISSUE_TEMPLATE" / "veranstaltung.yml")
    sections = [f"### {e.label}\n\n{values[e.id.replace('-', '_')]}" for e in form.elements]
    return "\n\n".join(sections) + "\n"


VALID_EVENT_FILE = """\
# yaml-language-server: $schema=../../schemas/event.schema.json
# Eingereicht über das Formular „Veranstaltung melden“ (Issue #17).
title: Frühlingskonzert im Haus II
start: 2027-04-24 17:00
end: 19:00
venue: haus-zwei
organizer: [heimatverein-herzberg]
category: musik
audiences: [familien, senioren]
description: |
  Der Chor singt Frühlingslieder.

  Danach gibt es **Kaffee und Kuchen**.
free: ja
registration_required: nein
accessibility:
  wheelchair: ja
contact:
  name: Vorstand
  email: heimatverein@example.org
"""


def run(tmp_path: Path, capsys, body: str | bytes, kind: str = "event", *extra: str) -> tuple[int, str, str]:
    body_file = tmp_path / "meldung.md"
    if isinstance(body, bytes):
        body_file.write_bytes(body)
    else:
        body_file.write_text(body, encoding="utf-8")
    args = ["--root", str(ROOT), "issue-to-yaml", "--kind", kind, "--body-file", str(body_file)]
    args += ["--out-dir", str(tmp_path / "content"), "--today", TODAY, *extra]
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def written(tmp_path: Path) -> dict[str, str]:
    return {
        path.relative_to(tmp_path).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted((tmp_path / "content").rglob("*.yml"))
    }


# --- valid submissions ----------------------------------------------------------------------


def test_valid_event_becomes_a_file_and_a_pull_request_text(tmp_path, capsys) -> None:
    code, out, err = run(tmp_path, capsys, event_body(), "event", "--issue", "17", "--markdown", str(tmp_path / "a.md"))
    assert (code, err) == (0, "")
    target = tmp_path / "content" / "events" / "fruehlingskonzert-im-haus-ii.yml"
    assert out == f"{target.as_posix()}\n"
    assert written(tmp_path) == {"content/events/fruehlingskonzert-im-haus-ii.yml": VALID_EVENT_FILE}
    description = (tmp_path / "a.md").read_text(encoding="utf-8")
    assert description.startswith("Neue Veranstaltung aus #17: **Frühlingskonzert im Haus II** → `")
    assert description.endswith("Closes #17\n")


def test_no_response_fields_and_notes_stay_out_of_the_file(tmp_path, capsys) -> None:
    code, _, _ = run(tmp_path, capsys, event_body())
    assert code == 0
    text = next(iter(written(tmp_path).values()))
    for absent in ("_No response_", "location", "price", "repeat", "Amtsblatt", "einwilligung", "yaml:"):
        assert absent not in text


def test_a_place_without_a_street_keeps_its_directions(tmp_path, capsys) -> None:
    """ "Anderer Ort" with a name and a way there (a meeting point in the woods) is a valid location."""
    body = event_body(
        venue="_No response_",
        location_name="Treffpunkt am Waldrand",
        location_city="Herzberg (Elster)",
        location_directions="Parkplatz am Waldbad, Zufahrt über die Waldstraße",
    )
    code, _, err = run(tmp_path, capsys, body)
    assert (code, err) == (0, "")
    data = yaml.safe_load(next(iter(written(tmp_path).values())))
    assert data["location"] == {
        "name": "Treffpunkt am Waldrand",
        "city": "Herzberg (Elster)",
        "directions": "Parkplatz am Waldbad, Zufahrt über die Waldstraße",
    }
    assert "venue" not in data


def test_windows_line_endings_give_the_same_file(tmp_path, capsys) -> None:
    body = event_body().replace("\n", "\r\n").encode("utf-8")
    code, _, _ = run(tmp_path, capsys, b"\xef\xbb\xbf" + body, "event", "--issue", "17")
    assert code == 0
    assert list(written(tmp_path).values()) == [VALID_EVENT_FILE]


def test_a_weekly_series_from_the_form(tmp_path, capsys) -> None:
    body = event_body(
        title="Chorprobe Frühjahr",
        start="2027-03-02 19:00",
        end="21:00",
        repeat_freq="wöchentlich",
        repeat_days="di",
        repeat_until="2027-06-29",
    )
    code, out, _ = run(tmp_path, capsys, body)
    assert code == 0, out
    text = written(tmp_path)["content/events/chorprobe-fruehjahr.yml"]
    assert "repeat:\n  freq: wöchentlich\n  days: [di]\n  until: 2027-06-29\n" in text


def test_the_town_clubs_and_other_organisations_by_name(tmp_path, capsys) -> None:
    body = event_body(organizer="Stadt, Heimatverein Herzberg e. V.; Evangelische Grundschule Herzberg")
    code, out, _ = run(tmp_path, capsys, body)
    assert code == 0, out
    text = written(tmp_path)["content/events/fruehlingskonzert-im-haus-ii.yml"]
    assert (
        "organizer:\n  - stadt\n  - heimatverein-herzberg\n  - name: Evangelische Grundschule Herzberg\ncategory:"
        in text
    )


def test_a_taken_file_name_gets_a_number(tmp_path, capsys) -> None:
    assert (ROOT / "content" / "events" / "tag-der-nachbarn.yml").is_file()
    code, out, _ = run(tmp_path, capsys, event_body(title="Tag der Nachbarn"))
    assert code == 0
    assert out.strip().endswith("/content/events/tag-der-nachbarn-2.yml")
    code, out, _ = run(tmp_path, capsys, event_body(title="Tag der Nachbarn"))
    assert out.strip().endswith("/content/events/tag-der-nachbarn-3.yml")  # the one just written counts too


def test_a_prepared_yaml_entry_is_used_and_fields_override_it(tmp_path, capsys) -> None:
    prepared = (
        "```yaml\ntitle: Vom Portal\ncategory: fest\nvenue: marktplatz\nstart: 2027-05-01 10:00\n"
        "tags: [Frühling, Markt]\n```"
    )
    body = event_body(
        yaml=prepared, title="Frühlingsmarkt", start="_No response_", end="_No response_", venue="_No response_"
    )
    code, out, _ = run(tmp_path, capsys, body)
    assert code == 0, out
    text = written(tmp_path)["content/events/fruehlingsmarkt.yml"]
    assert "title: Frühlingsmarkt\nstart: 2027-05-01 10:00\nvenue: marktplatz\n" in text
    assert "category: musik\n" in text  # the dropdown answer wins over the prepared entry
    assert "tags: [Frühling, Markt]\n" in text


def test_a_club_is_confirmed_today_with_several_categories(tmp_path, capsys) -> None:
    form = load_form(ROOT / ".github" / "ISSUE_TEMPLATE" / "verein.yml")
    answers = {
        "name": "Tanzkreis Herzberg",
        "category": "Kultur und Kunst, Seniorinnen und Senioren",
        "description": "Wir tanzen Folklore aus aller Welt.",
        "meeting_times": "- mittwochs 17 Uhr, Haus II\n- samstags nach Absprache",
        "district": "Herzberg (Kernstadt)",
        "contact-email": "tanzkreis@example.org",
        "membership-open": "ja",
        "einwilligung": "- [X] Ich darf den Verein vertreten, und die Angaben dürfen im Portal veröffentlicht werden.",
    }
    body = "\n\n".join(f"### {e.label}\n\n{answers.get(e.id, '_No response_')}" for e in form.elements)
    code, out, _ = run(tmp_path, capsys, body, "club")
    assert code == 0, out
    assert written(tmp_path)["content/clubs/tanzkreis-herzberg.yml"] == (
        "# yaml-language-server: $schema=../../schemas/club.schema.json\n"
        "name: Tanzkreis Herzberg\n"
        "category: [kultur, senioren]\n"
        "description: Wir tanzen Folklore aus aller Welt.\n"
        "meeting_times:\n  - mittwochs 17 Uhr, Haus II\n  - samstags nach Absprache\n"
        "district: herzberg\n"
        "contact:\n  email: tanzkreis@example.org\n"
        "membership:\n  open: ja\n"
        "reviewed: 2027-03-01\n"
    )


def test_an_opportunity_by_the_town(tmp_path, capsys) -> None:
    form = load_form(ROOT / ".github" / "ISSUE_TEMPLATE" / "engagement.yml")
    answers = {
        "title": "Helfer für das Stadtfest",
        "description": "Aufbau, Ausschank, Abbau.",
        "time_commitment": "ein Samstag",
        "expires": "2027-06-30",
        "contact-phone": "03535 000 101",
        "category": "Feste und Märkte",
        "einwilligung": CONSENT,
    }
    body = "\n\n".join(f"### {e.label}\n\n{answers.get(e.id, '_No response_')}" for e in form.elements)
    code, out, _ = run(tmp_path, capsys, body, "opportunity")
    assert code == 0, out
    assert "content/opportunities/helfer-fuer-das-stadtfest.yml" in written(tmp_path)


# --- broken submissions ---------------------------------------------------------------------


def test_a_broken_date_is_explained_with_the_form_label(tmp_path, capsys) -> None:
    md = tmp_path / "kommentar.md"
    code, out, err = run(tmp_path, capsys, event_body(start="21.04.2027 17:00"), "event", "--markdown", str(md))
    assert (code, err) == (1, "")
    assert written(tmp_path) == {}
    assert out == md.read_text(encoding="utf-8")
    assert out.startswith("### Die Meldung kann noch nicht übernommen werden\n")
    assert (
        "- **Beginn** (`start`): „21.04.2027 17:00“ ist kein gültiger Zeitpunkt. Schreiben Sie JJJJ-MM-TT HH:MM, "
        "z. B. 2027-05-21 15:00, oder nur JJJJ-MM-TT für ganztägige Termine. Meinten Sie 2027-04-21 17:00?\n"
    ) in out
    assert "<details><summary>Für die Redaktion: erzeugte Datei</summary>" in out
    assert "```yaml\n# yaml-language-server" in out


def test_an_iso_date_time_with_the_towns_offset_is_taken_as_written(tmp_path, capsys) -> None:
    code, out, err = run(tmp_path, capsys, event_body(start="2027-04-24T17:00:00+02:00"))
    assert (code, err) == (0, ""), out
    (text,) = written(tmp_path).values()
    assert "\nstart: 2027-04-24T17:00:00+02:00\nend: 19:00\n" in text


def test_an_iso_date_time_in_utc_is_explained_with_the_form_label(tmp_path, capsys) -> None:
    md = tmp_path / "kommentar.md"
    code, out, _ = run(tmp_path, capsys, event_body(start="2027-04-24T15:00:00Z"), "event", "--markdown", str(md))
    assert code == 1
    assert written(tmp_path) == {}
    assert (
        "- **Beginn** (`start`): Die Zeitzonen-Angabe „Z“ (UTC) passt nicht zur Ortszeit: Am 24.04.2027 gilt hier "
        "+02:00. Termine stehen in Ortszeit, ohne Zeitzone, so wie sie vor Ort auf der Uhr steht. Schreiben Sie "
        "2027-04-24 15:00, wenn 15:00 Uhr gemeint ist, oder 2027-04-24 17:00 für genau den angegebenen Zeitpunkt.\n"
    ) in out


def test_an_event_before_today_is_refused_one_today_is_taken(tmp_path, capsys) -> None:
    code, out, _ = run(tmp_path, capsys, event_body(start="2027-02-28 17:00"))  # TODAY is 2027-03-01
    assert code == 1
    assert written(tmp_path) == {}
    assert (
        "- **Beginn** (`start`): Der Beginn am 28. Februar 2027 liegt in der Vergangenheit (heute ist der "
        "1. März 2027). Das Portal zeigt nur kommende Termine: Bitte prüfen Sie das Datum.\n"
    ) in out
    code, out, _ = run(tmp_path, capsys, event_body(start="2027-03-01 08:00", end="09:00"))
    assert code == 0, out  # earlier today still counts: the day is what the calendar shows


def test_a_series_that_began_before_today_asks_for_its_next_date(tmp_path, capsys) -> None:
    body = event_body(start="2026-09-01 19:00", end="21:00", repeat_freq="wöchentlich", repeat_days="di")
    code, out, _ = run(tmp_path, capsys, body)
    assert code == 1
    assert "Bei einem regelmäßigen Termin tragen Sie den nächsten Termin ab heute ein." in out


def test_a_call_that_has_already_expired_is_refused(tmp_path, capsys) -> None:
    form = load_form(ROOT / ".github" / "ISSUE_TEMPLATE" / "engagement.yml")
    answers = {
        "title": "Helfer für das Winterfest",
        "description": "Aufbau, Ausschank, Abbau.",
        "time_commitment": "ein Samstag",
        "expires": "2020-12-31",
        "contact-phone": "03535 000 101",
        "einwilligung": CONSENT,
    }
    body = "\n\n".join(f"### {e.label}\n\n{answers.get(e.id, '_No response_')}" for e in form.elements)
    code, out, _ = run(tmp_path, capsys, body, "opportunity")
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith("- **"))
    assert line == (
        "- **Gültig bis** (`expires`): Der 31. Dezember 2020 liegt in der Vergangenheit (heute ist der 1. März 2027): "
        "Der Aufruf würde gar nicht erst erscheinen. Tragen Sie einen Tag ab heute ein."
    )


def test_validate_keeps_past_events_only_submissions_are_refused() -> None:
    """Past events in content/ are the archive: the rule applies only when `today` is given."""
    from generator.project import Project
    from generator.submissions.check import check_record, load_content

    content = load_content(Project(ROOT))
    text = "title: Rückblick\ncategory: fest\nvenue: marktplatz\nstart: 2020-05-01 10:00\n"
    path = "content/events/rueckblick.yml"
    assert check_record(content, "events", "rueckblick", text, path) == []
    (problem,) = check_record(content, "events", "rueckblick", text, path, date(2027, 3, 1))
    assert (problem.field, problem.location.line) == ("start", 4)


def test_an_unknown_category_lists_the_known_ones(tmp_path, capsys) -> None:
    code, out, _ = run(tmp_path, capsys, event_body(category="Tanz und Ballett"))
    assert code == 1
    assert (
        "- **Kategorie** (`category`): Eine Kategorie mit der Kennung „tanz-und-ballett“ gibt es nicht in "
        "content/town.yml. Vorhanden: beteiligung, bildung, fest, feuerwehr, garten, heimat, jugend, kirche, "
        "kultur, musik, senioren, soziales, sport, umwelt.\n"
    ) in out


def test_an_unknown_place_gets_a_suggestion(tmp_path, capsys) -> None:
    code, out, _ = run(tmp_path, capsys, event_body(venue="Marktplaz"))
    assert code == 1
    assert "- **Ort aus dem Portal** (`venue`): Einen Ort mit der Kennung „marktplaz“ gibt es nicht" in out
    assert "Meinten Sie „marktplatz“?" in out


def test_several_problems_at_once(tmp_path, capsys) -> None:
    body = event_body(end="16:00", contact_email="vorstand(at)example.org", einwilligung="- [ ] Ich darf …")
    code, out, _ = run(tmp_path, capsys, body)
    assert code == 1
    items = [line for line in out.splitlines() if line.startswith("- ")]
    assert (
        items[0] == "- **Einverständnis:** Bitte bestätigen Sie das Einverständnis, indem Sie das Kästchen ankreuzen."
    )
    assert any(line.startswith("- **Kontakt: E-Mail** (`contact.email`): „vorstand(at)example.org“") for line in items)
    assert len(items) == 2  # rules across fields (end after start) are checked once every field is valid
    code, out, _ = run(tmp_path, capsys, event_body(end="16:00"))
    assert "- **Ende** (`end`): Das Ende 16:00 liegt vor dem Beginn." in out


def test_a_body_without_the_form_is_refused(tmp_path, capsys) -> None:
    code, out, _ = run(tmp_path, capsys, "Hallo, wir feiern am 1. Mai ein Fest. Bitte eintragen!")
    assert code == 1
    assert "kein Feld des Formulars „Veranstaltung melden“ gefunden" in out
    assert written(tmp_path) == {}


def test_missing_body_file_is_a_usage_error(tmp_path, capsys) -> None:
    code = main(["--root", str(ROOT), "issue-to-yaml", "--kind", "event", "--body-file", str(tmp_path / "fehlt.md")])
    assert code == 2
    assert "lässt sich nicht lesen" in capsys.readouterr().err


# --- text from the public stays text --------------------------------------------------------


INJECTION_TITLE = "Fest <script>alert(1)</script> ${{ secrets.GITHUB_TOKEN }} $(rm -rf /) `id`"


def test_markup_and_expressions_are_kept_as_plain_text_in_the_file(tmp_path, capsys, markup_unchecked) -> None:
    description = "Erste Zeile\n\n### Beginn\n\n2099-01-01 00:00\n\n<img src=x onerror=alert(1)> @everyone"
    code, out, _ = run(tmp_path, capsys, event_body(title=INJECTION_TITLE, description=description))
    assert code == 0, out
    text = next(iter(written(tmp_path).values()))
    assert "start: 2027-04-24 17:00\n" in text  # the heading typed into the description moved nothing
    from generator.load.yaml_loader import load_yaml_text

    data = load_yaml_text(text, "x.yml").data
    assert data["title"] == INJECTION_TITLE
    assert data["description"] == description + "\n"
    assert out.strip().endswith("/content/events/fest-script-alert-1-script-secrets-github-token-rm-rf-id.yml")


def test_markup_is_escaped_in_the_error_comment(tmp_path, capsys) -> None:
    code, out, _ = run(tmp_path, capsys, event_body(start="<script>alert(1)</script> @everyone ${{ x }}"))
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith("- **Beginn**"))
    assert "\\<script\\>alert(1)\\</script\\>" in line
    assert "@\u200beveryone" in line and "\\$\\{\\{ x \\}\\}" in line
    assert "<script>" not in line


# --- parsing the body -----------------------------------------------------------------------


def test_parse_body_reads_answers_by_id() -> None:
    form = load_form(ROOT / ".github" / "ISSUE_TEMPLATE" / "veranstaltung.yml")
    answers = parse_body(event_body(), form)
    assert answers["title"] == "Frühlingskonzert im Haus II"
    assert answers["location-name"] is None
    assert answers["description"] == "Der Chor singt Frühlingslieder.\n\nDanach gibt es **Kaffee und Kuchen**."
    assert checked(answers["einwilligung"]) == [CONSENT[len("- [X] ") :]]


def test_parse_body_strips_the_yaml_fence_and_ignores_unknown_headings() -> None:
    form = load_form(ROOT / ".github" / "ISSUE_TEMPLATE" / "veranstaltung.yml")
    body = (
        "### Titel der Veranstaltung\n\nA\n\n### Unbekannt\n\nB\n\n### Fertiger Eintrag (YAML)\n\n```yaml\nx: 1\n```\n"
    )
    assert parse_body(body, form) == {"title": "A\n\n### Unbekannt\n\nB", "yaml": "x: 1"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kinder, Familien", ["Kinder", "Familien"]),
        ("Familien", ["Familien"]),
        ("A, B, C", ["A, B", "C"]),  # an option containing ", " stays whole
        ("Unbekannt, Kinder", ["Unbekannt", "Kinder"]),
    ],
)
def test_split_choices(text: str, expected: list[str]) -> None:
    assert split_choices(text, ("Kinder", "Familien", "A, B", "C")) == expected


def test_today_defaults_to_the_town_day() -> None:
    from generator.project import Project
    from generator.report.collect import default_today

    assert abs((default_today(Project(ROOT)) - date.today()).days) <= 1
