/**
 * API consumers of a site (admin-api.md): created with a fresh key and
 * secret, the secret shown in the creation answer and never again.
 */
import type { Request, Response } from 'express';
import { DomainError, type FieldProblem, type SecretCipher } from '@laurel/service-kit';
import { PERMISSIONS, readPermissions, ungrantable, type Grantor, type Permission } from '../../domain/permissions.js';
import { digestSecret, generateConsumerKey, generateSecret } from '../../domain/secrets.js';
import type { ConsumerRecord, ConsumerStore } from '../../store/consumers.js';
import type { FieldRule } from '../../badgekit-format/validation.js';
import { bodyFields } from './body.js';
import { validateText } from './input.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { siteOf } from './site.js';
import { PermissionsSchema } from './schemas.js';
import { z } from '../../openapi/zod.js';

const NAME_RULES: FieldRule[] = [{ field: 'name', required: true, rules: [{ kind: 'length', min: 1, max: 255 }] }];
/** The documented body: the name's FieldRule and the array readPermissions accepts. */
const CONSUMER_BODY = z
  .object({ name: z.string().min(1).max(255), permissions: PermissionsSchema })
  .openapi({ example: { name: 'Issuer site', permissions: ['badge-import', 'badgekit'] } });

export interface ConsumerJson {
  key: string;
  name: string;
  permissions: string[];
  created: string;
}

export const presentConsumer = (c: ConsumerRecord): ConsumerJson => ({
  key: c.key,
  name: c.name,
  permissions: c.permissions,
  created: c.createdAt.toISOString(),
});

function permissionProblem(value: unknown): FieldProblem[] {
  if (value === undefined || value === null) return [{ field: 'permissions', value: '' }];
  return readPermissions(value)
    ? []
    : [{ message: `Expected a non-empty array of: ${PERMISSIONS.join(', ')}`, field: 'permissions', value }];
}

export function mountConsumers(
  routes: RouteTable,
  { consumers, cipher }: { consumers: ConsumerStore; cipher: SecretCipher },
): void {
  /** The key that signed the request, as a grantor; read now, so a permission removed since cannot be granted. */
  async function grantorOf(req: Request): Promise<Grantor> {
    const key = req.badgekitKey;
    if (key === 'master') return 'master';
    const consumer = key === undefined ? undefined : await consumers.findByKey(key);
    return { permissions: consumer?.permissions ?? [] };
  }

  /** 403 in the admin API's (BadgeKit's) format, naming what the key may not grant. */
  async function checkGrant(req: Request, wanted: readonly Permission[]): Promise<void> {
    const missing = ungrantable(await grantorOf(req), wanted);
    if (missing.length > 0) {
      throw new DomainError('NotAuthorized', `Cannot grant permissions this key does not hold: ${missing.join(', ')}`);
    }
  }

  routes.declare(
    '/admin/systems/:systemSlug/consumers',
    {
      async GET(req: Request, res: Response) {
        const list = await consumers.listBySite(siteOf(req).id);
        res.json({ consumers: list.map(presentConsumer) });
      },
      async POST(req: Request, res: Response) {
        const fields = bodyFields(req);
        const problems = [...validateText(fields, NAME_RULES), ...permissionProblem(fields.permissions)];
        const permissions = readPermissions(fields.permissions);
        if (problems.length > 0 || !permissions) throw DomainError.validation(problems);
        await checkGrant(req, permissions);
        const key = generateConsumerKey();
        const secret = generateSecret();
        const digests = await digestSecret(secret);
        const created = await consumers.create({
          siteId: siteOf(req).id,
          key,
          name: String(fields.name),
          permissions,
          secretHash: digests.hash,
          secretMd5Hash: digests.md5Hash,
          // Bound to the key, so the sealed copy opens only on this consumer's row.
          secretSealed: cipher.seal(secret, key),
        });
        const { name, permissions: granted, created: at } = presentConsumer(created);
        res.status(201).json({ status: 'created', consumer: { key, secret, name, permissions: granted, created: at } });
      },
    },
    {
      GET: {
        summary: 'List the API consumers of a site (never their secrets)',
        success: 200,
        returns: 'consumers',
        errors: [404],
      },
      POST: {
        summary:
          'Create an API consumer; its secret is in this answer only. A consumer key may grant only permissions it holds itself (403 otherwise)',
        body: CONSUMER_BODY,
        success: 201,
        returns: 'consumer',
        errors: [400, 403, 404],
      },
    },
  );

  routes.declare(
    '/admin/systems/:systemSlug/consumers/:key',
    {
      async DELETE(req: Request, res: Response) {
        const key = String(req.params.key);
        const deleted = await consumers.delete(siteOf(req).id, key);
        if (!deleted) throw DomainError.notFound('consumer', 'key', key);
        res.json({ status: 'deleted', consumer: presentConsumer(deleted) });
      },
    },
    {
      DELETE: {
        summary: 'Delete an API consumer; its key stops working at once',
        success: 200,
        returns: 'consumer',
        errors: [404],
      },
    },
  );
}
