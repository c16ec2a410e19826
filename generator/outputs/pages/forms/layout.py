"""Which fields the forms "… melden" show, in which order and with which control.

Only presentation lives here: grouping, the kind of control, friendlier labels and help texts.
The rules (required, pattern, enum, type, format) come from the generated JSON Schema, which
the page embeds and `theme/assets/forms.js` reads; `tests/outputs/pages/test_forms_layout.py` checks
that every path below exists in the schema and every fixed option is allowed by it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Widget = Literal[
    "text",  # one line; type=email/url from the schema's format, digits-only keyboard for integers
    "tel",
    "textarea",  # several lines, written as a YAML block scalar
    "lines",  # several lines, one list entry per line
    "date",  # TT.MM.JJJJ or JJJJ-MM-TT, written as JJJJ-MM-TT
    "select",  # one value from a vocabulary (`choices`)
    "checkboxes",  # a list of values from a vocabulary
    "radios",  # one of `options` (each checked against the schema's enum)
    "check",  # a yes/no field as one checkbox: "ja" when ticked, left out otherwise
    "yesno",  # a yes/no field as ja / nein / keine Angabe
    "when",  # event: date, all-day, start and end time, last day → `start` and `end`
    "repeat",  # event: none / weekly / monthly → `repeat`
    "today",  # filled in by the browser with today's date (a club's `reviewed`)
]

OTHER = "anderer-ort"
"""Value of the select option "another place" that opens the one-off location fields."""


@dataclass(frozen=True)
class Field:
    path: str  # the YAML path, e.g. "contact.email"; a number is an entry of a list: "contact.1.email"
    widget: Widget = "text"
    label: str | None = None  # default: the schema's title
    hint: str | None = None
    choices: str | None = None  # vocabulary: categories, (place_)districts, audiences, clubs, organizers, venues
    options: tuple[tuple[str, str], ...] = ()  # (value, label) of `radios`
    empty: str | None = None  # label of a select's empty choice; for `radios` a "no answer" choice
    other: str | None = None  # label of a select's last choice that shows the group `show_when` it
    required: bool = False  # required although the schema cannot say so (a model-level rule)
    autocomplete: str | None = None
    show_when: tuple[str, str] | None = None  # (path, value): shown only while that control has that value
    not_past: bool = False  # a `date` before today is refused (as `issue-to-yaml` does, not `validate`)


@dataclass(frozen=True)
class Group:
    legend: str
    fields: tuple[Field, ...]
    hint: str | None = None
    show_when: tuple[str, str] | None = None
    add: str | None = None  # a group shown on request: the label of the button that adds it (a second contact)
    remove: str | None = None  # ... and of the button in it that takes it away again


@dataclass(frozen=True)
class FormLayout:
    kind: str  # the schema and content kind: event, club, opportunity
    slug: str  # the URL part under melden/
    title: str
    lead: str
    folder: str  # where the maintainers put the file
    issue_template: str  # .github/ISSUE_TEMPLATE/<this>
    id_from: str  # the field the suggested file name is made from
    groups: tuple[Group, ...]
    email_topics: tuple[str, ...] = ()  # what to write in an e-mail without the form
    edit: str | None = None  # vocabulary of existing records the form can load and change
    issue_fields: tuple[str, ...] = ()  # paths also put into their own field of the GitHub issue form
    summary_title: str = ""  # first line of the e-mail's summary: "<this>: <id_from>"
    summary_title_edit: str = ""  # the same when an existing record is changed
    summary: tuple[tuple[str, tuple[str, ...]], ...] = ()  # e-mail summary lines: (label, paths shown in a row)

    def fields(self) -> list[Field]:
        return [f for group in self.groups for f in group.fields]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


WHEELCHAIR = (("ja", "Ja, rollstuhlgerecht"), ("teilweise", "Teilweise (eingeschränkt)"), ("nein", "Nein"))
COMMITMENT = (
    ("einmalig", "Einmalig (ein Tag, eine Schicht)"),
    ("gelegentlich", "Ab und zu (einzelne Tage, nach Lust)"),
    ("regelmäßig", "Regelmäßig (jede Woche oder jeden Monat)"),
)
NO_ANSWER = "Keine Angabe"

_CONTACT_HINT = (
    "Wird veröffentlicht und ist über Suchmaschinen zu finden. Einen Namen nur mit Einverständnis der Person; "
    "oft genügt eine Funktion wie „Vorstand“. Zum Löschen genügt eine Nachricht an die Redaktion."
)
"""At every contact person field: what volunteers need to know before they publish a name."""


def _contact(legend: str, hint: str | None = None, website: Field | None = None) -> Group:
    return Group(
        legend,
        (
            Field("contact.name", hint=_CONTACT_HINT, autocomplete="off"),
            Field("contact.email", hint="z. B. info@example.org", autocomplete="off"),
            Field("contact.phone", widget="tel", hint="z. B. 03535 12345", autocomplete="off"),
            website or Field("contact.website", hint="Vollständige Adresse mit https://", autocomplete="off"),
        ),
        hint=hint,
    )


def _club_contact(index: int, legend: str, **group: Any) -> Group:
    """The ``index``-th entry of a club's list of contacts (``contact.0.name`` …)."""
    path = f"contact.{index}"
    return Group(
        legend,
        (
            Field(f"{path}.role", hint="Freiwillig, z. B. „Vorstand“, „Jugendwart“, „Geschäftsstelle“."),
            Field(f"{path}.name", hint=_CONTACT_HINT, autocomplete="off"),
            Field(f"{path}.email", hint="z. B. vorstand@example.org", autocomplete="off"),
            Field(f"{path}.phone", widget="tel", hint="z. B. 03535 12345", autocomplete="off"),
            Field(f"{path}.website", hint="Vollständige Adresse mit https://", autocomplete="off"),
        ),
        **group,
    )


