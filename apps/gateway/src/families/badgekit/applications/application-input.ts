/**
 * An application body as BadgeKit clients send it (§11.3, §11.5), checked
 * with BadgeKit's rules and turned into issuance's ApplicationFields, and the
 * `processed` filter of application lists (§11.2). Evidence items are
 * validated (D-18), and ids and parents in a body are never read (D-17).
 */
import type { FieldProblem } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import type { QueryParameter } from '../../../openapi/registry.js';
import { listOf } from '../badges/badge-input.js';
import { BadgeKitError } from '../../../badgekit-format/errors.js';
import { asText, passes, validate, type FieldRule } from '../../../badgekit-format/validation.js';

const TEXT = 65_535;

/** §11.3's rules, in the original's column order. */
export const APPLICATION_RULES: FieldRule[] = [
  { field: 'learner', required: true, rules: [{ kind: 'email' }] },
  { field: 'assignedTo', required: false, rules: [{ kind: 'email' }] },
  { field: 'assignedExpiration', required: false, rules: [{ kind: 'date' }] },
  { field: 'evidence', required: false, rules: [] },
];

/** An update may also mark the application processed (§11.5). */
export const APPLICATION_UPDATE_RULES: FieldRule[] = [
  ...APPLICATION_RULES,
  { field: 'processed', required: false, rules: [{ kind: 'date' }] },
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isBlank = (value: unknown) => value === undefined || value === null || value === '';
/** An item id as BadgeKit stored them; anything else cannot name an item. */
export const itemId = (value: unknown): string | undefined =>
  /^[1-9]\d{0,17}$/.test(asText(value)) ? asText(value) : undefined;

/** Dates without a zone (`YYYY-MM-DD HH:MM:SS`, §11.3) are read as UTC, whatever the server's zone. */
const ZONELESS = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/** A time as JavaScript's Date constructor reads it (numbers are milliseconds), in RFC 3339; undefined when it is none. */
export function timeOf(value: unknown): string | undefined {
  let time: number;
  if (typeof value === 'number') time = value;
  else if (typeof value === 'string')
    time = Date.parse(ZONELESS.test(value.trim()) ? `${value.trim().replace(' ', 'T')}Z` : value);
  else return undefined;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const MEDIA_TYPES: Readonly<Record<string, issuanceV1.EvidenceMediaType>> = {
  image: 'EVIDENCE_MEDIA_TYPE_IMAGE',
  link: 'EVIDENCE_MEDIA_TYPE_LINK',
};

/** Evidence items (§11.3): `url` must pass the URL rule and `mediaType` be image or link, as the spec recommends. */
export function readEvidence(value: unknown): { items: issuanceV1.Evidence[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const items = listOf(value).flatMap((item, i): issuanceV1.Evidence[] => {
    const field = (key: string) => `evidence[${i}][${key}]`;
    if (!isRecord(item)) {
      problems.push({ message: 'Unexpected value or invalid argument', field: `evidence[${i}]`, value: asText(item) });
      return [];
    }
    const { url, mediaType, reflection } = item;
    if (!isBlank(url) && !passes({ kind: 'url' }, asText(url)))
      problems.push({ message: 'Invalid URL', field: field('url'), value: asText(url) });
    const media = isBlank(mediaType) ? undefined : MEDIA_TYPES[asText(mediaType)];
    if (!isBlank(mediaType) && !media)
      problems.push({
        message: 'Unexpected value or invalid argument',
        field: field('mediaType'),
        value: asText(mediaType),
      });
    if (!isBlank(reflection) && [...asText(reflection)].length > TEXT)
      problems.push({ message: 'String is not in range', field: field('reflection'), value: asText(reflection) });
    const id = itemId(item.id);
    return [
      {
        ...(id && { id }),
        ...(!isBlank(url) && { url: asText(url) }),
        ...(media && { mediaType: media }),
        ...(!isBlank(reflection) && { reflection: asText(reflection) }),
      },
    ];
  });
  return { items, problems };
}

/**
 * `processed` on update: a falsy value un-processes; anything else goes
 * through the Date constructor and must give a date (§11.5).
 */
function readProcessed(value: unknown): { value: string; problems: FieldProblem[] } {
  if (!value) return { value: '', problems: [] };
  const time = timeOf(value);
  return time
    ? { value: time, problems: [] }
    : { value: '', problems: [{ message: 'Not a date', field: 'processed', value: asText(value) }] };
}

/**
 * BadgeKit's checks of a body and the fields it gives. A create reads the
 * fields that have a value; an update every key present, where null clears
 * a field ("" on the wire) and evidence given, even empty, replaces the
 * stored evidence while omitted evidence stays (§11.5).
 */
export function checkApplicationBody(
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): { fields: issuanceV1.ApplicationFields; problems: FieldProblem[] } {
  const problems =
    mode === 'create' ? validate(body, APPLICATION_RULES) : validate(body, APPLICATION_RULES, { partial: true });
  const given = (key: string) => (mode === 'update' ? Object.hasOwn(body, key) : !isBlank(body[key]));
  const fields: issuanceV1.ApplicationFields = {};
  if (given('learner')) fields.learner = asText(body.learner);
  if (given('assignedTo')) fields.assignedTo = asText(body.assignedTo);
  if (given('assignedExpiration'))
    fields.assignedExpiration = isBlank(body.assignedExpiration) ? '' : (timeOf(body.assignedExpiration) ?? '');
  if (mode === 'update' && given('processed')) {
    const processed = readProcessed(body.processed);
    fields.processed = processed.value;
    problems.push(...processed.problems);
  }
  if (given('evidence')) {
    const evidence = readEvidence(body.evidence);
    fields.evidence = { items: evidence.items };
    problems.push(...evidence.problems);
  }
  return { fields, problems };
}

/** §11.2's `processed` filter: true/1 processed only, false/0 pending only, any/empty/absent all; anything else is a 400. */
export function readProcessedFilter(query: Record<string, unknown>): boolean | undefined {
  const value = query.processed;
  if (value === undefined || value === '' || value === 'any') return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new BadgeKitError(400, {
    code: 'InvalidParameter',
    parameter: 'processed',
    message: "Invalid `processed` parameter. Expecting one of 'true', 'false' or 'any'.",
  });
}

/** The undocumented `email` filter: one learner's applications. */
export function readLearnerFilter(query: Record<string, unknown>): string | undefined {
  return typeof query.email === 'string' && query.email !== '' ? query.email : undefined;
}

export const APPLICATION_LIST_QUERY: QueryParameter[] = [
  {
    name: 'processed',
    description: "Which applications: 'true'/'1' processed only, 'false'/'0' pending only, 'any'/empty/absent all",
    values: ['true', '1', 'false', '0', 'any', ''],
  },
  { name: 'email', description: "Only this learner's applications (case-insensitive)" },
  { name: 'page', description: 'Page number (1-based); paging applies only when page and count are both positive' },
  { name: 'count', description: 'Records per page' },
];
