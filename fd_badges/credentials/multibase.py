"""Multibase (base58btc, prefix ``z``) and Multikey encodings of Ed25519 keys and signatures."""
_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: index for index, char in enumerate(_ALPHABET)}
ED25519_PUB_PREFIX = b"\xed\x01"


class MultibaseError(ValueError):
    """Not a base58btc multibase value of the expected kind."""


def b58encode(data):
    zeros = len(data) - len(data.lstrip(b"\0"))
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(_ALPHABET[remainder])
    return "1" * zeros + "".join(reversed(digits))


def b58decode(text):
    zeros = len(text) - len(text.lstrip("1"))
    number = 0
    for char in text:
        try:
            number = number * 58 + _INDEX[char]
        except KeyError:
            raise MultibaseError(f"{char!r} is not a base58 character.") from None
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def encode(data):
    """Multibase base58btc: ``z`` followed by the base58 text."""
    return "z" + b58encode(data)


def decode(text):
    if not isinstance(text, str) or not text.startswith("z"):
        raise MultibaseError("Only base58btc multibase values (starting with 'z') are accepted.")
    return b58decode(text[1:])


def encode_ed25519_public_key(raw):
    return encode(ED25519_PUB_PREFIX + raw)


def decode_ed25519_public_key(text):
    data = decode(text)
    if len(data) != 34 or not data.startswith(ED25519_PUB_PREFIX):
        raise MultibaseError("Not an Ed25519 public key in Multikey form.")
    return data[2:]
