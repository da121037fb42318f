/**
 * Badges as BadgeKit JSON (§7.1), keys in the original's order. A full badge
 * carries its image and shallow system/issuer/program; a bare badge (§2.9)
 * omits those four keys and has empty collections. Integer flags stay
 * integers (`unique`, criterion `required`), `archived` is a boolean.
 */
import type { catalogV1 } from '@laurel/protos';
import type { PresentContext } from './present.js';
import { presentShallowIssuer, presentShallowProgram, type IssuerJson, type ProgramJson } from './present.js';

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
  system?: ProgramJson & { issuers: [] };
  issuer?: IssuerJson;
  program?: ProgramJson;
  criteriaUrl: string | null;
  criteria: { id: number; description: string; required: 0 | 1; note: string }[];
  alignments: { id: number; name: string; url: string; description: string }[];
  evidenceType: string | null;
  categories: string[];
  tags: { id: number; value: string }[];
  milestones: unknown[];
}

const numberOrNull = (value: string | undefined): number | null => (value === undefined ? null : Number(value));

/** A bare badge: every key of §7.1 except imageUrl, system, issuer and program; collections empty. */
export function presentBareBadge(badge: catalogV1.Badge__Output): BadgeJson {
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
export function presentBadge(badge: catalogV1.Badge__Output, ctx: PresentContext, milestones: unknown[] = []): BadgeJson {
  const bare = presentBareBadge(badge);
  const system = badge.system;
  return {
    id: bare.id, slug: bare.slug, name: bare.name, strapline: bare.strapline, earnerDescription: bare.earnerDescription,
    consumerDescription: bare.consumerDescription, issuerUrl: bare.issuerUrl, rubricUrl: bare.rubricUrl, timeValue: bare.timeValue,
    timeUnits: bare.timeUnits, limit: bare.limit, unique: bare.unique, created: bare.created,
    imageUrl: ctx.imageUrl(badge.image),
    type: bare.type,
    archived: bare.archived,
    ...(system && {
      system: {
        id: Number(system.id), slug: system.slug, url: system.url, name: system.name,
        description: system.description ?? null, email: system.email ?? null, imageUrl: null, issuers: [] as [],
      },
    }),
    ...(badge.issuer && { issuer: presentShallowIssuer(badge.issuer) }),
    ...(badge.program && { program: presentShallowProgram(badge.program) }),
    criteriaUrl: bare.criteriaUrl,
    criteria: badge.criteria.map((c) => ({ id: Number(c.id), description: c.description, required: c.required ? 1 : 0, note: c.note })),
    alignments: badge.alignments.map((a) => ({ id: Number(a.id), name: a.name, url: a.url, description: a.description })),
    evidenceType: bare.evidenceType,
    categories: [...badge.categories],
    tags: badge.tags.map((t) => ({ id: Number(t.id), value: t.value })),
    milestones,
  };
}
