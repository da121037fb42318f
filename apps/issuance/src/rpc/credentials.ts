/**
 * Open Badges 3.0 over gRPC: an award's signed credential
 * (use-cases/signed-credential.ts), the site's status lists
 * (use-cases/status-list.ts) and the site's public keys.
 */
import { DomainError, type UnaryHandlers } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import { generateKeyMaterial } from '../credentials/signing.js';
import type { PublicKey } from '../store/issuer-keys.js';
import { signedCredential, signedCredentialJwt, type SignedCredentialDeps } from '../use-cases/signed-credential.js';
import { signedStatusList } from '../use-cases/status-list.js';

export type CredentialDeps = SignedCredentialDeps;

type Handlers = Pick<
  UnaryHandlers<issuanceV1.IssuanceDefinition>,
  'GetCredential' | 'ListIssuerKeys' | 'GetStatusList' | 'RotateIssuerKey' | 'GetCredentialJwt' | 'ListIssuerJwks'
>;

const DEFAULT_ROTATION_GRACE_SECONDS = 300;
const MAX_ROTATION_GRACE_SECONDS = 30 * 24 * 3600;

const keyMessage = (k: PublicKey): issuanceV1.IssuerKey => ({
  publicKeyMultibase: k.publicKeyMultibase,
  createdAt: k.createdAt.toISOString(),
  signsFrom: k.signsFrom.toISOString(),
  ...(k.retiredAt && { retiredAt: k.retiredAt.toISOString() }),
});

export function credentialHandlers(deps: CredentialDeps): Handlers {
  return {
    GetCredential: (request) => signedCredential(deps, request),

    GetCredentialJwt: (request) => signedCredentialJwt(deps, request),

    async ListIssuerJwks(request) {
      const keys = await deps.rsaKeys.publicKeys(request.siteId);
      return {
        keys: keys.map((k) => ({ thumbprint: k.thumbprint, jwk: k.publicJwk, createdAt: k.createdAt.toISOString() })),
      };
    },

    async GetStatusList(request) {
      return { credential: await signedStatusList(deps, request) };
    },

    async ListIssuerKeys(request) {
      return { keys: (await deps.keys.publicKeys(request.siteId)).map(keyMessage) };
    },

    async RotateIssuerKey(request) {
      const grace = request.graceSeconds ?? DEFAULT_ROTATION_GRACE_SECONDS;
      if (!Number.isInteger(grace) || grace < 0 || grace > MAX_ROTATION_GRACE_SECONDS) {
        throw DomainError.validation([
          { field: 'graceSeconds', value: String(grace), message: `between 0 and ${MAX_ROTATION_GRACE_SECONDS}` },
        ]);
      }
      if (!request.siteId || request.siteId === '0')
        throw DomainError.validation([{ field: 'siteId', value: request.siteId }]);
      return { key: keyMessage(await deps.keys.rotate(request.siteId, grace, generateKeyMaterial)) };
    },
  };
}
