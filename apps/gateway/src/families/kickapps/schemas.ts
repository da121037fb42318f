/**
 * The parameters and answers of the KickApps calls (kickapps-requirements.md
 * §5) as zod, for the document. The calls check their parameters themselves,
 * in the order §5.5 / §5.7 give and with one error number each (params.ts);
 * these schemas say what is accepted. Parameters come in the query string or
 * the body (urlencoded, multipart or JSON), all as text.
 */
import type { ZodObject } from 'zod';
import { z } from '../../openapi/zod.js';
import { CALLBACK, ERRORS } from './envelope.js';

const digits = (description: string, example: string) =>
  z
    .string()
    .regex(/^[0-9]{1,18}$/)
    .openapi({ description, example });
const bool = (description: string) =>
  z.enum(['true', 'false']).openapi({ description: `${description} (case-insensitive)` });

const badgeId = digits('The badge (error 9 when unknown)', '12');
const actionId = digits('The action (error 10 when unknown)', '3');
const requirementId = digits('The requirement (error 19 when unknown)', '5');
const userId = digits('The member (error 114 when unknown)', '1');
const location = z
  .string()
  .min(1)
  .max(64)
  .openapi({ description: 'A location, stored as sent (errors 8 blank, 20 over 64 characters)', example: 'homepage' });
const quantity = z
  .string()
  .regex(/^[0-9]{1,10}$/)
  .openapi({ description: 'A positive integer up to 2147483647 (error 11); 1 when left out', example: '3' });
const paging = {
  pgNum: z
    .string()
    .regex(/^[0-9]{1,7}$/)
    .optional()
    .openapi({ description: 'Page number from 1 (error 118)', example: '1' }),
  pageSize: z
    .string()
    .regex(/^[0-9]{1,4}$/)
    .optional()
    .openapi({ description: 'Items per page, 1–1000, 10 when left out (error 118)', example: '10' }),
};
const badgeFields = {
  name: z
    .string()
    .min(1)
    .max(64)
    .openapi({ description: 'Errors 4 blank, 110 over 64 characters', example: 'Super Commenter' }),
  location,
  verbosename: z.string().min(1).max(256).openapi({ description: 'Error 111', example: 'Left 100 comments' }),
  url: z.string().max(2048).openapi({
    format: 'uri',
    description: 'The image: an absolute http(s) URL (error 112)',
    example: 'https://example.org/badges/commenter.png',
  }),
  link: z
    .string()
    .min(1)
    .max(2048)
    .openapi({ description: 'The criteria link (error 113)', example: 'https://example.org/badges/commenter' }),
};

/** Parameters every call reads: the JSONP callback and, on mutations, the idempotency key. */
export const COMMON_PARAMS = z.object({
  callback: z.string().max(128).regex(CALLBACK).optional().openapi({
    description: 'JSONP: the answer is `callback(json);` as application/javascript (error 104 for an invalid name)',
    example: 'handleBadges',
  }),
});
export const IDEMPOTENCY_PARAM = z.object({
  idempotencyKey: z.string().min(1).max(128).optional().openapi({
    description:
      'A repeat with the same key (also as the Idempotency-Key header) answers the first answer again (error 120 when not 1–128 characters)',
    example: 'add-badge-2026-01-05-1',
  }),
});

const BadgeItem = z
  .object({
    badgeId: z.string(),
    location: z.string(),
    name: z.string(),
    verbosename: z.string(),
    published: z.enum(['true', 'false']),
    url: z.string(),
    link: z.string(),
  })
  .openapi('KickAppsBadge', {
    example: {
      badgeId: '12',
      location: 'homepage',
      name: 'Super Commenter',
      verbosename: 'Left 100 comments',
      published: 'true',
      url: 'https://example.org/badges/commenter.png',
      link: 'https://example.org/badges/commenter',
    },
  });
const RequirementItem = z
  .object({
    requirementId: z.string(),
    badgeId: z.string(),
    actionId: z.string(),
    location: z.string(),
    published: z.enum(['true', 'false']),
    quantity: z.string(),
  })
  .openapi('KickAppsRequirement');

