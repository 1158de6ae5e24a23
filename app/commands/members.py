"""Members on their own devices (issue 19): publish a meeting, open it as a member, send questions back, and
carry a member's notes between their own devices.

**Publishing.** `publish_meeting` writes one meeting bundle (`app.bundles`): the reviewed agenda, the meeting's
details, the body's people and the pack, signed by the secretary's key and encrypted. Each recipient is one of the
body's people and unlocks with their certificate, a passphrase of their own, or the meeting passphrase the
secretary gives out of band. What each may read: Part II papers only to members and participants (and anyone
named in `part2_for`); an item's papers are withheld from a member who has declared an interest in it and
withdrew or took no part (unless `withhold_declared` is off), or whom the secretary names in `withhold` — the
agenda still shows the item. Withheld pages are
replaced in the member's copy of the pack by a page saying so, so page numbers stay the secretary's. Recipients
who share the meeting passphrase share one copy, the one all of them may read (the report says who misses what);
a certificate or a passphrase of one's own gives a member their own.

**Opening.** `open_bundle` checks, in this order, and refuses with one sentence and no change: damaged, unsigned,
signed by a certificate not in this device's trust store, for another body than the copy here (or than the one
asked), older than the copy here, published by another key than the copy here. The same bundle again changes
nothing. A later bundle of the same meeting (a revised pack) replaces the agenda and the pack and re-anchors the
member's notes as `revise` does. The copy is read-only (`Store.check_unlocked`); the member's own notes are theirs,
in their own library, encrypted as the library is.

**Questions back.** `export_answers` writes the member's notes flagged "raise at the meeting" (only those), encrypted
to the publisher's certificate and signed by the member's key when they have one; `import_answers` takes any
number, replaces a member's earlier questions with a later file and ignores the same file again.

**A member's two devices.** `export_notes` / `merge_notes`: every note of the member on the meeting, and the
notes they deleted, by gid; the later edit wins and the losing text is kept in the note's history; a deletion
travels unless the other device edited the note after it.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app import paths
from app.bundles import (
    BundleDamaged,
    BundleOlder,
    BundleOtherBody,
    BundleRefused,
    BundleUnsigned,
    BundleUntrusted,
    container,
)
from app.bundles.withhold import withhold_pdf, withhold_text_pack, withhold_texts
from app.domain import Annotation
from app.domain.annotations import COLOURS, AnnotationKind
from app.export.errors import SigningError
from app.export.keys import ChairKey, check_validity, common_name, fingerprint, is_trusted, trusted_certificates
from app.storage import Store, library
from app.storage import annotations as notes_storage
from app.storage import bundles as storage
from app.storage.identity import gid_of, id_of, new_gid
from app.storage.keys import KdfParams

PART2_TIERS = frozenset({"member", "participant"})  # entitled to Part II papers unless the secretary says otherwise
PREJUDICIAL = frozenset({"withdrew", "remained_no_part"})  # a declaration whose papers are withheld
CONFIDENTIAL_TITLE = "Confidential item (Part II)"


# -- publishing ------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Withheld:
    item_number: str
    reason: str  # "Part II" or "declared interest"


@dataclass(frozen=True, slots=True)
class RecipientReport:
    name: str
    unlocks_with: str  # "certificate", "own passphrase" or "meeting passphrase"
    withheld: tuple[Withheld, ...]
    missed_for_sharing: tuple[str, ...] = ()  # items withheld only because the meeting passphrase is shared


@dataclass(frozen=True, slots=True)
class PublishReport:
    out: Path
    bundle_gid: str
    sequence: int
    size: int
    pack_size: int
    variants: int
    recipients: tuple[RecipientReport, ...]

    def summary_lines(self) -> list[str]:
        lines = [
            f"Published {self.out.name}: bundle {self.sequence} of the meeting, {len(self.recipients)} recipients,"
            f" {self.variants} cop{'y' if self.variants == 1 else 'ies'} of the papers."
        ]
        for r in self.recipients:
            held = "; ".join(f"{w.item_number} ({w.reason})" for w in r.withheld)
            line = f"{r.name} ({r.unlocks_with})" + (f": withheld {held}" if held else ": every paper")
            if r.missed_for_sharing:
                line += f" — only because the meeting passphrase is shared: {', '.join(r.missed_for_sharing)}"
            lines.append(line)
        return lines


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def _find_person(people: Sequence[Mapping[str, Any]], name: str) -> Mapping[str, Any]:
    wanted = _norm(name)
    found = [p for p in people if _norm(str(p["name"])) == wanted or p["gid"] == name.strip()]
    if not found:
        raise BundleRefused(f"{name} is not one of the body's people; nothing was published.")
    if len(found) > 1:
        raise BundleRefused(
            f"More than one of the body's people is called {name}; name them by gid; nothing was published."
        )
    return found[0]


def _find_item(items: Sequence[Mapping[str, Any]], number: str) -> Mapping[str, Any]:
    from app.commands.revise import normalise_number

    found = [i for i in items if normalise_number(str(i["number"])) == normalise_number(number)]
    if len(found) != 1:
        raise BundleRefused(f"The agenda has no item numbered {number}; nothing was published.")
    return found[0]


@dataclass(slots=True)
class _Unlock:
    kind: str  # certificate / own / shared
    people: list[Mapping[str, Any]] = field(default_factory=list)
    certificate: x509.Certificate | None = None
    passphrase: str | None = None


def _withheld_items(
    person: Mapping[str, Any],
    items: Sequence[Mapping[str, Any]],
    interests: Sequence[storage.Interest],
    part2_names: set[str],
    withhold_declared: bool,
) -> dict[str, str]:
    """The gids of the items whose papers this person may not read, and why."""
    entitled = person["tier"] in PART2_TIERS or _norm(str(person["name"])) in part2_names
    out: dict[str, str] = {}
    for item in items:
        if item["part"] == 2 and not entitled:
            out[item["gid"]] = "Part II"
    if withhold_declared:
        for interest in interests:
            if interest.person_gid == person["gid"] and interest.conduct in PREJUDICIAL:
                out.setdefault(interest.item_gid, "declared interest")
    return out


def publish_meeting(
    store: Store,
    meeting_id: int,
    out: Path,
    signer: ChairKey,
    *,
    passphrase: str | None = None,
    certificates: Mapping[str, x509.Certificate] | None = None,
    own_passphrases: Mapping[str, str] | None = None,
    audience: Sequence[str] | None = None,
    part2_for: Sequence[str] = (),
    withhold_declared: bool = True,
    withhold: Mapping[str, Sequence[str]] | None = None,
    kdf: KdfParams | None = None,
) -> PublishReport:
    """Write the meeting's bundle to `out`; see the module's docstring. Refused (BundleRefused, SigningError) before
    anything is written when a recipient has no way in, a name is not one of the body's people, the signer's
    certificate is not valid, or the meeting's kept pack is missing or changed."""
    try:
        check_validity(signer.certificate)
    except SigningError as exc:
        raise BundleRefused(f"{exc} Nothing was published.") from exc
    if out.is_dir():  # an exchange folder, or any folder: the file is named after the meeting
        out = out / bundle_name(store, meeting_id, "for members")
    payload = storage.meeting_payload(store, meeting_id)
    people = payload["people"]
    items = payload["items"]
    status, pack = library.open_pack(store, library.data_dir_of(store), meeting_id)
    if not status.ok and status.state is not library.PackState.NO_PACK:
        raise BundleRefused(f"{status.message} Nothing was published.")
    pages = notes_storage.pack_texts(store, meeting_id)
    pack_name = Path(store.meeting(meeting_id).pack_path).name or "pack"
    is_pdf = pack is not None and bytes(pack[:1024]).find(b"%PDF-") >= 0

    chosen = (
        [_find_person(people, name) for name in audience]
        if audience
        else [p for p in people if not p["retired"] and p["tier"] in PART2_TIERS]
    )
    if not chosen:
        raise BundleRefused("The body has no members to publish to; name the recipients; nothing was published.")
    certs = {_find_person(people, n)["gid"]: c for n, c in (certificates or {}).items()}
    owns = {_find_person(people, n)["gid"]: p for n, p in (own_passphrases or {}).items()}
    unlocks: list[_Unlock] = []
    shared = _Unlock("shared", passphrase=passphrase)
    for person in {p["gid"]: p for p in chosen}.values():
        if person["gid"] in certs:
            unlocks.append(_Unlock("certificate", [person], certificate=certs[person["gid"]]))
        elif person["gid"] in owns:
            unlocks.append(_Unlock("own", [person], passphrase=owns[person["gid"]]))
        else:
            shared.people.append(person)
    if shared.people and passphrase is None:
        names = ", ".join(str(p["name"]) for p in shared.people[:5])
        raise BundleRefused(
            f"Give a meeting passphrase, or a certificate for each of {names}{'…' if len(shared.people) > 5 else ''}; "
            "nothing was published."
        )
    if shared.people:
        unlocks.append(shared)

    interests = storage.declarations(store, meeting_id)
    for name, numbers in (withhold or {}).items():  # the secretary's own choice: an interest not (yet) declared
        person = _find_person(people, name)
        for item_number in numbers:
            item = _find_item(items, item_number)
            interests.append(storage.Interest(str(person["gid"]), str(item["gid"]), "withdrew"))
    part2_names = {_norm(n) for n in part2_for}
    by_number = {item["gid"]: str(item["number"] or item["title"]) for item in items}
    variants: list[dict[str, str]] = []
    reports: list[RecipientReport] = []
    recipients: list[container.Recipient] = []
    for unlock in unlocks:
        own = {p["gid"]: _withheld_items(p, items, interests, part2_names, withhold_declared) for p in unlock.people}
        union: dict[str, str] = {}
        for withheld in own.values():
            for gid, reason in withheld.items():
                union.setdefault(gid, reason)
        if union not in variants:
            variants.append(union)
        number = variants.index(union)
        label = str(unlock.people[0]["gid"]) if unlock.kind != "shared" else "meeting passphrase"
        recipients.append(container.Recipient(number, unlock.passphrase, unlock.certificate, label))
        words = {"certificate": "certificate", "own": "own passphrase", "shared": "meeting passphrase"}[unlock.kind]
        for p in unlock.people:
            missed = tuple(by_number[g] for g in union if g not in own[p["gid"]])
            reports.append(
                RecipientReport(
                    str(p["name"]),
                    words,
                    tuple(Withheld(by_number[g], r) for g, r in union.items() if g in by_number),
                    missed,
                )
            )

    meeting_gid = payload["meeting"]["gid"]
    bundle_gid = new_gid()
    sequence = storage.next_sequence(store, meeting_gid)
    published_at = datetime.now().astimezone().replace(microsecond=0).isoformat()
    built: list[container.Variant] = []
    for number, withheld in enumerate(variants):
        pages_out: dict[int, str] = {}
        for item in items:
            reason_of = withheld.get(item["gid"])
            if reason_of is None or item["first_page"] is None:
                continue
            why = (
                f"Item {item['number'] or ''} is Part II (confidential): its papers go only to those entitled to them."
                if reason_of == "Part II"
                else f"Item {item['number'] or ''}: its papers are withheld because you declared an interest in it."
            )
            for page in range(int(item["first_page"]), int(item["last_page"] or item["first_page"]) + 1):
                pages_out.setdefault(page, " ".join(why.split()))
        files: list[tuple[str, bytes]] = []
        if pack is not None:
            data = (
                withhold_pdf(bytes(pack), pages_out)
                if is_pdf
                else (withhold_text_pack(pages, pages_out) if pages_out else bytes(pack))
            )
            files.append(("pack", data))
            sha = hashlib.sha256(data).hexdigest()
        else:
            sha = ""
        variant_items = []
        for item in items:
            copy = dict(item)
            copy["withheld"] = withheld.get(item["gid"], "")
            if withheld.get(item["gid"]) == "Part II":
                copy.update(title=CONFIDENTIAL_TITLE, presenter="")
            variant_items.append(copy)
        meeting_json = {
            **payload,
            "meeting": {**payload["meeting"], "pack_sha256": sha, "pack_name": pack_name},
            "items": variant_items,
            "pages": withhold_texts(pages, pages_out),
        }
        # Compressed before it is encrypted (ciphertext does not compress): page texts shrink about fourfold.
        files.insert(0, ("meeting.json.gz", gzip.compress(json.dumps(meeting_json, ensure_ascii=False).encode(), 6)))
        audience_of = [
            {"gid": p["gid"], "name": p["name"]}
            for u, r in zip(unlocks, recipients, strict=True)
            if r.variant == number
            for p in u.people
        ]
        built.append(
            container.Variant(
                {
                    "published_at": published_at,
                    "publisher": signer.name,
                    "about": {"body": payload["body"]["name"], "meeting": payload["meeting"]["title"]},
                    "audience": audience_of,
                },
                files,
            )
        )
    envelope = {
        "kind": "meeting",
        "bundle": bundle_gid,
        "body": payload["body"]["gid"],
        "meeting": meeting_gid,
        "sequence": sequence,
    }
    size = container.write_bundle(out, envelope, built, recipients, signer, kdf=kdf)
    with store.transaction():
        storage.record_published(
            store, meeting_id, bundle_gid, sequence, payload["meeting"]["pack_sha256"], len(reports)
        )
    return PublishReport(
        out, bundle_gid, sequence, size, len(pack) if pack is not None else 0, len(variants), tuple(reports)
    )


