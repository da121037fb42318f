/**
 * One badge for every API family (model.md "Badges"). These are the rules the
 * catalog itself guarantees whichever family wrote the badge: defaults on
 * create, merging a partial update, and the invariants of the stored record.
 * Each family validates its own formats and tighter limits at the edge; the
 * catalog accepts the union (e.g. a strapline of up to 256 characters, the
 * KickApps limit, although BadgeKit allows 140).
 */
import { randomBytes } from 'node:crypto';
import { DomainError, type FieldProblem } from '@laurel/service-kit';

export const TIME_UNITS: readonly string[] = ['minutes', 'hours', 'days', 'weeks'];
export const EVIDENCE_TYPES: readonly string[] = ['URL', 'Text', 'Photo', 'Video', 'Sound'];
export const ORIGINS: readonly string[] = ['badgekit', 'kickapps', 'import'];

export interface Criterion {
  /** An existing item's id; honoured only when the item belongs to the same badge (D-18). */
  id?: string;
  description: string;
  required: boolean;
  note: string;
}

export interface Alignment {
  id?: string;
  name: string;
  url: string;
  description: string;
}

/** The writable scalar part of a badge. */
export interface BadgeData {
  slug: string;
  name: string;
  strapline: string | null;
  earnerDescription: string | null;
  consumerDescription: string | null;
  issuerUrl: string | null;
  rubricUrl: string | null;
  timeValue: string | null;
  timeUnits: string | null;
  limit: string | null;
  unique: boolean;
  type: string | null;
  archived: boolean;
  criteriaUrl: string | null;
  evidenceType: string | null;
  published: boolean;
  location: string | null;
  origin: string;
  imageId: string | null;
}

export interface BadgeCollections {
  criteria: Criterion[];
  alignments: Alignment[];
  categories: string[];
  tags: string[];
}

/** A stored badge: its data plus what the catalog sets itself. Parents come only from a context (D-17). */
export interface BadgeRecord extends BadgeData {
  id: string;
  systemId: string;
  issuerId: string | null;
  programId: string | null;
  createdAt: Date;
}

/** What a create or update carries; an absent key is "not given" (update: unchanged). */
export type BadgeChange = Partial<BadgeData> & Partial<BadgeCollections>;

/** Every scalar a client gives: all of BadgeData but the image id (the image is saved on its own). */
export const BADGE_SCALAR_KEYS = [
  'slug',
  'name',
  'strapline',
  'earnerDescription',
  'consumerDescription',
  'issuerUrl',
  'rubricUrl',
  'timeValue',
  'timeUnits',
  'limit',
  'unique',
  'type',
  'archived',
  'criteriaUrl',
  'evidenceType',
  'published',
  'location',
  'origin',
] as const satisfies readonly (keyof BadgeData)[];

const DATA_KEYS: readonly (keyof BadgeData)[] = [...BADGE_SCALAR_KEYS, 'imageId'];

/** A new badge's slug when the client chose none: random, so it cannot be predicted or collide by timing. */
export function newBadgeSlug(): string {
  return randomBytes(16).toString('hex');
}

/** Categories and tags keep each value once, in the order given, without empty ones (§2.10). */
export function distinctValues(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    if (value.trim() === '' || seen.has(value)) continue;
    seen.add(value);
    result.push(value);
  }
  return result;
}

/** A change's scalar values as submitted, for a conflict's `details` (D-23: built per request). */
export function submittedValues(change: BadgeChange): Partial<BadgeData> {
  const { criteria: _c, alignments: _a, categories: _g, tags: _t, ...scalars } = change;
  return scalars;
}

/** Field names by which `cleared` may null a field (the proto's snake_case names). */
const CLEARABLE: Readonly<Record<string, keyof BadgeData | keyof BadgeCollections>> = {
  slug: 'slug',
  name: 'name',
  strapline: 'strapline',
  earner_description: 'earnerDescription',
  consumer_description: 'consumerDescription',
  issuer_url: 'issuerUrl',
  rubric_url: 'rubricUrl',
  time_value: 'timeValue',
  time_units: 'timeUnits',
  limit: 'limit',
  type: 'type',
  criteria_url: 'criteriaUrl',
  evidence_type: 'evidenceType',
  location: 'location',
  image: 'imageId',
  criteria: 'criteria',
  alignments: 'alignments',
  categories: 'categories',
  tags: 'tags',
};

const COLLECTIONS = new Set<string>(['criteria', 'alignments', 'categories', 'tags']);

/**
 * Applies `cleared` to a change: scalars become null, collections empty.
 * Clearing a required field is allowed here and fails the record check, so
 * the caller learns which field is missing; flags cannot be cleared at all.
 */
export function withCleared(change: BadgeChange, cleared: readonly string[]): BadgeChange {
  const result: Record<string, unknown> = { ...change };
  const problems: FieldProblem[] = [];
  for (const name of cleared) {
    const key = CLEARABLE[name];
    if (key === undefined) problems.push({ field: name, value: name, message: 'Cannot be cleared' });
    else result[key] = COLLECTIONS.has(key) ? [] : null;
  }
  if (problems.length > 0) throw DomainError.validation(problems);
  return result;
}

