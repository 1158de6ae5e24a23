"""The chair's key, signing the minutes, verifying a signed PDF and the trust store: what the CLI and window call.

Every problem a user can cause (a wrong passphrase, a damaged key file, an expired certificate, a PDF with no
signature…) raises `SigningError`, a ValueError whose text is one sentence. pyHanko (slow to import) is loaded
only by `sign` and `verify`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.x509.oid import NameOID

from app import paths
from app.export import keys
from app.export.errors import SigningError
from app.export.files import write_atomically
from app.export.keys import KeyAlgorithm

if TYPE_CHECKING:
    from app.export.signing import VerifyReport

__all__ = [
    "KeyCreated",
    "Signed",
    "SigningError",
    "TrustedCertificate",
    "create_key",
    "read_passphrase_file",
    "sign",
    "trust_certificate",
    "trusted_certificates",
    "verify",
]


@dataclass(frozen=True, slots=True)
class TrustedCertificate:
    name: str
    role: str
    organisation: str
    sha256: str
    not_after: datetime
    path: Path

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "organisation": self.organisation,
            "sha256": self.sha256,
            "valid_until": self.not_after.isoformat(),
            "path": str(self.path),
        }


@dataclass(frozen=True, slots=True)
class KeyCreated:
    key_file: Path
    certificate_file: Path  # the public certificate (PEM) to hand to whoever will verify the signed minutes
    certificate: TrustedCertificate

    def to_json(self) -> dict[str, Any]:
        return {
            "key_file": str(self.key_file),
            "certificate_file": str(self.certificate_file),
            "certificate": self.certificate.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Signed:
    out: Path
    signer_name: str
    signer_role: str
    signing_time: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "pdf": str(self.out.resolve()),
            "signer": self.signer_name,
            "signer_role": self.signer_role,
            "signing_time": self.signing_time.isoformat(),
        }


def _describe(cert: x509.Certificate, where: Path) -> TrustedCertificate:
    return TrustedCertificate(
        name=keys.common_name(cert),
        role=keys.name_attribute(cert, NameOID.TITLE),
        organisation=keys.name_attribute(cert, NameOID.ORGANIZATION_NAME),
        sha256=keys.fingerprint(cert),
        not_after=cert.not_valid_after_utc,
        path=where,
    )


def certificate_file_for(key_file: Path) -> Path:
    """Where `create_key` writes the public certificate beside a new key: `chair.p12` → `chair.cert.pem`."""
    return key_file.with_name(key_file.stem + ".cert.pem")


def create_key(
    data_dir: Path,
    out: Path,
    name: str,
    passphrase: str,
    *,
    role: str = "",
    organisation: str = "",
    algorithm: KeyAlgorithm = "ec-p256",
    trust: bool = True,
) -> KeyCreated:
    """Generate the chair's key and self-signed certificate into the PKCS#12 file `out` (the passphrase is not
    kept anywhere), write the public certificate beside it, and — unless `trust` is False — mark it trusted in
    this data folder, since the person who made it here vouches for it."""
    out = Path(out)
    cert_file = certificate_file_for(out)
    if cert_file.exists():
        raise SigningError(f"{cert_file} already exists; choose another file name for the key.")
    try:
        cert = keys.generate_key(out, name, passphrase, role=role, organisation=organisation, algorithm=algorithm)
        write_atomically(cert_file, keys.certificate_pem(cert))
    except OSError as exc:
        raise SigningError(f"Quorate cannot write the key to {out}: {exc.strerror or exc}.") from exc
    stored = keys.trust(paths.trusted_certificates_dir(data_dir), cert) if trust else cert_file
    return KeyCreated(out, cert_file, _describe(cert, stored))


def sign(
    src: Path,
    key_file: Path,
    passphrase: str,
    out: Path,
    *,
    name: str | None = None,
    role: str | None = None,
    image: Path | None = None,
    reason: str | None = None,
    location: str = "",
    visible: bool = True,
    box: tuple[float, float, float, float] | None = None,
) -> Signed:
    """Sign a finished PDF (the minutes) with the chair's PKCS#12 key; the signed copy is written atomically to
    `out` and `src` is left as it was."""
    from app.export import signing

    chair = keys.load_key(Path(key_file), passphrase)
    options: dict[str, Any] = {"box": box} if box is not None else {}
    if reason:
        options["reason"] = reason
    when = signing.sign_pdf(
        Path(src),
        Path(key_file),
        passphrase,
        Path(out),
        signer_name=name,
        role=role,
        location=location,
        visible=visible,
        image=image,
        key=chair,
        **options,
    )
    return Signed(Path(out), " ".join((name or chair.name).split()), chair.role if role is None else role, when)


def verify(data_dir: Path, pdf: Path) -> VerifyReport:
    """Check a signed PDF offline against the certificates trusted in this data folder."""
    from app.export import signing

    return signing.verify_pdf(Path(pdf), keys.trusted_certificates(paths.trusted_certificates_dir(data_dir)))


def trust_certificate(data_dir: Path, source: Path, passphrase: str | None = None) -> TrustedCertificate:
    """Mark a certificate trusted for verifying: from a PEM/DER certificate file or a PKCS#12 key file."""
    cert = keys.read_certificate(Path(source), passphrase)
    try:
        stored = keys.trust(paths.trusted_certificates_dir(data_dir), cert)
    except OSError as exc:
        raise SigningError(f"Quorate cannot write to its trust store in {data_dir}: {exc.strerror or exc}.") from exc
    return _describe(cert, stored)


def trusted_certificates(data_dir: Path) -> list[TrustedCertificate]:
    folder = paths.trusted_certificates_dir(data_dir)
    return [_describe(cert, folder / f"{keys.fingerprint(cert)}.pem") for cert in keys.trusted_certificates(folder)]


def read_passphrase_file(path: Path) -> str:
    """A passphrase from the first line of a file (`-` reads standard input); the line ending is not part of it."""
    try:
        text = sys.stdin.readline() if str(path) == "-" else Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SigningError(f"The passphrase file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SigningError(f"The passphrase file {path} cannot be read.") from exc
    passphrase = text.splitlines()[0] if text.splitlines() else ""
    if not passphrase:
        raise SigningError(f"The passphrase file {path} is empty.")
    return passphrase
