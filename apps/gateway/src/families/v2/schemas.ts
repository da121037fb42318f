/**
 * The v2 API's bodies and answers (v2-badge-api.md) as zod, for the
 * document. Every answer carries the envelope (requestID, requestDateTime,
 * resultCode, resultMessage); a handled failure is HTTP 200 with a non-zero
 * resultCode (§4.1). The handlers check bodies themselves because each
 * missing field has its own resultCode.
 */
import type { ZodObject } from 'zod';
import { z } from '../../openapi/zod.js';
import { RESULT } from './envelope.js';

const envelope = {
  requestID: z.int().openapi({ description: "This process's v2 requests, counted from 1" }),
  requestDateTime: z.string().openapi({ format: 'date-time', description: 'When the request arrived' }),
};

const codes = Object.entries(RESULT)
  .map(([name, code]) => `${code} ${name}`)
  .join('; ');

export const V2ErrorSchema = z
  .object({
    ...envelope,
    resultCode: z.int().openapi({ description: `Non-zero: ${codes}` }),
    resultMessage: z.string(),
  })
  .openapi('V2Error', {
    example: {
      requestID: 7,
      requestDateTime: '2026-01-05T10:00:00.000Z',
      resultCode: -101,
      resultMessage: 'login token not found',
    },
  });

/** An Ok answer with the route's payload. */
export const ok = (payload: ZodObject = z.object({})): ZodObject =>
  z.object({ ...envelope, resultCode: z.literal(0), resultMessage: z.literal('Ok') }).extend(payload.shape);

const UserSchema = z
  .object({
    tenant: z.string(),
    userID: z.string(),
    userName: z.string(),
    eMail: z.string(),
    admin: z.boolean(),
  })
  .openapi('V2User', {
    example: { tenant: 'tenant-a', userID: '1', userName: 'fan', eMail: 'fan@example.org', admin: false },
  });

const EarnedBadgeSchema = z
  .object({
    badgeID: z.string(),
    date: z.string().openapi({ format: 'date-time' }),
    name: z.string().nullable(),
    description: z.string().nullable(),
    imageURL: z.string().nullable(),
    tags: z.array(z.string()),
    issuerName: z.string().nullable(),
    issuerDescription: z.string().nullable(),
    issuerEmail: z.string().nullable(),
    issuerURL: z.string().nullable(),
  })
  .openapi('V2Badge');

export const LoginBody = z
  .object({
    tenant: z.string().openapi({ description: "The site's slug (-21 missing, -1 unknown)" }),
    userName: z.string().optional().openapi({ description: 'userName or eMail (-31 when both are missing)' }),
    eMail: z.string().optional(),
    password: z.string().openapi({ description: '-23 missing, -13 wrong, -38 after too many failures' }),
  })
  .openapi({ example: { tenant: 'tenant-a', userName: 'fan', password: 'correct horse battery' } });

export const LoginAnswer = ok(z.object({ user: UserSchema, token: z.string() }));
export const UserAnswer = ok(z.object({ user: UserSchema }));
export const OutcomeAnswer = ok(
  z.object({ refId: z.uuid().openapi({ description: 'The outcome, for BadgeAssignment' }) }),
);
export const BadgesAnswer = ok(z.object({ badges: z.array(EarnedBadgeSchema) }));
export const BadgeAnswer = ok(z.object({ badge: EarnedBadgeSchema }));

export const AssignmentBody = z
  .object({
    refId: z.string().openapi({ description: 'The refId an Outcome answered (-2002 missing, -2003 unknown)' }),
    outcome: z.string().openapi({ description: 'Its outcome code (-2008 missing)' }),
    badgeUrl: z.string().openapi({
      format: 'uri',
      description: 'The badge class URL of a published badge of the site (-2005, -2007, -2009)',
    }),
  })
  .openapi({
    example: {
      refId: '0f8e7a7c-3c55-4d43-9a6f-3f2b7f0f4a11',
      outcome: 'quiz-passed',
      badgeUrl: 'http://localhost:8080/public/systems/tenant-a/badges/quiz-master',
    },
  });

/** An Outcome's Idempotency-Key: 1–128 visible ASCII characters. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;

export const IdempotencyHeader = z.object({
  'idempotency-key': z.string().regex(IDEMPOTENCY_KEY).optional().openapi({
    description:
      'The same key for the same member and outcome is the same event, counted once (-3001 when not 1–128 visible ASCII characters)',
    example: 'quiz-42-attempt-1',
  }),
});
