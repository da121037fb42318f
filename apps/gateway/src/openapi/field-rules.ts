/**
 * BadgeKit's field rules as zod, for the document. The handlers keep
 * validating with the FieldRule lists themselves (badgekit-format/validation.ts):
 * the contract fixes how values are stringified first and which message each
 * failure carries in `details`, which zod's issues cannot reproduce; this is
 * the other half of the one declaration.
 */
import type { ZodType } from 'zod';
import { LIMITS } from '../http/limits.js';
import { asText, passes, type FieldRule, type Rule } from '../badgekit-format/validation.js';
import { z } from './zod.js';

function ruleSchema(rule: Rule): ZodType {
  switch (rule.kind) {
    case 'length':
      return z.string().min(rule.min).max(rule.max);
    case 'email':
      return z.string().max(LIMITS.emailChars).openapi({ format: 'email' });
    case 'url':
      return z.string().openapi({ format: 'uri', description: 'http, https or ftp URL; the scheme may be left out' });
    case 'integer':
      // Values are stringified before the check, so "12" passes as well as 12.
      return z.union([z.int(), z.string().regex(/^-?(0|[1-9][0-9]*)$/)]);
    case 'oneOf':
      return z.enum(rule.values as [string, ...string[]]);
    case 'date':
      return z.string().openapi({ description: 'a date: ISO 8601, Unix seconds or Unix milliseconds' });
  }
}

function fieldSchema(checks: Rule[]): ZodType {
  const [first, ...rest] = checks.map(ruleSchema);
  if (!first) return z.unknown();
  return rest.reduce<ZodType>((all, next) => z.intersection(all, next), first);
}

/** Values the e2e tests send, by field name: the request examples of BadgeKit and admin bodies. */
const FIELD_EXAMPLES: Record<string, unknown> = {
  slug: 'chicago',
  name: 'Chicago',
  url: 'http://example.org',
  email: 'admin@example.org',
  description: 'City of learning',
  strapline: 'Took the first steps',
  earnerDescription: 'You took the first steps',
  consumerDescription: 'The earner took the first steps',
  criteriaUrl: 'http://example.org/criteria',
  learner: 'earner@example.org',
  author: 'reviewer@example.org',
  comment: 'Well done',
  username: 'fan',
  password: 'correct horse battery',
  code: 'a1b2c3d4e5f60718',
  claimCode: 'a1b2c3d4e5f60718',
  action: 'comment',
  numberRequired: 2,
  badgeId: 7,
  primaryBadgeId: 7,
  issuedOn: '2026-01-05T10:00:00Z',
  expires: '2027-01-05T10:00:00Z',
};

/** An example value a field's rules accept: the tests' value when it passes them, else one made to fit. */
function exampleValue(field: string, checks: Rule[]): unknown {
  const known = FIELD_EXAMPLES[field];
  const fits = (value: unknown) => checks.every((rule) => passes(rule, asText(value)));
  if (known !== undefined && fits(known)) return known;
  for (const rule of checks) {
    const candidate =
      rule.kind === 'oneOf'
        ? rule.values[0]
        : rule.kind === 'email'
          ? 'earner@example.org'
          : rule.kind === 'url'
            ? 'http://example.org'
            : rule.kind === 'integer'
              ? 1
              : rule.kind === 'date'
                ? '2026-01-05T10:00:00Z'
                : 'x'.repeat(Math.max(rule.min, 1));
    if (fits(candidate)) return candidate;
  }
  return undefined;
}

/** The body a FieldRule list accepts; fields it does not name are ignored, so more may be sent. */
export function fieldRulesSchema(rules: readonly FieldRule[]): ZodType {
  const shape = Object.fromEntries(
    rules.map(({ field, required, rules: checks }): [string, ZodType] => {
      const schema = fieldSchema(checks);
      return [field, required ? schema : schema.optional()];
    }),
  );
  const example = Object.fromEntries(
    rules
      .filter(({ field, required }) => required || FIELD_EXAMPLES[field] !== undefined)
      .map(({ field, rules: checks }): [string, unknown] => [field, exampleValue(field, checks)])
      .filter(([, value]) => value !== undefined),
  );
  return z.looseObject(shape).openapi({ example });
}
