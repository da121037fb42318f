/**
 * The KickApps badge family (kickapps-requirements.md) under /rest. Every
 * call runs the same pipeline: parameters merged, then the checks in the
 * spec's order — 104 (callback), 105 (POST-only calls), 44 (token missing),
 * 1 (invalid token), 18 (role) — then the call's own checks.
 */
import express, { type Request, type Response, type Router } from 'express';
import { DomainError, type Logger } from '@laurel/service-kit';
import { parseBadgeKitBody } from '../badgekit/body.js';
import { TokenStore, isAdminRole, type LoginMember } from '../../store/tokens.js';
import type { FamilyOptions } from '../family.js';
import { errorPayload, KickAppsError, sendKickApps, validCallback } from './envelope.js';
import { mergeParams, type Params } from './params.js';
import { kickappsCalls, type CallSpec } from './calls.js';

export interface CallContext {
  req: Request;
  params: Params;
  siteId: string;
  /** The token's member; absent only on Create Token. */
  member: LoginMember | undefined;
}

const readRaw = express.raw({ type: () => true, limit: '16mb', inflate: true });

async function bodyFields(req: Request): Promise<Record<string, unknown> | undefined> {
  try {
    return (await parseBadgeKitBody(req)).fields;
  } catch {
    // An unreadable body carries no parameters; the call's own checks report what is missing.
    return undefined;
  }
}

function failure(error: unknown, logger: Logger): KickAppsError {
  if (error instanceof KickAppsError) return error;
  if (error instanceof DomainError && error.reason !== 'Unavailable' && error.reason !== 'DeadlineExceeded') {
    logger.warn({ err: error }, 'kickapps call failed with an unmapped domain error');
  } else {
    logger.error({ err: error }, 'kickapps call failed');
  }
  return new KickAppsError(150, 503);
}

export function kickappsRouter(options: FamilyOptions): Router {
  const router = express.Router({ caseSensitive: false });
  const tokens = new TokenStore(options.db);
  const calls: CallSpec[] = kickappsCalls({ ...options, tokens });

  for (const call of calls) {
    // A POST-only call still answers GET (with 105), so both are documented.
    const methods = ['GET', 'POST'];
    for (const path of call.paths) {
      for (const method of methods) {
        options.registry.add({
          family: 'kickapps', method, path: `/rest${path}`, authenticated: false, summary: call.summary, success: 200, errors: [404, 503],
          contentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
        });
      }
      const handle = async (req: Request, res: Response) => {
        const params = mergeParams(req.query, await bodyFields(req));
        const callback = params.get('callback');
        const stringStatus = call.role === 'developer';
        try {
          if (!validCallback(callback)) {
            sendKickApps(res, undefined, errorPayload(new KickAppsError(104), stringStatus));
            return;
          }
          if (call.postOnly && req.method !== 'POST') throw new KickAppsError(105);
          const siteId = /^[0-9]{1,18}$/.test(String(req.params.as ?? '')) ? BigInt(String(req.params.as)).toString() : '';
          let member: LoginMember | undefined;
          if (call.role !== 'developer') {
            const token = params.get('t');
            if (!token) throw new KickAppsError(44);
            const check = siteId ? await tokens.check(token, siteId) : { state: 'unknown' as const };
            if (check.state !== 'valid') throw new KickAppsError(1);
            if (call.role === 'admin' && !isAdminRole(check.member.role)) throw new KickAppsError(18);
            member = check.member;
          }
          const payload = await call.handle({ req, params, siteId, member });
          sendKickApps(res, callback, { status: stringStatus ? '1' : 1, ...(stringStatus && { error: '' }), ...payload });
        } catch (error) {
          const known = failure(error, options.logger);
          sendKickApps(res, callback, errorPayload(known, stringStatus), known.httpStatus);
        }
      };
      const route = router.route(`/rest${path}`);
      route.post(readRaw, (req, res) => void handle(req, res));
      route.get((req, res) => void handle(req, res));
    }
  }

  router.all('/rest/*rest', (req, res) => {
    const callback = typeof req.query.callback === 'string' && validCallback(req.query.callback) ? req.query.callback : undefined;
    sendKickApps(res, callback, errorPayload(new KickAppsError(100), false), 404);
  });
  return router;
}
