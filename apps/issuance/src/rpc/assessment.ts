/**
 * BadgeKit applications and reviews over gRPC (badgekit-api.md §11, §12).
 * The gateway has already checked input in BadgeKit's terms; here the
 * invariants hold for every caller: a badge belongs to the site, an
 * application is found only under its badge and a review only under its
 * application, and a review's `review` webhook is recorded in the same
 * transaction as the review, so it is sent if and only if the review was.
 */
import { DomainError, pageInfo, pageWindow, type Knex, type UnaryHandlers, type CatalogClient } from '@laurel/service-kit';
import type { catalogV1, issuanceV1 } from '@laurel/protos';
import { isApproved, newAssessmentSlug } from '../domain/assessment.js';
import { parseTime } from '../domain/award.js';
import { recipientKey } from '../domain/webhook.js';
import type { ApplicationChange, ApplicationKey, ApplicationRow, ApplicationStore, EvidenceInput, EvidenceRow } from '../store/applications.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { ReviewChange, ReviewItemInput, ReviewItemRow, ReviewRow, ReviewStore } from '../store/reviews.js';
import { reviewSnapshot } from '../webhooks/messages.js';

export interface AssessmentDeps {
  db: Knex;
  applications: ApplicationStore;
  reviews: ReviewStore;
  deliveries: DeliveryStore;
  catalog: CatalogClient;
}

type MediaType = issuanceV1.EvidenceMediaType__Output;

const MEDIA_TYPES: Readonly<Record<MediaType, EvidenceRow['media_type']>> = {
  EVIDENCE_MEDIA_TYPE_UNSPECIFIED: null,
  EVIDENCE_MEDIA_TYPE_IMAGE: 'image',
  EVIDENCE_MEDIA_TYPE_LINK: 'link',
};

const WIRE_MEDIA_TYPE = (stored: EvidenceRow['media_type']): MediaType =>
  stored === 'image' ? 'EVIDENCE_MEDIA_TYPE_IMAGE' : stored === 'link' ? 'EVIDENCE_MEDIA_TYPE_LINK' : 'EVIDENCE_MEDIA_TYPE_UNSPECIFIED';

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
    reviewItems: items.map((item) => ({ id: item.id, criterionId: item.criterion_id, satisfied: item.satisfied, ...(item.comment !== null && { comment: item.comment }) })),
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
    if (!/^[1-9]\d*$/.test(item.criterionId)) throw DomainError.validation([{ field: 'reviewItems', value: item.criterionId, message: 'Invalid integer' }]);
    return {
      ...(item.id !== '0' && { id: item.id }),
      criterion_id: item.criterionId,
      satisfied: item.satisfied,
      comment: item.comment ?? null,
      satisfied_as_sent: item.satisfiedAsSent ?? null,
    };
  });

/** An optional text on update: absent leaves it, "" clears it (the wire's null). */
const nullableText = (value: string | undefined): string | null | undefined => (value === undefined ? undefined : value === '' ? null : value);
const nullableTime = (field: string, value: string | undefined): Date | null | undefined => (value === undefined ? undefined : value === '' ? null : parseTime(field, value));

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

const applicationKey = (request: { siteId: string; badgeId: string }, slug: string): ApplicationKey => ({ siteId: request.siteId, badgeId: request.badgeId, slug });
const applicationMissing = (slug: string) => DomainError.notFound('application', 'slug', slug);
const reviewMissing = (slug: string) => DomainError.notFound('review', 'slug', slug);