# -- opening as a member ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OpenReport:
    meeting_id: int
    title: str
    member: str
    sequence: int
    unchanged: bool = False  # the same bundle again: nothing was done
    revised: bool = False  # a later bundle of a meeting already here
    withheld: tuple[str, ...] = ()  # item numbers whose papers this copy does not hold
    notes_moved: int = 0
    notes_unplaced: int = 0

    def sentence(self) -> str:
        if self.unchanged:
            return f"“{self.title}” is already here as published (bundle {self.sequence}); nothing was changed."
        done = "Updated" if self.revised else "Opened"
        text = (
            f"{done} “{self.title}” as {self.member} (bundle {self.sequence}); it is read-only, your notes are yours."
        )
        if self.withheld:
            text += f" Papers not in your copy: {', '.join(self.withheld)}."
        if self.revised and (self.notes_moved or self.notes_unplaced):
            text += (
                f" Your notes: {self.notes_moved} moved with the revised pack,"
                f" {self.notes_unplaced} could not be placed."
            )
        return text


def trusted_here(data_dir: Path) -> list[x509.Certificate]:
    return trusted_certificates(paths.trusted_certificates_dir(data_dir))


def _check_signer(opened: container.Opened, data_dir: Path, what: str) -> x509.Certificate:
    if opened.signer is None:
        raise BundleUnsigned(f"{what} is not signed by its publisher, so it cannot be trusted; nothing was changed.")
    cert = opened.signer
    if not is_trusted(cert, trusted_here(data_dir)):
        raise BundleUntrusted(
            f"{what} is signed by {common_name(cert)} (certificate {fingerprint(cert)[:16]}…), whom this device does "
            "not trust; if that is your secretary, trust their certificate (quorate trust FILE) and open it again; "
            "nothing was changed."
        )
    try:
        check_validity(cert)
    except SigningError as exc:
        raise BundleUntrusted(f"{what} cannot be trusted: {exc} Nothing was changed.") from exc
    return cert


