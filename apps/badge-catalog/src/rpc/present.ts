/**
 * Proto messages of the catalog's records, shared by the rpc handlers: a
 * badge, and milestones with their badges.
 */
import type { catalogV1 } from '@laurel/protos';
import type { LoadedBadge, OrganizationSummary } from '../store/badges.js';
import type { MilestoneWithBadges } from '../use-cases/milestone-badges.js';

const optional = <K extends string, V>(key: K, value: V | null | undefined) =>
  value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>);

const summaryMessage = (o: OrganizationSummary) => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  url: o.url,
  ...optional('description', o.description),
  ...optional('email', o.email),
});

export function toBadgeMessage({
  record: r,
  system,
  issuer,
  program,
  image,
  criteria,
  alignments,
  categories,
  tags,
}: LoadedBadge): catalogV1.Badge {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    ...optional('strapline', r.strapline),
    ...optional('earnerDescription', r.earnerDescription),
    ...optional('consumerDescription', r.consumerDescription),
    ...optional('issuerUrl', r.issuerUrl),
    ...optional('rubricUrl', r.rubricUrl),
    ...optional('timeValue', r.timeValue),
    ...optional('timeUnits', r.timeUnits),
    ...optional('limit', r.limit),
    unique: r.unique,
    createdAt: r.createdAt.toISOString(),
    ...(image && {
      image: { slug: image.slug, ...optional('url', image.url), ...optional('mimeType', image.mimeType) },
    }),
    ...optional('type', r.type),
    archived: r.archived,
    system: summaryMessage(system),
    ...(issuer && { issuer: { ...summaryMessage(issuer), programs: [] } }),
    ...(program && { program: summaryMessage(program) }),
    ...optional('criteriaUrl', r.criteriaUrl),
    criteria,
    alignments,
    ...optional('evidenceType', r.evidenceType),
    categories,
    tags,
    published: r.published,
    ...optional('location', r.location),
    origin: r.origin,
  };
}

/** Milestone messages with their badges (use-cases/milestone-badges.ts loads them for the whole set). */
export function toMilestoneMessages(milestones: MilestoneWithBadges[]): catalogV1.Milestone[] {
  return milestones.map(toMilestoneMessage);
}

export function toMilestoneMessage({
  record: r,
  primaryBadge,
  supportBadges,
}: MilestoneWithBadges): catalogV1.Milestone {
  return {
    id: r.id,
    systemId: r.systemId,
    ...(r.action !== null && { action: r.action }),
    numberRequired: r.numberRequired,
    primaryBadge: primaryBadge ? toBadgeMessage(primaryBadge) : null,
    supportBadges: supportBadges.map(toBadgeMessage),
  };
}
