/**
 * The admin API's answers (admin-api.md) as zod for the document; errors are
 * BadgeKit's. `permissions` is a JSON array of permission names — never a
 * string (readPermissions refuses one).
 */
import { PERMISSIONS } from '../../domain/permissions.js';
import { z } from '../../openapi/zod.js';
import { ROLES } from '../../domain/members.js';

export const PermissionsSchema = z
  .array(z.enum(PERMISSIONS))
  .min(1)
  .openapi({
    description:
      'A non-empty array of permission names; duplicates collapse. A consumer key may grant only permissions it holds itself.',
    example: ['badgekit', 'badge-import'],
  });

export const ConsumerSchema = z
  .object({
    key: z.string(),
    secret: z.string().optional().openapi({ description: 'Only in the answer that created the consumer' }),
    name: z.string(),
    permissions: z.array(z.enum(PERMISSIONS)),
    created: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('Consumer', {
    example: {
      key: 'k-3f9a1c',
      name: 'Issuer site',
      permissions: ['badgekit', 'badge-import'],
      created: '2026-01-05T10:00:00.000Z',
    },
  });

export const MemberSchema = z
  .object({
    userId: z.int(),
    username: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
  })
  .openapi('Member', { example: { userId: 1, username: 'fan', email: 'fan@example.org', role: 'MEMBER' } });

export const WebhookSchema = z
  .object({ url: z.string().openapi({ format: 'uri' }), created: z.string() })
  .openapi('Webhook');

export const DeliverySchema = z
  .object({
    id: z.string(),
    action: z.string(),
    status: z.string(),
    attempts: z.int(),
    lastAttemptAt: z.string().nullable(),
  })
  .loose()
  .openapi('WebhookDelivery');

export const ADMIN_RESOURCES = {
  consumer: ConsumerSchema,
  consumers: z.array(ConsumerSchema),
  member: MemberSchema,
  members: z.array(MemberSchema),
  webhook: WebhookSchema,
  deliveries: z.array(DeliverySchema),
};
