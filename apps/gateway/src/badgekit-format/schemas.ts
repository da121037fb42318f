/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit, admin and public families and openapi/.
 *
 * The JSON BadgeKit answers with (badgekit-api.md §2.5, §2.9, §4–§12), as zod
 * for the document: the presenters (the badgekit family's present*.ts,
 * @laurel/badgekit-json) build these shapes; a resource is answered under the key
 * a route `returns`, optionally with `status` and `pageData`. Example values
 * are the ones the e2e tests use.
 */
import { z } from '../openapi/zod.js';

export const BadgeKitErrorSchema = z
  .object({
    code: z.string().openapi({ example: 'ValidationError' }),
    message: z.string().openapi({ example: 'Could not validate required fields' }),
    details: z
      .union([
        z.array(z.object({ field: z.string(), value: z.unknown(), message: z.string().optional() })),
        z.record(z.string(), z.unknown()),
      ])
      .optional()
      .openapi({
        description: 'Failing fields (`[{field, value, message?}]`), or the conflicting values of a ResourceConflict',
      }),
  })
  .openapi('BadgeKitError', {
    example: {
      code: 'ValidationError',
      message: 'Could not validate required fields',
      details: [
        { field: 'name', value: '' },
        { message: 'Invalid URL', field: 'url', value: 'not a url' },
      ],
    },
  });

// A nullable $ref is spelled as a union: zod-to-openapi would write allOf [ref, {type: [object, null]}], which forbids null.
const nullableString = z.string().nullable();

export const OrganizationSchema = z
  .object({
    id: z.int(),
    slug: z.string(),
    url: z.string(),
    name: z.string(),
    description: nullableString,
    email: nullableString,
    imageUrl: nullableString.openapi({ description: 'Absolute; null in shallow (nested) forms' }),
  })
  .openapi('Organization', {
    example: {
      id: 1,
      slug: 'chicago',
      url: 'http://example.org',
      name: 'Chicago',
      description: 'City of learning',
      email: 'admin@example.org',
      imageUrl: null,
    },
  });

export const IssuerSchema = OrganizationSchema.extend({ programs: z.array(OrganizationSchema) }).openapi('Issuer', {
  example: {
    id: 2,
    slug: 'chicago-library',
    url: 'http://library.example.org',
    name: 'Chicago Public Library',
    description: null,
    email: null,
    imageUrl: null,
    programs: [],
  },
});
export const SystemSchema = OrganizationSchema.extend({ issuers: z.array(IssuerSchema) }).openapi('System', {
  example: {
    id: 1,
    slug: 'chicago',
    url: 'http://example.org',
    name: 'Chicago',
    description: 'City of learning',
    email: 'admin@example.org',
    imageUrl: null,
    issuers: [],
  },
});

export const BadgeSchema = z
  .object({
    id: z.int(),
    slug: z.string(),
    name: z.string(),
    strapline: nullableString,
    earnerDescription: nullableString,
    consumerDescription: nullableString,
    issuerUrl: nullableString,
    rubricUrl: nullableString,
    timeValue: z.int().nullable(),
    timeUnits: nullableString,
    limit: z.int().nullable(),
    unique: z.union([z.literal(0), z.literal(1)]),
    created: z.string().openapi({ format: 'date-time' }),
    imageUrl: nullableString.optional(),
    type: nullableString,
    archived: z.boolean(),
    system: OrganizationSchema.extend({ issuers: z.array(IssuerSchema).max(0) })
      .optional()
      .openapi({
        example: {
          id: 1,
          slug: 'chicago',
          url: 'http://example.org',
          name: 'Chicago',
          description: 'City of learning',
          email: 'admin@example.org',
          imageUrl: null,
          issuers: [],
        },
      }),
    issuer: IssuerSchema.optional(),
    program: OrganizationSchema.optional(),
    criteriaUrl: nullableString,
    criteria: z.array(
      z.object({
        id: z.int(),
        description: z.string(),
        required: z.union([z.literal(0), z.literal(1)]),
        note: z.string(),
      }),
    ),
    alignments: z.array(z.object({ id: z.int(), name: z.string(), url: z.string(), description: z.string() })),
    evidenceType: nullableString,
    categories: z.array(z.string()),
    tags: z.array(z.object({ id: z.int(), value: z.string() })),
    milestones: z.array(z.unknown()),
  })
  .openapi('Badge', {
    example: {
      id: 7,
      slug: 'first-steps',
      name: 'First Steps',
      strapline: 'Took the first steps',
      earnerDescription: 'You took the first steps',
      consumerDescription: 'The earner took the first steps',
      issuerUrl: null,
      rubricUrl: null,
      timeValue: null,
      timeUnits: null,
      limit: null,
      unique: 0,
      created: '2026-01-05T10:00:00.000Z',
      imageUrl: 'http://localhost:8080/public/images/first-steps',
      type: null,
      archived: false,
      criteriaUrl: 'http://example.org/criteria',
      criteria: [],
      alignments: [],
      evidenceType: null,
      categories: [],
      tags: [],
      milestones: [],
    },
  });