/** A new badge from what a create carries: defaults for the rest, then the invariants. */
export function newBadge(change: BadgeChange, slug: () => string = newBadgeSlug): BadgeData & BadgeCollections {
  const origin = change.origin ?? 'badgekit';
  const badge: BadgeData & BadgeCollections = {
    slug: change.slug ?? slug(),
    name: change.name ?? '',
    strapline: change.strapline ?? null,
    earnerDescription: change.earnerDescription ?? null,
    consumerDescription: change.consumerDescription ?? null,
    issuerUrl: change.issuerUrl ?? null,
    rubricUrl: change.rubricUrl ?? null,
    timeValue: change.timeValue ?? null,
    timeUnits: change.timeUnits ?? null,
    limit: change.limit ?? null,
    unique: change.unique ?? true,
    type: change.type ?? null,
    archived: change.archived ?? false,
    criteriaUrl: change.criteriaUrl ?? null,
    evidenceType: change.evidenceType ?? null,
    // model.md: badges BadgeKit creates are published; other families say so themselves.
    published: change.published ?? origin === 'badgekit',
    location: change.location ?? null,
    origin,
    imageId: change.imageId ?? null,
    criteria: change.criteria ?? [],
    alignments: change.alignments ?? [],
    categories: distinctValues(change.categories ?? []),
    tags: distinctValues(change.tags ?? []),
  };
  checkBadge(badge, badge);
  return badge;
}

/**
 * A partial update over the stored record: absent keys stay, present ones
 * overwrite; collections are replaced only when given (D-12). The origin
 * never changes. Returns the merged data and the collections to replace.
 */
export function mergeBadge(
  current: BadgeData,
  change: BadgeChange,
): { data: BadgeData; collections: Partial<BadgeCollections> } {
  const data = Object.fromEntries(
    DATA_KEYS.map((key) => [key, key === 'origin' || change[key] === undefined ? current[key] : change[key]]),
  ) as unknown as BadgeData;
  const collections: Partial<BadgeCollections> = {};
  if (change.criteria) collections.criteria = change.criteria;
  if (change.alignments) collections.alignments = change.alignments;
  if (change.categories) collections.categories = distinctValues(change.categories);
  if (change.tags) collections.tags = distinctValues(change.tags);
  checkBadge(data, collections);
  return { data, collections };
}

const LENGTH_LIMITS: readonly [keyof BadgeData, number][] = [
  ['strapline', 256],
  ['issuerUrl', 255],
  ['rubricUrl', 255],
  ['type', 255],
  ['location', 255],
];

const tooLong = (field: string, value: string): FieldProblem => ({ message: 'String is not in range', field, value });

/** The stored record's invariants, naming every problem (BadgeKit `details` entries). */
export function checkBadge(data: BadgeData, collections: Partial<BadgeCollections>): void {
  const problems: FieldProblem[] = [];
  for (const field of ['slug', 'name'] as const) {
    // Null when a caller cleared a required field.
    const value = data[field] as string | null;
    if (value === null || value === '') problems.push({ field, value: '' });
    else if ([...value].length > 255) problems.push(tooLong(field, value));
  }
  for (const [field, max] of LENGTH_LIMITS) {
    const value = data[field];
    if (typeof value === 'string' && [...value].length > max) problems.push(tooLong(field, value));
  }
  if (data.timeUnits !== null && !TIME_UNITS.includes(data.timeUnits))
    problems.push({ message: 'Unexpected value or invalid argument', field: 'timeUnits', value: data.timeUnits });
  if (data.evidenceType !== null && !EVIDENCE_TYPES.includes(data.evidenceType))
    problems.push({ message: 'Unexpected value or invalid argument', field: 'evidenceType', value: data.evidenceType });
  if (!ORIGINS.includes(data.origin))
    problems.push({ message: 'Unexpected value or invalid argument', field: 'origin', value: data.origin });
  (collections.criteria ?? []).forEach((c, i) => {
    if (c.description.trim() === '') problems.push({ field: `criteria[${i}][description]`, value: '' });
  });
  (collections.alignments ?? []).forEach((a, i) => {
    if (a.name.trim() === '') problems.push({ field: `alignments[${i}][name]`, value: '' });
    else if ([...a.name].length > 255) problems.push(tooLong(`alignments[${i}][name]`, a.name));
    if (a.url.trim() === '') problems.push({ field: `alignments[${i}][url]`, value: '' });
  });
  for (const field of ['categories', 'tags'] as const) {
    for (const value of collections[field] ?? []) if ([...value].length > 255) problems.push(tooLong(field, value));
  }
  if (problems.length > 0) throw DomainError.validation(problems);
}

/** Which badges a list returns by archived state; BadgeKit's default is the active ones (§7.3). */
export type ArchivedState = 'active' | 'archived' | 'any';

export function archivedState(filter: string | undefined): ArchivedState {
  if (filter === 'ARCHIVED_FILTER_ARCHIVED') return 'archived';
  if (filter === 'ARCHIVED_FILTER_ANY') return 'any';
  return 'active';
}
