/**
 * KickApps parameters (§5.2): query string and body (urlencoded, multipart or
 * JSON) merged, a body value winning; each reader reports the call's own
 * error number.
 */
import { KickAppsError, type ErrorId } from './envelope.js';

export class Params {
  constructor(private readonly values: Record<string, unknown>) {}

  /** The value as sent; a repeated parameter counts by its first value, a nested one as absent. */
  get(name: string): string | undefined {
    const value = this.values[name];
    const first = Array.isArray(value) ? (value as unknown[])[0] : value;
    if (typeof first === 'string') return first;
    if (typeof first === 'number' || typeof first === 'boolean') return String(first);
    return undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Sent at all, even as null or a value `get` cannot read (which then counts as blank). */
  given(name: string): boolean {
    return Object.hasOwn(this.values, name);
  }
}

export function mergeParams(query: unknown, body: Record<string, unknown> | undefined): Params {
  const fromQuery = query !== null && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  return new Params({ ...fromQuery, ...(body ?? {}) });
}

const DIGITS = /^[0-9]{1,18}$/;

/** A positive id of decimal digits, or the error. */
export function id(value: string | undefined, error: ErrorId): string {
  if (value === undefined || !DIGITS.test(value) || BigInt(value) === 0n) throw new KickAppsError(error);
  return BigInt(value).toString();
}

export function optionalBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === '') throw new KickAppsError(12);
  const lower = value.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw new KickAppsError(7);
}

/** Locations are stored as sent; only blank and over-long ones are refused. */
export function location(value: string | undefined): string {
  if (value === undefined || value.trim() === '') throw new KickAppsError(8);
  if (value.length > 64) throw new KickAppsError(20);
  return value;
}

export function positiveQuantity(value: string | undefined): string {
  if (value === undefined || !/^[0-9]{1,10}$/.test(value)) throw new KickAppsError(11);
  const n = Number(value);
  if (n < 1 || n > 2147483647) throw new KickAppsError(11);
  return String(n);
}

export function signedQuantity(value: string | undefined): string {
  if (value === undefined) return '1';
  if (!/^-?[0-9]{1,10}$/.test(value)) throw new KickAppsError(115);
  const n = Number(value);
  if (Math.abs(n) > 2147483647) throw new KickAppsError(115);
  return String(n);
}

export function paging(params: Params): { page: number; count: number } {
  const pg = params.get('pgNum') ?? '1';
  const size = params.get('pageSize') ?? '10';
  if (!/^[0-9]{1,7}$/.test(pg) || !/^[0-9]{1,4}$/.test(size)) throw new KickAppsError(118);
  const page = Number(pg);
  const count = Number(size);
  if (page < 1 || count < 1 || count > 1000) throw new KickAppsError(118);
  return { page, count };
}
