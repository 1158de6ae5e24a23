"""The chair's signing key: made here (a self-signed certificate in the chair's name) or an organisation's PKCS#12.

A key lives in a PKCS#12 file protected by a passphrase the chair types each time; Quorate never stores the
passphrase. Every problem with a key file is a `SigningError` whose text is one sentence saying which.

The certificates a user marked as trusted are PEM files in one folder (`paths.trusted_certificates_dir`), named
by their SHA-256 fingerprint: verification compares a signer's certificate with these and nothing else
(no network, no system store).
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from app.export.errors import SigningError
from app.export.files import write_atomically

KeyAlgorithm = Literal["ec-p256", "rsa-3072"]
PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

VALID_YEARS = 5
MIN_PASSPHRASE = 8


@dataclass(frozen=True, slots=True)
class ChairKey:
    """A private key and its certificate (with any chain the PKCS#12 file carried), loaded for signing."""

    private_key: PrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def name(self) -> str:
        return common_name(self.certificate)

    @property
    def role(self) -> str:
        return name_attribute(self.certificate, NameOID.TITLE)


def name_attribute(cert: x509.Certificate, oid: x509.ObjectIdentifier) -> str:
    values = cert.subject.get_attributes_for_oid(oid)
    value = values[0].value if values else ""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


def common_name(cert: x509.Certificate) -> str:
    return name_attribute(cert, NameOID.COMMON_NAME) or cert.subject.rfc4514_string()


def fingerprint(cert: x509.Certificate) -> str:
    """SHA-256 of the certificate's DER bytes, as lowercase hex: how certificates are compared and named."""
    return cert.fingerprint(hashes.SHA256()).hex()


def make_certificate(
    key: PrivateKey,
    name: str,
    role: str = "",
    organisation: str = "",
    *,
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> x509.Certificate:
    """A self-signed certificate in `name` (CN), with `role` as its title and `organisation` as O.

    Marked for signing documents: key usage digitalSignature + contentCommitment (non-repudiation), not a CA.
    """
    start = not_before or datetime.now(UTC) - timedelta(minutes=5)  # a little slack for clocks that differ
    end = not_after or start + timedelta(days=365 * VALID_YEARS + 1)
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if role:
        attributes.append(x509.NameAttribute(NameOID.TITLE, role))
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    subject = x509.Name(attributes)
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )


def new_private_key(algorithm: KeyAlgorithm = "ec-p256") -> PrivateKey:
    if algorithm == "rsa-3072":
        return rsa.generate_private_key(public_exponent=65537, key_size=3072)
    return ec.generate_private_key(ec.SECP256R1())


def pkcs12_bytes(key: PrivateKey, cert: x509.Certificate, passphrase: str) -> bytes:
    """The key and certificate as a PKCS#12 file encrypted with the passphrase (AES-256, PBKDF2)."""
    return pkcs12.serialize_key_and_certificates(
        name=common_name(cert).encode("utf-8"),
        key=key,
        cert=cert,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def generate_key(
    out: Path,
    name: str,
    passphrase: str,
    *,
    role: str = "",
    organisation: str = "",
    algorithm: KeyAlgorithm = "ec-p256",
) -> x509.Certificate:
    """Make a new key and a self-signed certificate in the chair's name, valid for five years, and write them to
    `out` as a PKCS#12 file protected by `passphrase` (atomically; an existing file is never overwritten)."""
    name = " ".join(name.split())
    if not name:
        raise SigningError("A signing key needs the name of the person who will sign.")
    if len(passphrase) < MIN_PASSPHRASE:
        raise SigningError(f"The passphrase must be at least {MIN_PASSPHRASE} characters long.")
    if out.exists():
        raise SigningError(f"{out} already exists; choose another file name so no key is overwritten.")
    key = new_private_key(algorithm)
    cert = make_certificate(key, name, " ".join(role.split()), " ".join(organisation.split()))
    try:
        write_atomically(out, pkcs12_bytes(key, cert, passphrase), mode=0o600)
    except OSError as exc:
        raise SigningError(f"Quorate cannot write the key file {out}: {exc.strerror or exc}.") from exc
    return cert


def load_key(path: Path, passphrase: str) -> ChairKey:
    """Read a PKCS#12 file; SigningError names the problem: missing, not PKCS#12, wrong passphrase, no key."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise SigningError(f"The key file {path} does not exist.") from None
    except OSError as exc:
        raise SigningError(f"The key file {path} cannot be read: {exc.strerror or exc}.") from exc
    if not _looks_like_pkcs12(data):
        raise SigningError(f"{path} is not a PKCS#12 key file, or it is damaged.")
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, passphrase.encode("utf-8"))
    except ValueError:
        raise SigningError(f"The passphrase for {path} is wrong.") from None
    if key is None:
        raise SigningError(f"{path} holds no private key, so it cannot sign.")
    if cert is None:
        raise SigningError(f"{path} holds a private key but not its certificate.")
    if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
        raise SigningError(f"{path} holds a {type(key).__name__} key; Quorate signs with RSA or EC keys.")
    return ChairKey(key, cert, tuple(extra))


def _looks_like_pkcs12(data: bytes) -> bool:
    """True when the bytes parse as a PKCS#12 PFX structure (whatever the passphrase): tells a damaged or
    foreign file apart from a wrong passphrase, which OpenSSL reports the same way."""
    from asn1crypto import pkcs12 as asn1_pkcs12  # type: ignore[import-untyped]  # no stubs; pyHanko needs it anyway

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        pfx.native  # noqa: B018 - parses every field; raises on damage
        return pfx["auth_safe"]["content_type"].native in ("data", "signed_data")
    except (ValueError, TypeError, KeyError, OverflowError):
        return False


def check_validity(cert: x509.Certificate, at: datetime | None = None) -> None:
    """SigningError if the certificate is expired or not yet valid at `at` (now by default)."""
    at = at or datetime.now(UTC)
    who = common_name(cert)
    if at > cert.not_valid_after_utc:
        raise SigningError(
            f"The certificate of {who} expired on {cert.not_valid_after_utc:%d %B %Y}, so it can no longer sign."
        )
    if at < cert.not_valid_before_utc:
        raise SigningError(
            f"The certificate of {who} is not valid until {cert.not_valid_before_utc:%d %B %Y %H:%M} UTC."
        )


def read_certificate(path: Path, passphrase: str | None = None) -> x509.Certificate:
    """A certificate from a PEM or DER file, or from a PKCS#12 file (which may need its passphrase)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise SigningError(f"The certificate file {path} does not exist.") from None
    except OSError as exc:
        raise SigningError(f"The certificate file {path} cannot be read: {exc.strerror or exc}.") from exc
    if b"-----BEGIN CERTIFICATE-----" in data:
        try:
            return x509.load_pem_x509_certificate(data)
        except ValueError:
            raise SigningError(f"{path} holds a damaged PEM certificate.") from None
    with contextlib.suppress(ValueError):
        return x509.load_der_x509_certificate(data)
    if _looks_like_pkcs12(data):
        try:
            _key, cert, extra = pkcs12.load_key_and_certificates(
                data, passphrase.encode("utf-8") if passphrase is not None else None
            )
        except ValueError:
            if passphrase is None:
                raise SigningError(
                    f"{path} is a PKCS#12 file protected by a passphrase; give its passphrase."
                ) from None
            raise SigningError(f"The passphrase for {path} is wrong.") from None
        if cert is None and not extra:
            raise SigningError(f"{path} holds no certificate.")
        return cert if cert is not None else extra[0]
    raise SigningError(f"{path} is not a certificate (PEM or DER) or a PKCS#12 key file.")


def certificate_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


# --- the trust store ---------------------------------------------------------------------------------------------


def trust(folder: Path, cert: x509.Certificate) -> Path:
    """Mark a certificate trusted: write it to the trust folder as `<sha256>.pem` (idempotent)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{fingerprint(cert)}.pem"
    if not target.exists():
        write_atomically(target, certificate_pem(cert), mode=0o600)  # in the data folder: its user's alone
    return target


def trusted_certificates(folder: Path) -> list[x509.Certificate]:
    """The certificates in the trust folder; a file that is not a certificate is skipped."""
    found = []
    for pem in sorted(folder.glob("*.pem")) if folder.is_dir() else []:
        with contextlib.suppress(ValueError, OSError):
            found.append(x509.load_pem_x509_certificate(pem.read_bytes()))
    return found


def is_trusted(cert: x509.Certificate, trusted: Sequence[x509.Certificate]) -> bool:
    return fingerprint(cert) in {fingerprint(c) for c in trusted}


# --- files ------------------------------------------------------------------------------------------------------
