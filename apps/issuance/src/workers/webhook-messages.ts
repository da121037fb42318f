/**
 * The bodies of `award`, `revoke` and `review` messages (badgekit-api.md
 * §14.4), built when they are sent, from the records and the badge as they
 * are then. Key sets are exactly BadgeKit's: receivers validate them.
 *
 * Here, beside the delivery worker, because only that worker builds them and
 * building one reads the stores and the catalog: neither a pure rule
 * (domain/) nor a request's operation (use-cases/). What a delivery records
 * when it is made is shaped in domain/webhook.ts.
 */
import { DomainError, type CatalogClient } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { ApplicationStore } from '../store/applications.js';
import type { DeliveryRow } from '../store/deliveries.js';
import type { EarnedBadgeStore } from '../store/earned-badges.js';
import { messageOrigin } from '../domain/message-origin.js';
import { MILESTONE_KEY_PREFIX } from '../domain/milestones.js';
import type { MessageBuilder } from './webhook-deliveries.js';

/** BadgeKit's badge JSON: the full form for `award`, the bare form for `revoke`. */
export interface BadgeRenderer {
  full(badge: catalogV1.Badge__Output, origin: string): unknown;
  bare(badge: catalogV1.Badge__Output): unknown;
}

export interface MessageDeps {
  awards: EarnedBadgeStore;
  applications: ApplicationStore;
  catalog: CatalogClient;
  render: BadgeRenderer;
  /** PUBLIC_BASE_URL; see domain/message-origin.ts for what stands in when it is unset. */
  publicBaseUrl: string | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The badge of a message, or why there is none to send. */
async function badgeFor(
  deps: MessageDeps,
  siteId: string,
  badgeId: string,
): Promise<catalogV1.Badge__Output | { skip: string }> {
  try {
    const { badge } = await deps.catalog.call('GetBadge', { id: badgeId, siteId });
    return badge ?? { skip: `badge ${badgeId} no longer exists` };
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'ResourceNotFound')
      return { skip: `badge ${badgeId} no longer exists` };
    throw error;
  }
}

const originOf = (deps: MessageDeps, delivery: DeliveryRow): string =>
  messageOrigin(deps.publicBaseUrl, delivery.input.origin);

/**
 * `review`: the application with its fully loaded badge and its stored
 * evidence (D-5 fixed), the review as written, and the `approved` computed
 * when it was written.
 */
async function reviewMessage(deps: MessageDeps, delivery: DeliveryRow): Promise<{ body: string } | { skip: string }> {
  const applicationId = text(delivery.input.applicationId);
  const application = applicationId ? await deps.applications.findById(delivery.site_id, applicationId) : undefined;
  if (!application) return { skip: `application ${applicationId ?? '?'} no longer exists` };
  const badge = await badgeFor(deps, application.site_id, application.badge_id);
  if ('skip' in badge) return badge;
  const evidence = (await deps.applications.evidenceOf([application.id])).get(application.id) ?? [];
  return {
    body: JSON.stringify({
      action: 'review',
      application: {
        id: Number(application.id),
        slug: application.slug,
        learner: application.learner,
        created: application.created_at.toISOString(),
        assignedTo: application.assigned_to,
        assignedExpiration: application.assigned_expiration?.toISOString() ?? null,
        badge: deps.render.full(badge, originOf(deps, delivery)),
        processed: application.processed?.toISOString() ?? null,
        evidence: evidence.map((e) => ({ url: e.url, mediaType: e.media_type, reflection: e.reflection })),
      },
      review: delivery.input.review,
      approved: delivery.input.approved === true,
    }),
  };
}

export function webhookMessages(deps: MessageDeps): MessageBuilder {
  return {
    async build(delivery: DeliveryRow) {
      if (delivery.action === 'review') return reviewMessage(deps, delivery);
      const earnedBadgeId = text(delivery.input.earnedBadgeId);
      const row = earnedBadgeId ? await deps.awards.find(delivery.site_id, { id: earnedBadgeId }) : undefined;
      if (!row) return { skip: `award ${earnedBadgeId ?? '?'} no longer exists` };
      let badge: catalogV1.Badge__Output | null;
      try {
        ({ badge } = await deps.catalog.call('GetBadge', { id: row.badge_id, siteId: row.site_id }));
      } catch (error) {
        if (error instanceof DomainError && error.reason === 'ResourceNotFound')
          return { skip: `badge ${row.badge_id} no longer exists` };
        throw error;
      }
      if (!badge) return { skip: `badge ${row.badge_id} no longer exists` };
      const origin = originOf(deps, delivery);
      if (delivery.action === 'award') {
        const comment = text(delivery.input.comment);
        // A milestone award's message has no `comment` key at all (§14.4, §16.7): receivers check key sets.
        const isMilestoneAward = row.idempotency_key.startsWith(MILESTONE_KEY_PREFIX);
        return {
          body: JSON.stringify({
            action: 'award',
            uid: row.uid,
            badge: deps.render.full(badge, origin),
            email: row.email,
            assertionUrl: `${origin}/public/assertions/${row.uid}`,
            issuedOn: Math.floor(row.issued_on.getTime() / 1000),
            ...(!isMilestoneAward && { comment: comment ? comment : null }),
          }),
        };
      }
      if (delivery.action === 'revoke') {
        return {
          body: JSON.stringify({ action: 'revoke', uid: row.uid, badge: deps.render.bare(badge), email: row.email }),
        };
      }
      return { skip: `no message for action ${delivery.action}` };
    },
  };
}
