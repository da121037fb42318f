/**
 * A badge body as BadgeKit clients send it (§7.5, §7.7), checked with
 * BadgeKit's rules and turned into the catalog's BadgeFields. Values arrive
 * as JSON types or, from forms, as strings; boolean-likes are normalised
 * before storing (D-15), child items are validated (D-18, D-19), and ids and
 * parents in a body are never read (D-17).
 */
import type { FieldProblem } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import { asText, validate, type FieldRule } from '../../../badgekit-format/validation.js';

const TEXT = 65_535;
const ONE_OF = 'Unexpected value or invalid argument';
const FLAG = ['0', '1', 'true', 'false'];

/** §7.5's rules in storage column order (the order of `details`). `type` is optional: absent, it is "" (D-14). */
export const BADGE_RULES: FieldRule[] = [
  { field: 'slug', required: false, rules: [{ kind: 'length', min: 1, max: 255 }] },
  { field: 'name', required: true, rules: [{ kind: 'length', min: 1, max: 255 }] },
  { field: 'strapline', required: false, rules: [{ kind: 'length', min: 0, max: 140 }] },
  { field: 'earnerDescription', required: true, rules: [{ kind: 'length', min: 1, max: TEXT }] },
  { field: 'consumerDescription', required: true, rules: [{ kind: 'length', min: 1, max: TEXT }] },
  { field: 'issuerUrl', required: false, rules: [{ kind: 'length', min: 0, max: 255 }] },
  { field: 'rubricUrl', required: false, rules: [{ kind: 'length', min: 0, max: 255 }] },
  { field: 'timeValue', required: false, rules: [{ kind: 'integer' }] },
  { field: 'timeUnits', required: false, rules: [{ kind: 'oneOf', values: ['minutes', 'hours', 'days', 'weeks'] }] },
  { field: 'limit', required: false, rules: [{ kind: 'integer' }] },
  { field: 'unique', required: true, rules: [{ kind: 'oneOf', values: FLAG }] },
  { field: 'type', required: false, rules: [{ kind: 'length', min: 0, max: 255 }] },
  { field: 'criteriaUrl', required: true, rules: [{ kind: 'url' }] },
  {
    field: 'evidenceType',
    required: false,
    rules: [{ kind: 'oneOf', values: ['URL', 'Text', 'Photo', 'Video', 'Sound'] }],
  },
];

/** An update may also archive or restore a badge; a create ignores `archived` (§7.5). */
export const BADGE_UPDATE_RULES: FieldRule[] = [
  ...BADGE_RULES,
  { field: 'archived', required: false, rules: [{ kind: 'oneOf', values: [...FLAG, 'on', 'off'] }] },
];

const TRUE = new Set(['true', '1', 'on']);
const FALSE = new Set(['false', '0', 'off', '']);

/** D-8/D-15: true, 1, "true", "1", "on" are true; false, 0, "false", "0", "" are false; anything else is not a boolean. */
export function booleanLike(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  return TRUE.has(text) ? true : FALSE.has(text) ? false : undefined;
}

/**
 * A collection as bodies carry it: an array, a form's indexed object
 * (`criteria[0][…]` beyond qs's array limit), or a single item.
 */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > 0 && entries.every(([key]) => /^\d+$/.test(key)))
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
  }
  return [value];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const missing = (value: unknown) => value === undefined || value === null || asText(value).trim() === '';
const itemId = (value: unknown): string | undefined =>
  /^[1-9]\d{0,17}$/.test(asText(value)) ? asText(value) : undefined;

