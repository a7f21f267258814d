"""Our credentials verify with an independent implementation (digitalbazaar vc + eddsa-rdfc-2022)."""
import copy
import json

import pytest

from fd_badges import awarding
from fd_badges.credentials import baking
from fd_badges.views.awards import export

from .interop_runner import public_documents, run_node


def test_credential_and_its_exports_verify_independently(signed_award, badge_class):
    issuer = badge_class.issuer
    credential = signed_award.credential
    from_png = json.loads(baking.unbake_png(export(signed_award, "png")[0]))
    from_svg = json.loads(baking.unbake_svg(export(signed_award, "svg")[0]))
    from_json = json.loads(export(signed_award, "json")[0])
    tampered = copy.deepcopy(credential)
    tampered["credentialSubject"]["achievement"]["criteria"]["narrative"] = "Nessun requisito"
    results = run_node({"mode": "verify", "credentials": [credential, from_png, from_svg, from_json, tampered],
                        "documents": public_documents(issuer, [credential])})
    assert [r["verified"] for r in results] == [True, True, True, True, False], results


@pytest.mark.parametrize("algorithm", ["RS256", "EdDSA"])
def test_jwt_export_verifies_independently_in_the_open_badges_form(signed_award, badge_class, algorithm):
    """Open Badges 3.0 section 8.2: payload is the credential with iss/jti/sub/nbf, kid gives a JWK."""
    token = export(signed_award, "jwt", algorithm)[0]
    forged = token[:-8] + ("A" * 8 if not token.endswith("A" * 8) else "B" * 8)
    results = run_node({"mode": "jwt", "jwts": [token, forged],
                        "documents": public_documents(badge_class.issuer)})
    assert results[0]["verified"], results
    assert results[0]["alg"] == algorithm and results[0]["credentialId"] == signed_award.credential["id"]
    assert results[0]["controller"] == badge_class.issuer.did
    assert not results[1]["verified"]


def test_revocation_is_seen_by_the_independent_verifier(signed_award, badge_class):
    credential = signed_award.credential
    before = run_node({"mode": "verify", "credentials": [credential],
                       "documents": public_documents(badge_class.issuer, [credential])})
    awarding.revoke(signed_award, "issued by mistake")
    after = run_node({"mode": "verify", "credentials": [credential],
                      "documents": public_documents(badge_class.issuer, [credential])})
    assert before[0]["verified"] is True
    assert after[0]["verified"] is False and "revoked" in after[0]["errors"], after
