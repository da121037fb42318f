/**
 * The writes of BadgeKit applications and reviews (badgekit-api.md §11, §12),
 * one function per operation, together because they share their invariants:
 * a badge belongs to the site, an application is found only under its badge
 * and a review only under its application, and a review's `review` webhook is
 * recorded in the same transaction as the review, so it is sent if and only
 * if the review was. Inputs arrive checked and in store terms (rpc/assessment.ts).
 */
import { DomainError, type CatalogClient, type Knex } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { isApproved, newAssessmentSlug } from '../domain/assessment.js';
import { recipientKey, reviewSnapshot } from '../domain/webhook.js';
import type {
  ApplicationChange,
  ApplicationKey,
  ApplicationRow,
  ApplicationStore,
  EvidenceInput,
  EvidenceRow,
} from '../store/applications.js';
import type { DeliveryStore } from '../store/deliveries.js';
import type { ReviewChange, ReviewItemInput, ReviewItemRow, ReviewRow, ReviewStore } from '../store/reviews.js';

export interface AssessmentDeps {
  db: Knex;
  applications: ApplicationStore;
  reviews: ReviewStore;
  deliveries: DeliveryStore;
  catalog: CatalogClient;
}

export interface ApplicationWithEvidence {
  row: ApplicationRow;
  evidence: EvidenceRow[];
}

export interface ReviewWithItems {
  row: ReviewRow;
  items: ReviewItemRow[];
}

export interface NewApplicationInput {
  siteId: string;
  badgeId: string;
  learner: string;
  assignedTo: string | null;
  assignedExpiration: Date | null;
  idempotencyKey: string | null;
  evidence: EvidenceInput[];
}

export interface NewReviewInput {
  application: ApplicationKey;
  author: string;
  comment: string | null;
  idempotencyKey: string | null;
  items: ReviewItemInput[];
  /** Origin of the request, for the `review` webhook's absolute URLs. */
  publicOrigin?: string | undefined;
}

export interface ReviewKey {
  application: ApplicationKey;
  slug: string;
}

const reviewMissing = (slug: string) => DomainError.notFound('review', 'slug', slug);

/** The badge as the catalog knows it in this site; another site's badge does not exist here. */
async function badgeOf(deps: AssessmentDeps, siteId: string, badgeId: string): Promise<catalogV1.Badge__Output> {
  if (!badgeId || badgeId === '0') throw DomainError.validation([{ field: 'badge', value: '' }]);
  const { badge } = await deps.catalog.call('GetBadge', { id: badgeId, siteId });
  if (!badge) throw DomainError.notFound('badge', 'id', badgeId);
  return badge;
}

/** The application under its badge, or ResourceNotFound; in a write's transaction, locked as the write needs. */
export async function findApplication(
  deps: Pick<AssessmentDeps, 'applications'>,
  key: ApplicationKey,
  write?: { trx: Knex; lock: 'update' | 'share' },
): Promise<ApplicationRow> {
  const row = await deps.applications.find(key, write ?? {});
  if (!row) throw DomainError.notFound('application', 'slug', key.slug);
  return row;
}

/** Records the `review` message with what it needs beyond the application: the review as written, and `approved`. */
async function recordReview(
  deps: AssessmentDeps,
  trx: Knex,
  application: ApplicationRow,
  review: ReviewRow,
  badge: catalogV1.Badge__Output,
  origin: string | undefined,
) {
  const items = (await deps.reviews.itemsOf([review.id], trx)).get(review.id) ?? [];
  const requiredIds = badge.criteria.filter((c) => c.required).map((c) => c.id);
  const approved = isApproved(
    requiredIds,
    items.map((i) => ({ criterionId: i.criterion_id, satisfied: i.satisfied, satisfiedAsSent: i.satisfied_as_sent })),
  );
  await deps.deliveries.record(trx, [
    {
      siteId: application.site_id,
      action: 'review',
      // With the learner's awards: an issuer that awards on approval sees the review first.
      recipientKey: recipientKey(null, application.learner),
      input: {
        applicationId: application.id,
        approved,
        review: reviewSnapshot(review, items),
        ...(origin !== undefined && { origin }),
      },
    },
  ]);
  return items;
}

export async function createApplication(
  deps: AssessmentDeps,
  input: NewApplicationInput,
): Promise<ApplicationWithEvidence> {
  const { applications } = deps;
  // The context is copied from the catalog's badge, which is what the gateway resolved too (§11.1).
  const badge = await badgeOf(deps, input.siteId, input.badgeId);
  return deps.db.transaction(async (trx) => {
    const inserted = await applications.insert(trx, {
      siteId: input.siteId,
      badgeId: badge.id,
      issuerId: badge.issuer?.id ?? null,
      programId: badge.program?.id ?? null,
      slug: newAssessmentSlug(),
      learner: input.learner,
      assignedTo: input.assignedTo,
      assignedExpiration: input.assignedExpiration,
      idempotencyKey: input.idempotencyKey,
    });
    // Ids name nothing yet on create: every item is new.
    if (inserted.created) await applications.insertEvidence(trx, inserted.row.id, input.evidence);
    return {
      row: inserted.row,
      evidence: (await applications.evidenceOf([inserted.row.id], trx)).get(inserted.row.id) ?? [],
    };
  });
}