export function assessmentHandlers(deps: AssessmentDeps): UnaryHandlers<issuanceV1.IssuanceDefinition> {
  const { db, applications, reviews } = deps;

  /** The badge as the catalog knows it in this site; another site's badge does not exist here. */
  const badgeOf = async (siteId: string, badgeId: string): Promise<catalogV1.Badge__Output> => {
    if (!badgeId || badgeId === '0') throw DomainError.validation([{ field: 'badge', value: '' }]);
    const { badge } = await deps.catalog.call('GetBadge', { id: badgeId, siteId });
    if (!badge) throw DomainError.notFound('badge', 'id', badgeId);
    return badge;
  };

  const findApplication = async (key: ApplicationKey, write?: { trx: Knex; lock: 'update' | 'share' }): Promise<ApplicationRow> => {
    const row = await applications.find(key, write ?? {});
    if (!row) throw applicationMissing(key.slug);
    return row;
  };

  /** Records the `review` message with what it needs beyond the application: the review as written, and `approved`. */
  const recordReview = async (trx: Knex, application: ApplicationRow, review: ReviewRow, badge: catalogV1.Badge__Output, origin: string | undefined) => {
    const items = (await reviews.itemsOf([review.id], trx)).get(review.id) ?? [];
    const requiredIds = badge.criteria.filter((c) => c.required).map((c) => c.id);
    const approved = isApproved(requiredIds, items.map((i) => ({ criterionId: i.criterion_id, satisfied: i.satisfied, satisfiedAsSent: i.satisfied_as_sent })));
    await deps.deliveries.record(trx, [{
      siteId: application.site_id,
      action: 'review',
      // With the learner's awards: an issuer that awards on approval sees the review first.
      recipientKey: recipientKey(null, application.learner),
      input: { applicationId: application.id, approved, review: reviewSnapshot(review, items), ...(origin !== undefined && { origin }) },
    }]);
    return items;
  };

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
      return { applications: rows.map((r) => toApplicationMessage(r, evidence.get(r.id) ?? [])), pageInfo: pageInfo(request.page, total) };
    },

    async CreateApplication(request) {
      const fields = request.fields;
      const learner = required('learner', fields?.learner);
      const assignedExpiration = parseTime('assignedExpiration', fields?.assignedExpiration) ?? null;
      // The context is copied from the catalog's badge, which is what the gateway resolved too (§11.1).
      const badge = await badgeOf(request.siteId, request.badgeId);
      const { row, evidence } = await db.transaction(async (trx) => {
        const inserted = await applications.insert(trx, {
          siteId: request.siteId, badgeId: badge.id, issuerId: badge.issuer?.id ?? null, programId: badge.program?.id ?? null,
          slug: newAssessmentSlug(), learner, assignedTo: nullableText(fields?.assignedTo) ?? null, assignedExpiration,
          idempotencyKey: request.idempotencyKey || null,
        });
        // Ids name nothing yet on create: every item is new.
        if (inserted.created) await applications.insertEvidence(trx, inserted.row.id, evidenceInput(fields?.evidence?.items ?? []));
        return { row: inserted.row, evidence: (await applications.evidenceOf([inserted.row.id], trx)).get(inserted.row.id) ?? [] };
      });
      return { application: toApplicationMessage(row, evidence) };
    },

    async GetApplication(request) {
      const row = await findApplication(applicationKey(request, request.slug));
      const evidence = await applications.evidenceOf([row.id]);
      return { application: toApplicationMessage(row, evidence.get(row.id) ?? []) };
    },

    async UpdateApplication(request) {
      const change = applicationChange(request.fields);
      const { row, evidence } = await db.transaction(async (trx) => {
        const current = await findApplication(applicationKey(request, request.slug), { trx, lock: 'update' });
        const updated = await applications.update(trx, current.id, change);
        // Omitted evidence stays as it is (§11.5); a list, even empty, replaces it.
        if (request.fields?.evidence) await applications.replaceEvidence(trx, current.id, evidenceInput(request.fields.evidence.items));
        return { row: updated, evidence: (await applications.evidenceOf([current.id], trx)).get(current.id) ?? [] };
      });
      return { application: toApplicationMessage(row, evidence) };
    },

    async DeleteApplication(request) {
      const { row, evidence } = await db.transaction(async (trx) => {
        const current = await findApplication(applicationKey(request, request.slug), { trx, lock: 'update' });
        const items = (await applications.evidenceOf([current.id], trx)).get(current.id) ?? [];
        // Evidence, reviews and their items go with it (D-21): nothing could reach them again.
        await applications.delete(trx, current.id);
        return { row: current, evidence: items };
      });
      return { application: toApplicationMessage(row, evidence) };
    },

    async ListReviews(request) {
      const application = await findApplication(applicationKey(request, request.applicationSlug));
      const { rows, total } = await reviews.list(application.id, pageWindow(request.page));
      const items = await reviews.itemsOf(rows.map((r) => r.id));
      return { reviews: rows.map((r) => toReviewMessage(r, items.get(r.id) ?? [])), pageInfo: pageInfo(request.page, total) };
    },

    async CreateReview(request) {
      const fields = request.fields;
      const author = required('author', fields?.author);
      const submitted = reviewItemInput(fields?.reviewItems?.items ?? []);
      // Read before the transaction: `approved` needs the badge's required criteria as they are now.
      const badge = await badgeOf(request.siteId, request.badgeId);
      const result = await db.transaction(async (trx) => {
        // Shared: reviews of one application may be written side by side, but it cannot be deleted under them.
        const application = await findApplication(applicationKey(request, request.applicationSlug), { trx, lock: 'share' });
        const inserted = await reviews.insert(trx, {
          applicationId: application.id, slug: newAssessmentSlug(), author, comment: nullableText(fields?.comment) ?? null, idempotencyKey: request.idempotencyKey || null,
        });
        if (!inserted.created) return { row: inserted.row, items: (await reviews.itemsOf([inserted.row.id], trx)).get(inserted.row.id) ?? [], created: false };
        await reviews.insertItems(trx, inserted.row.id, submitted);
        const items = await recordReview(trx, application, inserted.row, badge, request.publicOrigin);
        return { row: inserted.row, items, created: true };
      });
      return { review: toReviewMessage(result.row, result.items) };
    },

    async GetReview(request) {
      const application = await findApplication(applicationKey(request, request.applicationSlug));
      const row = await reviews.find(application.id, request.slug);
      if (!row) throw reviewMissing(request.slug);
      const items = await reviews.itemsOf([row.id]);
      return { review: toReviewMessage(row, items.get(row.id) ?? []) };
    },

    async UpdateReview(request) {
      const change = reviewChange(request.fields);
      const submitted = request.fields?.reviewItems ? reviewItemInput(request.fields.reviewItems.items) : undefined;
      const badge = await badgeOf(request.siteId, request.badgeId);
      const { row, items } = await db.transaction(async (trx) => {
        const application = await findApplication(applicationKey(request, request.applicationSlug), { trx, lock: 'share' });
        const current = await reviews.find(application.id, request.slug, { trx, lock: true });
        if (!current) throw reviewMissing(request.slug);
        const updated = await reviews.update(trx, current.id, change);
        // D-12 fixed: omitted items stay; a list, even empty, replaces them.
        if (submitted) await reviews.replaceItems(trx, current.id, submitted);
        // `approved` reads the items as their submitter sent them, which the stored items remember.
        return { row: updated, items: await recordReview(trx, application, updated, badge, request.publicOrigin) };
      });
      return { review: toReviewMessage(row, items) };
    },

    async DeleteReview(request) {
      const { row, items } = await db.transaction(async (trx) => {
        const application = await findApplication(applicationKey(request, request.applicationSlug), { trx, lock: 'share' });
        const current = await reviews.find(application.id, request.slug, { trx, lock: true });
        if (!current) throw reviewMissing(request.slug);
        const stored = (await reviews.itemsOf([current.id], trx)).get(current.id) ?? [];
        await reviews.delete(trx, current.id);
        return { row: current, items: stored };
      });
      return { review: toReviewMessage(row, items) };
    },
  };
}
