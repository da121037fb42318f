/**
 * BadgeKit applications and reviews over gRPC (badgekit-api.md §11, §12).
 * The gateway has already checked input in BadgeKit's terms; here requests
 * are checked and mapped to the writes' use cases (use-cases/assessment.ts),
 * which keep the invariants for every caller, and reads are answered.
 */
import { DomainError, pageInfo, pageWindow, type UnaryHandlerGroup } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import { parseTime } from '../domain/award.js';
import type {
  ApplicationChange,
  ApplicationKey,
  ApplicationRow,
  EvidenceInput,
  EvidenceRow,
} from '../store/applications.js';
import type { ReviewChange, ReviewItemInput, ReviewItemRow, ReviewRow } from '../store/reviews.js';
import {
  createApplication,
  createReview,
  deleteApplication,
  deleteReview,
  findApplication,
  findReview,
  updateApplication,
  updateReview,
  type AssessmentDeps,
} from '../use-cases/assessment.js';

export type { AssessmentDeps };

type MediaType = issuanceV1.EvidenceMediaType__Output;

const MEDIA_TYPES: Readonly<Record<MediaType, EvidenceRow['media_type']>> = {
  EVIDENCE_MEDIA_TYPE_UNSPECIFIED: null,
  EVIDENCE_MEDIA_TYPE_IMAGE: 'image',
  EVIDENCE_MEDIA_TYPE_LINK: 'link',
};

const WIRE_MEDIA_TYPE = (stored: EvidenceRow['media_type']): MediaType =>
  stored === 'image'
    ? 'EVIDENCE_MEDIA_TYPE_IMAGE'
    : stored === 'link'
      ? 'EVIDENCE_MEDIA_TYPE_LINK'
      : 'EVIDENCE_MEDIA_TYPE_UNSPECIFIED';

function toEvidenceMessage(row: EvidenceRow): issuanceV1.Evidence {
  return {
    id: row.id,
    ...(row.url !== null && { url: row.url }),
    mediaType: WIRE_MEDIA_TYPE(row.media_type),
    ...(row.reflection !== null && { reflection: row.reflection }),
  };
}

function toApplicationMessage(row: ApplicationRow, evidence: readonly EvidenceRow[]): issuanceV1.Application {
  return {
    id: row.id,
    slug: row.slug,
    badgeId: row.badge_id,
    ...(row.issuer_id !== null && { issuerId: row.issuer_id }),
    ...(row.program_id !== null && { programId: row.program_id }),
    learner: row.learner,
    createdAt: row.created_at.toISOString(),
    ...(row.assigned_to !== null && { assignedTo: row.assigned_to }),
    ...(row.assigned_expiration !== null && { assignedExpiration: row.assigned_expiration.toISOString() }),
    ...(row.processed !== null && { processed: row.processed.toISOString() }),
    evidence: evidence.map(toEvidenceMessage),
  };
}

function toReviewMessage(row: ReviewRow, items: readonly ReviewItemRow[]): issuanceV1.Review {
  return {
    id: row.id,
    slug: row.slug,
    author: row.author,
    ...(row.comment !== null && { comment: row.comment }),
    reviewItems: items.map((item) => ({
      id: item.id,
      criterionId: item.criterion_id,
      satisfied: item.satisfied,
      ...(item.comment !== null && { comment: item.comment }),
    })),
    createdAt: row.created_at.toISOString(),
  };
}

const evidenceInput = (items: readonly issuanceV1.Evidence__Output[]): EvidenceInput[] =>
  items.map((e) => ({
    ...(e.id !== '0' && { id: e.id }),
    url: e.url ?? null,
    media_type: MEDIA_TYPES[e.mediaType],
    reflection: e.reflection ?? null,
  }));

const reviewItemInput = (items: readonly issuanceV1.ReviewItem__Output[]): ReviewItemInput[] =>
  items.map((item) => {
    if (!/^[1-9]\d*$/.test(item.criterionId))
      throw DomainError.validation([{ field: 'reviewItems', value: item.criterionId, message: 'Invalid integer' }]);
    return {
      ...(item.id !== '0' && { id: item.id }),
      criterion_id: item.criterionId,
      satisfied: item.satisfied,
      comment: item.comment ?? null,
      satisfied_as_sent: item.satisfiedAsSent ?? null,
    };
  });

/** An optional text on update: absent leaves it, "" clears it (the wire's null). */
const nullableText = (value: string | undefined): string | null | undefined =>
  value === undefined ? undefined : value === '' ? null : value;
