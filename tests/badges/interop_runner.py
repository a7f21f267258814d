"""Run the independent (digitalbazaar, Node.js) verifier of tests/badges/interop on our output."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

INTEROP = Path(__file__).parent / "interop"


def run_node(payload):
    node = shutil.which("node")
    if node is None or not (INTEROP / "node_modules" / "@digitalbazaar" / "vc").is_dir():
        pytest.fail("The independent verifier needs Node.js and `npm ci` in tests/badges/interop "
                    "(the Makefile's `requirements` target runs it).")
    completed = subprocess.run([node, str(INTEROP / "verify.mjs")], input=json.dumps(payload), capture_output=True,
                               text=True, timeout=300, cwd=INTEROP, check=False)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def public_documents(issuer, credentials=()):
    """What a verifier would download: the DID document and the status lists the credentials name."""
    from fd_badges.credentials import keys, status_list

    documents = {issuer.did: keys.did_document(issuer)}
    for credential in credentials:
        url = credential.get("credentialStatus", {}).get("statusListCredential")
        if url and url not in documents:
            list_number = int(url.rstrip("/").rsplit("/", 1)[1])
            documents[url] = status_list.status_list_credential(issuer, list_number)
    return documents
