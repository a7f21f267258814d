"""The credentials of fd_badges: the formats and the cryptography, apart from the app around them.

- ``keys``: issuer keys (Ed25519, with an RSA twin for RS256), their encryption at rest, the DID
  document and the lookup of a verification method;
- ``multibase``: base58btc multibase and the Multikey form of a public key;
- ``linked_data``: JSON-LD contexts shipped with the package and our RDFC-1.0 canonicaliser;
- ``data_integrity``: ``eddsa-rdfc-2022`` Data Integrity proofs;
- ``vc_jwt``: the VC-JWT form of a credential (EdDSA, RS256);
- ``baking``: credentials baked into PNG and SVG images;
- ``status_list``: the Bitstring Status List that publishes revocations;
- ``document``: the Open Badges 3.0 credential of an award, before it is signed.

The app (awarding, notifying, views, admin) uses these modules; they never import the app's
views or tasks.
"""