export interface CallDoc {
  /** The call's own parameters (beyond `callback`, `t`, `idempotencyKey` and the path). */
  input: ZodObject;
  /** The answer's payload next to `status`. */
  output: ZodObject;
}

const none = z.object({});

export const CALL_DOCS = {
  createToken: {
    input: z.object({
      developerKey: z.string().openapi({
        description: 'A consumer secret with the kickapps-developer permission (error 101)',
        example: 'd3v3l0p3r-s3cr3t',
      }),
      idType: z
        .enum(['email', 'username'])
        .optional()
        .openapi({ description: '`login` is an email or a username; guessed from an @ when left out' }),
      password: z
        .string()
        .optional()
        .openapi({ description: "When given, the member's password must match (error 102)" }),
    }),
    output: z
      .object({
        TOKEN: z.string(),
        userId: z.string(),
        username: z.string(),
        email: z.string(),
        role: z.string(),
        PRIVILEGES: z.literal('RW'),
        payload_type: z.literal('json'),
      })
      .openapi({
        example: {
          TOKEN: '6f1c0d7e9a2b4c3d',
          userId: '1',
          username: 'fan',
          email: 'fan@example.org',
          role: 'MEMBER',
          PRIVILEGES: 'RW',
          payload_type: 'json',
        },
      }),
  },
  addBadge: {
    input: z.object({
      ...badgeFields,
      published: bool('Published when true; false when left out (errors 7, 12)').optional(),
    }),
    output: z
      .object({ added: z.literal(true), badgeId: z.string() })
      .openapi({ example: { added: true, badgeId: '12' } }),
  },
  editBadge: {
    input: z.object({
      badgeId,
      ...z.object(badgeFields).partial().shape,
      published: bool('Turning it true re-evaluates members (errors 7, 12)').optional(),
    }),
    output: z.object({ edited: z.literal(true), badgeId: z.string() }),
  },
  getBadge: { input: z.object({ badgeId }), output: z.object({ badge: BadgeItem }) },
  deleteBadge: { input: z.object({ badgeId }), output: z.object({ deleted: z.literal(true), badgeId: z.string() }) },
  listBadges: {
    input: z.object({
      location: location.optional(),
      published: bool('Only published (true) or unpublished (false) badges').optional(),
    }),
    output: z.object({ badges: z.array(BadgeItem) }),
  },
  addRequirement: {
    input: z.object({
      badgeId,
      actionId,
      location,
      quantity: quantity.optional(),
      published: bool('false when left out').optional(),
    }),
    output: z.object({ added: z.literal(true), requirementId: z.string() }),
  },
  editRequirement: {
    input: z.object({
      requirementId,
      badgeId: badgeId.optional(),
      actionId: actionId.optional(),
      location: location.optional(),
      quantity: quantity.optional(),
      published: bool('Published').optional(),
    }),
    output: z.object({ updated: z.literal(true), requirementId: z.string() }),
  },
  deleteRequirement: {
    input: z.object({ requirementId }),
    output: z.object({ deleted: z.literal(true), requirementId: z.string() }),
  },
  listRequirements: {
    input: z.object({ badgeId }),
    output: z.object({ badgeId: z.string(), requirements: z.array(RequirementItem) }),
  },
  addAction: {
    input: z.object({
      name: z
        .string()
        .min(1)
        .max(32)
        .openapi({ description: 'Errors 4 blank, 110 over 32 characters, 3 in use', example: 'comment' }),
    }),
    output: z.object({ added: z.literal(true), actionId: z.string() }),
  },
  editAction: {
    input: z.object({ actionId, name: z.string().min(1).max(32).openapi({ example: 'comment' }) }),
    output: z.object({ edited: z.literal(true), actionId: z.string() }),
  },
  deleteAction: { input: z.object({ actionId }), output: z.object({ deleted: z.literal(true), actionId: z.string() }) },
  listActions: {
    input: none,
    output: z.object({ actions: z.array(z.object({ actionId: z.string(), name: z.string() })) }),
  },
  addUserAction: {
    input: z.object({
      user_id: userId,
      actionId,
      location,
      quantity: z
        .string()
        .regex(/^-?[0-9]{1,10}$/)
        .optional()
        .openapi({ description: 'A signed integer (error 115); 1 when left out', example: '1' }),
    }),
    output: z.object({ added: z.literal(true), userActionId: z.string() }),
  },
  userBadges: {
    input: z.object({ user_id: userId, location: location.optional(), ...paging }),
    output: z.object({ totSize: z.int(), userId: z.string(), badges: z.array(BadgeItem.omit({ published: true })) }),
  },
  userBadgeStatus: {
    input: z.object({ user_id: userId, location: location.optional(), ...paging }),
    output: z.object({
      totSize: z.int(),
      userId: z.string(),
      badges: z.array(
        BadgeItem.extend({
          earned: z.enum(['true', 'false']),
          earnedAt: z.int().nullable().openapi({ description: 'Unix seconds' }),
          requirements: z.array(
            z.object({
              requirementId: z.string(),
              actionId: z.string(),
              location: z.string(),
              quantity: z.string(),
              userQuantity: z.string(),
              met: z.enum(['true', 'false']),
            }),
          ),
        }).openapi({
          example: {
            badgeId: '12',
            location: 'homepage',
            name: 'Super Commenter',
            verbosename: 'Left 100 comments',
            published: 'true',
            url: 'https://example.org/badges/commenter.png',
            link: 'https://example.org/badges/commenter',
            earned: 'false',
            earnedAt: null,
            requirements: [
              {
                requirementId: '5',
                actionId: '3',
                location: 'homepage',
                quantity: '100',
                userQuantity: '42',
                met: 'false',
              },
            ],
          },
        }),
      ),
    }),
  },
  superFans: {
    input: z.object({ location, ...paging }),
    output: z.object({
      location: z.string(),
      totSize: z.string(),
      superFans: z.array(
        z.object({
          userId: z.string(),
          username: z.string(),
          pathToPhoto: z.null(),
          numBadges: z.int(),
          rank: z.int(),
          timeLastBadgeEarned: z.int().openapi({ description: 'Unix seconds' }),
        }),
      ),
    }),
  },
  fanRanking: {
    input: z.object({
      locations: z
        .string()
        .openapi({ description: 'Comma-separated locations (error 119)', example: 'homepage,forum' }),
      user_id: userId.optional().openapi({ description: "Another member's ranking; the token's member when left out" }),
    }),
    output: z.object({
      userId: z.string(),
      rankings: z.array(z.object({ location: z.string(), rank: z.int(), numBadges: z.int() })),
    }),
  },
  setFanCriteria: {
    input: z.object({ location, quantity: quantity.optional() }),
    output: z.object({ location: z.string(), quantity: z.string() }),
  },
} satisfies Record<string, CallDoc>;

const errorIds = Object.keys(ERRORS) as [string, ...string[]];

/** A call's failure: HTTP 200 for every handled request (§2), 404 for an unknown call, 503 when a service is down. */
export const KickAppsErrorSchema = z
  .object({
    status: z
      .union([z.literal(-1), z.literal('-1')])
      .openapi({ description: 'A string on Create Token, a number elsewhere' }),
    errorId: z.enum(errorIds).openapi({
      description: Object.entries(ERRORS)
        .map(([id, text]) => `${id}: ${text}`)
        .join('; '),
    }),
    error: z.string(),
  })
  .openapi('KickAppsError', { example: { status: -1, errorId: '9', error: 'Invalid badgeId' } });

/** The success envelope around a call's payload. */
export function successSchema(output: ZodObject, stringStatus: boolean): ZodObject {
  return stringStatus
    ? z.object({ status: z.literal('1'), error: z.literal('') }).extend(output.shape)
    : z.object({ status: z.literal(1) }).extend(output.shape);
}