const nullableTime = (field: string, value: string | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === '' ? null : parseTime(field, value);

function required(field: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw DomainError.validation([{ field, value: '' }]);
  return value;
}

function applicationChange(fields: issuanceV1.ApplicationFields__Output | null): ApplicationChange {
  const change: ApplicationChange = {};
  if (!fields) return change;
  if (fields.learner !== undefined) change.learner = required('learner', fields.learner);
  const assignedTo = nullableText(fields.assignedTo);
  if (assignedTo !== undefined) change.assigned_to = assignedTo;
  const assignedExpiration = nullableTime('assignedExpiration', fields.assignedExpiration);
  if (assignedExpiration !== undefined) change.assigned_expiration = assignedExpiration;
  const processed = nullableTime('processed', fields.processed);
  if (processed !== undefined) change.processed = processed;
  return change;
}

function reviewChange(fields: issuanceV1.ReviewFields__Output | null): ReviewChange {
  const change: ReviewChange = {};
  if (!fields) return change;
  if (fields.author !== undefined) change.author = required('author', fields.author);
  const comment = nullableText(fields.comment);
  if (comment !== undefined) change.comment = comment;
  return change;
}

const applicationKey = (request: { siteId: string; badgeId: string }, slug: string): ApplicationKey => ({
  siteId: request.siteId,
  badgeId: request.badgeId,
  slug,
});

export function assessmentHandlers(deps: AssessmentDeps) {
  const { applications, reviews } = deps;

  return {
    async ListApplications(request) {
      if (!request.siteId || request.siteId === '0') throw DomainError.validation([{ field: 'siteId', value: '' }]);
      const window = pageWindow(request.page);
      const { rows, total } = await applications.list({
        siteId: request.siteId,
        ...(request.issuerId !== undefined && { issuerId: request.issuerId }),
        ...(request.programId !== undefined && { programId: request.programId }),
        ...(request.badgeId !== undefined && { badgeId: request.badgeId }),
        ...(request.processed !== undefined && { processed: request.processed }),
        ...(request.learner !== undefined && { learner: request.learner }),
        ...(window && { window }),
      });
      const evidence = await applications.evidenceOf(rows.map((r) => r.id));
      return {
        applications: rows.map((r) => toApplicationMessage(r, evidence.get(r.id) ?? [])),
        pageInfo: pageInfo(request.page, total),
      };
    },

    async CreateApplication(request) {
      const fields = request.fields;
      const learner = required('learner', fields?.learner);
      const assignedExpiration = parseTime('assignedExpiration', fields?.assignedExpiration) ?? null;
      const { row, evidence } = await createApplication(deps, {
        siteId: request.siteId,
        badgeId: request.badgeId,
        learner,
        assignedTo: nullableText(fields?.assignedTo) ?? null,
        assignedExpiration,
        idempotencyKey: request.idempotencyKey || null,
        evidence: evidenceInput(fields?.evidence?.items ?? []),
      });
      return { application: toApplicationMessage(row, evidence) };
    },

    async GetApplication(request) {
      const row = await findApplication(deps, applicationKey(request, request.slug));
      const evidence = await applications.evidenceOf([row.id]);
      return { application: toApplicationMessage(row, evidence.get(row.id) ?? []) };
    },

    async UpdateApplication(request) {
      const change = applicationChange(request.fields);
      const evidence = request.fields?.evidence ? evidenceInput(request.fields.evidence.items) : undefined;
      const updated = await updateApplication(deps, applicationKey(request, request.slug), change, evidence);
      return { application: toApplicationMessage(updated.row, updated.evidence) };
    },

    async DeleteApplication(request) {
      const { row, evidence } = await deleteApplication(deps, applicationKey(request, request.slug));
      return { application: toApplicationMessage(row, evidence) };
    },

    async ListReviews(request) {
      const application = await findApplication(deps, applicationKey(request, request.applicationSlug));
      const { rows, total } = await reviews.list(application.id, pageWindow(request.page));
      const items = await reviews.itemsOf(rows.map((r) => r.id));
      return {
        reviews: rows.map((r) => toReviewMessage(r, items.get(r.id) ?? [])),
        pageInfo: pageInfo(request.page, total),
      };
    },

    async CreateReview(request) {
      const fields = request.fields;
      const author = required('author', fields?.author);
      const items = reviewItemInput(fields?.reviewItems?.items ?? []);
      const { row, items: stored } = await createReview(deps, {
        application: applicationKey(request, request.applicationSlug),
        author,
        comment: nullableText(fields?.comment) ?? null,
        idempotencyKey: request.idempotencyKey || null,
        items,
        publicOrigin: request.publicOrigin,
      });
      return { review: toReviewMessage(row, stored) };
    },

    async GetReview(request) {
      const row = await findReview(deps, {
        application: applicationKey(request, request.applicationSlug),
        slug: request.slug,
      });
      const items = await reviews.itemsOf([row.id]);
      return { review: toReviewMessage(row, items.get(row.id) ?? []) };
    },

    async UpdateReview(request) {
      const change = reviewChange(request.fields);
      const submitted = request.fields?.reviewItems ? reviewItemInput(request.fields.reviewItems.items) : undefined;
      const { row, items } = await updateReview(
        deps,
        { application: applicationKey(request, request.applicationSlug), slug: request.slug },
        change,
        submitted,
        request.publicOrigin,
      );
      return { review: toReviewMessage(row, items) };
    },

    async DeleteReview(request) {
      const { row, items } = await deleteReview(deps, {
        application: applicationKey(request, request.applicationSlug),
        slug: request.slug,
      });
      return { review: toReviewMessage(row, items) };
    },
  } satisfies UnaryHandlerGroup<issuanceV1.IssuanceDefinition>;
}
