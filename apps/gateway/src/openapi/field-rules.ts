/**
 * BadgeKit's field rules as zod, for the document. The handlers keep
 * validating with the FieldRule lists themselves (badgekit/validation.ts):
 * the contract fixes how values are stringified first and which message each
 * failure carries in `details`, which zod's issues cannot reproduce; this is
 * the other half of the one declaration.
 */
import type { ZodType } from 'zod';
import { LIMITS } from '../http/limits.js';
import type { FieldRule, Rule } from '../families/badgekit/validation.js';
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

/** The body a FieldRule list accepts; fields it does not name are ignored, so more may be sent. */
export function fieldRulesSchema(rules: readonly FieldRule[]): ZodType {
  const shape = Object.fromEntries(rules.map(({ field, required, rules: checks }) => {
    const schema = fieldSchema(checks);
    return [field, required ? schema : schema.optional()];
  }));
  return z.looseObject(shape);
}
