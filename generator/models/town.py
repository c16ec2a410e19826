"""The town configuration: everything that makes the portal this town's and not another's."""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, Field, WithJsonSchema, model_validator

from generator.models.common import (
    ContentModel,
    Email,
    HttpUrl,
    LocalDate,
    Phone,
    PostalAddress,
    Postcode,
    Slug,
    Text,
    TextList,
    TimeOfDay,
    YesNo,
    error,
)
from generator.models.districts import OUTSIDE, DistrictFinder, words
from generator.models.weekdays import WeekdayList


def _time_zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise error(f"„{value}“ ist keine bekannte Zeitzone. Für Deutschland: Europe/Berlin.") from None
    return value


def _site_url(value: str) -> str:
    if not urlsplit(value).path.endswith("/"):
        value += "/"
    return value


def _repository(value: str) -> str:
    if not value.lower().startswith("https://"):
        raise error(f"„{value}“: Die Adresse des Projekts muss mit https:// beginnen.")
    return value.rstrip("/")


class Term(ContentModel):
    """One entry of a vocabulary: a category, district or audience."""

    id: Slug = Field(title="Kennung", description="Kurzname in Kleinbuchstaben, z. B. „sport“.")
    label: Text = Field(title="Bezeichnung", description="Wie die Bürgerinnen und Bürger es lesen, z. B. „Sport“.")
    description: str | None = Field(None, title="Beschreibung")


class District(Term):
    """An Ortsteil, with the other names and postcodes that tell a place lies in it."""

    names: TextList = Field(
        default_factory=list,
        title="Andere Namen",
        description="Weitere Namen, unter denen Orte in diesem Ortsteil angegeben werden, z. B. [Kernstadt, "
        "Innenstadt]. Bezeichnung und Kennung zählen ohnehin.",
    )
    postcodes: list[Postcode] = Field(
        default_factory=list,
        title="Postleitzahlen",
        description="Postleitzahlen des Ortsteils. Eine, die nur hier steht, entscheidet; eine, die mehrere "
        "Ortsteile nennen, grenzt die Auswahl ein.",
    )


class OpeningHours(ContentModel):
    days: WeekdayList = Field(title="Wochentage", description="z. B. [di, do] oder [tu, th].")
    opens: TimeOfDay = Field(title="Von", examples=["09:00"])
    closes: TimeOfDay = Field(title="Bis", examples=["12:00"])

    @model_validator(mode="after")
    def _closes_after_opening(self) -> OpeningHours:
        if self.closes <= self.opens:
            raise error("„closes“ muss nach „opens“ liegen.")
        return self


class ContactPoint(ContentModel):
    """The physical contact point (Anlaufstelle) where people get help in person."""

    name: Text = Field(title="Name", examples=["Anlaufstelle Engagement"])
    building: str | None = Field(None, title="Gebäude", examples=["Haus II"])
    address: PostalAddress = Field(title="Adresse")
    phone: Phone | None = Field(None, title="Telefon")
    email: Email | None = Field(None, title="E-Mail")
    opening_hours: list[OpeningHours] = Field(default_factory=list, title="Öffnungszeiten")
    opening_notes: str | None = Field(None, title="Hinweis zu den Öffnungszeiten")
    venue: Slug | None = Field(None, title="Ort", description="Kennung des Orts unter content/venues/.")


class Person(ContentModel):
    name: Text = Field(title="Name oder Funktion")
    address: PostalAddress | None = Field(None, title="Adresse")
    email: Email | None = Field(None, title="E-Mail")
    phone: Phone | None = Field(None, title="Telefon")


class Legal(ContentModel):
    """Data for Impressum, Datenschutzerklärung and Erklärung zur Barrierefreiheit."""

    publisher: Text = Field(title="Herausgeber", examples=["Stadt Musterstadt"])
    address: PostalAddress = Field(title="Anschrift des Herausgebers")
    represented_by: Text = Field(title="Vertreten durch", examples=["Die Bürgermeisterin / der Bürgermeister"])
    email: Email = Field(title="E-Mail")
    phone: Phone | None = Field(None, title="Telefon")
    editorial_contact: Person | None = Field(None, title="Redaktion (verantwortlich nach § 18 MStV)")
    data_protection_officer: Person = Field(title="Datenschutzbeauftragte/r")
    supervisory_authority: Person = Field(title="Datenschutz-Aufsichtsbehörde")
    hosting: Text = Field(title="Hosting", description="Wer die Seite technisch bereitstellt.")
    accessibility_contact: Person = Field(title="Kontakt für Barrieren")
    accessibility_enforcement: Person = Field(title="Schlichtungs- bzw. Durchsetzungsstelle")
    accessibility_evaluated: LocalDate | None = Field(
        None, title="Stand der Erklärung zur Barrierefreiheit", examples=["2026-11-25"]
    )
    accessibility_status: Literal["vollständig vereinbar", "teilweise vereinbar", "nicht vereinbar"] = Field(
        "teilweise vereinbar",
        title="Stand der Vereinbarkeit",
        description="„vollständig vereinbar“, „teilweise vereinbar“ oder „nicht vereinbar“ mit BITV 2.0.",
    )