EVENT = FormLayout(
    kind="event",
    slug="veranstaltung",
    title="Veranstaltung melden",
    lead="Melden Sie einen Termin oder eine regelmäßige Veranstaltung. Das Formular erstellt daraus den "
    "Eintrag für das Portal; die Redaktion prüft ihn und schaltet ihn frei.",
    folder="content/events",
    issue_template="veranstaltung.yml",
    id_from="title",
    issue_fields=("title", "start", "category"),
    summary_title="Neue Veranstaltung",
    summary=(
        ("Wann", ("start",)),
        ("Regelmäßig", ("repeat",)),
        (
            "Wo",
            ("venue", "location.name", "location.street", "location.postcode", "location.city", "location.directions"),
        ),
        ("Wer lädt ein", ("organizer", "organizer.name", "organizer.website")),
        ("Thema", ("category",)),
        ("Kontakt", ("contact.name", "contact.email", "contact.phone")),
    ),
    email_topics=(
        "Titel der Veranstaltung",
        "Datum und Uhrzeit (Beginn und Ende), bei regelmäßigen Terminen den Rhythmus",
        "Ort mit Adresse",
        "wer einlädt: Verein, Stadt oder eine andere Einrichtung (mit Webseite)",
        "ein paar Sätze zur Beschreibung",
        "Eintritt oder „Eintritt frei“, ob man sich anmelden muss",
        "für wen der Termin gedacht ist und ob er rollstuhlgerecht ist",
        "wen man bei Fragen erreicht",
    ),
    groups=(
        Group(
            "Worum geht es?",
            (
                Field("title", hint="Kurz und verständlich, z. B. „Sommerfest im Hof des Haus II“."),
                Field("category", widget="select", label="Thema", choices="categories", empty="Bitte wählen"),
                Field(
                    "description",
                    widget="textarea",
                    hint="Was erwartet die Gäste? Eine Leerzeile beginnt einen neuen Absatz.",
                ),
                Field(
                    "organizer",
                    widget="select",
                    label="Wer lädt ein?",
                    choices="organizers",
                    empty="Keine Angabe",
                    other="Eine andere Einrichtung (nicht in der Liste)",
                    hint="Ein Verein fehlt in der Liste? Dann tragen Sie ihn bitte zuerst ein (Formular „Verein "
                    "eintragen“). Für eine Schule, Kirchengemeinde, ein Museum oder eine Firma wählen Sie „Eine "
                    "andere Einrichtung“.",
                ),
            ),
        ),
        Group(
            "Die andere Einrichtung",
            (
                Field("organizer.name", label="Name der Einrichtung", hint="z. B. „Grundschule am Markt“"),
                Field(
                    "organizer.website",
                    label="Webseite der Einrichtung",
                    hint="Vollständige Adresse mit https://",
                    autocomplete="off",
                ),
            ),
            show_when=("organizer", OTHER),
        ),
        Group(
            "Wann?",
            (
                Field("start", widget="when"),
                Field("repeat", widget="repeat", label="Findet der Termin regelmäßig statt?"),
            ),
        ),
        Group(
            "Wo?",
            (
                Field(
                    "venue",
                    widget="select",
                    choices="venues",
                    empty="Bitte wählen",
                    other="Ein anderer Ort (nicht in der Liste)",
                    required=True,
                    hint="Die meisten Orte der Kommune und ihrer Ortsteile stehen in der Liste.",
                ),
            ),
        ),
        Group(
            "Der andere Ort",
            (
                Field("location.name", hint="z. B. „Garten der Familie Muster“"),
                Field("location.street", autocomplete="off"),
                Field("location.postcode", hint="Fünf Ziffern, z. B. 04916", autocomplete="off"),
                Field("location.city", label="Stadt oder Gemeinde", autocomplete="off"),
                Field(
                    "location.directions",
                    hint="Für einen Ort ohne Straße (Park, Treffpunkt im Wald): wie man hinfindet, z. B. "
                    "„Parkplatz am Waldbad, Zufahrt über die Waldstraße“.",
                    autocomplete="off",
                ),
                Field(
                    "location.district",
                    widget="select",
                    label="Ortsteil",
                    choices="place_districts",
                    empty="Aus Ort oder Name erkennen",
                    hint="Für einen Ausflug: „Außerhalb …“. Sonst nur nötig, wenn der Ortsteil nicht im Ort oder "
                    "Namen steht.",
                ),
            ),
            show_when=("venue", OTHER),
        ),
        Group(
            "Eintritt und Anmeldung",
            (
                Field("free", widget="check", label="Der Eintritt ist frei."),
                Field("price", hint="z. B. 5 €, ermäßigt 3 €", show_when=("free", "")),
                Field("registration_required", widget="check", label="Man muss sich vorher anmelden."),
                Field("registration", label="Link zur Anmeldung", hint="Falls es eine Anmeldeseite gibt."),
            ),
        ),
        Group(
            "Für wen?",
            (
                Field("audiences", widget="checkboxes", choices="audiences", hint="Mehrere Antworten möglich."),
                Field(
                    "accessibility.wheelchair",
                    widget="radios",
                    label="Mit dem Rollstuhl zugänglich?",
                    options=WHEELCHAIR,
                    empty=NO_ANSWER,
                    hint="Ohne Angabe gilt, was beim Ort steht.",
                ),
                Field(
                    "accessibility.notes", label="Hinweise zur Barrierefreiheit", hint="z. B. „Rampe am Seiteneingang“"
                ),
            ),
        ),
        _contact(
            "Kontakt und mehr Informationen",
            hint="Freiwillig: wen man bei Fragen zum Termin erreicht.",
            website=Field("website", hint="Eine Seite mit mehr zum Termin. Vollständige Adresse mit https://"),
        ),
    ),
)