def _meeting_json(opened: container.Opened, what: str) -> dict[str, Any]:
    try:
        data = json.loads(_gunzip(opened.files["meeting.json.gz"], 256 << 20).decode("utf-8"))
        meeting = data["meeting"]
        if meeting["gid"] != opened.manifest["meeting"] or data["body"]["gid"] != opened.manifest["body"]:
            raise ValueError("ids disagree")
        for item in data["items"]:
            str(item["gid"])
            int(item["part"])
        for person in data["people"]:
            str(person["gid"])
        if not isinstance(data["pages"], list):
            raise ValueError("pages")
    except (KeyError, TypeError, ValueError, UnicodeDecodeError, OSError, EOFError) as exc:
        raise BundleDamaged(f"{what} is damaged (its meeting cannot be read); nothing was changed.") from exc
    return dict(data)


def _gunzip(data: bytes, limit: int) -> bytes:
    """Gzip data decompressed, never more than `limit` bytes (a bundle is checked by hash, but bounded anyway)."""
    out = zlib.decompressobj(wbits=31).decompress(data, limit)
    if len(out) >= limit:
        raise ValueError("larger than any meeting")
    return out


def open_bundle(
    store: Store,
    path: Path,
    *,
    passphrase: str | None = None,
    keys: Sequence[ChairKey] = (),
    member: str | None = None,
    body_gid: str | None = None,
    actor: str = "member",
) -> OpenReport:
    """Open a meeting bundle as a member (see the module's docstring); BundleRefused says why not."""
    data_dir = library.data_dir_of(store)
    what = path.name
    opened = container.open_bundle(path, passphrase=passphrase, keys=keys, kind="meeting")
    cert = _check_signer(opened, data_dir, what)
    manifest = opened.manifest
    meeting_gid, this_body = str(manifest["meeting"]), str(manifest["body"])
    about = manifest.get("about") if isinstance(manifest.get("about"), dict) else {}
    title = str(about.get("meeting", "the meeting")) if isinstance(about, dict) else "the meeting"
    if body_gid is not None and body_gid != this_body:
        raise BundleOtherBody(f"{what} is for another body than this one; nothing was changed.")
    held = storage.held(store, meeting_gid)
    sequence = manifest.get("sequence")
    if not isinstance(sequence, int) or sequence < 1:
        raise BundleDamaged(f"{what} is damaged (it has no number); nothing was changed.")
    if held is None and id_of(store, "meeting", meeting_gid) is not None:
        raise BundleOtherBody(f"“{title}” was published from this library; open {what} on a member's device.")
    if held is not None:
        if held.body_gid != this_body:
            raise BundleOtherBody(
                f"{what} says “{title}” belongs to another body than the copy on this device; nothing was changed."
            )
        if held.bundle_gid == manifest["bundle"]:
            meeting_id = id_of(store, "meeting", meeting_gid)
            assert meeting_id is not None
            return OpenReport(meeting_id, title, held.member_name, sequence, unchanged=True)
        if sequence <= held.sequence:
            raise BundleOlder(
                f"{what} is bundle {sequence} of “{title}”, but this device already has bundle {held.sequence}; "
                "nothing was changed."
            )
        if held.publisher_sha256 != fingerprint(cert):
            raise BundleUntrusted(
                f"{what} is signed by {common_name(cert)}, not by {held.publisher_name} who published “{title}” to "
                "this device; nothing was changed."
            )
    data = _meeting_json(opened, what)
    audience = [a for a in manifest.get("audience", []) if isinstance(a, dict)]
    label = str(opened.unlocked_by.get("label", ""))
    if held is not None and any(a.get("gid") == held.member_gid for a in audience):
        who = next(a for a in audience if a.get("gid") == held.member_gid)
    elif member is not None:
        matches = [a for a in audience if _norm(str(a.get("name", ""))) == _norm(member)]
        if not matches:
            raise BundleRefused(f"{member} is not among those {what} was published to; nothing was changed.")
        who = matches[0]
    elif any(a.get("gid") == label for a in audience):
        who = next(a for a in audience if a.get("gid") == label)
    elif len(audience) == 1:
        who = audience[0]
    else:
        names = ", ".join(str(a.get("name")) for a in audience[:6])
        raise BundleRefused(
            f"Say which of the recipients you are ({names}{'…' if len(audience) > 6 else ''}); nothing was changed."
        )

    pack = opened.files.get("pack")
    meeting = data["meeting"]
    pack_name = str(meeting.get("pack_name") or "pack")
    held_row = storage.Held(
        meeting_gid,
        this_body,
        str(manifest["bundle"]),
        sequence,
        str(manifest.get("published_at", "")),
        fingerprint(cert),
        common_name(cert),
        cert.public_bytes(serialization.Encoding.PEM).decode("ascii"),
        str(who["gid"]),
        str(who["name"]),
    )
    kept = library.keep_pack_file(store, Path(pack_name), str(meeting["pack_sha256"]), data=pack) if pack else None
    placed: list[Any] = []
    try:
        with store.transaction():
            existing_id = id_of(store, "meeting", meeting_gid)
            before = store.items(existing_id) if existing_id is not None else []
            meeting_id, ranges = storage.apply_copy(store, data, pack_name, held_row, actor)
            if kept is not None:
                library.record_pack_file(store, kept, actor)
            pages = [str(p) for p in data["pages"]]
            library.save_pages(store, meeting_id, pages, actor)
            if before:
                from app.commands.revise import reanchor_annotations

                new_ranges: dict[int | None, tuple[int | None, int | None]] = {k: v for k, v in ranges.items()}
                placed = reanchor_annotations(store, before, new_ranges, pages, actor)
    except BaseException:
        if kept is not None:
            library.discard_unrecorded_copy(store, kept)
        raise
    notes_storage.set_reader_member(store, str(who["name"]), actor)
    withheld = tuple(str(i["number"] or i["title"]) for i in data["items"] if i.get("withheld"))
    return OpenReport(
        meeting_id,
        str(meeting["title"]),
        str(who["name"]),
        sequence,
        revised=held is not None,
        withheld=withheld,
        notes_moved=sum(1 for a in placed if a.how != "orphaned" and a.new_page != a.old_page),
        notes_unplaced=sum(1 for a in placed if a.how == "orphaned"),
    )


