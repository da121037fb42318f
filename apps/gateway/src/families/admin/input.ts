/**
 * Admin input checks on top of BadgeKit's field rules (§2.5), whose messages
 * the admin API reuses. BadgeKit stringifies values before checking them;
 * the admin API is JSON and stores text, so a field that must be text has
 * to arrive as a JSON string.
 */
import type { FieldProblem } from '@laurel/service-kit';
import { validate, type FieldRule } from '../../badgekit-format/validation.js';

export const NOT_A_STRING = 'Expected a string';

/** BadgeKit's rules, plus: every present, non-null field of `rules` is a string. */
export function validateText(
  fields: Record<string, unknown>,
  rules: FieldRule[],
  options: { partial?: boolean } = {},
): FieldProblem[] {
  const wrongType = rules
    .filter(({ field }) => fields[field] !== undefined && fields[field] !== null && typeof fields[field] !== 'string')
    .map(({ field }): FieldProblem => ({ message: NOT_A_STRING, field, value: fields[field] }));
  const wrong = new Set(wrongType.map((p) => p.field));
  const problems = validate(
    fields,
    rules.filter((r) => !wrong.has(r.field)),
    options,
  );
  return [...problems, ...wrongType].sort(
    (a, b) => rules.findIndex((r) => r.field === a.field) - rules.findIndex((r) => r.field === b.field),
  );
}
