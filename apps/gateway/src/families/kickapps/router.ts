/**
 * The KickApps badge family (kickapps-requirements.md) under /rest. Every
 * call runs the same pipeline: parameters merged, then the checks in the
 * spec's order — 104 (callback), 105 (POST-only calls), 44 (token missing),
 * 1 (invalid token), 18 (role) — then, on mutations, the idempotency key
 * (120, a Laurel number: §5.2 names no error for a bad key) and its replay,
 * then the call's own checks.
 */
import express, { type Request, type Response, type Router } from 'express';
import { DomainError, type Logger } from '@laurel/service-kit';
import { parseBadgeKitBody } from '../../badgekit-format/body.js';
import { EdgeProblem } from '../../http/edge-problem.js';
import { sendEdgeProblem } from '../../http/edge-guard.js';
import { LIMITS } from '../../http/limits.js';
import { TokenStore, isAdminRole, type LoginMember } from '../../store/tokens.js';
import type { FamilyOptions } from '../family.js';
import { KickAppsReplayStore, type ReplayScope, type StoredAnswer } from '../../store/kickapps-replays.js';
import { errorPayload, KickAppsError, sendJson, sendKickApps, validCallback } from './envelope.js';
import { mergeParams, type Params } from './params.js';
import { kickappsCalls, type CallSpec } from './calls.js';
import { superfanCalls } from './superfans.js';
import { COMMON_PARAMS, IDEMPOTENCY_PARAM, KickAppsErrorSchema, successSchema } from './schemas.js';
import { z } from '../../openapi/zod.js';

/** Everything a call reads, for the document: its own parameters, `callback`, and the idempotency key on mutations. */
const callInput = (call: CallSpec) =>
  COMMON_PARAMS.extend(call.doc.input.shape).extend(call.mutation ? IDEMPOTENCY_PARAM.shape : {});

export interface CallContext {
  req: Request;
  params: Params;
  siteId: string;
  /** The token's member; absent only on Create Token. */
  member: LoginMember | undefined;
}

const readRaw = express.raw({ type: () => true, limit: LIMITS.body.kickapps, inflate: true });

async function bodyFields(req: Request): Promise<Record<string, unknown> | undefined> {
  try {
    return (await parseBadgeKitBody(req)).fields;
  } catch (error) {
    // A body over the edge's limits (depth, NUL) is refused; one of another media type carries no parameters,
    // and the call's own checks report what is missing.
    if (error instanceof EdgeProblem) throw error;
    return undefined;
  }
}

function failure(error: unknown, logger: Logger): KickAppsError {
  if (error instanceof KickAppsError) return error;
  // A value a service refuses (too long for it, say) is the caller's mistake, answered like any other error of the call.
  if (error instanceof DomainError && error.reason === 'ValidationError') return new KickAppsError(127);
  if (error instanceof DomainError && error.reason !== 'Unavailable' && error.reason !== 'DeadlineExceeded') {
    logger.warn({ err: error }, 'kickapps call failed with an unmapped domain error');
  } else {
    logger.error({ err: error }, 'kickapps call failed');
  }
  return new KickAppsError(150, 503);
}

/** The key as sent (header first), or null when one was sent that is not 1–128 characters. */
function idempotencyKeyOf(req: Request, params: Params): string | undefined | null {
  const header = req.headers['idempotency-key'];
  const key = typeof header === 'string' ? header : params.get('idempotencyKey');
  if (key === undefined) return undefined;
  return key.length >= 1 && key.length <= 128 ? key : null;
}

/** How long a repeat waits for a concurrent first call with its key before answering 150. */
const PENDING_WAIT_MS = 5000;
const PENDING_POLL_MS = 100;