def member_copy(store: Store, meeting_id: int) -> storage.Held | None:
    """The bundle a meeting on this device came from (member mode), or None for the library's own meetings."""
    return storage.held_meeting(store, meeting_id)


# -- questions back to the secretary ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AnswersReport:
    out: Path
    questions: int
    signed: bool


def export_answers(store: Store, meeting_id: int, out: Path, key: ChairKey | None = None) -> AnswersReport:
    """The member's questions on a published meeting (their notes flagged "raise at the meeting", and only those),
    encrypted to the publisher's certificate, signed with the member's key when given."""
    held = storage.held_meeting(store, meeting_id)
    if held is None:
        raise BundleRefused(
            "This meeting was not published to you, so there is no secretary to send questions to; nothing was written."
        )
    publisher = x509.load_pem_x509_certificate(held.publisher_pem.encode("ascii"))
    if out.is_dir():
        out = out / bundle_name(store, meeting_id, f"questions from {held.member_name}")
    flagged = [a for a in notes_storage.synced(store, meeting_id, held.member_name) if a.annotation.raise_at_meeting]
    questions = [
        {
            "gid": s.gid,
            "item": s.item_gid,
            "text": s.annotation.note or s.annotation.quote,
            "quote": s.annotation.quote,
            "page": s.annotation.page,
            "asked_at": s.updated_at,
        }
        for s in flagged
    ]
    envelope = {
        "kind": "answers",
        "bundle": new_gid(),
        "body": held.body_gid,
        "meeting": held.meeting_gid,
        "sequence": 0,
    }
    manifest = {
        "asker": {"gid": held.member_gid, "name": held.member_name},
        "made_at": datetime.now().astimezone().isoformat(),
        "questions": questions,
    }
    variant = container.Variant(manifest, [])
    container.write_bundle(out, envelope, [variant], [container.Recipient(0, certificate=publisher)], key)
    return AnswersReport(out, len(questions), key is not None)


