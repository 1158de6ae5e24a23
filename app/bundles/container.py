"""The container: a ZIP file with a clear envelope and, per variant, an encrypted signed manifest and its files.

    envelope.json          {"format": "quorate-bundle", "version": 1, "kind": …, "bundle": gid, "body": gid,
                            "meeting": gid, "sequence": n, "unlock": [ … one entry per way in … ]}
    v<N>/manifest.jws      the variant's manifest (JSON) signed as a JWS; manifest.json when unsigned
    v<N>/<name>            each file the manifest lists

Everything under v<N>/ is sealed with the variant's random 256-bit key: AES-256-GCM in 1 MiB chunks, each bound
to the bundle's gid and the entry's name (`app.storage.sealed`), so entries cannot be swapped or cut. An unlock
entry gives one variant's key: wrapped under a passphrase stretched with Argon2id (`kind: passphrase`), or to a
certificate (`kind: certificate`: ECDH with an ephemeral key and HKDF-SHA256 for EC, RSA-OAEP-SHA256 for RSA).
Several variants let one bundle give members different papers (Part II, declared interests): each recipient
unlocks only their own. The envelope is never trusted: the signed manifest repeats its ids, and they must agree.

ZIP rather than an SQLite file: one immutable file that is whole or visibly cut short (its directory is at the
end), safe for a file-sync tool, read with the standard library and inspected with any unzip tool; an SQLite file
from elsewhere is a database to open (schema, triggers, journal) rather than a file to read.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, cast

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.bundles import BundleDamaged, BundleNotForYou, BundleRefused, jws
from app.export.keys import ChairKey, fingerprint
from app.storage.keys import KdfParams, default_params, stretch
from app.storage.sealed import FileKeys, SealedFileError, SealedWriter, open_stream

FORMAT = "quorate-bundle"
VERSION = 1
ENVELOPE = "envelope.json"
MAX_ENVELOPE = 1 << 20
MAX_MANIFEST = 16 << 20
MAX_ENTRIES = 256
_KEY_ID = 1
_SALT = 16


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    import base64
    import binascii

    if not isinstance(text, str):
        raise ValueError("not base64 text")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise ValueError("not base64 text") from exc


@dataclass(frozen=True, slots=True)
class Recipient:
    """One way into a variant: a passphrase, or a certificate whose private key the recipient holds."""

    variant: int
    passphrase: str | None = None
    certificate: x509.Certificate | None = None
    label: str = ""  # who (a name or a gid), for the recipient's own sake: never trusted


@dataclass(slots=True)
class Variant:
    """What one group of recipients receives: a manifest (without its file list, added here) and the files."""

    manifest: dict[str, Any]
    files: list[tuple[str, bytes]] = field(default_factory=list)


def _wrap_aad(bundle: str, variant: int) -> bytes:
    return f"quorate-bundle|{bundle}|v{variant}".encode()


def _wrap(key: bytes, recipient: Recipient, bundle: str, params: KdfParams, salt: bytes) -> dict[str, Any]:
    aad = _wrap_aad(bundle, recipient.variant)
    nonce = secrets.token_bytes(12)
    if recipient.passphrase is not None:
        # One random salt per bundle for all its passphrase entries: a passphrase is stretched once when the
        # bundle is opened, however many members have a passphrase of their own.
        kek = stretch(recipient.passphrase, salt, params)
        return {
            "variant": recipient.variant,
            "kind": "passphrase",
            "kdf": params.to_json(),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(AESGCM(kek).encrypt(nonce, key, aad)),
            "label": recipient.label,
        }
    cert = recipient.certificate
    if cert is None:
        raise ValueError("a recipient needs a passphrase or a certificate")
    public = cert.public_key()
    entry: dict[str, Any] = {"variant": recipient.variant, "kind": "certificate", "certificate": fingerprint(cert)}
    if isinstance(public, ec.EllipticCurvePublicKey):
        ephemeral = ec.generate_private_key(public.curve)
        kek = _hkdf(ephemeral.exchange(ec.ECDH(), public), bundle, fingerprint(cert))
        entry["ephemeral"] = _b64(
            ephemeral.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )
        entry["nonce"] = _b64(nonce)
        entry["wrapped"] = _b64(AESGCM(kek).encrypt(nonce, key, aad))
    elif isinstance(public, rsa.RSAPublicKey):
        entry["wrapped"] = _b64(public.encrypt(key, _oaep()))
    else:
        raise BundleRefused(f"The certificate of {_name(cert)} has a key Quorate cannot encrypt to (EC or RSA only).")
    entry["label"] = recipient.label
    return entry


def _name(cert: x509.Certificate) -> str:
    from app.export.keys import common_name

    return common_name(cert)


def _hkdf(shared: bytes, bundle: str, cert_sha256: str) -> bytes:
    info = f"quorate-bundle|{bundle}|{cert_sha256}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def _oaep() -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def write_bundle(
    out: Path,
    envelope: Mapping[str, Any],
    variants: Sequence[Variant],
    recipients: Sequence[Recipient],
    signer: ChairKey | None,
    *,
    kdf: KdfParams | None = None,
) -> int:
    """Write the bundle to `out` whole or not at all (a temporary file beside it, then a rename); its size.

    `envelope` gives kind, bundle, body, meeting and sequence; each variant's manifest gets them too, with the
    list of its files (name, SHA-256, size), and is signed by `signer` (unsigned without one)."""
    bundle = str(envelope["bundle"])
    params = kdf or default_params()
    keys = [secrets.token_bytes(32) for _ in variants]
    head = {"format": FORMAT, "version": VERSION, **envelope}
    salt = secrets.token_bytes(_SALT)
    head["unlock"] = [_wrap(keys[r.variant], r, bundle, params, salt) for r in recipients]
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as raw:
            with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as archive:
                archive.writestr(ENVELOPE, json.dumps(head, indent=1, ensure_ascii=False))
                for number, (variant, key) in enumerate(zip(variants, keys, strict=True)):
                    file_keys = FileKeys({_KEY_ID: key}, _KEY_ID)
                    listed = []
                    for name, data in variant.files:
                        listed.append({"name": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})
                        _seal_entry(archive, f"v{number}/{name}", data, file_keys, bundle)
                    manifest = {**variant.manifest, **{k: envelope[k] for k in ("kind", "bundle", "body", "meeting")}}
                    manifest.update(sequence=envelope.get("sequence", 0), variant=number, files=listed)
                    payload = json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode("utf-8")
                    if signer is not None:
                        _seal_entry(
                            archive, f"v{number}/manifest.jws", jws.sign(payload, signer).encode(), file_keys, bundle
                        )
                    else:
                        _seal_entry(archive, f"v{number}/manifest.json", payload, file_keys, bundle)
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(temp, _export_mode())
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return out.stat().st_size


def _export_mode() -> int:
    from app.paths import shared_file_mode

    return shared_file_mode()


def _seal_entry(archive: zipfile.ZipFile, name: str, data: bytes, keys: FileKeys, bundle: str) -> None:
    with archive.open(name, "w", force_zip64=len(data) > (1 << 30)) as entry:
        writer = SealedWriter(entry, keys, f"{bundle}/{name}")  # type: ignore[arg-type]  # a ZipExtFile writes
        for start in range(0, len(data), 1 << 20):
            writer.write(data[start : start + (1 << 20)])
        writer.finish()


# -- reading ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Opened:
    """A variant of a bundle, decrypted and checked: its manifest, files and the certificate that signed it."""

    envelope: dict[str, Any]
    manifest: dict[str, Any]
    files: dict[str, bytes]
    signer: x509.Certificate | None
    unlocked_by: dict[str, Any]  # the unlock entry that opened it

    @property
    def kind(self) -> str:
        return str(self.manifest.get("kind", ""))


def read_envelope(path: Path) -> dict[str, Any]:
    """The clear envelope of a bundle (ids and ways in), without opening anything; BundleDamaged when it is not."""
    what = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            return _envelope(archive, what)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise BundleRefused(f"{path} is not there; nothing was changed.") from exc
        raise BundleDamaged(
            f"{what} is not a Quorate bundle, or it is damaged or cut short; nothing was changed."
        ) from exc


def _envelope(archive: zipfile.ZipFile, what: str) -> dict[str, Any]:
    damaged = f"{what} is not a Quorate bundle, or it is damaged; nothing was changed."
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise BundleDamaged(damaged)
    try:
        info = archive.getinfo(ENVELOPE)
        if info.file_size > MAX_ENVELOPE:
            raise BundleDamaged(damaged)
        head = json.loads(archive.read(info).decode("utf-8"))
    except (KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise BundleDamaged(damaged) from exc
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise BundleDamaged(damaged)
    if head.get("version") != VERSION:
        raise BundleDamaged(
            f"{what} was made by another version of Quorate (format {head.get('version')!r}); nothing was changed."
        )
    if not isinstance(head.get("unlock"), list) or not all(isinstance(u, dict) for u in head["unlock"]):
        raise BundleDamaged(damaged)
    return head


def _unwrap(
    entry: Mapping[str, Any],
    bundle: str,
    passphrase: str | None,
    keys: Sequence[ChairKey],
    stretched: dict[tuple[bytes, KdfParams], bytes],
) -> bytes | None:
    """The variant key this unlock entry holds, when the passphrase or one of the keys opens it; else None."""
    variant = entry.get("variant")
    if not isinstance(variant, int):
        return None
    aad = _wrap_aad(bundle, variant)
    try:
        if entry.get("kind") == "passphrase" and passphrase is not None:
            kdf = entry["kdf"]
            params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
            if not (8 <= params.memory_kib <= 4 << 20 and 1 <= params.iterations <= 64 and 1 <= params.lanes <= 64):
                return None
            salt = _unb64(entry["salt"])
            if (salt, params) not in stretched:
                stretched[(salt, params)] = stretch(passphrase, salt, params)
            kek = stretched[(salt, params)]
            return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]), aad)
        if entry.get("kind") == "certificate":
            for key in keys:
                if fingerprint(key.certificate) != entry.get("certificate"):
                    continue
                private = key.private_key
                if isinstance(private, ec.EllipticCurvePrivateKey):
                    point = ec.EllipticCurvePublicKey.from_encoded_point(private.curve, _unb64(entry["ephemeral"]))
                    kek = _hkdf(private.exchange(ec.ECDH(), point), bundle, str(entry["certificate"]))
                    return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]), aad)
                return private.decrypt(_unb64(entry["wrapped"]), _oaep())
    except (KeyError, TypeError, ValueError, InvalidTag):
        return None
    return None


def open_bundle(
    path: Path, *, passphrase: str | None = None, keys: Sequence[ChairKey] = (), kind: str | None = None
) -> Opened:
    """Open the variant of the bundle at `path` that the passphrase or one of `keys` unlocks; check every entry.

    The signature is checked to hold (BundleDamaged if not; BundleUnsigned is the caller's to raise when it needs
    one: `Opened.signer` is None for an unsigned manifest); whether its certificate is trusted is the caller's."""
    what = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            head = _envelope(archive, what)
            if kind is not None and head.get("kind") != kind:
                raise BundleDamaged(f"{what} is not a {kind.replace('_', ' ')} file; nothing was changed.")
            bundle = str(head.get("bundle", ""))
            stretched: dict[tuple[bytes, KdfParams], bytes] = {}
            for entry in head["unlock"]:
                key = _unwrap(entry, bundle, passphrase, keys, stretched)
                if key is not None and len(key) == 32:
                    return _open_variant(archive, head, entry, key, what)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        if isinstance(exc, FileNotFoundError):
            raise BundleRefused(f"{path} is not there; nothing was changed.") from exc
        raise BundleDamaged(f"{what} is damaged or cut short; nothing was changed.") from exc
    if passphrase is None and not keys:
        raise BundleNotForYou(f"{what} is encrypted: give its passphrase or your key to open it; nothing was changed.")
    raise BundleNotForYou(
        f"The passphrase or key given does not open {what} (it is wrong, or the file is not addressed to you); "
        "nothing was changed."
    )


