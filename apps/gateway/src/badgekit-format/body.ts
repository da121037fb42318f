/**
 * Part of the BadgeKit wire format (src/badgekit-format/): the badgekit,
 * admin and public families (and KickApps' own body reading) share it.
 *
 * Request bodies as BadgeKit reads them (badgekit-api.md §2.3): JSON,
 * urlencoded with nested keys, or multipart (text fields plus an `image`
 * file). The raw bytes are kept, because the JWT `body` claim hashes exactly
 * what was sent.
 */
import busboy from 'busboy';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import qs from 'qs';
import { LIMITS } from '../http/limits.js';
import { assertNoNul, parseJsonText } from '../http/text-guard.js';
import { BadgeKitError } from './errors.js';

export interface UploadedFile {
  field: string;
  mimeType: string;
  filename: string;
  data: Buffer;
}

export interface BadgeKitBody {
  raw: Buffer;
  /** Undefined when the request had no body (or is a GET/HEAD). */
  fields: Record<string, unknown> | undefined;
  files: UploadedFile[];
}

declare module 'express-serve-static-core' {
  interface Request {
    badgekitBody?: BadgeKitBody;
  }
}

/** Reads the raw bytes of any content type (gzip inflated), without parsing. */
export const readRawBody = express.raw({ type: () => true, limit: LIMITS.body.badgekit, inflate: true });

const QS_OPTIONS = { depth: LIMITS.formDepth, arrayLimit: 1000 };

/** qs nests keys up to LIMITS.formDepth; deeper keys stay literal text, so only NUL needs refusing. */
function parseForm(text: string): Record<string, unknown> {
  const fields = qs.parse(text, QS_OPTIONS) as Record<string, unknown>;
  assertNoNul(fields);
  return fields;
}

function mediaType(req: Request): string | undefined {
  const header = req.headers['content-type'];
  return header?.split(';')[0]?.trim().toLowerCase();
}

/** The multipart body's text fields as `name=value` pairs, and its files. */
function readMultipart(req: Request, raw: Buffer): Promise<{ pairs: string[]; files: UploadedFile[] }> {
  return new Promise((resolve, reject) => {
    const files: UploadedFile[] = [];
    const pairs: string[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { fileSize: LIMITS.uploadBytes } });
    } catch (error) {
      reject(
        new BadgeKitError(400, {
          code: 'InvalidContent',
          message: `Invalid multipart body: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
      return;
    }
    parser.on('field', (name, value) => pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`));
    parser.on('file', (field, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () =>
        files.push({ field, mimeType: info.mimeType, filename: info.filename ?? '', data: Buffer.concat(chunks) }),
      );
    });
    parser.on('error', (error) =>
      reject(
        new BadgeKitError(400, {
          code: 'InvalidContent',
          message: `Invalid multipart body: ${error instanceof Error ? error.message : String(error)}`,
        }),
      ),
    );
    parser.on('close', () => resolve({ pairs, files }));
    parser.end(raw);
  });
}

async function parseMultipart(
  req: Request,
  raw: Buffer,
): Promise<{ fields: Record<string, unknown>; files: UploadedFile[] }> {
  const { pairs, files } = await readMultipart(req, raw);
  // Text fields go through qs so that `criteria[0][description]` nests as in urlencoded bodies.
  return { fields: parseForm(pairs.join('&')), files };
}

/** Parses the raw body per the spec's content-type table; 415 and 400 as it says. */
export async function parseBadgeKitBody(req: Request): Promise<BadgeKitBody> {
  const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (req.method === 'GET' || req.method === 'HEAD' || raw.length === 0) return { raw, fields: undefined, files: [] };
  const type = mediaType(req);
  switch (type) {
    case 'application/json': {
      let parsed: unknown;
      try {
        parsed = parseJsonText(raw.toString('utf8'));
      } catch (error) {
        if (!(error instanceof SyntaxError)) throw error;
        throw new BadgeKitError(400, {
          code: 'InvalidContent',
          message: `Invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      // A JSON body that is not an object (null, a number, an array) has no fields (D-24).
      const fields =
        parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
          ? (parsed as Record<string, unknown>)
          : {};
      return { raw, fields, files: [] };
    }
    case 'application/x-www-form-urlencoded':
      return { raw, fields: parseForm(raw.toString('utf8')), files: [] };
    case 'multipart/form-data':
      return { raw, ...(await parseMultipart(req, raw)) };
    default:
      throw new BadgeKitError(415, { code: 'UnsupportedMediaTypeError', message: type ?? 'application/octet-stream' });
  }
}

/** Middleware: parse, then attach as req.badgekitBody. */
export function badgekitBody(req: Request, _res: Response, next: NextFunction): void {
  parseBadgeKitBody(req).then((body) => {
    req.badgekitBody = body;
    next();
  }, next);
}
