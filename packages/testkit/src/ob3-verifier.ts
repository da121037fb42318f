/**
 * An independent Open Badges 3.0 verifier for tests (issue #11 item 8): the
 * digitalbazaar verifier for the eddsa-rdfc-2022 proof and ajv with the
 * 1EdTech JSON Schema for the shape. It shares no code with issuance's
 * signing: its own copies of the 1EdTech files (ob3/, unchanged from
 * /work/shared/ob3, see SOURCES.md there), its own document loader. Contexts
 * are only ever read from memory; keys and controller documents come from
 * `fetchDocument` (the running gateway in end-to-end tests).
 *
 * Dates and status are not judged here: vc.verifyCredential folds
 * validFrom/validUntil into the proof check (open-badges-3.md §7 pitfall 2),
 * so `now` is pinned to validFrom.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { verifyCredential } from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as securityContexts } from '@digitalbazaar/security-context';
import { Ajv2019 } from 'ajv/dist/2019.js';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const file = (name: string): unknown => JSON.parse(readFileSync(new URL(`../ob3/${name}`, import.meta.url), 'utf8'));

export const MULTIKEY_CONTEXT_URL = 'https://w3id.org/security/multikey/v1';

const CONTEXTS = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...securityContexts,
  ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', file('context-3.0.3.json')],
  ['https://purl.imsglobal.org/spec/ob/v3p0/extensions.json', file('extensions.json')],
]);

/** The official eddsa-rdfc-2022 test vector from the 1EdTech implementation guide, with the public key the same page gives. */
export const OB3_TEST_VECTOR = {
  credential: file('testvector-eddsa-rdfc-2022-signed.json') as Record<string, unknown>,
  publicKeyMultibase: 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
};

/** Fetches a key or controller document (a URL without fragment); undefined when there is none. */
export type FetchDocument = (url: string) => Promise<Record<string, unknown> | undefined>;

interface Loaded {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}

/**
 * Contexts from memory; any other URL through `fetchDocument`. A key id
 * (`<controller>#<key>`) resolves to the Multikey that its controller
 * document lists under verificationMethod, as a standalone key document.
 */
/** Key, controller and status documents fetched over HTTP, as a verifier on the internet would get them. */
export const fetchOverHttp: FetchDocument = async (url) => {
  const res = await fetch(url, { headers: { accept: 'application/ld+json' } });
  return res.ok ? ((await res.json()) as Record<string, unknown>) : undefined;
};

/** A GET's status, media type and body text (credentials, JWTs and lists are compared as the exact text served). */
export async function fetchText(url: string, accept?: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url, accept ? { headers: { accept } } : {});
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

export function verifierDocumentLoader(fetchDocument: FetchDocument): (url: string) => Promise<Loaded> {
  return async (url) => {
    const context = CONTEXTS.get(url);
    if (context !== undefined) return { contextUrl: null, documentUrl: url, document: context };
    const hash = url.indexOf('#');
    const documentUrl = hash === -1 ? url : url.slice(0, hash);
    const document = await fetchDocument(documentUrl);
    if (!document) throw new Error(`could not load ${url}`);
    if (hash === -1) return { contextUrl: null, documentUrl: url, document };
    const methods = Array.isArray(document.verificationMethod)
      ? (document.verificationMethod as Array<Record<string, unknown>>)
      : [];
    const method = methods.find((m) => m.id === url);
    if (!method) throw new Error(`${documentUrl} lists no verification method ${url}`);
    return { contextUrl: null, documentUrl: url, document: { '@context': MULTIKEY_CONTEXT_URL, ...method } };
  };
}

/**
 * A fetcher for a credential whose key is known out of band (the test
 * vector's): the controller document lists just that key.
 */
export function knownKey(controller: string, publicKeyMultibase: string): FetchDocument {
  const id = `${controller}#${publicKeyMultibase}`;
  return async (url) =>
    url === controller
      ? {
          '@context': [
            'https://www.w3.org/ns/credentials/v2',
            MULTIKEY_CONTEXT_URL,
            {
              verificationMethod: {
                '@id': 'https://w3id.org/security#verificationMethod',
                '@type': '@id',
                '@container': '@set',
              },
              assertionMethod: {
                '@id': 'https://w3id.org/security#assertionMethod',
                '@type': '@id',
                '@container': '@set',
              },
            },
          ],
          id: controller,
          verificationMethod: [{ id, type: 'Multikey', controller, publicKeyMultibase }],
          assertionMethod: [id],
        }
      : undefined;
}