export const ClaimCodeSchema = z
  .object({
    id: z.int().optional(),
    code: z.string(),
    claimed: z.union([z.boolean(), z.int()]),
    email: nullableString.optional(),
    multiuse: z.union([z.boolean(), z.int()]),
  })
  .loose()
  .openapi('ClaimCode', { example: { code: 'a1b2c3d4e5f60718', claimed: false, email: null, multiuse: false } });

export const MilestoneSchema = z
  .object({
    id: z.int(),
    action: nullableString,
    numberRequired: z.int(),
    primaryBadge: z.union([BadgeSchema, z.null()]),
    supportBadges: z.array(BadgeSchema),
  })
  .openapi('Milestone');

export const InstanceSchema = z
  .object({
    slug: z.string(),
    email: z.string(),
    expires: nullableString,
    issuedOn: z.string().openapi({ format: 'date-time' }),
    claimCode: nullableString.optional(),
    assertionUrl: z.string().openapi({ format: 'uri' }),
    badge: z.union([BadgeSchema, z.null()]),
  })
  .openapi('Instance', {
    example: {
      slug: 'c0ffee00c0ffee00c0ffee00c0ffee00',
      email: 'earner@example.org',
      expires: null,
      issuedOn: '2026-01-05T10:00:00.000Z',
      assertionUrl: 'http://localhost:8080/public/assertions/c0ffee00c0ffee00c0ffee00c0ffee00',
      badge: null,
    },
  });

export const ApplicationSchema = z
  .object({
    id: z.int(),
    slug: z.string(),
    learner: z.string(),
    created: z.string(),
    assignedTo: nullableString,
    assignedExpiration: nullableString,
    badge: z.union([BadgeSchema, z.null()]),
    processed: nullableString,
    evidence: z.array(
      z.object({ url: nullableString, mediaType: z.enum(['image', 'link']).nullable(), reflection: nullableString }),
    ),
  })
  .openapi('Application');

export const ReviewSchema = z
  .object({
    id: z.int(),
    slug: z.string(),
    author: z.string(),
    comment: nullableString,
    reviewItems: z.array(
      z.object({ criterionId: z.int(), satisfied: z.union([z.literal(0), z.literal(1)]), comment: nullableString }),
    ),
  })
  .openapi('Review');

export const PageDataSchema = z.object({ page: z.int(), count: z.int(), total: z.int() }).openapi('PageData');

/** The resource under each `returns` key of BadgeKit's routes. */
export const BADGEKIT_RESOURCES = {
  system: SystemSchema,
  systems: z.array(SystemSchema),
  issuer: IssuerSchema,
  issuers: z.array(IssuerSchema),
  program: OrganizationSchema,
  programs: z.array(OrganizationSchema),
  badge: BadgeSchema,
  badges: z.array(BadgeSchema),
  claimCode: ClaimCodeSchema,
  claimCodes: z.array(ClaimCodeSchema),
  milestone: MilestoneSchema,
  milestones: z.array(MilestoneSchema),
  instance: InstanceSchema,
  instances: z.array(InstanceSchema),
  application: ApplicationSchema,
  applications: z.array(ApplicationSchema),
  review: ReviewSchema,
  reviews: z.array(ReviewSchema),
  badgelist: z.array(z.object({ location: z.string().openapi({ format: 'uri' }) })),
};
