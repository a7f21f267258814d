"""VC-JWT form of a credential (Open Badges 3.0 section 8.2): EdDSA JWS with the credential in ``vc``."""
from datetime import datetime

import jwt

from . import keys


class JwtError(ValueError):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def _timestamp(text):
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def encode(credential, signing_key):
    unsecured = {key: value for key, value in credential.items() if key != "proof"}
    claims = {"vc": unsecured, "iss": unsecured["issuer"]["id"], "jti": unsecured["id"],
              "nbf": _timestamp(unsecured["validFrom"])}
    if "validUntil" in unsecured:
        claims["exp"] = _timestamp(unsecured["validUntil"])
    headers = {"kid": signing_key.verification_method, "typ": "JWT"}
    return jwt.encode(claims, keys.private_key_object(signing_key), algorithm="EdDSA", headers=headers)


def decode(token, resolve_key=keys.find_key):
    """Verify the JWS and return ``(credential, key)``; expiry is checked by the caller."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise JwtError("malformed", "This is not a JSON Web Token.") from None
    if header.get("alg") != "EdDSA":
        raise JwtError("proof_unsupported", "Only EdDSA-signed JWTs are accepted.")
    key = resolve_key(header.get("kid"))
    if key is None:
        raise JwtError("unknown_key",
                       f"The JWT was signed with a key this issuer does not publish ({header.get('kid')!r}).")
    try:
        claims = jwt.decode(token, keys.public_key_object(key.public_key_multibase), algorithms=["EdDSA"],
                            options={"verify_exp": False, "verify_nbf": False})
    except jwt.InvalidSignatureError:
        raise JwtError("tampered", "The signature does not match the content: the credential was altered.") from None
    except jwt.PyJWTError as error:
        raise JwtError("malformed", f"The JWT cannot be read: {error}") from None
    credential = claims.get("vc")
    if not isinstance(credential, dict):
        raise JwtError("not_a_credential", "The JWT does not carry a credential (no 'vc' claim).")
    return credential, key
