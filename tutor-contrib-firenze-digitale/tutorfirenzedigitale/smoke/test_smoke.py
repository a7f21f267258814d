"""Smoke tests of Firenze Digitale on a running platform (`tutor local do tests --suite smoke`).

They only read public pages over HTTP, so they run anywhere Tutor runs: LMS_HOST, ENABLE_HTTPS and
(for `tutor dev`) LMS_PORT come from Tutor.
"""
import json
import os
import urllib.error
import urllib.request


def lms_url(path):
    scheme = "https" if os.environ.get("ENABLE_HTTPS", "false") == "true" else "http"
    host = os.environ["LMS_HOST"]
    port = os.environ.get("LMS_PORT")
    return f"{scheme}://{host}{':' + port if port else ''}{path}"


def fetch(path, data=None, content_type=None):
    url = lms_url(path)  # always http(s): built from the scheme Tutor reports
    request = urllib.request.Request(url, data=data, method="POST" if data is not None else "GET")  # noqa: S310
    if content_type:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (the LMS of this site)
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def test_did_document_is_served_where_its_did_says():
    status, content_type, body = fetch("/.well-known/did.json")
    path_based = status == 404
    if path_based:  # did:web:<host>:fd:badges is resolved at /fd/badges/did.json
        status, content_type, body = fetch("/fd/badges/did.json")
    assert status == 200, body[:500]
    assert "json" in content_type
    document = json.loads(body)
    assert document["id"].startswith("did:web:")
    assert document["id"].endswith(":fd:badges") == path_based
    assert document["verificationMethod"], "the issuer has no published key: run `tutor local do init`"


def test_badge_verification_answers_bad_input_with_a_readable_400():
    status, content_type, body = fetch("/fd/badges/verify/", data=b"{not json", content_type="application/json")
    assert status == 400, body[:500]
    assert "json" in content_type
    assert json.loads(body)["message"]

