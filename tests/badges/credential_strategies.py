"""Hypothesis strategies: Open Badges credentials with awkward text (quotes, newlines, control
characters, non-ASCII), repeated nodes (blank nodes that only the N-degree hash tells apart) and ids
that the fast path must refuse (relative, blank-node, compact IRIs)."""
from hypothesis import strategies as st

from fd_badges.credentials.linked_data.context_loader import CREDENTIALS_V2, OB_V3

AWKWARD = st.text(
    alphabet=st.one_of(
        st.sampled_from(list('"\\\n\r\t\b\f\x00\x01\x1f\x7f') + ["é", "日", "ß", "\u2028", "\ufeff", "😀"]),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=24,
)
BMP_AWKWARD = AWKWARD.map(lambda text: "".join(ch for ch in text if ord(ch) <= 0xFFFF))
IDS = st.one_of(
    st.uuids().map(lambda value: f"urn:uuid:{value}"),
    st.sampled_from(["https://example.org/a", "https://example.org/b#x", "did:web:example.org",
                     "relative/path", "_:b7", "schema:thing", "mailto:a@b.it", "https://example.org/a b"]),
)


def alignment(text):
    return st.fixed_dictionaries(
        {"type": st.just(["Alignment"]), "targetName": text, "targetUrl": st.just("https://example.org/digcomp")},
        optional={"targetCode": st.sampled_from(["1.1", "4.2"]), "targetFramework": text},
    )


@st.composite
def credentials(draw, text=AWKWARD):
    achievement = {
        "id": draw(IDS), "type": ["Achievement"], "name": draw(text),
        "criteria": {"narrative": draw(text)},
    }
    if draw(st.booleans()):
        achievement["description"] = draw(text)
    if draw(st.booleans()):
        same = draw(alignment(text))
        achievement["alignment"] = draw(st.lists(st.one_of(st.just(same), alignment(text)), max_size=3))
    document = {
        "@context": [CREDENTIALS_V2, OB_V3],
        "id": draw(IDS),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": draw(text),
        "issuer": {"id": draw(IDS), "type": ["Profile"], "name": draw(text)},
        "validFrom": draw(st.sampled_from(["2026-11-25T15:00:00Z", "2026-01-01T00:00:00+01:00", "not a date"])),
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": achievement},
    }
    if draw(st.booleans()):
        document["evidence"] = draw(st.lists(
            st.fixed_dictionaries({"type": st.just(["Evidence"]), "narrative": text}), max_size=2))
    if draw(st.booleans()):
        document["credentialSubject"]["identifier"] = [{
            "type": "IdentityObject", "identityHash": draw(text), "identityType": "emailAddress",
            "hashed": draw(st.booleans()), "salt": draw(text)}]
    return document
