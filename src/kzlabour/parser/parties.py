"""Parties of a letter: senders, signatories, recipients, copies and contacts.

Senders (ANNOTATION-DECISIONS §14), from the first source that gives one:
1. a Kazakh appeal sentence ("Біз <group> ... -ға үндеу жолдаймыз") or a by-line ("From X, date");
2. a statement heading naming its authors ("Declaration of the participants of X");
3. "on behalf of X";
4. the one organisation that signs with no person ("Sincerely, / AMANAT SPK Trade Union"),
   with the letterhead's address, phone and e-mail;
5. a letterhead: a body printed over its contact lines;
6. "We, the X, ..." / "Мы, X, ..." / "Біз, X, ..." (not "the undersigned");
7. a named body that is the subject of "demands / expresses / calls ..." in the body;
8. for a quoted appeal signed by nobody, the article's designation of its makers;
9. the body of the one person who signs.
Signatories come from signatures.py, recipients from addresses.py (dative.py, salutations.py),
copies and contacts from contacts.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from kzlabour.models import Party
from kzlabour.parser.addresses import read_recipients
from kzlabour.parser.contacts import model_letter_recipients, read_contacts, read_copies
from kzlabour.parser.document import Line, Segment
from kzlabour.parser.letterhead import letterhead, with_letterhead
from kzlabour.parser.roles import make_party
from kzlabour.parser.senders import byline, heading_sender, mail_header, on_behalf, subject_sender
from kzlabour.parser.signatures import read_signatories
from kzlabour.parser.speakers import article_sender, kazakh_appeal, we_clause

__all__ = ["Parties", "read_parties"]


@dataclass(frozen=True)
class Parties:
    senders: tuple[Party, ...] = ()
    signatories: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()
    copies: tuple[Party, ...] = ()
    contacts: tuple[Party, ...] = ()


def read_parties(seg: Segment, language: str | None) -> Parties:
    """All parties of one letter. Never raises: a failing rule gives no parties of its kind."""
    try:
        return _read(seg, language)
    except Exception:  # parse() must never raise; a broken rule costs this letter its parties only
        return Parties()


def _read(seg: Segment, language: str | None) -> Parties:
    lines = seg.lines
    signoff = read_signatories(lines, seg.text)
    signatories = list(signoff.signatories)
    recipients = read_recipients(lines, language)
    if not recipients and _opens_with_bare_salutation(lines):
        recipients = model_letter_recipients(seg.text, seg.start)
    senders: list[Party] = []
    kk = kazakh_appeal(lines)
    if kk is not None:
        senders.extend(kk[0])
        if not recipients:
            recipients = kk[1]
    authors = byline(lines)
    if authors:
        senders = authors
        signatories.extend(p for p in authors if p.name and all(p.name != s.name for s in signatories))
    if not senders:
        senders = heading_sender(lines)
    if not senders:
        senders = on_behalf(lines)
    if not senders and len(signoff.signing_orgs) == 1:
        # One body signing sends the letter; several bodies under it are co-signers (§14).
        senders = [_signing_body(signoff.signing_orgs[0], lines)]
    if not senders:
        senders = letterhead(lines, language)
    if not senders:
        senders = we_clause(lines)
    if not senders:
        senders = subject_sender(lines)
    header = mail_header(lines)
    if header is not None and not signatories:
        # A forwarded e-mail's "From:" with nobody else signing: its author (§10 "From: JK").
        signatories.append(header)
        senders = senders or [header]
    if not senders and seg.start > 0 and not any(p.organisation for p in signatories):
        # A quoted letter naming no body: the article says whose it is (signed by a person or not).
        senders = article_sender(seg.text, seg.start)
    if not senders:
        senders = _signer_body(signatories)
    senders = [s for s in senders if s is not None]
    signatories = _inherit_org(signatories, senders)
    return Parties(
        senders=tuple(senders),
        signatories=tuple(signatories),
        recipients=tuple(recipients),
        copies=tuple(read_copies(lines)),
        contacts=tuple(read_contacts(lines)),
    )


def _opens_with_bare_salutation(lines: tuple[Line, ...]) -> bool:
    first = next((line for line in lines if not line.blank), None)
    return first is not None and first.stripped.casefold().startswith(("to whom it may concern", "dear sir"))


def _signing_body(org: Party, lines: tuple[Line, ...]) -> Party:
    """A body signing with no person sends the letter: its name (not its organ), with the
    letterhead's contact details."""
    body = org.model_copy(update={"role": None, "organisation": org.organisation or org.role})
    return with_letterhead(body, lines)


def _signer_body(signatories: list[Party]) -> list[Party]:
    """One person signing for a body, and nothing else naming the sender: the body sends it."""
    if len(signatories) != 1 or not signatories[0].name or not signatories[0].organisation:
        return []
    person = signatories[0]
    body = make_party(organisation=person.organisation, country=person.country, span=_span(person))
    return [body] if body else []


def _span(p: Party) -> tuple[int, int] | None:
    return (p.span.start, p.span.end) if p.span else None


def _inherit_org(signatories: list[Party], senders: list[Party]) -> list[Party]:
    """A person signing with a position but no body signs for the one sending body (seed: Burrow)."""
    bodies = [s for s in senders if s.organisation and not s.name]
    if len(bodies) != 1:
        return signatories
    body = bodies[0]
    return [
        p.model_copy(update={"organisation": body.organisation, "country": p.country or body.country})
        if p.name and p.role and not p.organisation and len(signatories) <= 3
        else p
        for p in signatories
    ]
