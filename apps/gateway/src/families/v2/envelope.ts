/**
 * The v2 envelope (v2-badge-api.md §2.1, §4.1): requestID counts this
 * process's v2 requests from 1, requestDateTime is when the request arrived,
 * and domain errors are HTTP 200 with a non-zero resultCode.
 */
import type { NextFunction, Request, Response } from 'express';
import { DomainError, type Logger } from '@laurel/service-kit';
import { edgeProblemOf, sendEdgeProblem } from '../../http/edge-guard.js';

export const RESULT = {
  ok: 0,
  tenantNotFound: -1,
  badLogin: -13,
  missingTenant: -21,
  missingPassword: -23,
  missingUser: -31,
  tooManyLogins: -38,
  tokenNotFound: -101,
  tokenExpired: -103,
  badCredentials: -2001,
  missingRefId: -2002,
  outcomeNotFound: -2003,
  missingBadgeUrl: -2005,
  badBadgeUrl: -2007,
  missingOutcome: -2008,
  badgeNotPublished: -2009,
  refIdAssigned: -2010,
  badgeNotFound: -2051,
  badOutcomeCode: -2073,
  unknownOutcome: -2074,
  badBody: -3001,
  notFound: 404,
  unavailable: 503,
} as const;

/** A v2 answer that is not Ok: resultCode and a short sentence. */
export class V2Error extends Error {
  constructor(
    readonly resultCode: number,
    message: string,
    readonly httpStatus = 200,
  ) {
    super(message);
    this.name = 'V2Error';
  }
}

export interface V2Context {
  requestID: number;
  requestDateTime: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    v2?: V2Context;
  }
}

let counter = 0;

/** The next request's identity (only requests of this family count). */
export function nextContext(): V2Context {
  counter += 1;
  return { requestID: counter, requestDateTime: new Date().toISOString() };
}

/** Stamps the request on arrival. */
export function stamp(req: Request, _res: Response, next: NextFunction): void {
  req.v2 = nextContext();
  next();
}

export function send(
  req: Request,
  res: Response,
  payload: Record<string, unknown> = {},
  resultCode = 0,
  resultMessage = 'Ok',
  status = 200,
): void {
  const context = req.v2 ?? { requestID: 0, requestDateTime: new Date().toISOString() };
  res.status(status).json({
    requestID: context.requestID,
    requestDateTime: context.requestDateTime,
    resultCode,
    resultMessage,
    ...payload,
  });
}

const isTransient = (error: unknown): boolean =>
  error instanceof DomainError
    ? error.reason === 'Unavailable' || error.reason === 'DeadlineExceeded' || error.reason === 'Internal'
    : true;

/** Error middleware: V2Error as its code, a dependency failure as 503; never 500 or a stack trace. */
export function v2Errors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(error);
      return;
    }
    if (error instanceof V2Error) {
      send(req, res, {}, error.resultCode, error.message, error.httpStatus);
      return;
    }
    const edge = edgeProblemOf(req, error);
    if (edge) {
      sendEdgeProblem(req, res, edge);
      return;
    }
    // A value a service refuses is the caller's mistake: never a 503 that invites a retry of it.
    // It reached a handler, so HTTP 200 (v2-badge-api.md §4.1); resultCode 400 names it, as the
    // vendor's engine API gives a failed request's status as its resultCode.
    if (error instanceof DomainError && error.reason === 'ValidationError') {
      send(req, res, {}, 400, error.message, 200);
      return;
    }
    if (!isTransient(error))
      logger.warn({ err: error, requestID: req.v2?.requestID }, 'v2 request failed with an unexpected domain error');
    else
      logger.error(
        { err: error, requestID: req.v2?.requestID, requestDateTime: req.v2?.requestDateTime },
        'v2 request failed',
      );
    send(req, res, {}, RESULT.unavailable, 'Service temporarily unavailable, retry later', 503);
  };
}
