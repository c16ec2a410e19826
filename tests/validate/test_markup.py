"""HTML tags and entities in free text (validate/markup.py, validate/free_text.py)."""

from __future__ import annotations

import pytest

from generator.load.yaml_loader import load_yaml_text
from generator.models.club import Club
from generator.models.event import Event
from generator.models.fields import TextKind
from generator.validate.free_text import free_texts, markup_problems
from generator.validate.markup import find_markup, markup_message
from generator.validate.records import validate_model

MD = TextKind.MARKDOWN
LINE = TextKind.LINE


@pytest.mark.parametrize(
    "text",
    [
        "Kaffee & Kuchen",
        "Kinder <10 Jahre",
        "3 < 5 und 7 > 2",
        "Bitte <Name> eintragen",
        "Anmeldung: <info@example.org>",
        "<https://www.example.org/?a=1&b=2>",
        "AT&T; Müller & Co; &Co;",
        "Pfeil <- und Herz <3",
    ],
)
def test_ordinary_text_is_not_markup(text: str) -> None:
    assert find_markup(text, MD) == []
    assert find_markup(text, LINE) == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a<br>b", ["<br>"]),
        ("a<BR/>b<br />c", ["<BR/>", "<br />"]),
        ("<p>x</p>", ["<p>", "</p>"]),
        ('<a href="https://x.de">t</a>', ["<a href=…>", "</a>"]),
        ("<b onmouseover=alert(1)>x</b>", ["<b onmouseover=…>", "</b>"]),
        ("<td nowrap>x", ["<td …>"]),
        ("<h3>T</h3>", ["<h3>", "</h3>"]),
        ("Word: <o:p></o:p>", ["<o:p>", "</o:p>"]),
        ("<custom data-x=1>", ["<custom data-x=…>"]),
        ("vor <!-- alt --> nach", ["<!-- … -->"]),
        ("M&uuml;hle &amp; &nbsp;&#8211;&#x2013;", ["&uuml;", "&amp;", "&nbsp;", "&#8211;", "&#x2013;"]),
    ],
)
def test_tags_comments_and_entities_are_found_as_written(text: str, shown: list[str]) -> None:
    assert [markup.shown for markup in find_markup(text, LINE)] == shown


def test_markdown_code_and_backslash_escapes_are_shown_on_purpose() -> None:
    text = "Code `<br>` und ``a `<p>` b``, escaped \\<b> \\&amp;\n\n```html\n<script src=x></script>\n```\n<i>x"
    assert [markup.shown for markup in find_markup(text, MD)] == ["<i>"]
    # one-line texts are not Markdown: there a backtick is just a character
    assert [markup.shown for markup in find_markup(text, LINE)][:2] == ["<br>", "<p>"]


def test_message_names_three_kinds_once_each_and_counts_the_rest() -> None:
    text = "<p>a<br>b<br/>c</p> &amp; &#8211; <b>x</b> &quot;"
    message = markup_message(find_markup(text, MD), MD)
    assert message == (
        "Hier steht HTML-Code, wohl aus einer Webseite kopiert. Das Portal zeigt ihn nicht als Formatierung, "
        "sondern als Zeichen an. Schreiben Sie stattdessen: „<p>“ → eine Leerzeile zwischen den Absätzen; "
        "„<br>“ → eine Leerzeile oder zwei Leerzeichen am Zeilenende; „&amp;“ → „&“ (und 3 weitere)."
    )


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("<b>x</b>", "„<b>“ → **fett** (zwei Sternchen davor und danach)"),
        ("<em>x</em>", "„<em>“ → *kursiv* (ein Sternchen davor und danach)"),
        ('<a href="https://x.de">t</a>', "„<a href=…>“ → [Linktext](https://…)"),
        ("<li>x</li>", "„<li>“ → eine Zeile, die mit „- “ beginnt"),
        ("<h2>T</h2>", "„<h2>“ → „## “ am Zeilenanfang"),
        ("<span>x</span>", "„<span>“ → löschen (den Text dazwischen behalten)"),
        ("&#8211;", "„&#8211;“ → „–“"),
        ("&lt;", "„&lt;“ → „<“"),
        ("&shy;", "„&shy;“ → löschen"),
    ],
)
def test_each_kind_gets_its_markdown_equivalent(text: str, replacement: str) -> None:
    assert markup_message(find_markup(text, MD), MD).endswith(f"stattdessen: {replacement}.")


def test_one_line_fields_say_there_is_no_formatting() -> None:
    message = markup_message(find_markup("<b>Fest</b><br>&amp;", LINE), LINE)
    assert message.endswith(
        "Dieses Feld kennt keine Formatierung. Schreiben Sie stattdessen: "
        "„<b>“ → löschen (den Text dazwischen behalten); „<br>“ → löschen; „&amp;“ → „&“."
    )


def test_only_free_text_fields_are_read() -> None:
    data = {
        "name": "A &amp; B",
        "category": "sport",
        "description": "x",
        "contact": {"website": "https://x.de/?a=1&amp;b=2", "email": "a&amp;b@x.de", "name": "Vorstand"},
        "meeting_times": ["di", "mi"],
        "membership": {"fee": "5 €"},
        "reviewed": "2026-01-01",
        "farbe": "<b>unbekanntes Feld</b>",
    }
    found = {loc: kind for loc, _, kind in free_texts(Club, data)}
    assert found == {
        ("name",): LINE,
        ("description",): MD,
        ("contact", "name"): LINE,
        ("meeting_times", 0): LINE,
        ("meeting_times", 1): LINE,
        ("membership", "fee"): LINE,
    }


EVENT = """\
title: Fest
category: fest
venue: markt
start: 2027-05-21 15:00
"""


def _problems(text: str) -> list[str]:
    return [str(problem) for problem in markup_problems(Event, load_yaml_text(text, "x.yml"))]


def test_finding_is_located_where_it_is_written_in_every_scalar_style() -> None:
    text = EVENT + (
        'price: "3 € &amp; mehr"\n'
        "description: |\n  Erste Zeile mit Ä.\n\n  Dritte: Öl <b>x</b>\n"
        "repeat:\n  freq: weekly\n  changes:\n    - date: 2027-05-28\n"
        "      note: >\n        eins\n        zwei <i>x</i>\n"
    )
    assert [line.split(" Hier")[0] for line in _problems(text)] == [
        "x.yml:5:13: price:",
        "x.yml:9:14: description:",
        "x.yml:16:14: repeat.changes[1].note:",
    ]


def test_finding_not_written_verbatim_falls_back_to_the_value() -> None:
    # double-quoted escape and a tag broken over two lines of folded text
    text = EVENT + 'price: "3 \\x3cb>€"\ndescription: >\n  a <a\n  href="x">t</a>\n'
    assert [line.split(" Hier")[0] for line in _problems(text)] == ["x.yml:5:8: price:", "x.yml:6:14: description:"]


def test_html_does_not_keep_the_record_from_being_made() -> None:
    event, problems = validate_model(Event, load_yaml_text(EVENT.replace("Fest", "Fest<br>"), "x.yml"))
    assert event is not None and event.title == "Fest<br>"
    assert [str(problem).split(" Hier")[0] for problem in problems] == ["x.yml:1:12: title:"]