export interface ProofCheck {
  verified: boolean;
  error?: string;
}

const describeError = (error: unknown): string => {
  if (error instanceof Error) {
    const nested = (error as Error & { errors?: unknown[] }).errors;
    return Array.isArray(nested) && nested.length > 0
      ? `${error.message}: ${nested.map(describeError).join('; ')}`
      : error.message;
  }
  return String(error);
};

/** Whether the credential's Data Integrity proof verifies (dates and status aside). */
export async function verifyCredentialProof(
  credential: Record<string, unknown>,
  fetchDocument: FetchDocument,
): Promise<ProofCheck> {
  const validFrom = typeof credential.validFrom === 'string' ? new Date(credential.validFrom) : new Date();
  const result = await verifyCredential({
    credential: structuredClone(credential),
    suite: new DataIntegrityProof({ cryptosuite }),
    documentLoader: verifierDocumentLoader(fetchDocument),
    now: validFrom,
    // Status is judged by revocationStatus; without this the library throws when credentialStatus is present.
    checkStatus: async () => ({ verified: true }),
  });
  if (result.verified) return { verified: true };
  const errors = [result.error, ...(result.results ?? []).map((r) => r.error)].filter((e) => e !== undefined);
  return { verified: false, error: errors.map(describeError).join(' | ') };
}

const validators = new Map<string, ReturnType<Ajv2019['compile']>>();

function schemaErrors(schemaFile: string, document: unknown): ErrorObject[] {
  let validate = validators.get(schemaFile);
  if (!validate) {
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats.default(ajv);
    validate = ajv.compile(file(schemaFile) as Record<string, unknown>);
    validators.set(schemaFile, validate);
  }
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

/** The 1EdTech AchievementCredential JSON Schema (draft 2019-09) errors of a credential; empty when it conforms. */
export const achievementCredentialSchemaErrors = (credential: unknown): ErrorObject[] =>
  schemaErrors('ob_v3p0_achievementcredential_schema.json', credential);

/** The 1EdTech Profile JSON Schema errors of an issuer Profile; empty when it conforms. */
export const profileSchemaErrors = (profile: unknown): ErrorObject[] =>
  schemaErrors('ob_v3p0_profile_schema.json', profile);

export interface RevocationStatus {
  revoked: boolean;
  /** Whether the status list's own proof verified. */
  listVerified: boolean;
  entries: number;
}

/**
 * Reads a credential's BitstringStatusListEntry from its list: the list is
 * fetched, its proof verified, its bits decoded (`u` + base64url(gzip)) and
 * the entry's bit read, most significant bit first.
 */
export async function revocationStatus(
  credential: Record<string, unknown>,
  fetchDocument: FetchDocument,
): Promise<RevocationStatus> {
  const status = credential.credentialStatus as Record<string, unknown> | undefined;
  if (!status || status.type !== 'BitstringStatusListEntry' || status.statusPurpose !== 'revocation')
    throw new Error('no revocation BitstringStatusListEntry');
  const listUrl = String(status.statusListCredential);
  const index = Number(status.statusListIndex);
  if (typeof status.statusListIndex !== 'string' || !Number.isInteger(index))
    throw new Error('statusListIndex must be an integer string');
  const list = await fetchDocument(listUrl);
  if (!list) throw new Error(`could not load ${listUrl}`);
  const subject = list.credentialSubject as Record<string, unknown>;
  if (list.id !== listUrl || subject.type !== 'BitstringStatusList' || subject.statusPurpose !== 'revocation')
    throw new Error('not a revocation BitstringStatusListCredential');
  const listIssuer =
    typeof list.issuer === 'string' ? list.issuer : (list.issuer as Record<string, unknown> | undefined)?.id;
  if (listIssuer !== (credential.issuer as Record<string, unknown>).id)
    throw new Error('the status list has another issuer');
  const encoded = String(subject.encodedList);
  if (!encoded.startsWith('u')) throw new Error('encodedList is not multibase base64url');
  const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
  const proof = await verifyCredentialProof(list, fetchDocument);
  return {
    revoked: ((bits[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0,
    listVerified: proof.verified,
    entries: bits.length * 8,
  };
}