CLUB = FormLayout(
    kind="club",
    slug="verein",
    title="Verein eintragen oder ändern",
    lead="Tragen Sie Ihren Verein, Ihre Gruppe oder Initiative ein, oder ändern Sie einen bestehenden "
    "Eintrag. Das Formular erstellt daraus den Eintrag für das Portal; die Redaktion prüft ihn und "
    "schaltet ihn frei.",
    folder="content/clubs",
    issue_template="verein.yml",
    id_from="name",
    issue_fields=("name", "category"),
    summary_title="Neuer Verein",
    summary_title_edit="Geänderter Vereinseintrag",
    summary=(
        ("Bereich", ("category",)),
        ("Treffen", ("meeting_times",)),
        ("Ortsteil", ("district",)),
        ("Kontakt", ("contact.0.role", "contact.0.name", "contact.0.email", "contact.0.phone")),
        ("Weiterer Kontakt", ("contact.1.role", "contact.1.name", "contact.1.email", "contact.1.phone")),
    ),
    edit="clubs",
    email_topics=(
        "Name des Vereins oder der Gruppe",
        "Bereich (z. B. Sport, Kultur, Heimat)",
        "eine kurze Beschreibung in zwei bis fünf Sätzen",
        "wann und wo Sie sich treffen",
        "eine oder mehrere Kontaktadressen, gern eine Funktion wie „Vorstand“ (Namen von Personen nur mit deren "
        "Einverständnis)",
        "ob neue Mitglieder willkommen sind und was die Mitgliedschaft kostet",
    ),
    groups=(
        Group(
            "Der Verein",
            (
                Field("name", hint="Vollständig, z. B. „Förderverein Freibad e. V.“"),
                Field("short_name", hint="Freiwillig. Ein kürzerer Name für Listen, z. B. „Heimatverein“."),
                Field("category", widget="checkboxes", label="Bereich", choices="categories", hint="Mindestens einer."),
                Field(
                    "description",
                    widget="textarea",
                    hint="Was macht der Verein? Wer ist willkommen? Eine Leerzeile beginnt einen neuen Absatz.",
                ),
                Field("founded", label="Gegründet im Jahr", hint="Vier Ziffern, z. B. 1990."),
            ),
        ),
        Group(
            "Treffen",
            (
                Field(
                    "meeting_times",
                    widget="lines",
                    hint="In Worten, eine Zeile je Treffen, z. B. „dienstags 18–20 Uhr, Sporthalle“.",
                ),
                Field(
                    "venue", widget="select", label="Wo treffen Sie sich meistens?", choices="venues", empty=NO_ANSWER
                ),
                Field("district", widget="select", label="Ortsteil", choices="districts", empty=NO_ANSWER),
            ),
        ),
        _club_contact(0, "Kontakt"),
        _club_contact(
            1,
            "Weiterer Kontakt",
            hint="Zum Beispiel die Jugendleitung oder die Geschäftsstelle.",
            add="Weiteren Kontakt hinzufügen",
            remove="Diesen Kontakt entfernen",
        ),
        Group(
            "Postanschrift",
            (
                Field("address.0.street", autocomplete="off"),
                Field("address.0.postcode", hint="Fünf Ziffern, z. B. 04916", autocomplete="off"),
                Field("address.0.city", autocomplete="off"),
            ),
            hint="Freiwillig. Wenn Sie eine Anschrift angeben, dann bitte vollständig.",
        ),
        Group(
            "Mitmachen im Verein",
            (
                Field("audiences", widget="checkboxes", label="Für wen ist der Verein da?", choices="audiences"),
                Field("membership.open", widget="yesno", label="Sind neue Mitglieder willkommen?"),
                Field("membership.fee", label="Mitgliedsbeitrag", hint="z. B. „24 € im Jahr, Kinder 12 €“"),
                Field("membership.notes", label="Hinweise zur Mitgliedschaft"),
            ),
        ),
        Group(
            "Barrierefreiheit der Vereinsräume",
            (
                Field(
                    "accessibility.wheelchair",
                    widget="radios",
                    label="Mit dem Rollstuhl zugänglich?",
                    options=WHEELCHAIR,
                    empty=NO_ANSWER,
                ),
                Field("accessibility.toilet", widget="yesno", label="Gibt es ein rollstuhlgerechtes WC?"),
                Field("accessibility.hearing_loop", widget="yesno", label="Gibt es eine Höranlage?"),
                Field("accessibility.notes", label="Weitere Hinweise", hint="z. B. „Aufzug im Hof“"),
            ),
        ),
        Group(
            "Bestätigung",
            (Field("reviewed", widget="today", label="Die Angaben sind aktuell (Stand: heute)."),),
        ),
    ),
)

