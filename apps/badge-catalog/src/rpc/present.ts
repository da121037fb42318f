/**
 * Proto messages of the catalog's records, shared by the rpc handlers: a
 * badge, and milestones with their badges.
 */
import type { Knex } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { BadgeStore, type LoadedBadge, type OrganizationSummary } from '../store/badges.js';
import type { MilestoneRecord } from '../store/milestones.js';

const optional = <K extends string, V>(key: K, value: V | null | undefined) => (value === null || value === undefined ? {} : ({ [key]: value } as Record<K, V>));

const summaryMessage = (o: OrganizationSummary) => ({ id: o.id, slug: o.slug, name: o.name, url: o.url, ...optional('description', o.description), ...optional('email', o.email) });

export function toBadgeMessage({ record: r, system, issuer, program, image, criteria, alignments, categories, tags }: LoadedBadge): catalogV1.Badge {
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
    ...(image && { image: { slug: image.slug, ...optional('url', image.url), ...optional('mimeType', image.mimeType) } }),
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

/** Milestone messages with their badges, loaded together for the whole set. */
export async function toMilestoneMessages(records: MilestoneRecord[], db: Knex): Promise<catalogV1.Milestone[]> {
  const ids = [...new Set(records.flatMap((r) => [r.primaryBadgeId, ...r.supportBadgeIds]))];
  const badges = new Map((await new BadgeStore(db).findMany(ids, db)).map((b) => [b.record.id, toBadgeMessage(b)]));
  return records.map((r) => ({
    id: r.id,
    systemId: r.systemId,
    ...(r.action !== null && { action: r.action }),
    numberRequired: r.numberRequired,
    primaryBadge: badges.get(r.primaryBadgeId) ?? null,
    supportBadges: r.supportBadgeIds.flatMap((id) => badges.get(id) ?? []),
  }));
}

export async function toMilestoneMessage(record: MilestoneRecord, db: Knex): Promise<catalogV1.Milestone> {
  const [message] = await toMilestoneMessages([record], db);
  if (!message) throw new Error('milestone vanished while presenting it');
  return message;
}
