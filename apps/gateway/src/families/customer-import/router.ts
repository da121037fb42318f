/**
 * The customer-import API family (customer-badge-import.md): the bulk import
 * of earned badges under PUT and POST, and the OAuth token route. The
 * gateway checks the whole request, then every element's shape and dates,
 * its badge (one catalog call per batch) and its customer (one members query
 * per batch); issuance writes every valid element in one transaction and
 * says, per item, whether it was created, replayed or already held.
 */
import express, { type Request, type Response, type Router } from 'express';
import { DomainError } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';
import { EdgeProblem, fromTransportError } from '../../http/edge-problem.js';
import { LIMITS } from '../../http/limits.js';
import { parseJsonText } from '../../http/text-guard.js';
import { callOptions } from '../../http/request-context.js';
import { publicOrigin } from '../../http/public-origin.js';
import { ConsumerStore, type ConsumerRecord } from '../../store/consumers.js';
import type { FamilyOptions } from '../family.js';
import { ConsumerCredentials } from '../../auth/consumer-credentials.js';
import { batchIdentity, IDEMPOTENCY_KEY, itemKey } from './batch.js';
import {
  elementResult,
  ImportRequestError,
  requestError,
  sendJson,
  sendRequestError,
  type Earned,
} from './envelope.js';
import { applyLookups, checkElement, isAwardable, issue, type BadgeFacts, type CheckedElement } from './elements.js';
import { ImportStore } from '../../store/imports.js';
import {
  ImportBodySchema,
  ImportHeaders,
  ImportResultSchema,
  MAX_ELEMENTS,
  TokenAnswerSchema,
  TokenBodySchema,
} from './schemas.js';

export const IMPORT_PATH = '/api_gateway/v1/badges/import/customerBadges';
export const TOKEN_PATH = '/v3/oauth/token/generate';
export const MAX_BODY_BYTES = LIMITS.body.import;
export { MAX_ELEMENTS };
const TOKEN_BODY_BYTES = LIMITS.body.importToken;

const FAMILY = 'customer-import';
const BULK_DEADLINE_MS = 30_000;

function rawReader(limit: number) {
  const raw = express.raw({ type: () => true, limit });
  return (req: Request, res: Response): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      // body-parser hands over an http-errors Error, or nothing.
      raw(req, res, (error?: Error) => {
        if (error) reject(error);
        else resolve(Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0));
      });
    });
}

/** Body-parser failures as the family's whole-request errors. */
function bodyError(error: unknown, limitText: string): ImportRequestError {
  const problem = fromTransportError(error, limitText);
  if (problem?.kind === 'tooLarge') return requestError.tooLarge(limitText);
  if (problem?.status === 415) return new ImportRequestError(415, 3415, problem.message);
  return requestError.invalid(problem?.message ?? 'the request body could not be read');
}

