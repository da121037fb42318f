/**
 * The OB 3.0 API's one error format, imsx_StatusInfo (1EdTech
 * ob_v3p0_imsx_statusinfo schema), mapped at the edge from every error the
 * family's handlers meet: its own Ob3Error, the OAuth library's errors, the
 * services' DomainError and the gateway's EdgeProblem. The OAuth endpoints
 * (token, registration) also carry RFC 6749 §5.2 / RFC 7591 §3.2.2 `error`
 * and `error_description`, which OAuth clients read.
 */
import type { NextFunction, Request, Response } from 'express';
import { OAuthError } from '@node-oauth/oauth2-server';
import { DomainError, type Logger } from '@laurel/service-kit';
import { EdgeProblem } from '../../http/edge-problem.js';
import { edgeProblemOf } from '../../http/edge-guard.js';
import { redactUrl } from '../../http/request-context.js';

export type CodeMinor =
  | 'forbidden'
  | 'invalid_data'
  | 'invalid_query_parameter'
  | 'not_found'
  | 'unauthorizedrequest'
  | 'server_busy'
  | 'internal_server_error'
  | 'not_allowed'
  | 'not_acceptable';

export class Ob3Error extends Error {
  constructor(
    readonly status: number,
    readonly codeMinor: CodeMinor,
    message: string,
    /** The RFC 6749 / 7591 code, on the OAuth endpoints. */
    readonly oauthError?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Ob3Error';
  }
}

export function statusInfo(description: string, codeMinor: CodeMinor, major: 'failure' | 'success' = 'failure') {
  return {
    imsx_codeMajor: major,
    imsx_severity: major === 'failure' ? 'error' : 'status',
    imsx_description: description,
    imsx_codeMinor: {
      imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: codeMinor }],
    },
  };
}

const EDGE_MINOR: Record<number, CodeMinor> = { 413: 'invalid_data', 415: 'not_acceptable', 431: 'invalid_data' };

/** An edge problem (size, encoding, URL) as imsx_StatusInfo; used by http/edge-response.ts too. */
export function edgeStatusInfo(problem: EdgeProblem) {
  if (problem.kind === 'internal')
    return { status: 500, body: statusInfo('An internal error occurred', 'internal_server_error') };
  return { status: problem.status, body: statusInfo(problem.message, EDGE_MINOR[problem.status] ?? 'invalid_data') };
}

/** What an OAuth library error means here (its `code` is the HTTP status, its `name` the RFC 6749 error code). */
function fromOAuth(error: OAuthError): Ob3Error {
  const headers: Record<string, string> = {};
  // The token endpoint's 401 is the client's Basic authentication (RFC 6749 §5.2); the resources' is the bearer token (RFC 6750 §3).
  if (error.name === 'invalid_client') headers['WWW-Authenticate'] = 'Basic realm="ob3"';
  else if (error.code === 401)
    headers['WWW-Authenticate'] =
      error.name === 'unauthorized_request' ? 'Bearer realm="ob3"' : `Bearer realm="ob3", error="${error.name}"`;
  if (error.code === 403) headers['WWW-Authenticate'] = `Bearer realm="ob3", error="insufficient_scope"`;
  const minor: CodeMinor =
    error.code === 401
      ? 'unauthorizedrequest'
      : error.code === 403
        ? 'forbidden'
        : error.code >= 500
          ? 'internal_server_error'
          : 'invalid_data';
  // The library's own 503/500 is a model (database) failure: not the client's doing, and said without detail.
  if (error.code >= 500)
    return new Ob3Error(503, 'server_busy', 'A dependency is unavailable; retry later', 'temporarily_unavailable');
  return new Ob3Error(
    error.code,
    minor,
    error.message,
    error.name === 'unauthorized_request' ? undefined : error.name,
    headers,
  );
}

function fromDomain(error: DomainError): Ob3Error | undefined {
  switch (error.reason) {
    case 'ResourceNotFound':
      return new Ob3Error(404, 'not_found', error.message);
    case 'ValidationError':
      return new Ob3Error(400, 'invalid_data', error.message);
    case 'Unavailable':
      return new Ob3Error(503, 'server_busy', 'A dependency is unavailable; retry later');
    default:
      return undefined;
  }
}

export function sendOb3Error(res: Response, error: Ob3Error): void {
  const body: Record<string, unknown> = statusInfo(error.message, error.codeMinor);
  if (error.oauthError) {
    body.error = error.oauthError;
    body.error_description = error.message;
  }
  res.status(error.status).set(error.headers).set('Cache-Control', 'no-store').json(body);
}

/** The family's error handler: everything that reached it answers as imsx_StatusInfo, a bug as 500 without detail. */
export function ob3Errors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    let mapped: Ob3Error | undefined;
    if (error instanceof Ob3Error) mapped = error;
    else if (error instanceof OAuthError) mapped = fromOAuth(error);
    else if (error instanceof DomainError) mapped = fromDomain(error);
    else {
      const problem = error instanceof EdgeProblem ? error : edgeProblemOf(req, error);
      if (problem) {
        const answer = edgeStatusInfo(problem);
        res.status(answer.status).json(answer.body);
        return;
      }
    }
    if (mapped) {
      if (mapped.status >= 500)
        logger.warn(
          { err: error, requestId: req.requestId, url: redactUrl(req.url) },
          'OB 3.0 request failed on a dependency',
        );
      sendOb3Error(res, mapped);
      return;
    }
    logger.error({ err: error, requestId: req.requestId, url: redactUrl(req.url) }, 'OB 3.0 request failed');
    res.status(500).json(statusInfo('An internal error occurred', 'internal_server_error'));
  };
}
