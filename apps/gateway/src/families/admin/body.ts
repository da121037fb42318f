/**
 * Admin request bodies: JSON only (admin-api.md), parsed from the raw bytes,
 * which are kept because the JWT `body` claim hashes exactly what was sent.
 * Unlike BadgeKit's parser, a top-level array survives: it is how members are
 * created in bulk.
 */
import type { NextFunction, Request, Response } from 'express';
import { parseJsonText } from '../../http/text-guard.js';
import { BadgeKitError } from '../../badgekit-format/errors.js';

export interface AdminBody {
  raw: Buffer;
  /** Undefined when the request had no body (or is a GET/HEAD). */
  json: unknown;
}

declare module 'express-serve-static-core' {
  interface Request {
    adminBody?: AdminBody;
  }
}

export function parseAdminBody(req: Request): AdminBody {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (req.method === 'GET' || req.method === 'HEAD' || raw.length === 0) return { raw, json: undefined };
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    throw new BadgeKitError(415, { code: 'UnsupportedMediaTypeError', message: type ?? 'application/octet-stream' });
  try {
    return { raw, json: parseJsonText(raw.toString('utf8')) };
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new BadgeKitError(400, {
      code: 'InvalidContent',
      message: `Invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}

export function adminBody(req: Request, _res: Response, next: NextFunction): void {
  try {
    req.adminBody = parseAdminBody(req);
    next();
  } catch (error) {
    next(error);
  }
}

/** The body as an object of fields; anything else (an array, a number, nothing) has none. */
export function bodyFields(req: Request): Record<string, unknown> {
  const json = req.adminBody?.json;
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}
