/**
 * An award's signed Open Badges 3.0 credential, as a Data Integrity document
 * or as a VC-JWT. A credential is signed the first time it is asked for and
 * kept, so that signing costs once per award, never per request, and every
 * fetch answers the same document (open-badges-3.md §1, issue #11 item 7).
 */
import { randomBytes } from 'node:crypto';
import {
  DomainError,
  issuerJwkPath,
  ob3IssuerId,
  statusListPath,
  verificationMethodId,
  type CatalogClient,
} from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { generateRsaKeyMaterial, signJwt } from '../credentials/jwt.js';
import { generateKeyMaterial, signCredential } from '../credentials/signing.js';
import { credentialJwtClaims } from '../domain/credential-jwt.js';
import { messageOrigin } from '../domain/message-origin.js';
import { unsignedCredential } from '../domain/open-badge-credential.js';
import { statusEntry } from '../domain/status-list.js';
import type { EarnedBadgeRow, EarnedBadgeStore } from '../store/earned-badges.js';
import type { IssuerKeyStore } from '../store/issuer-keys.js';
import type { IssuerRsaKeyStore } from '../store/issuer-rsa-keys.js';
import type { SignedCredentialJwtStore, SignedCredentialStore } from '../store/signed-credentials.js';
import type { StatusListStore } from '../store/status-lists.js';

export interface SignedCredentialDeps {
  awards: EarnedBadgeStore;
  keys: IssuerKeyStore;
  credentials: SignedCredentialStore;
  rsaKeys: IssuerRsaKeyStore;
  jwts: SignedCredentialJwtStore;
  statusLists: StatusListStore;
  catalog: CatalogClient;
  publicBaseUrl: string | undefined;
}

export interface SignedCredentialInput {
  /** The award's uid. */
  uid: string;
  /** Origin of the request, for the credential's URLs when PUBLIC_BASE_URL is not configured (domain/message-origin.ts). */
  publicOrigin?: string;
}

async function badgeOf(deps: SignedCredentialDeps, row: EarnedBadgeRow): Promise<catalogV1.Badge__Output> {
  const notFound = () => DomainError.notFound('badgeInstance', 'slug', row.uid);
  try {
    const { badge } = await deps.catalog.call('GetBadge', { id: row.badge_id, siteId: row.site_id });
    if (!badge?.system) throw notFound();
    return badge;
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'ResourceNotFound') throw notFound();
    throw error;
  }
}

async function sign(deps: SignedCredentialDeps, row: EarnedBadgeRow, origin: string): Promise<string> {
  const badge = await badgeOf(deps, row);
  const key = await deps.keys.signingKey(row.site_id, generateKeyMaterial);
  const issuer = ob3IssuerId(origin, badge.system?.slug ?? '');
  // A salt of its own (not the OB 2.0 one): the two documents' hashes cannot be linked.
  const salt = randomBytes(16).toString('hex');
  const award = {
    uid: row.uid,
    email: row.email,
    userId: row.user_id,
    issuedOn: row.issued_on,
    expires: row.expires,
    evidenceUrl: row.evidence_url,
  };
  const slot = await deps.statusLists.allocate(row.site_id, row.id, (number) => ({
    url: `${origin}${statusListPath(row.site_id, number)}`,
    issuerId: issuer,
  }));
  const signed = await signCredential(
    unsignedCredential(award, badge, origin, salt, statusEntry(slot.url, slot.index)),
    key,
    verificationMethodId(issuer, key.publicKeyMultibase),
    issuer,
    new Date(),
  );
  return deps.credentials.keep(row.id, key.id, JSON.stringify(signed));
}

async function awardOf(deps: SignedCredentialDeps, uid: string): Promise<EarnedBadgeRow> {
  const row = await deps.awards.find(null, { uid });
  if (!row) throw DomainError.notFound('badgeInstance', 'slug', uid);
  return row;
}

async function credentialOf(
  deps: SignedCredentialDeps,
  row: EarnedBadgeRow,
  publicOrigin: string | undefined,
): Promise<string> {
  return (
    (await deps.credentials.find(row.id)) ?? (await sign(deps, row, messageOrigin(deps.publicBaseUrl, publicOrigin)))
  );
}

/**
 * The JWT is made from the kept DI credential, not signed from the award
 * afresh: the two formats carry the same salt, status entry and dates. Its
 * kid lives on the issuer's origin, as the credential's URLs do.
 */
async function signAsJwt(
  deps: SignedCredentialDeps,
  row: EarnedBadgeRow,
  publicOrigin: string | undefined,
): Promise<string> {
  const claims = credentialJwtClaims(
    JSON.parse(await credentialOf(deps, row, publicOrigin)) as Record<string, unknown>,
  );
  const key = await deps.rsaKeys.signingKey(row.site_id, generateRsaKeyMaterial);
  const kid = `${new URL(String(claims.iss)).origin}${issuerJwkPath(row.site_id, key.thumbprint)}`;
  return deps.jwts.keep(row.id, key.id, await signJwt(claims, key.privateKeyPkcs8, kid));
}

/** The award's Data Integrity credential (JSON text) and the site it belongs to. */
export async function signedCredential(
  deps: SignedCredentialDeps,
  input: SignedCredentialInput,
): Promise<{ credential: string; siteId: string }> {
  const row = await awardOf(deps, input.uid);
  return { credential: await credentialOf(deps, row, input.publicOrigin), siteId: row.site_id };
}

/** The award's VC-JWT and the site it belongs to. */
export async function signedCredentialJwt(
  deps: SignedCredentialDeps,
  input: SignedCredentialInput,
): Promise<{ jwt: string; siteId: string }> {
  const row = await awardOf(deps, input.uid);
  const jwt = (await deps.jwts.find(row.id)) ?? (await signAsJwt(deps, row, input.publicOrigin));
  return { jwt, siteId: row.site_id };
}