@dataclass(frozen=True, slots=True)
class AnswersImport:
    path: Path
    asker: str = ""
    questions: int = 0
    outcome: str = "imported"  # imported / replaced / unchanged / older / refused
    signer: str = ""
    message: str = ""


def _questions(opened: container.Opened, what: str) -> list[storage.MemberQuestion]:
    found = []
    try:
        asker = opened.manifest["asker"]
        for raw in opened.manifest["questions"]:
            found.append(
                storage.MemberQuestion(
                    str(raw["gid"]),
                    str(raw["item"]) if raw.get("item") else None,
                    str(asker["gid"]),
                    str(asker["name"]),
                    str(raw["text"]),
                    str(raw.get("quote", "")),
                    int(raw.get("page", 0)),
                    str(raw.get("asked_at", "")),
                )
            )
    except (KeyError, TypeError, ValueError) as exc:
        raise BundleDamaged(f"{what} is damaged (its questions cannot be read); nothing was changed.") from exc
    return found


def import_answers(store: Store, files: Sequence[Path], keys: Sequence[ChairKey]) -> list[AnswersImport]:
    """Import members' answers files (any number, each all or nothing); one result per file, refusals included."""
    data_dir = library.data_dir_of(store)
    results = []
    for path in files:
        try:
            results.append(_import_one(store, path, keys, data_dir))
        except BundleRefused as exc:
            results.append(AnswersImport(path, outcome="refused", message=str(exc)))
    return results