/** `evidence` absent leaves it as it is (§11.5); a list, even empty, replaces it. */
export async function updateApplication(
  deps: AssessmentDeps,
  key: ApplicationKey,
  change: ApplicationChange,
  evidence?: EvidenceInput[],
): Promise<ApplicationWithEvidence> {
  const { applications } = deps;
  return deps.db.transaction(async (trx) => {
    const current = await findApplication(deps, key, { trx, lock: 'update' });
    const updated = await applications.update(trx, current.id, change);
    if (evidence) await applications.replaceEvidence(trx, current.id, evidence);
    return { row: updated, evidence: (await applications.evidenceOf([current.id], trx)).get(current.id) ?? [] };
  });
}

/** The application as it was. */
export async function deleteApplication(deps: AssessmentDeps, key: ApplicationKey): Promise<ApplicationWithEvidence> {
  const { applications } = deps;
  return deps.db.transaction(async (trx) => {
    const current = await findApplication(deps, key, { trx, lock: 'update' });
    const items = (await applications.evidenceOf([current.id], trx)).get(current.id) ?? [];
    // Evidence, reviews and their items go with it (D-21): nothing could reach them again.
    await applications.delete(trx, current.id);
    return { row: current, evidence: items };
  });
}

export async function createReview(deps: AssessmentDeps, input: NewReviewInput): Promise<ReviewWithItems> {
  const { reviews } = deps;
  // Read before the transaction: `approved` needs the badge's required criteria as they are now.
  const badge = await badgeOf(deps, input.application.siteId, input.application.badgeId);
  return deps.db.transaction(async (trx) => {
    // Shared: reviews of one application may be written side by side, but it cannot be deleted under them.
    const application = await findApplication(deps, input.application, { trx, lock: 'share' });
    const inserted = await reviews.insert(trx, {
      applicationId: application.id,
      slug: newAssessmentSlug(),
      author: input.author,
      comment: input.comment,
      idempotencyKey: input.idempotencyKey,
    });
    if (!inserted.created)
      return { row: inserted.row, items: (await reviews.itemsOf([inserted.row.id], trx)).get(inserted.row.id) ?? [] };
    await reviews.insertItems(trx, inserted.row.id, input.items);
    const items = await recordReview(deps, trx, application, inserted.row, badge, input.publicOrigin);
    return { row: inserted.row, items };
  });
}

/** `items` absent leaves them (D-12 fixed); a list, even empty, replaces them. */
export async function updateReview(
  deps: AssessmentDeps,
  key: ReviewKey,
  change: ReviewChange,
  items: ReviewItemInput[] | undefined,
  publicOrigin: string | undefined,
): Promise<ReviewWithItems> {
  const { reviews } = deps;
  const badge = await badgeOf(deps, key.application.siteId, key.application.badgeId);
  return deps.db.transaction(async (trx) => {
    const application = await findApplication(deps, key.application, { trx, lock: 'share' });
    const current = await reviews.find(application.id, key.slug, { trx, lock: true });
    if (!current) throw reviewMissing(key.slug);
    const updated = await reviews.update(trx, current.id, change);
    if (items) await reviews.replaceItems(trx, current.id, items);
    // `approved` reads the items as their submitter sent them, which the stored items remember.
    return { row: updated, items: await recordReview(deps, trx, application, updated, badge, publicOrigin) };
  });
}

/** The review as it was. */
export async function deleteReview(deps: AssessmentDeps, key: ReviewKey): Promise<ReviewWithItems> {
  const { reviews } = deps;
  return deps.db.transaction(async (trx) => {
    const application = await findApplication(deps, key.application, { trx, lock: 'share' });
    const current = await reviews.find(application.id, key.slug, { trx, lock: true });
    if (!current) throw reviewMissing(key.slug);
    const stored = (await reviews.itemsOf([current.id], trx)).get(current.id) ?? [];
    await reviews.delete(trx, current.id);
    return { row: current, items: stored };
  });
}

/** A review under its application, or ResourceNotFound (a read). */
export async function findReview(
  deps: Pick<AssessmentDeps, 'applications' | 'reviews'>,
  key: ReviewKey,
): Promise<ReviewRow> {
  const application = await findApplication(deps, key.application);
  const row = await deps.reviews.find(application.id, key.slug);
  if (!row) throw reviewMissing(key.slug);
  return row;
}
