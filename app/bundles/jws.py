"""A manifest signed as a JWS (RFC 7515, compact serialisation) with the signer's certificate in `x5c`.

The keys are the chair's and secretary's PKCS#12 keys (`app.export.keys`): EC P-256 signs ES256, RSA signs PS256.
Any JOSE library checks these; Quorate checks them with `cryptography` alone, offline, and then compares the
certificate with the device's trust store (the caller's job).
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

from app.bundles import BundleDamaged, BundleUnsigned
from app.export.keys import ChairKey

TYPE = "quorate-manifest+json"
_EC_ALGS = {"secp256r1": ("ES256", hashes.SHA256, 32), "secp384r1": ("ES384", hashes.SHA384, 48)}


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(payload: bytes, key: ChairKey) -> str:
    """`payload` signed with `key`, as a JWS compact serialisation carrying the certificate (and its chain)."""
    private = key.private_key
    if isinstance(private, ec.EllipticCurvePrivateKey):
        if private.curve.name not in _EC_ALGS:
            raise BundleDamaged(f"Quorate signs with EC keys on P-256 or P-384, not {private.curve.name}.")
        alg, digest, _size = _EC_ALGS[private.curve.name]
    else:
        alg = "PS256"
    chain = [key.certificate, *key.chain]
    header = {
        "alg": alg,
        "typ": TYPE,
        "x5c": [base64.b64encode(c.public_bytes(serialization.Encoding.DER)).decode("ascii") for c in chain],
    }
    signing_input = f"{_b64url(json.dumps(header, separators=(',', ':')).encode())}.{_b64url(payload)}".encode()
    if isinstance(private, ec.EllipticCurvePrivateKey):
        r, s = decode_dss_signature(private.sign(signing_input, ec.ECDSA(digest())))
        size = _EC_ALGS[private.curve.name][2]
        signature = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    else:
        signature = private.sign(signing_input, _pss(), hashes.SHA256())
    return f"{signing_input.decode()}.{_b64url(signature)}"


def _pss() -> padding.PSS:
    return padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=hashes.SHA256.digest_size)


@dataclass(frozen=True, slots=True)
class Verified:
    payload: bytes
    certificate: x509.Certificate


def verify(token: str, what: str) -> Verified:
    """The payload of a JWS whose signature holds, with the certificate that made it.

    Raises BundleUnsigned for a JWS with no signature (`alg: none`), BundleDamaged when it is not a JWS or the
    signature does not hold (the manifest was changed after signing). `what` names the file in the sentence."""
    parts = token.strip().split(".")
    if len(parts) != 3:
        raise BundleDamaged(f"{what} is damaged (its manifest is not a signed manifest); nothing was changed.")
    try:
        header: Any = json.loads(_unb64url(parts[0]))
        payload = _unb64url(parts[1])
        signature = _unb64url(parts[2])
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise BundleDamaged(f"{what} is damaged (its manifest cannot be read); nothing was changed.") from exc
    if not isinstance(header, dict):
        raise BundleDamaged(f"{what} is damaged (its manifest cannot be read); nothing was changed.")
    if header.get("alg") in (None, "none") or not signature:
        raise BundleUnsigned(f"{what} is not signed by its publisher, so it cannot be trusted; nothing was changed.")
    try:
        chain = header["x5c"]
        certificate = x509.load_der_x509_certificate(base64.b64decode(chain[0], validate=True))
    except (KeyError, IndexError, TypeError, ValueError, binascii.Error) as exc:
        raise BundleDamaged(f"{what} is damaged (its signature names no certificate); nothing was changed.") from exc
    signing_input = f"{parts[0]}.{parts[1]}".encode()
    public = certificate.public_key()
    alg = header.get("alg")
    try:
        if isinstance(public, ec.EllipticCurvePublicKey) and public.curve.name in _EC_ALGS:
            expected, digest, size = _EC_ALGS[public.curve.name]
            if alg != expected or len(signature) != 2 * size:
                raise InvalidSignature
            r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
            public.verify(encode_dss_signature(r, s), signing_input, ec.ECDSA(digest()))
        elif isinstance(public, rsa.RSAPublicKey) and alg == "PS256":
            public.verify(signature, signing_input, _pss(), hashes.SHA256())
        else:
            raise InvalidSignature
    except InvalidSignature as exc:
        raise BundleDamaged(
            f"{what} was changed after it was signed (its signature does not hold); nothing was changed."
        ) from exc
    return Verified(payload, certificate)