const isJson = (req: Request) =>
  (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';

function parseJson(body: Buffer): unknown {
  try {
    return parseJsonText(body.toString('utf8'));
  } catch (error) {
    if (error instanceof EdgeProblem) throw requestError.invalid(error.message);
    throw requestError.invalid('the request body is not valid JSON');
  }
}

function asRequestError(error: unknown, log: FamilyOptions['logger']): ImportRequestError {
  if (error instanceof ImportRequestError) return error;
  if (error instanceof DomainError && error.reason === 'ResourceConflict') return requestError.keyReused();
  log.warn({ err: error }, 'customer import failed on a dependency');
  return requestError.unavailable();
}

/** The issuance answer of one awardable element, as the family reports it. */
function applyResult(
  checked: CheckedElement,
  result: issuanceV1.BulkAwardItemResult__Output | undefined,
  expiryMs: number,
): Earned | undefined {
  if (!result) {
    checked.errors.push({ code: 3100, message: 'the element was not processed' });
    return undefined;
  }
  switch (result.result) {
    case 'AWARD_RESULT_CREATED':
    case 'AWARD_RESULT_REPLAYED': {
      const badge = result.earnedBadge;
      if (!badge) return undefined;
      const expires = badge.expires ? Date.parse(badge.expires) : expiryMs;
      return { earnedBadgeId: badge.id, expiresMs: Number.isNaN(expires) ? expiryMs : expires };
    }
    case 'AWARD_RESULT_ALREADY_HELD':
      checked.errors.push(issue.alreadyHeld(String(checked.badgeMetaId)));
      return undefined;
    default:
      // Only a change between the gateway's look-ups and issuance's own (a badge archived or deleted meanwhile) gets here.
      for (const problem of result.errors) {
        if (problem.code === 'BULK_AWARD_ISSUE_CODE_BADGE_NOT_FOUND')
          checked.errors.push(issue.badgeNotFound(String(checked.badgeMetaId)));
        else if (problem.code === 'BULK_AWARD_ISSUE_CODE_BADGE_ARCHIVED')
          checked.errors.push(issue.archived(String(checked.badgeMetaId)));
        else checked.errors.push({ code: 3100, message: problem.message || 'the element could not be recorded' });
      }
      if (checked.errors.length === 0)
        checked.errors.push({ code: 3100, message: 'the element could not be recorded' });
      return undefined;
  }
}

export function customerImportRouter(options: FamilyOptions): Router {
  const router = express.Router();
  const { clients, logger, registry } = options;
  const log = logger.child({ family: FAMILY });
  const auth = new ConsumerCredentials(new ConsumerStore(options.db), options.config.SECRET_ENCRYPTION_KEY);
  const store = new ImportStore(options.db);
  const readImportBody = rawReader(MAX_BODY_BYTES);
  const readTokenBody = rawReader(TOKEN_BODY_BYTES);

  async function badgeFacts(req: Request, siteId: string, ids: string[]): Promise<Map<string, BadgeFacts>> {
    if (ids.length === 0) return new Map();
    try {
      const { badges } = await clients.catalog.call(
        'ListBadges',
        { siteId, ids, archived: 'ARCHIVED_FILTER_ANY', page: { page: 1, count: ids.length } },
        callOptions(req),
      );
      return new Map(badges.map((b) => [b.id, { archived: b.archived, published: b.published }]));
    } catch (error) {
      // The consumer's site is gone from the catalog: none of its badges exist.
      if (error instanceof DomainError && error.reason === 'ResourceNotFound') return new Map();
      throw error;
    }
  }

  async function processBatch(
    req: Request,
    consumer: ConsumerRecord,
    elements: unknown[],
    idempotencyKey: string | undefined,
  ): Promise<string> {
    const siteId = consumer.siteId;
    const identity = batchIdentity(consumer.key, elements, idempotencyKey);
    const stored = await store.findResponse(siteId, identity.batchKey);
    if (stored) {
      if (stored.requestHash !== identity.requestHash) throw requestError.keyReused();
      return stored.response;
    }

    const now = Date.now();
    const checked = elements.map((element, i) => checkElement(element, i + 1, now));
    const badgeIds = [...new Set(checked.flatMap((c) => (c.badgeId !== undefined ? [c.badgeId] : [])))];
    const userIds = [...new Set(checked.flatMap((c) => (c.userId !== undefined ? [c.userId] : [])))];
    const [badges, members] = await Promise.all([
      badgeFacts(req, siteId, badgeIds),
      store.existingMembers(siteId, userIds),
    ]);
    for (const c of checked) applyLookups(c, badges, members);

    const awardable = checked.filter(isAwardable);
    const { results } = await clients.issuance.call(
      'BulkAward',
      {
        siteId,
        channel: 'AWARD_CHANNEL_IMPORT',
        batchKey: identity.batchKey,
        requestHash: identity.requestHash,
        publicOrigin: publicOrigin(req, options.config.PUBLIC_BASE_URL),
        items: awardable.map((c) => ({
          badgeId: c.badgeId,
          userId: String(c.userId),
          email: '',
          idempotencyKey: itemKey(identity.batchKey, c.position),
          issuedOn: new Date(c.eventMs).toISOString(),
          expires: new Date(c.expiryMs).toISOString(),
        })),
        // A whole batch is one transaction and idempotent by its batch key: it may take longer than a single
        // award (more so right after issuance restarted), and waiting is safe.
      },
      { ...callOptions(req), deadlineMs: BULK_DEADLINE_MS },
    );
    const earned = new Map<number, Earned>();
    awardable.forEach((c, i) => {
      const got = applyResult(c, results[i], c.expiryMs);
      if (got) earned.set(c.position, got);
    });
    const response = JSON.stringify(checked.map((c) => elementResult(c, identity.batchId, earned.get(c.position))));
    try {
      await store.saveResponse(siteId, identity.batchKey, identity.requestHash, response);
    } catch (error) {
      // The awards are committed; a retry without the stored text is still answered from issuance's replay.
      log.warn({ err: error }, 'could not store the import response');
    }
    return response;
  }

  const importHandler = async (req: Request, res: Response) => {
    try {
      const outcome = await auth.authenticate(req.headers, 'badge-import');
      if (!outcome.ok)
        throw outcome.status === 403
          ? requestError.forbidden(outcome.message)
          : requestError.unauthorized(outcome.message);
      if (!isJson(req)) throw requestError.mediaType();
      let body: Buffer;
      try {
        body = await readImportBody(req, res);
      } catch (error) {
        throw bodyError(error, '2 MiB');
      }
      const parsed = parseJson(body);
      if (!Array.isArray(parsed)) throw requestError.invalid('the request body must be a JSON array of elements');
      if (parsed.length === 0) throw requestError.empty();
      if (parsed.length > MAX_ELEMENTS) throw requestError.tooMany(MAX_ELEMENTS);
      const header = req.headers['idempotency-key'];
      const idempotencyKey = Array.isArray(header) ? header[0] : header;
      if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey))
        throw requestError.invalid('Idempotency-Key must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -');
      sendJson(res, 200, await processBatch(req, outcome.consumer, parsed, idempotencyKey));
    } catch (error) {
      sendRequestError(res, asRequestError(error, log));
    }
  };

  const tokenHandler = async (req: Request, res: Response) => {
    try {
      if (!isJson(req)) throw requestError.mediaType();
      let body: Buffer;
      try {
        body = await readTokenBody(req, res);
      } catch (error) {
        throw bodyError(error, '16 KiB');
      }
      const parsed = parseJson(body);
      // The schema /openapi.json documents is the one that checks the body.
      const fields = TokenBodySchema.safeParse(parsed);
      if (!fields.success) throw requestError.invalid('the body must be {"key": string, "secret": string}');
      const consumer = await auth.checkCredentials(fields.data.key, fields.data.secret);
      if (!consumer) throw requestError.unauthorized('unknown key or wrong secret');
      // Tokens serve the import and v2 BadgeAssignment; each route checks its own permission.
      if (!consumer.permissions.includes('badge-import') && !consumer.permissions.includes('badge-assignment')) {
        throw requestError.forbidden(
          'this consumer may not obtain tokens (permission badge-import or badge-assignment)',
        );
      }
      sendJson(res, 200, JSON.stringify({ data: auth.issueToken(consumer), errors: null, warnings: null }));
    } catch (error) {
      sendRequestError(res, asRequestError(error, log));
    }
  };

  const importDoc = {
    summary: "Import customers' earned badges",
    description:
      'A JSON array of up to 1000 elements; Basic (key:secret or key:md5(secret)) or an OAuth token (X-CAP-API-OAUTH-TOKEN, CAP-API-ACCESS-TOKEN, Authorization: Bearer); ' +
      'optional Idempotency-Key. Answers 200 with one {data, errors, warnings} per element, in order.',
    success: 200,
    errors: [400, 401, 403, 409, 413, 415, 503],
    contentTypes: ['application/json'],
    body: ImportBodySchema,
    headers: ImportHeaders,
    response: ImportResultSchema,
    security: ['importBasic', 'importToken', 'importBearer'] as const,
  };
  for (const method of ['PUT', 'POST'] as const) {
    registry.add({ ...importDoc, family: FAMILY, method, path: IMPORT_PATH, authenticated: true });
  }
  router.put(IMPORT_PATH, importHandler);
  router.post(IMPORT_PATH, importHandler);
  registry.add({
    family: FAMILY,
    method: 'POST',
    path: TOKEN_PATH,
    authenticated: false,
    success: 200,
    errors: [400, 401, 403, 415],
    summary: 'An OAuth access token for the customer import and v2 BadgeAssignment',
    description: 'For a consumer with the badge-import or badge-assignment permission.',
    contentTypes: ['application/json'],
    body: TokenBodySchema,
    response: TokenAnswerSchema,
  });
  router.post(TOKEN_PATH, tokenHandler);
  return router;
}