def _import_one(store: Store, path: Path, keys: Sequence[ChairKey], data_dir: Path) -> AnswersImport:
    what = path.name
    opened = container.open_bundle(path, keys=keys, kind="answers")
    meeting_gid = str(opened.manifest["meeting"])
    meeting_id = id_of(store, "meeting", meeting_gid)
    if meeting_id is None or storage.published(store, meeting_gid) == 0:
        raise BundleOtherBody(f"{what} answers a meeting this library did not publish; nothing was changed.")
    if storage.meeting_body_gid(store, meeting_gid) != opened.manifest["body"]:
        raise BundleOtherBody(f"{what} is for another body; nothing was changed.")
    questions = _questions(opened, what)
    asker = opened.manifest["asker"]
    asker_gid, asker_name = str(asker["gid"]), str(asker["name"])
    person_id = id_of(store, "person", asker_gid)
    body_id = store.meeting(meeting_id).body_id
    if person_id is None or store.conn is None or person_id not in {p.id for p in store.people(body_id)}:
        raise BundleOtherBody(f"{what} is from someone who is not one of the body's people; nothing was changed.")
    signer = ""
    if opened.signer is not None:
        trusted = is_trusted(opened.signer, trusted_here(data_dir))
        signer = common_name(opened.signer) + ("" if trusted else " (not trusted here)")
    items = {item.id: item for item in store.items(meeting_id)}
    item_gids = {gid_of(store, "agenda_item", i) for i in items if i is not None}
    questions = [q if q.item_gid in item_gids else _without_item(q) for q in questions]
    made_at = str(opened.manifest.get("made_at", ""))
    answers_gid = str(opened.manifest["bundle"])
    before = storage.received(store, meeting_gid, asker_gid)
    name = next((p.name for p in store.people(body_id) if p.id == person_id), asker_name)
    if before is not None and before.answers_gid == answers_gid:
        return AnswersImport(path, name, before.questions, "unchanged", signer)
    if before is not None and made_at <= before.made_at:
        return AnswersImport(
            path,
            name,
            len(questions),
            "older",
            signer,
            f"{what} is older than {name}'s questions already imported; nothing was changed.",
        )
    with store.transaction():
        storage.replace_questions(
            store,
            meeting_id,
            asker_gid,
            name,
            storage.Received(answers_gid, made_at, signer, len(questions)),
            questions,
        )
    return AnswersImport(path, name, len(questions), "replaced" if before else "imported", signer)


def _without_item(q: storage.MemberQuestion) -> storage.MemberQuestion:
    return storage.MemberQuestion(q.gid, None, q.asker_gid, q.asker_name, q.text, q.quote, q.page, q.asked_at)


# -- a member's notes between their own devices -----------------------------------------------------------------


def _owner(store: Store, meeting_id: int, owner: str | None) -> str:
    if owner:
        return " ".join(owner.split())
    held = storage.held_meeting(store, meeting_id)
    if held is not None:
        return held.member_name
    from app.commands.notes import current_member

    return current_member(store)


def notes_owner(store: Store, meeting_id: int) -> str:
    """Whose notes on the meeting this device's exports carry: the member it was published to, else the one reading."""
    return _owner(store, meeting_id, None)


