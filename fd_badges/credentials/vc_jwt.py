"""VC-JWT form of a credential (Open Badges 3.0 section 8.2, JSON Web Token Proof Format).

The JWT payload is the credential itself (without its embedded proof: the JWS is the proof) plus
the registered claims ``iss`` (``issuer.id``), ``jti`` (``id``), ``sub`` (the subject), ``nbf``
(``validFrom``) and, when the credential expires, ``exp`` (``validUntil``). The JOSE header has
only ``alg``, ``kid`` and ``typ``; ``kid`` is a DID URL that dereferences to a ``JsonWebKey``
verification method of the issuer's DID document, whose ``publicKeyJwk`` verifies the signature.
Two algorithms: ``RS256`` (the minimum every Open Badges 3.0 verifier supports) and ``EdDSA``.
"""
from datetime import datetime

import jwt

from . import keys

RS256, EDDSA = "RS256", "EdDSA"
ALGORITHMS = {RS256: keys.RSA_JWK, EDDSA: keys.ED25519_JWK}
REGISTERED = ("iss", "jti", "sub", "nbf", "exp", "iat", "aud")


class JwtError(ValueError):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def _timestamp(text):
    return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def subject_id(credential):
    """What ``sub`` names: the subject's ``id``, or (our subjects have none, they are identified by a
    salted e-mail hash) the subject's first ``identityHash``."""
    subject = credential.get("credentialSubject")
    subject = subject[0] if isinstance(subject, list) and subject else subject
    if not isinstance(subject, dict):
        return None
    if isinstance(subject.get("id"), str):
        return subject["id"]
    for identifier in subject.get("identifier") or []:
        if isinstance(identifier, dict) and isinstance(identifier.get("identityHash"), str):
            return identifier["identityHash"]
    return None


def issuer_id(credential):
    issuer = credential.get("issuer")
    if isinstance(issuer, str):
        return issuer
    if isinstance(issuer, dict) and isinstance(issuer.get("id"), str):
        return issuer["id"]
    return None


def encode(credential, signing_key, algorithm=EDDSA):
    unsecured = {key: value for key, value in credential.items() if key != "proof"}
    claims = dict(unsecured, iss=issuer_id(unsecured), jti=unsecured["id"], nbf=_timestamp(unsecured["validFrom"]))
    sub = subject_id(unsecured)
    if sub:
        claims["sub"] = sub
    if "validUntil" in unsecured:
        claims["exp"] = _timestamp(unsecured["validUntil"])
    if algorithm == RS256:
        private = keys.rsa_private_key_object(signing_key)
    elif algorithm == EDDSA:
        private = keys.private_key_object(signing_key)
    else:
        raise ValueError(f"unsupported JWT algorithm {algorithm!r}")
    headers = {"kid": keys.method_id(signing_key, ALGORITHMS[algorithm]), "typ": "JWT"}
    return jwt.encode(claims, private, algorithm=algorithm, headers=headers)


def _public_key(key, kind):
    if kind == keys.RSA_JWK:
        return jwt.PyJWK(dict(key.rsa_public_jwk, alg=RS256)).key
    return keys.public_key_object(key.public_key_multibase)


def _check_claims(claims, credential):
    """The registered claims must say what the credential says (Open Badges 3.0 §8.2.6.1)."""
    def same_time(claim, field):
        try:
            return field in credential and int(claims[claim]) == _timestamp(str(credential[field]))
        except (KeyError, TypeError, ValueError):
            return False

    problems = []
    if not claims.get("iss") or claims.get("iss") != issuer_id(credential):
        problems.append("iss is not the credential's issuer.id")
    if not claims.get("jti") or claims.get("jti") != credential.get("id"):
        problems.append("jti is not the credential's id")
    if not claims.get("sub") or claims.get("sub") != subject_id(credential):
        problems.append("sub does not name the credential's subject")
    if not same_time("nbf", "validFrom"):
        problems.append("nbf is not the credential's validFrom")
    if ("exp" in claims or "validUntil" in credential) and not same_time("exp", "validUntil"):
        problems.append("exp is not the credential's validUntil")
    if problems:
        raise JwtError("tampered", "The JWT claims do not match the credential: " + "; ".join(problems) + ".")


def decode(token, resolve_method=keys.find_method):
    """Verify the JWS and return ``(credential, key)``; the caller checks the issuer, dates, status."""
    try:
        header = jwt.get_unverified_header(token)
    except jwt.PyJWTError:
        raise JwtError("malformed", "This is not a JSON Web Token.") from None
    algorithm = header.get("alg")
    if algorithm not in ALGORITHMS:
        raise JwtError("proof_unsupported", "Only RS256- and EdDSA-signed JWTs are accepted.")
    if set(header) - {"alg", "kid", "typ"} or header.get("typ", "JWT") != "JWT":
        raise JwtError("proof_unsupported", "The JWT header may only carry alg, kid and typ \"JWT\".")
    key, kind = resolve_method(header.get("kid"))
    if key is None or kind != ALGORITHMS[algorithm]:
        raise JwtError("unknown_key",
                       f"The JWT was signed with a key this issuer does not publish ({header.get('kid')!r}).")
    try:
        claims = jwt.decode(token, _public_key(key, kind), algorithms=[algorithm],
                            options={"verify_exp": False, "verify_nbf": False, "verify_iat": False,
                                     "verify_aud": False})
    except jwt.InvalidSignatureError:
        raise JwtError("tampered", "The signature does not match the content: the credential was altered.") from None
    except jwt.PyJWTError as error:
        raise JwtError("malformed", f"The JWT cannot be read: {error}") from None
    if not isinstance(claims, dict):
        raise JwtError("not_a_credential", "The JWT payload is not a credential.")
    credential = {name: value for name, value in claims.items() if name not in REGISTERED}
    if "@context" not in credential or "type" not in credential:
        raise JwtError("not_a_credential", "The JWT payload is not a credential (no @context or type).")
    _check_claims(claims, credential)
    return credential, key
