/**
 * A site's Open Badges 3.0 signing keys (issue #11 item 2), kept by
 * issuance: the Ed25519 keys its issuer Profile lists (with the state of
 * each) and the RSA keys of its VC-JWTs, and rotation of the Ed25519 key.
 * A rotated-in key is published at once and signs only after the grace
 * period; retired keys stay listed, so what they signed keeps verifying.
 * The site is looked up first (resolveSite): issuance knows no sites.
 */
import type { Request, Response } from 'express';
import { DomainError, issuerJwkPath, ob3IssuerId, verificationMethodId } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import type { ServiceClients } from '../../clients.js';
import { callOptions } from '../../http/request-context.js';
import { z } from '../../openapi/zod.js';
import { presentContext } from '../../badgekit-format/present-context.js';
import { bodyFields } from './body.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { siteOf } from './site.js';

const INT32_MAX = 2 ** 31 - 1;

const KeySchema = z.object({
  publicKeyMultibase: z.string().openapi({ example: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }),
  verificationMethod: z.string().openapi({ description: 'The key id credentials name in their proof' }),
  state: z
    .enum(['waiting', 'signing', 'retired'])
    .openapi({ description: 'waiting: published, signs from signsFrom on; retired: signs no more, still verifies' }),
  createdAt: z.string(),
  signsFrom: z.string(),
  retiredAt: z.string().nullable(),
});
const JwkSchema = z.object({
  kid: z.string().openapi({ description: 'The URL answering the public JWK, the kid of VC-JWTs' }),
  thumbprint: z.string(),
  createdAt: z.string(),
});
const ROTATE_BODY = z
  .object({
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: 'Seconds the new key is published before it signs (default 300, at most 30 days)' }),
  })
  .openapi({ example: { graceSeconds: 3600 } });

type KeyJson = z.infer<typeof KeySchema>;

function presentKey(key: issuanceV1.IssuerKey__Output, issuerId: string, now: number): KeyJson {
  const state = key.retiredAt ? 'retired' : Date.parse(key.signsFrom) > now ? 'waiting' : 'signing';
  return {
    publicKeyMultibase: key.publicKeyMultibase,
    verificationMethod: verificationMethodId(issuerId, key.publicKeyMultibase),
    state,
    createdAt: key.createdAt,
    signsFrom: key.signsFrom,
    retiredAt: key.retiredAt ?? null,
  };
}

/** Absent, or a whole number issuance can take (int32); the allowed range is issuance's to judge. */
function graceOf(value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > INT32_MAX) {
    throw DomainError.validation([
      { field: 'graceSeconds', value: JSON.stringify(value), message: 'a whole number of seconds, 0 or more' },
    ]);
  }
  return value;
}

export function mountIssuerKeys(
  routes: RouteTable,
  { clients, publicBaseUrl }: { clients: ServiceClients; publicBaseUrl: string | undefined },
): void {
  const issuerIdOf = (req: Request) => ob3IssuerId(presentContext(req, publicBaseUrl).origin, siteOf(req).slug);

  routes.declare(
    '/admin/systems/:systemSlug/issuer-keys',
    {
      async GET(req: Request, res: Response) {
        const siteId = siteOf(req).id;
        const [{ keys }, { keys: jwks }] = await Promise.all([
          clients.issuance.call('ListIssuerKeys', { siteId }, callOptions(req)),
          clients.issuance.call('ListIssuerJwks', { siteId }, callOptions(req)),
        ]);
        const issuerId = issuerIdOf(req);
        const now = Date.now();
        const origin = new URL(issuerId).origin;
        res.json({
          issuerId,
          keys: keys.map((k) => presentKey(k, issuerId, now)),
          jwtKeys: jwks.map((k) => ({
            kid: `${origin}${issuerJwkPath(siteId, k.thumbprint)}`,
            thumbprint: k.thumbprint,
            createdAt: k.createdAt,
          })),
        });
      },
    },
    {
      GET: {
        summary:
          'The site’s Open Badges 3.0 keys: Ed25519 keys (waiting, signing, retired) and the RSA keys of its VC-JWTs',
        success: 200,
        response: z.object({ issuerId: z.string(), keys: z.array(KeySchema), jwtKeys: z.array(JwkSchema) }),
        errors: [404],
      },
    },
  );

  routes.declare(
    '/admin/systems/:systemSlug/issuer-keys/rotate',
    {
      async POST(req: Request, res: Response) {
        const graceSeconds = graceOf(bodyFields(req).graceSeconds);
        const { key } = await clients.issuance.call(
          'RotateIssuerKey',
          { siteId: siteOf(req).id, ...(graceSeconds !== undefined && { graceSeconds }) },
          callOptions(req),
        );
        if (!key) throw new Error('issuance answered a rotation without a key');
        res.status(201).json({ status: 'created', key: presentKey(key, issuerIdOf(req), Date.now()) });
      },
    },
    {
      POST: {
        summary:
          'Rotate the site’s Ed25519 issuer key: the new key is published now and signs after graceSeconds; the old one stays listed. 409 while a new key waits',
        body: ROTATE_BODY,
        success: 201,
        response: z.object({ status: z.literal('created'), key: KeySchema }),
        errors: [400, 404, 409],
      },
    },
  );
}