def export_notes(
    store: Store, meeting_id: int, out: Path, passphrase: str, owner: str | None = None, *, kdf: KdfParams | None = None
) -> int:
    """Every note of the member on the meeting, and those they deleted, for their other device (encrypted under a
    passphrase of the member's choosing); returns how many notes."""
    who = _owner(store, meeting_id, owner)
    meeting_gid = gid_of(store, "meeting", meeting_id)
    body_gid = gid_of(store, "body", store.meeting(meeting_id).body_id)
    rows = notes_storage.synced(store, meeting_id, who)
    manifest = {
        "owner": who,
        "made_at": datetime.now().astimezone().isoformat(),
        "annotations": [_note_json(s) for s in rows],
        "deleted": notes_storage.tombstones(store, meeting_gid, who),
    }
    envelope = {"kind": "notes", "bundle": new_gid(), "body": body_gid, "meeting": meeting_gid, "sequence": 0}
    container.write_bundle(
        out, envelope, [container.Variant(manifest, [])], [container.Recipient(0, passphrase)], None, kdf=kdf
    )
    return len(rows)


def _note_json(s: notes_storage.Synced) -> dict[str, Any]:
    a = s.annotation
    return {
        "gid": s.gid,
        "item": s.item_gid,
        "page": a.page,
        "kind": a.kind.value,
        "quote": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "note": a.note,
        "colour": a.colour,
        "raise_at_meeting": a.raise_at_meeting,
        "rects": [list(r) for r in a.rects],
        "ink": [[list(p) for p in stroke] for stroke in a.ink],
        "char_start": a.char_start,
        "anchored_sha256": a.anchored_sha256,
        "orphaned": a.orphaned,
        "created_at": s.created_at,
        "updated_at": s.updated_at,
    }


def _note_from_json(raw: Mapping[str, Any], store: Store, meeting_id: int, owner: str) -> notes_storage.Synced:
    item_gid = str(raw["item"]) if raw.get("item") else None
    colour = str(raw.get("colour", "yellow"))
    annotation = Annotation(
        id=None,
        meeting_id=meeting_id,
        owner=owner,
        page=int(raw["page"]),
        quote=str(raw.get("quote", "")),
        prefix=str(raw.get("prefix", "")),
        suffix=str(raw.get("suffix", "")),
        note=str(raw.get("note", "")),
        colour=colour if colour in COLOURS else "yellow",
        item_id=id_of(store, "agenda_item", item_gid) if item_gid else None,
        raise_at_meeting=bool(raw.get("raise_at_meeting", False)),
        kind=AnnotationKind(str(raw.get("kind", "highlight"))),
        rects=tuple((float(r[0]), float(r[1]), float(r[2]), float(r[3])) for r in raw.get("rects", [])),
        ink=tuple(tuple((float(p[0]), float(p[1])) for p in stroke) for stroke in raw.get("ink", [])),
        char_start=int(raw.get("char_start", -1)),
        anchored_sha256=str(raw.get("anchored_sha256", "")),
        orphaned=bool(raw.get("orphaned", False)),
    )
    if annotation.page < 1:
        raise ValueError("page before the first")
    return notes_storage.Synced(str(raw["gid"]), item_gid, annotation, str(raw["created_at"]), str(raw["updated_at"]))


@dataclass(frozen=True, slots=True)
class MergeReport:
    added: int = 0
    updated: int = 0  # the other device's later edit won
    kept: int = 0  # this device's later edit won (the other text kept in history)
    deleted: int = 0
    unchanged: int = 0


