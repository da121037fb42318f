/**
 * The customer import's bodies and answers (customer-badge-import.md) as
 * zod, for the document. Elements are checked one by one (elements.ts) and
 * each answers its own `{data, errors, warnings}`, so a bad element is not a
 * failed request: these schemas describe what is accepted and answered.
 */
import { z } from '../../openapi/zod.js';

/** The most elements one request may carry. */
export const MAX_ELEMENTS = 1000;

const dateValue = (description: string) =>
  z
    .union([z.int(), z.string()])
    .openapi({ description: `${description}: Unix seconds, Unix milliseconds or an ISO 8601 date-time with a zone` });

export const ImportElementSchema = z
  .object({
    badgeMetaId: z
      .string()
      .min(1)
      .max(64)
      .openapi({ description: 'The badge (3101; 1054 when not of this organisation)' }),
    customerId: z
      .union([z.int().min(1), z.string().regex(/^[0-9]+$/)])
      .openapi({ description: "The member's userId (3102; 816 when unknown)" }),
    earnEventDate: dateValue('When it was earned (3103, 3104, 3107)').optional(),
    earnEventDateISO: z
      .string()
      .optional()
      .openapi({ description: 'Alternative to earnEventDate; wins when both are given (3202 when they differ)' }),
    earnExpiresOn: dateValue('When it expires (3105, 3106, 3108)').optional(),
    earnExpiresOnISO: z.string().optional(),
  })
  .openapi('ImportElement');

export const ImportBodySchema = z
  .array(ImportElementSchema)
  .min(1)
  .max(MAX_ELEMENTS)
  .openapi({
    example: [
      {
        badgeMetaId: '7',
        customerId: 1,
        earnEventDateISO: '2026-01-05T10:00:00Z',
        earnExpiresOnISO: '2027-01-05T10:00:00Z',
      },
    ],
  });

const IssueSchema = z
  .object({ code: z.int(), message: z.string(), field: z.string().optional() })
  .openapi('ImportIssue');

export const ImportResultSchema = z
  .array(
    z.object({
      data: z.object({
        badgeMetaId: z.unknown(),
        customerId: z.unknown(),
        earnedBadgeId: z.string().nullable(),
        expiresOn: z.int().nullable().openapi({ description: 'Unix seconds' }),
        expiresOnISO: z.string().nullable(),
        requestId: z.string().openapi({ description: '`<batch>_<position>`' }),
      }),
      errors: z.array(IssueSchema).nullable().openapi({ description: 'Why this element was not imported' }),
      warnings: z.array(IssueSchema).nullable(),
    }),
  )
  .openapi('ImportResults', {
    example: [
      {
        data: {
          badgeMetaId: '7',
          customerId: 1,
          earnedBadgeId: '42',
          expiresOn: 1799143200,
          expiresOnISO: '2027-01-05T10:00:00Z',
          requestId: 'b7f3_0',
        },
        errors: null,
        warnings: null,
      },
    ],
  });

/** A whole request refused: one object with a single error. */
export const ImportErrorSchema = z
  .object({
    data: z.null(),
    errors: z.array(IssueSchema.omit({ field: true })).length(1),
    warnings: z.null(),
  })
  .openapi('ImportError', {
    example: {
      data: null,
      errors: [{ code: 3401, message: 'credentials are required: Basic, or an OAuth access token' }],
      warnings: null,
    },
  });

export const TokenBodySchema = z
  .object({ key: z.string(), secret: z.string() })
  .openapi({ example: { key: 'k-3f9a1c', secret: 's3cr3t' } });

export const TokenAnswerSchema = z
  .object({
    data: z.object({ accessToken: z.string(), ttlSeconds: z.int() }),
    errors: z.null(),
    warnings: z.null(),
  })
  .openapi('ImportToken', {
    example: {
      data: { accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJrLTNmOWExYyJ9.sig', ttlSeconds: 3600 },
      errors: null,
      warnings: null,
    },
  });

export const ImportHeaders = z.object({
  'idempotency-key': z.string().optional().openapi({
    description: 'A repeat with the same key answers the first results again (409 when reused for another body)',
  }),
});