class Town(ContentModel):
    """`content/town.yml`: one file for everything town-specific."""

    name: Text = Field(title="Name der Kommune", examples=["Musterstadt"])
    portal_name: Text = Field(title="Name des Portals", examples=["Engagiert in Musterstadt"])
    tagline: str | None = Field(None, title="Untertitel")
    site_url: Annotated[HttpUrl, AfterValidator(_site_url)] = Field(
        title="Adresse der Seite", description="Öffentliche Adresse des Portals, z. B. https://engagiert.example.org/."
    )
    timezone: Annotated[Text, AfterValidator(_time_zone)] = Field("Europe/Berlin", title="Zeitzone")
    repository: (
        Annotated[
            HttpUrl,
            AfterValidator(_repository),
            WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https://"}),
        ]
        | None
    ) = Field(
        None,
        title="Projekt auf GitHub",
        description="Adresse des öffentlichen Projekts mit den Inhalten, z. B. https://github.com/stadt/engagiert. "
        "Ist sie angegeben, bieten die Formulare „… melden“ an, den Eintrag als GitHub-Issue einzureichen.",
    )
    demo: YesNo = Field(
        False,
        title="Beispielportal",
        description="ja: Die Inhalte sind erfundene Beispiele. Jede Seite sagt das, und Platzhalter wie example.org "
        "sind beim Veröffentlichen kein Fehler. Eine echte Kommune lässt die Zeile weg.",
    )
    organizer_name: Text = Field(
        title="Name der Stadt als Veranstalter",
        description="Wie die Stadt genannt wird, wenn sie einlädt (bei Terminen „organizer: stadt“) "
        "oder ein Engagement-Angebot keinen Verein nennt.",
        examples=["Stadt Musterstadt"],
    )
    categories: list[Term] = Field(title="Kategorien", min_length=1)
    districts: list[District] = Field(title="Ortsteile", min_length=1)
    audiences: list[Term] = Field(title="Zielgruppen", min_length=1)
    contact_point: ContactPoint = Field(title="Anlaufstelle")
    legal: Legal = Field(title="Rechtliches")

    @model_validator(mode="before")
    @classmethod
    def _no_duplicate_terms(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for vocabulary in ("categories", "districts", "audiences"):
                seen: set[str] = set()
                terms = data.get(vocabulary)
                for index, term in enumerate(terms if isinstance(terms, list) else []):
                    term_id = term.get("id") if isinstance(term, dict) else None
                    if term_id is not None and term_id in seen:
                        raise error(
                            f"Die Kennung „{term_id}“ steht in „{vocabulary}“ doppelt. Jede Kennung darf nur "
                            "einmal vorkommen.",
                            field=f"{vocabulary}.{index}.id",
                        )
                    seen.add(term_id)
        return data

    @model_validator(mode="after")
    def _districts_tell_apart(self) -> Town:
        owners = {words(name): d.id for d in self.districts for name in (d.label, d.id)}
        for index, district in enumerate(self.districts):
            if district.id == OUTSIDE:
                raise error(
                    f"Die Kennung „{OUTSIDE}“ ist reserviert: Sie steht bei Orten außerhalb der Kommune. "
                    "Wählen Sie für den Ortsteil eine andere Kennung.",
                    field=f"districts.{index}.id",
                )
            for name_index, name in enumerate(district.names):
                other = owners.setdefault(words(name), district.id)
                if other != district.id:
                    raise error(
                        f"Den Namen „{name}“ hat auch der Ortsteil „{other}“. Ein Name darf nur zu einem "
                        "Ortsteil gehören, sonst ist nicht klar, wo ein Ort liegt.",
                        field=f"districts.{index}.names.{name_index}",
                    )
        return self

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def uid_domain(self) -> str:
        """The stable suffix of every calendar UID: the site's host, preceded by the folders of its
        address in reverse, so that towns sharing a host get different UIDs.

        `https://kreis.github.io/musterstadt/` → `musterstadt.kreis.github.io`; a site at the root of its
        host keeps the host name alone (`engagiert-musterstadt.example.org`). UIDs must never change
        once calendars subscribe (a changed UID is a new event: every date would appear twice), and
        two towns under one host must never share one (a calendar app showing both feeds keeps one
        `repair-cafe@…` series and drops the other town's)."""
        address = urlsplit(self.site_url)
        host = address.hostname or "localhost"
        if address.port:
            host = f"{host}-{address.port}"
        folders = [folder for folder in address.path.split("/") if folder]
        return ".".join([*reversed(folders), host])

    def category_label(self, category_id: str) -> str:
        return next(t.label for t in self.categories if t.id == category_id)

    def district_label(self, district_id: str) -> str:
        if district_id == OUTSIDE:
            return f"Außerhalb von {self.name}"
        return next(t.label for t in self.districts if t.id == district_id)

    @cached_property
    def district_finder(self) -> DistrictFinder:
        """Finds the district of a place that does not name one (`models/districts.py`)."""
        return DistrictFinder(self.districts, self.name)

    def audience_label(self, audience_id: str) -> str:
        return next(t.label for t in self.audiences if t.id == audience_id)