export function readCriteria(value: unknown): { items: catalogV1.Criterion[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const items = listOf(value).flatMap((item, i): catalogV1.Criterion[] => {
    const field = (key: string) => `criteria[${i}][${key}]`;
    if (typeof item === 'string') item = { description: item };
    if (!isRecord(item)) {
      problems.push({ message: ONE_OF, field: `criteria[${i}]`, value: asText(item) });
      return [];
    }
    if (missing(item.description)) problems.push({ field: field('description'), value: '' });
    // Storage's default: a criterion is required unless it says otherwise.
    const required = item.required === undefined || item.required === null ? true : booleanLike(item.required);
    if (required === undefined)
      problems.push({ message: ONE_OF, field: field('required'), value: asText(item.required) });
    const id = itemId(item.id);
    return [
      { ...(id && { id }), description: asText(item.description), required: required ?? true, note: asText(item.note) },
    ];
  });
  return { items, problems };
}

export function readAlignments(value: unknown): { items: catalogV1.Alignment[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const items = listOf(value).flatMap((item, i): catalogV1.Alignment[] => {
    if (!isRecord(item)) {
      problems.push({ message: ONE_OF, field: `alignments[${i}]`, value: asText(item) });
      return [];
    }
    // D-19: an alignment without a description broke every later read of its badge.
    for (const key of ['name', 'url', 'description'])
      if (missing(item[key])) problems.push({ field: `alignments[${i}][${key}]`, value: '' });
    if (!missing(item.name) && [...asText(item.name)].length > 255)
      problems.push({ message: 'String is not in range', field: `alignments[${i}][name]`, value: asText(item.name) });
    const id = itemId(item.id);
    return [
      { ...(id && { id }), name: asText(item.name), url: asText(item.url), description: asText(item.description) },
    ];
  });
  return { items, problems };
}

/** Categories are strings, tags strings or `{value}` objects; one string is a one-element list; empty values and repeats are dropped (§2.10). */
export function readValues(
  value: unknown,
  field: 'categories' | 'tags',
): { items: string[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const texts = listOf(isRecord(value) && 'value' in value ? [value] : value).flatMap((item) => {
    if (typeof item === 'string' || typeof item === 'number') return [String(item)];
    if (field === 'tags' && isRecord(item) && (typeof item.value === 'string' || typeof item.value === 'number'))
      return [String(item.value)];
    problems.push({ message: ONE_OF, field, value: asText(item) });
    return [];
  });
  const items = [...new Set(texts.filter((t) => t.trim() !== ''))];
  for (const item of items)
    if ([...item].length > 255) problems.push({ message: 'String is not in range', field, value: item });
  return { items, problems };
}

const TEXT_FIELDS = [
  'slug',
  'name',
  'strapline',
  'earnerDescription',
  'consumerDescription',
  'issuerUrl',
  'rubricUrl',
  'type',
  'criteriaUrl',
] as const;
/** Fields that cannot hold "": sending it means "none". */
const VALUE_FIELDS = ['timeValue', 'timeUnits', 'limit', 'evidenceType'] as const;
const SNAKE: Readonly<Record<string, string>> = {
  strapline: 'strapline',
  earnerDescription: 'earner_description',
  consumerDescription: 'consumer_description',
  issuerUrl: 'issuer_url',
  rubricUrl: 'rubric_url',
  timeValue: 'time_value',
  timeUnits: 'time_units',
  limit: 'limit',
  criteriaUrl: 'criteria_url',
  evidenceType: 'evidence_type',
};

/** The scalar body keys a badge write reads, for a conflict's `details`. */
export const BADGE_KEYS: readonly string[] = [...TEXT_FIELDS, ...VALUE_FIELDS, 'unique', 'archived'];

/**
 * The catalog's fields from a body. A create reads fields that have a value;
 * an update every key present, where null clears the field and a collection
 * given (even empty) replaces the stored one (D-12).
 */
export function badgeFields(
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): { fields: catalogV1.BadgeFields; problems: FieldProblem[] } {
  const fields: catalogV1.BadgeFields = {};
  const cleared: string[] = [];
  const given = (key: string) =>
    mode === 'update' ? Object.hasOwn(body, key) : body[key] !== undefined && body[key] !== null;
  for (const key of TEXT_FIELDS) {
    if (!given(key)) continue;
    const value = body[key];
    if (key === 'slug' && mode === 'create' && value === '') continue;
    // D-14: `type` is never null, as storage required it; "" stands for none.
    if ((value === null || value === undefined) && key !== 'type') cleared.push(SNAKE[key] ?? key);
    else fields[key] = asText(value);
  }
  for (const key of VALUE_FIELDS) {
    if (!given(key)) continue;
    const value = body[key];
    if (value === null || value === undefined || value === '') {
      if (mode === 'update') cleared.push(SNAKE[key] ?? key);
    } else fields[key] = asText(value);
  }
  if (mode === 'create' && fields.type === undefined) fields.type = '';
  if (given('unique')) fields.unique = booleanLike(body.unique) ?? false;
  if (mode === 'update' && given('archived')) fields.archived = booleanLike(body.archived) ?? false;

  const problems: FieldProblem[] = [];
  const collect = <T>(result: { items: T[]; problems: FieldProblem[] }) => {
    problems.push(...result.problems);
    return { items: result.items };
  };
  if (given('criteria')) fields.criteria = collect(readCriteria(body.criteria));
  if (given('alignments')) fields.alignments = collect(readAlignments(body.alignments));
  if (given('categories')) fields.categories = collect(readValues(body.categories, 'categories'));
  if (given('tags')) fields.tags = collect(readValues(body.tags, 'tags'));
  if (cleared.length > 0) fields.cleared = cleared;
  return { fields, problems };
}

/** BadgeKit's checks of a body: the field rules (only the keys given, on update), then the child items. */
export function checkBadgeBody(
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): { fields: catalogV1.BadgeFields; problems: FieldProblem[] } {
  const ruleProblems =
    mode === 'create' ? validate(body, BADGE_RULES) : validate(body, BADGE_UPDATE_RULES, { partial: true });
  const { fields, problems } = badgeFields(body, mode);
  return { fields, problems: [...ruleProblems, ...problems] };
}

/** The values a client submitted, as a conflict's `details` (D-23). */
export function submittedValues(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(BADGE_KEYS.filter((key) => Object.hasOwn(body, key)).map((key) => [key, body[key]]));
}