OPPORTUNITY = FormLayout(
    kind="opportunity",
    slug="engagement",
    title="Engagement-Angebot melden",
    lead="Ihr Verein oder Ihre Initiative sucht Helferinnen und Helfer? Beschreiben Sie, wobei. Das "
    "Formular erstellt daraus den Aufruf für die Seite „Mitmachen“; die Redaktion prüft ihn und "
    "schaltet ihn frei.",
    folder="content/opportunities",
    issue_template="engagement.yml",
    id_from="title",
    issue_fields=("title", "description", "time_commitment", "expires"),
    summary_title="Neues Engagement-Angebot",
    summary=(
        ("Wer sucht", ("organizer",)),
        ("Zeitaufwand", ("time_commitment",)),
        ("Gültig bis", ("expires",)),
        ("Wo", ("venue", "district")),
        ("Kontakt", ("contact.name", "contact.email", "contact.phone")),
    ),
    email_topics=(
        "was gesucht wird, in wenigen Worten",
        "was zu tun ist und wer sucht",
        "wie viel Zeit man ungefähr braucht",
        "bis wann der Aufruf gilt",
        "wen Interessierte erreichen (E-Mail oder Telefon)",
    ),
    groups=(
        Group(
            "Was wird gesucht?",
            (
                Field("title", hint="In wenigen Worten, z. B. „Lesepatin oder Lesepate für die Grundschule“."),
                Field(
                    "organizer",
                    widget="select",
                    choices="clubs",
                    empty="Kein Verein – die Stadt sucht",
                ),
                Field(
                    "description",
                    widget="textarea",
                    hint="Was ist zu tun? Was bringt man mit? Was bekommt man? Eine Leerzeile beginnt einen "
                    "neuen Absatz.",
                ),
                Field("time_commitment", hint="z. B. „etwa 2 Stunden pro Woche“"),
                Field(
                    "commitment",
                    widget="radios",
                    label="Wie oft wird geholfen?",
                    options=COMMITMENT,
                    empty=NO_ANSWER,
                    hint="Danach filtert die Seite „Mitmachen“.",
                ),
                Field(
                    "expires",
                    widget="date",
                    not_past=True,
                    hint="Danach verschwindet der Aufruf vom Portal. Tag.Monat.Jahr, z. B. 31.12.2027.",
                ),
            ),
        ),
        Group(
            "Wo und für wen?",
            (
                Field("category", widget="select", label="Thema", choices="categories", empty=NO_ANSWER),
                Field("district", widget="select", label="Ortsteil", choices="districts", empty=NO_ANSWER),
                Field("venue", widget="select", choices="venues", empty=NO_ANSWER),
                Field("audiences", widget="checkboxes", choices="audiences", hint="Freiwillig; mehrere möglich."),
            ),
        ),
        _contact("Kontakt", hint="Bitte mindestens eine Angabe, am besten E-Mail oder Telefon."),
    ),
)

FORMS: tuple[FormLayout, ...] = (EVENT, CLUB, OPPORTUNITY)
