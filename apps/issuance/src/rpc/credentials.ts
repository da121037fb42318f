/**
 * Open Badges 3.0 over gRPC: an award's signed credential and the site's
 * public keys. A credential is signed the first time it is asked for and
 * kept, so that signing costs once per award, never per request, and every
 * fetch answers the same document (open-badges-3.md §1, issue #11 item 7).
 */
import { randomBytes } from 'node:crypto';
import { DomainError, issuerJwkPath, ob3IssuerId, statusListPath, verificationMethodId, type CatalogClient, type UnaryHandlers } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { unsignedCredential } from '../domain/open-badge-credential.js';
import { statusEntry } from '../domain/status-list.js';
import { credentialJwtClaims } from '../domain/credential-jwt.js';
import { signStatusList } from '../credentials/status-list-signing.js';
import { generateKeyMaterial, signCredential } from '../credentials/signing.js';
import { generateRsaKeyMaterial, signJwt } from '../credentials/jwt.js';
import type { EarnedBadgeRow, EarnedBadgeStore } from '../store/earned-badges.js';
import type { IssuerKeyStore, PublicKey } from '../store/issuer-keys.js';
import type { IssuerRsaKeyStore } from '../store/issuer-rsa-keys.js';
import type { SignedCredentialJwtStore, SignedCredentialStore } from '../store/signed-credentials.js';
import type { StatusListStore } from '../store/status-lists.js';
import { messageOrigin } from '../webhooks/origin.js';

export interface CredentialDeps {
  awards: EarnedBadgeStore;
  keys: IssuerKeyStore;
  credentials: SignedCredentialStore;
  rsaKeys: IssuerRsaKeyStore;
  jwts: SignedCredentialJwtStore;
  statusLists: StatusListStore;
  catalog: CatalogClient;
  publicBaseUrl: string | undefined;
}

type Handlers = Pick<UnaryHandlers<issuanceV1.IssuanceDefinition>, 'GetCredential' | 'ListIssuerKeys' | 'GetStatusList' | 'RotateIssuerKey' | 'GetCredentialJwt' | 'ListIssuerJwks'>;

const DEFAULT_ROTATION_GRACE_SECONDS = 300;
const MAX_ROTATION_GRACE_SECONDS = 30 * 24 * 3600;

const keyMessage = (k: PublicKey): issuanceV1.IssuerKey => ({
  publicKeyMultibase: k.publicKeyMultibase, createdAt: k.createdAt.toISOString(), signsFrom: k.signsFrom.toISOString(), ...(k.retiredAt && { retiredAt: k.retiredAt.toISOString() }),
});

export function credentialHandlers(deps: CredentialDeps): Handlers {
  const badgeOf = async (row: EarnedBadgeRow): Promise<catalogV1.Badge__Output> => {
    const notFound = () => DomainError.notFound('badgeInstance', 'slug', row.uid);
    try {
      const { badge } = await deps.catalog.call('GetBadge', { id: row.badge_id, siteId: row.site_id });
      if (!badge?.system) throw notFound();
      return badge;
    } catch (error) {
      if (error instanceof DomainError && error.reason === 'ResourceNotFound') throw notFound();
      throw error;
    }
  };

  async function sign(row: EarnedBadgeRow, origin: string): Promise<string> {
    const badge = await badgeOf(row);
    const key = await deps.keys.signingKey(row.site_id, generateKeyMaterial);
    const issuer = ob3IssuerId(origin, badge.system?.slug ?? '');
    // A salt of its own (not the OB 2.0 one): the two documents' hashes cannot be linked.
    const salt = randomBytes(16).toString('hex');
    const award = { uid: row.uid, email: row.email, userId: row.user_id, issuedOn: row.issued_on, expires: row.expires, evidenceUrl: row.evidence_url };
    const slot = await deps.statusLists.allocate(row.site_id, row.id, (number) => ({ url: `${origin}${statusListPath(row.site_id, number)}`, issuerId: issuer }));
    const signed = await signCredential(unsignedCredential(award, badge, origin, salt, statusEntry(slot.url, slot.index)), key, verificationMethodId(issuer, key.publicKeyMultibase), issuer, new Date());
    return deps.credentials.keep(row.id, key.id, JSON.stringify(signed));
  }

  async function awardOf(uid: string): Promise<EarnedBadgeRow> {
    const row = await deps.awards.find(null, { uid });
    if (!row) throw DomainError.notFound('badgeInstance', 'slug', uid);
    return row;
  }

  async function credentialOf(row: EarnedBadgeRow, publicOrigin: string | undefined): Promise<string> {
    return (await deps.credentials.find(row.id)) ?? (await sign(row, messageOrigin(deps.publicBaseUrl, publicOrigin)));
  }

  /**
   * The JWT is made from the kept DI credential, not signed from the award
   * afresh: the two formats carry the same salt, status entry and dates. Its
   * kid lives on the issuer's origin, as the credential's URLs do.
   */
  async function signAsJwt(row: EarnedBadgeRow, publicOrigin: string | undefined): Promise<string> {
    const claims = credentialJwtClaims(JSON.parse(await credentialOf(row, publicOrigin)) as Record<string, unknown>);
    const key = await deps.rsaKeys.signingKey(row.site_id, generateRsaKeyMaterial);
    const kid = `${new URL(String(claims.iss)).origin}${issuerJwkPath(row.site_id, key.thumbprint)}`;
    return deps.jwts.keep(row.id, key.id, await signJwt(claims, key.privateKeyPkcs8, kid));
  }

  return {
    async GetCredential(request) {
      const row = await awardOf(request.uid);
      return { credential: await credentialOf(row, request.publicOrigin), siteId: row.site_id };
    },

    async GetCredentialJwt(request) {
      const row = await awardOf(request.uid);
      const jwt = (await deps.jwts.find(row.id)) ?? (await signAsJwt(row, request.publicOrigin));
      return { jwt, siteId: row.site_id };
    },

    async ListIssuerJwks(request) {
      const keys = await deps.rsaKeys.publicKeys(request.siteId);
      return { keys: keys.map((k) => ({ thumbprint: k.thumbprint, jwk: k.publicJwk, createdAt: k.createdAt.toISOString() })) };
    },

    /** The list as its bits say now: signed again only when a bit changed since it was last signed. */
    async GetStatusList(request) {
      const list = Number.isSafeInteger(request.number) ? await deps.statusLists.find(request.siteId, request.number) : undefined;
      if (!list) throw DomainError.notFound('statusList', 'number', String(request.number));
      if (list.signed_credential !== null && list.signed_version === list.version) return { credential: list.signed_credential };
      // Usually the publisher (credentials/status-list-publisher.ts) has signed it already; a fetch in between signs the same way.
      return { credential: await deps.statusLists.keepSigned(list.id, list.version, await signStatusList(list, deps.keys)) };
    },

    async ListIssuerKeys(request) {
      return { keys: (await deps.keys.publicKeys(request.siteId)).map(keyMessage) };
    },

    async RotateIssuerKey(request) {
      const grace = request.graceSeconds ?? DEFAULT_ROTATION_GRACE_SECONDS;
      if (!Number.isInteger(grace) || grace < 0 || grace > MAX_ROTATION_GRACE_SECONDS) {
        throw DomainError.validation([{ field: 'graceSeconds', value: String(grace), message: `between 0 and ${MAX_ROTATION_GRACE_SECONDS}` }]);
      }
      if (!request.siteId || request.siteId === '0') throw DomainError.validation([{ field: 'siteId', value: request.siteId }]);
      return { key: keyMessage(await deps.keys.rotate(request.siteId, grace, generateKeyMaterial)) };
    },
  };
}