export function kickappsRouter(options: FamilyOptions): Router {
  const router = express.Router({ caseSensitive: false });
  const tokens = new TokenStore(options.db, options.config.LOGIN_TOKEN_TTL_SECONDS * 1000);
  const replays = new KickAppsReplayStore(options.db);
  const calls: CallSpec[] = [...kickappsCalls({ ...options, tokens }), ...superfanCalls({ ...options, tokens })];

  /** 'claimed' when this request is to act; the first answer when there is one. */
  const claim = async (scope: ReplayScope): Promise<StoredAnswer | 'claimed'> => {
    const deadline = Date.now() + PENDING_WAIT_MS;
    for (;;) {
      const result = await replays.claim(scope);
      if (result.state === 'claimed') return 'claimed';
      if (result.state === 'answered') return result.answer;
      if (Date.now() >= deadline) throw new KickAppsError(150, 503);
      await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
    }
  };

  /** Keeps the answer for repeats; a failure to keep it must not turn a done call into an error. */
  const remember = async (scope: ReplayScope | undefined, answer: StoredAnswer): Promise<void> => {
    if (!scope) return;
    try {
      if (answer.httpStatus === 503) await replays.release(scope);
      else await replays.answer(scope, answer);
    } catch (error) {
      options.logger.error({ err: error }, 'kickapps replay answer not stored');
    }
  };

  for (const call of calls) {
    // A POST-only call still answers GET (with 105), so both are documented.
    const methods = ['GET', 'POST'];
    for (const path of call.paths) {
      for (const method of methods) {
        const input = callInput(call);
        options.registry.add({
          family: 'kickapps',
          method,
          path: `/rest${path}`,
          authenticated: call.role !== 'public',
          summary: call.summary,
          success: 200,
          errors: [404, 503],
          ...(call.postOnly &&
            method === 'GET' && { description: 'This call requires POST: a GET is answered with error 105.' }),
          contentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
          ...(call.role === 'developer' ? { security: 'kickappsDeveloperKey' as const } : {}),
          // A POST may also put its parameters in the query string; a body value wins (§5.2).
          ...(method === 'GET' ? { query: input } : { body: input }),
          response: z.union([successSchema(call.doc.output, call.role === 'developer'), KickAppsErrorSchema]),
        });
      }
      const handle = async (req: Request, res: Response) => {
        let fields: Record<string, unknown> | undefined;
        try {
          fields = await bodyFields(req);
        } catch (error) {
          if (!(error instanceof EdgeProblem)) throw error;
          sendEdgeProblem(req, res, error);
          return;
        }
        const params = mergeParams(req.query, fields);
        const callback = params.get('callback');
        const stringStatus = call.role === 'developer';
        let scope: ReplayScope | undefined;
        try {
          if (!validCallback(callback)) {
            sendKickApps(res, undefined, errorPayload(new KickAppsError(104), stringStatus));
            return;
          }
          if (call.postOnly && req.method !== 'POST') throw new KickAppsError(105);
          const siteId = /^[0-9]{1,18}$/.test(String(req.params.as ?? ''))
            ? BigInt(String(req.params.as)).toString()
            : '';
          let member: LoginMember | undefined;
          if (call.role === 'member' || call.role === 'admin') {
            const token = params.get('t');
            if (!token) throw new KickAppsError(44);
            const check = siteId ? await tokens.check(token, siteId) : { state: 'unknown' as const };
            if (check.state !== 'valid') throw new KickAppsError(1);
            if (call.role === 'admin' && !isAdminRole(check.member.role)) throw new KickAppsError(18);
            member = check.member;
          }
          if (call.mutation && member) {
            const key = idempotencyKeyOf(req, params);
            if (key === null) throw new KickAppsError(120);
            if (key !== undefined) {
              const candidate = { siteId, userId: member.userId, key };
              const first = await claim(candidate);
              if (first !== 'claimed') {
                sendJson(res, callback, first.answer, first.httpStatus);
                return;
              }
              scope = candidate;
            }
          }
          const payload = await call.handle({ req, params, siteId, member });
          const json = JSON.stringify({
            status: stringStatus ? '1' : 1,
            ...(stringStatus && { error: '' }),
            ...payload,
          });
          await remember(scope, { answer: json, httpStatus: 200 });
          sendJson(res, callback, json);
        } catch (error) {
          const known = failure(error, options.logger);
          const json = JSON.stringify(errorPayload(known, stringStatus));
          await remember(scope, { answer: json, httpStatus: known.httpStatus });
          sendJson(res, callback, json, known.httpStatus);
        }
      };
      const route = router.route(`/rest${path}`);
      route.post(readRaw, (req, res, next) => {
        handle(req, res).catch(next);
      });
      route.get((req, res, next) => {
        handle(req, res).catch(next);
      });
    }
  }

  router.all('/rest/*rest', (req, res) => {
    const callback =
      typeof req.query.callback === 'string' && validCallback(req.query.callback) ? req.query.callback : undefined;
    sendKickApps(res, callback, errorPayload(new KickAppsError(100), false), 404);
  });
  return router;
}