def _read_entry(archive: zipfile.ZipFile, name: str, keys: FileKeys, bundle: str, limit: int, what: str) -> bytes:
    try:
        info = archive.getinfo(name)
    except KeyError as exc:
        raise BundleDamaged(f"{what} is damaged (a part is missing); nothing was changed.") from exc
    if info.file_size > limit:
        raise BundleDamaged(f"{what} is damaged (a part is larger than it says); nothing was changed.")
    buffer = bytearray()
    try:
        with archive.open(info) as handle:
            for chunk in open_stream(cast(BinaryIO, handle), keys, f"{bundle}/{name}"):
                buffer += chunk
    except SealedFileError as exc:
        raise BundleDamaged(
            f"{what} is damaged or was changed (a part does not decrypt); nothing was changed."
        ) from exc
    return bytes(buffer)


def _open_variant(
    archive: zipfile.ZipFile, head: dict[str, Any], entry: dict[str, Any], key: bytes, what: str
) -> Opened:
    number = int(entry["variant"])
    bundle = str(head.get("bundle", ""))
    keys = FileKeys({_KEY_ID: key}, _KEY_ID)
    names = set(archive.namelist())
    signer: x509.Certificate | None = None
    if f"v{number}/manifest.jws" in names:
        token = _read_entry(archive, f"v{number}/manifest.jws", keys, bundle, MAX_MANIFEST, what)
        verified = jws.verify(token.decode("ascii", "replace"), what)
        payload, signer = verified.payload, verified.certificate
    else:
        payload = _read_entry(archive, f"v{number}/manifest.json", keys, bundle, MAX_MANIFEST, what)
    try:
        manifest = json.loads(payload.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BundleDamaged(f"{what} is damaged (its manifest cannot be read); nothing was changed.") from exc
    if not isinstance(manifest, dict) or manifest.get("variant") != number:
        raise BundleDamaged(f"{what} is damaged (its manifest is not its own); nothing was changed.")
    for field_name in ("kind", "bundle", "body", "meeting", "sequence"):
        if manifest.get(field_name) != head.get(field_name):  # the clear envelope is never trusted alone
            raise BundleDamaged(
                f"{what} was changed after it was made (its envelope disagrees with its manifest); nothing was changed."
            )
    files: dict[str, bytes] = {}
    listed = manifest.get("files")
    if not isinstance(listed, list):
        raise BundleDamaged(f"{what} is damaged (its manifest lists no files); nothing was changed.")
    for item in listed:
        try:
            name, sha, size = str(item["name"]), str(item["sha256"]), int(item["size"])
        except (KeyError, TypeError, ValueError) as exc:
            raise BundleDamaged(f"{what} is damaged (its manifest cannot be read); nothing was changed.") from exc
        data = _read_entry(archive, f"v{number}/{name}", keys, bundle, size + size // 8 + 4096, what)
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
            raise BundleDamaged(f"{what} is damaged ({name} is not the file its manifest lists); nothing was changed.")
        files[name] = data
    return Opened(head, manifest, files, signer, entry)
