/**
 * Applications and reviews as BadgeKit JSON (§11.1, §12.1), keys in the
 * original's order. Ids are JSON numbers; evidence and review items carry no
 * id; review item `satisfied` is the integer 0 or 1.
 */
import type { issuanceV1 } from '@laurel/protos';
import type { BadgeJson } from '../badges/present-badge.js';

export interface EvidenceJson {
  url: string | null;
  mediaType: 'image' | 'link' | null;
  reflection: string | null;
}

export interface ApplicationJson {
  id: number;
  slug: string;
  learner: string;
  created: string;
  assignedTo: string | null;
  assignedExpiration: string | null;
  badge: BadgeJson | null;
  processed: string | null;
  evidence: EvidenceJson[];
}

export interface ReviewJson {
  id: number;
  slug: string;
  author: string;
  comment: string | null;
  reviewItems: { criterionId: number; satisfied: 0 | 1; comment: string | null }[];
}

const MEDIA_TYPES: Readonly<Record<issuanceV1.EvidenceMediaType__Output, EvidenceJson['mediaType']>> = {
  EVIDENCE_MEDIA_TYPE_UNSPECIFIED: null,
  EVIDENCE_MEDIA_TYPE_IMAGE: 'image',
  EVIDENCE_MEDIA_TYPE_LINK: 'link',
};

/**
 * `badge` is the full badge in reads, the bare one in create and update
 * answers, and null on delete (§11.1); a delete also shows no evidence.
 */
export function presentApplication(
  application: issuanceV1.Application__Output,
  badge: BadgeJson | null,
  options: { withoutEvidence?: boolean } = {},
): ApplicationJson {
  return {
    id: Number(application.id),
    slug: application.slug,
    learner: application.learner,
    created: application.createdAt,
    assignedTo: application.assignedTo ?? null,
    assignedExpiration: application.assignedExpiration ?? null,
    badge,
    processed: application.processed ?? null,
    evidence: options.withoutEvidence
      ? []
      : application.evidence.map((e) => ({
          url: e.url ?? null,
          mediaType: MEDIA_TYPES[e.mediaType],
          reflection: e.reflection ?? null,
        })),
  };
}

/** A delete answers the review without its items (§12.2). */
export function presentReview(review: issuanceV1.Review__Output, options: { withoutItems?: boolean } = {}): ReviewJson {
  return {
    id: Number(review.id),
    slug: review.slug,
    author: review.author,
    comment: review.comment ?? null,
    reviewItems: options.withoutItems
      ? []
      : review.reviewItems.map((item) => ({
          criterionId: Number(item.criterionId),
          satisfied: item.satisfied ? 1 : 0,
          comment: item.comment ?? null,
        })),
  };
}
