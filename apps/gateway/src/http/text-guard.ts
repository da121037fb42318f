/**
 * Checks on request text before it is parsed or passed on: JSON nesting
 * depth (a 100k-deep array parses, then overflows the stack of whatever
 * walks it next) and NUL characters (PostgreSQL refuses them in text, so
 * they would surface as a service failure instead of the client's mistake).
 */
import { EdgeProblem } from './edge-problem.js';
import { LIMITS } from './limits.js';

const OPEN = new Set(['[', '{']);
const CLOSE = new Set([']', '}']);

const tooDeep = () => EdgeProblem.content(`JSON nests deeper than ${LIMITS.jsonDepth} levels`);
const hasNul = () => EdgeProblem.content('text must not contain NUL characters');

/**
 * One pass over JSON text, outside and inside strings, refusing nesting over
 * the limit and `\u0000` escapes; syntax is left to JSON.parse.
 */
export function checkJsonText(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (inString) {
      if (c === '\\') {
        if (text.startsWith('u0000', i + 1)) throw hasNul();
        i += 1;
      } else if (c === '"') {
        inString = false;
      } else if (c === '\0') {
        throw hasNul();
      }
    } else if (c === '"') {
      inString = true;
    } else if (OPEN.has(c)) {
      depth += 1;
      if (depth > LIMITS.jsonDepth) throw tooDeep();
    } else if (CLOSE.has(c)) {
      depth -= 1;
    }
  }
}

/** JSON.parse after checkJsonText; a SyntaxError is the caller's to word. */
export function parseJsonText(text: string): unknown {
  checkJsonText(text);
  return JSON.parse(text) as unknown;
}

/** Refuses NUL in any string of a parsed form (keys included); forms nest at most LIMITS.formDepth, so recursion is bounded. */
export function assertNoNul(value: unknown, depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\0')) throw hasNul();
    return;
  }
  if (value === null || typeof value !== 'object' || depth > LIMITS.jsonDepth) return;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\0')) throw hasNul();
    assertNoNul(item, depth + 1);
  }
}
