/**
 * A review body as BadgeKit clients send it (§12.2), checked with BadgeKit's
 * rules and turned into issuance's ReviewFields. Items are validated (D-18);
 * `satisfied` is stored normalised (D-15) and also passed on exactly as
 * sent, because the `review` webhook's `approved` reads it with the
 * original's loose rule (§14.4).
 */
import type { FieldProblem } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import { itemId } from './application-input.js';
import { booleanLike, listOf } from '../badges/badge-input.js';
import { asText, passes, validate, type FieldRule } from '../../../badgekit-format/validation.js';

const TEXT = 65_535;
const FLAG = ['0', '1', 'true', 'false'];

export const REVIEW_RULES: FieldRule[] = [
  { field: 'author', required: true, rules: [{ kind: 'email' }] },
  { field: 'comment', required: false, rules: [{ kind: 'length', min: 0, max: TEXT }] },
  { field: 'reviewItems', required: false, rules: [] },
];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/** Review items: `criterionId` a positive integer, `satisfied` one of 0/1/true/false (absent: not satisfied), `comment` text. */
export function readReviewItems(value: unknown): { items: issuanceV1.ReviewItem[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const items = listOf(value).flatMap((item, i): issuanceV1.ReviewItem[] => {
    const field = (key: string) => `reviewItems[${i}][${key}]`;
    if (!isRecord(item)) {
      problems.push({
        message: 'Unexpected value or invalid argument',
        field: `reviewItems[${i}]`,
        value: asText(item),
      });
      return [];
    }
    const { criterionId, satisfied, comment } = item;
    if (isBlank(criterionId)) problems.push({ field: field('criterionId'), value: '' });
    // Criterion ids are positive; 0 or a negative number cannot name one.
    else if (!/^[1-9]\d{0,17}$/.test(asText(criterionId)))
      problems.push({ message: 'Invalid integer', field: field('criterionId'), value: asText(criterionId) });
    if (!isBlank(satisfied) && !passes({ kind: 'oneOf', values: FLAG }, asText(satisfied))) {
      problems.push({
        message: 'Unexpected value or invalid argument',
        field: field('satisfied'),
        value: asText(satisfied),
      });
    }
    if (!isBlank(comment) && [...asText(comment)].length > TEXT)
      problems.push({ message: 'String is not in range', field: field('comment'), value: asText(comment) });
    const id = itemId(item.id);
    return [
      {
        ...(id && { id }),
        criterionId: asText(criterionId),
        satisfied: booleanLike(satisfied) ?? false,
        ...(!isBlank(comment) && { comment: asText(comment) }),
        ...(!isBlank(satisfied) && { satisfiedAsSent: JSON.stringify(satisfied) }),
      },
    ];
  });
  return { items, problems };
}

/**
 * BadgeKit's checks of a body and the fields it gives. A create reads the
 * fields that have a value; an update every key present, where a null
 * comment clears it, and items given (even none) replace the stored ones
 * while omitted items stay (D-12).
 */
export function checkReviewBody(
  body: Record<string, unknown>,
  mode: 'create' | 'update',
): { fields: issuanceV1.ReviewFields; problems: FieldProblem[] } {
  const problems = validate(body, REVIEW_RULES, { partial: mode === 'update' });
  const given = (key: string) => (mode === 'update' ? Object.hasOwn(body, key) : !isBlank(body[key]));
  const fields: issuanceV1.ReviewFields = {};
  if (given('author')) fields.author = asText(body.author);
  if (given('comment')) fields.comment = asText(body.comment);
  if (given('reviewItems')) {
    const items = readReviewItems(body.reviewItems);
    fields.reviewItems = { items: items.items };
    problems.push(...items.problems);
  }
  return { fields, problems };
}
