"""The "Ich helfe mit" button on the page of a call to volunteer: a prepared e-mail and a phone number.

The button is a plain ``mailto:`` link (RFC 6068), so it works without JavaScript and sends
nothing by itself: the citizen's own mail program opens with a polite German message that
names the call and its address, ready to be completed and sent. A call without an e-mail
address goes to the town's contact point, which passes it on.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from generator import urls
from generator.models.opportunity import Opportunity
from generator.models.site import Record, Site


@dataclass(frozen=True)
class HelpOffer:
    mailto: str
    """The prepared e-mail (the town's legal address is the last resort: it is required)."""
    recipient: str
    """Who receives it, as the note under the button names them."""
    via_contact_point: bool
    """The call has no e-mail address: the contact point receives the message and passes it on."""
    phone: str | None
    """The number to call instead: the call's, or the contact point's when the call has neither."""


def help_offer(site: Site, record: Record[Opportunity]) -> HelpOffer:
    call, town = record.data, site.town
    point = town.contact_point
    contact = call.contact
    address = contact.email or point.email or town.legal.email
    via_contact_point = not contact.email
    phone = contact.phone or (point.phone if not contact.email else None)
    recipient = point.name if via_contact_point else (contact.name or _organizer(site, call))
    subject = f"Ich helfe mit: {call.title}"
    return HelpOffer(mailto(address, subject, _body(site, record)), recipient, via_contact_point, phone)


def mailto(address: str, subject: str, body: str) -> str:
    """A ``mailto:`` address with subject and body, percent-encoded as RFC 6068 asks (spaces as
    ``%20``, never ``+``; line breaks as CRLF)."""
    crlf = "\r\n".join(body.splitlines())
    return f"mailto:{quote(address, safe='@')}?subject={quote(subject, safe='')}&body={quote(crlf, safe='')}"


def _body(site: Site, record: Record[Opportunity]) -> str:
    page = site.town.site_url + urls.opportunity(record.id)
    return "\n".join(
        [
            "Guten Tag,",
            "",
            f"ich habe Ihren Aufruf auf „{site.town.portal_name}“ gelesen und möchte gern mithelfen:",
            page,
            "",
            "Ein paar Worte zu mir (wann ich Zeit habe, was ich gut kann):",
            "",
            "",
            "Sie erreichen mich über diese E-Mail-Adresse oder telefonisch unter:",
            "",
            "",
            "Mit freundlichen Grüßen",
        ]
    )


def _organizer(site: Site, call: Opportunity) -> str:
    clubs = [site.clubs[c].data.name for c in call.organizer if c in site.clubs]
    return ", ".join(clubs) or site.town.organizer_name
