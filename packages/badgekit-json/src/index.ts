/**
 * BadgeKit's JSON for a badge (badgekit-api.md §7.1, keys in the original's
 * order), shared by the gateway's responses and issuance's webhook messages,
 * whose receivers validate exact key sets. A full badge carries its image and
 * shallow system/issuer/program; a bare badge (§2.9) omits those four keys and
 * has empty collections. Integer flags stay integers (`unique`, criterion
 * `required`); `archived` is a boolean.
 */
import type { catalogV1 } from '@laurel/protos';
import { imageUrlOf } from '@laurel/service-kit';

export interface OrganizationJson {
  id: number;
  slug: string;
  url: string;
  name: string;
  description: string | null;
  email: string | null;
  imageUrl: string | null;
}

export interface BadgeJson {
  id: number;
  slug: string;
  name: string;
  strapline: string | null;
  earnerDescription: string | null;
  consumerDescription: string | null;
  issuerUrl: string | null;
  rubricUrl: string | null;
  timeValue: number | null;
  timeUnits: string | null;
  limit: number | null;
  unique: 0 | 1;
  created: string;
  imageUrl?: string | null;
  type: string | null;
  archived: boolean;
  system?: OrganizationJson & { issuers: [] };
  issuer?: IssuerJson;
  program?: OrganizationJson;
  criteriaUrl: string | null;
  criteria: { id: number; description: string; required: 0 | 1; note: string }[];
  alignments: { id: number; name: string; url: string; description: string }[];
  evidenceType: string | null;
  categories: string[];
  tags: { id: number; value: string }[];
  milestones: unknown[];
}

type Organization = { id: string; slug: string; url: string; name: string; description?: string; email?: string };

/** A shallow organization (§2.9): `imageUrl` is null. */
export const shallowOrganization = (o: Organization): OrganizationJson => ({
  id: Number(o.id),
  slug: o.slug,
  url: o.url,
  name: o.name,
  description: o.description ?? null,
  email: o.email ?? null,
  imageUrl: null,
});

export type IssuerJson = OrganizationJson & { programs: OrganizationJson[] };

/** A shallow issuer (§2.9) with its shallow programs. */
export const shallowIssuerJson = (i: Organization & { programs: Organization[] }): IssuerJson => ({
  ...shallowOrganization(i),
  programs: i.programs.map(shallowOrganization),
});

const numberOrNull = (value: string | undefined): number | null => (value === undefined ? null : Number(value));

export function bareBadgeJson(badge: catalogV1.Badge__Output): BadgeJson {
  return {
    id: Number(badge.id),
    slug: badge.slug,
    name: badge.name,
    strapline: badge.strapline ?? null,
    earnerDescription: badge.earnerDescription ?? null,
    consumerDescription: badge.consumerDescription ?? null,
    issuerUrl: badge.issuerUrl ?? null,
    rubricUrl: badge.rubricUrl ?? null,
    timeValue: numberOrNull(badge.timeValue),
    timeUnits: badge.timeUnits ?? null,
    limit: numberOrNull(badge.limit),
    unique: badge.unique ? 1 : 0,
    created: badge.createdAt,
    type: badge.type ?? null,
    archived: badge.archived,
    criteriaUrl: badge.criteriaUrl ?? null,
    criteria: [],
    alignments: [],
    evidenceType: badge.evidenceType ?? null,
    categories: [],
    tags: [],
    milestones: [],
  };
}

/** A fully loaded badge; `milestones` is filled only by the single-badge GET (§7.6). */
export function fullBadgeJson(badge: catalogV1.Badge__Output, origin: string, milestones: unknown[] = []): BadgeJson {
  const bare = bareBadgeJson(badge);
  return {
    id: bare.id,
    slug: bare.slug,
    name: bare.name,
    strapline: bare.strapline,
    earnerDescription: bare.earnerDescription,
    consumerDescription: bare.consumerDescription,
    issuerUrl: bare.issuerUrl,
    rubricUrl: bare.rubricUrl,
    timeValue: bare.timeValue,
    timeUnits: bare.timeUnits,
    limit: bare.limit,
    unique: bare.unique,
    created: bare.created,
    imageUrl: imageUrlOf(badge.image, origin),
    type: bare.type,
    archived: bare.archived,
    ...(badge.system && { system: { ...shallowOrganization(badge.system), issuers: [] as [] } }),
    ...(badge.issuer && { issuer: shallowIssuerJson(badge.issuer) }),
    ...(badge.program && { program: shallowOrganization(badge.program) }),
    criteriaUrl: bare.criteriaUrl,
    criteria: badge.criteria.map((c) => ({
      id: Number(c.id),
      description: c.description,
      required: c.required ? 1 : 0,
      note: c.note,
    })),
    alignments: badge.alignments.map((a) => ({
      id: Number(a.id),
      name: a.name,
      url: a.url,
      description: a.description,
    })),
    evidenceType: bare.evidenceType,
    categories: [...badge.categories],
    tags: badge.tags.map((t) => ({ id: Number(t.id), value: t.value })),
    milestones,
  };
}