def merge_notes(
    store: Store, path: Path, passphrase: str, owner: str | None = None, actor: str | None = None
) -> MergeReport:
    """Merge the member's notes from their other device into this one; see the module's docstring."""
    what = path.name
    opened = container.open_bundle(path, passphrase=passphrase, kind="notes")
    meeting_gid = str(opened.manifest["meeting"])
    meeting_id = id_of(store, "meeting", meeting_gid)
    if meeting_id is None:
        raise BundleOtherBody(f"{what} holds notes on a meeting that is not on this device; nothing was changed.")
    if storage.meeting_body_gid(store, meeting_gid) != opened.manifest["body"]:
        raise BundleOtherBody(f"{what} is for another body; nothing was changed.")
    who = _owner(store, meeting_id, owner)
    if _norm(str(opened.manifest.get("owner", ""))) != _norm(who):
        raise BundleRefused(f"{what} holds {opened.manifest.get('owner')}'s notes, not {who}'s; nothing was changed.")
    try:
        incoming = [_note_from_json(raw, store, meeting_id, who) for raw in opened.manifest["annotations"]]
        deleted = {str(k): str(v) for k, v in dict(opened.manifest.get("deleted", {})).items()}
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise BundleDamaged(f"{what} is damaged (its notes cannot be read); nothing was changed.") from exc
    actor = actor or who
    gone_here = notes_storage.tombstones(store, meeting_gid, who)
    counts = {"added": 0, "updated": 0, "kept": 0, "deleted": 0, "unchanged": 0}
    with store.transaction():
        for note in incoming:
            if note.gid in deleted and deleted[note.gid] >= note.updated_at:
                continue  # deleted on the other device after this edit: its tombstone does the rest
            here = notes_storage.by_gid(store, note.gid)
            if here is None:
                if gone_here.get(note.gid, "") >= note.updated_at:
                    counts["unchanged"] += 1  # deleted here after the other device's last edit
                    continue
                notes_storage.add_synced(store, note, actor)
                counts["added"] += 1
            elif note.updated_at > here.updated_at:
                if here.annotation.note != note.annotation.note and here.annotation.note:
                    notes_storage.keep_history(store, note.gid, here.annotation.note, here.updated_at)
                notes_storage.replace_synced(store, here.annotation.id or 0, note, actor)
                counts["updated"] += 1
            elif _differs(here.annotation, note.annotation):
                if here.annotation.note != note.annotation.note and note.annotation.note:
                    notes_storage.keep_history(store, note.gid, note.annotation.note, note.updated_at)
                counts["kept"] += 1
            else:
                counts["unchanged"] += 1
        for gid, at in deleted.items():
            here = notes_storage.by_gid(store, gid)
            if here is not None and here.updated_at <= at:
                notes_storage.delete(store, here.annotation.id or 0, actor, at=at)
                counts["deleted"] += 1
    return MergeReport(**counts)


def _differs(a: Annotation, b: Annotation) -> bool:
    return (a.note, a.colour, a.raise_at_meeting, a.page, a.quote, a.kind) != (
        b.note,
        b.colour,
        b.raise_at_meeting,
        b.page,
        b.quote,
        b.kind,
    )


# -- the exchange folder ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Arrival:
    """A bundle or answers file in a body's exchange folder that this device has not taken in yet."""

    path: Path
    kind: str  # "meeting" or "answers"
    meeting_gid: str
    sequence: int


def set_exchange_folder(store: Store, body_id: int, folder: Path | None) -> None:
    """The folder this device shares with the board for a body (one the board already syncs), or none. Only bundle
    files are written and read there: the library itself never is."""
    if folder is not None and not folder.is_dir():
        raise BundleRefused(f"{folder} is not a folder; the exchange folder was not changed.")
    data_dir = library.data_dir_of(store).resolve()
    if folder is not None and (folder.resolve() == data_dir or data_dir in folder.resolve().parents):
        raise BundleRefused(
            "The exchange folder must be outside Quorate's data folder (a sync tool must never carry the library); "
            "it was not changed."
        )
    storage.set_exchange_folder(store, body_id, str(folder.resolve()) if folder is not None else None)


def exchange_folder(store: Store, body_id: int) -> Path | None:
    found = storage.exchange_folder(store, body_id)
    return Path(found) if found else None


def arrivals(store: Store, body_id: int) -> list[Arrival]:
    """What in the body's exchange folder is for this device and new to it: meeting bundles newer than the copy
    here (on a member's device), answers to meetings this library published not yet imported (the secretary's).
    Files that cannot be read yet are left alone: a sync tool may still be writing them."""
    folder = exchange_folder(store, body_id)
    if folder is None or not folder.is_dir():
        return []
    body_gid = gid_of(store, "body", body_id)
    found = []
    for path in sorted(folder.glob("*.quorate")):
        if path.name.startswith(".") or not path.is_file():
            continue
        try:
            head = container.read_envelope(path)
        except BundleRefused:
            continue
        meeting_gid, sequence = str(head.get("meeting", "")), head.get("sequence")
        if head.get("body") != body_gid or not isinstance(sequence, int):
            continue
        if head.get("kind") == "meeting":
            held = storage.held(store, meeting_gid)
            if held is None and id_of(store, "meeting", meeting_gid) is not None:
                continue  # published from here
            if held is not None and (held.bundle_gid == head.get("bundle") or held.sequence >= sequence):
                continue
            found.append(Arrival(path, "meeting", meeting_gid, sequence))
        elif head.get("kind") == "answers":
            if storage.published(store, meeting_gid) == 0 or storage.answers_seen(store, str(head.get("bundle"))):
                continue
            found.append(Arrival(path, "answers", meeting_gid, sequence))
    return found


def bundle_name(store: Store, meeting_id: int, kind: str) -> str:
    """A file name for a bundle written into a folder: the meeting's date and title, and what it is."""
    meeting = store.meeting(meeting_id)
    words = "".join(c if c.isalnum() or c in " -" else " " for c in meeting.title)
    title = " ".join(words.split())[:60] or "meeting"
    when = meeting.date.isoformat() if meeting.date else ""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return f"{when} {title} {kind} {stamp}.quorate".strip()
