/**
 * The gateway's outermost checks and last resort. `urlGuard` refuses a URL
 * no family can use (malformed percent-encoding, control characters in the
 * path, NUL in the query) before any router decodes it; `edgeErrors` is the
 * final error handler, so Express's own (HTML with a stack trace) is never
 * reached; `clientErrorHandler` answers what Node's HTTP parser refuses
 * (oversized headers, unknown methods) in the family's format too.
 */
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@laurel/service-kit';
import { EdgeProblem, fromTransportError } from './edge-problem.js';
import { bodyLimitOf, renderEdgeProblem, type EdgeAnswer } from './edge-response.js';
import { sizeText, LIMITS } from './limits.js';
import { redactUrl } from './request-context.js';

// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
const QUERY_NUL = /%00/i;

/** The problem with a raw URL (path and query), if any. */
export function urlProblem(url: string): EdgeProblem | undefined {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  for (const segment of path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return EdgeProblem.url('malformed percent-encoding in the path');
    }
    if (CONTROL.test(decoded)) return EdgeProblem.url('control characters (such as NUL) are not allowed in the path');
  }
  if (queryAt !== -1 && (QUERY_NUL.test(url.slice(queryAt)) || url.includes('\0')))
    return EdgeProblem.url('NUL characters are not allowed in the query');
  return undefined;
}

/** The whole path: inside a router mounted at a path, req.path is only the rest of it. */
export function fullPath(req: Request): string {
  return (req.originalUrl || req.url).split('?')[0] ?? '/';
}

function callbackOf(req: Request): string | undefined {
  const callback: unknown = req.query.callback;
  return typeof callback === 'string' ? callback : undefined;
}

function send(res: Response, answer: EdgeAnswer): void {
  res.status(answer.status).type(answer.contentType).send(answer.body);
}

/** Sends an edge problem in the format of the request's family. */
export function sendEdgeProblem(req: Request, res: Response, problem: EdgeProblem): void {
  send(res, renderEdgeProblem(problem, fullPath(req), { callback: callbackOf(req), v2: req.v2 }));
}

export function urlGuard(req: Request, res: Response, next: NextFunction): void {
  const problem = urlProblem(req.url);
  if (problem) {
    // req.query must not be read here: its parser is what this protects.
    send(res, renderEdgeProblem(problem, req.url.split('?')[0] ?? '/'));
    return;
  }
  next();
}

/** The problem an error stands for when it is the client's doing (body parsing, decoding, limits). */
export function edgeProblemOf(req: Request, error: unknown): EdgeProblem | undefined {
  return fromTransportError(error, sizeText(bodyLimitOf(fullPath(req))));
}

/**
 * The last error handler: a client's mistake in its family's format, anything
 * else as that family's unavailable/internal answer without detail.
 */
export function edgeErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) {
      // Half an answer cannot be mended; ending the connection tells the client it is incomplete.
      logger.error(
        { err: error, requestId: req.requestId, url: redactUrl(req.url) },
        'request failed after its answer began',
      );
      res.destroy();
      return;
    }
    const problem = edgeProblemOf(req, error);
    if (problem) {
      sendEdgeProblem(req, res, problem);
      return;
    }
    logger.error(
      { err: error, requestId: req.requestId, url: redactUrl(req.url) },
      'request failed outside its family',
    );
    send(
      res,
      renderEdgeProblem(new EdgeProblem('internal', 500, 'An internal error occured'), fullPath(req), {
        callback: callbackOf(req),
        v2: req.v2,
      }),
    );
  };
}

/** Only the path is needed, and a long request line may be cut short. */
const REQUEST_LINE = /^[A-Za-z]+ (\/[^\s?]*)/;

interface ParserError extends Error {
  code?: string;
  rawPacket?: Buffer;
}

/**
 * Node's answer to a request its parser refuses is an empty 400/431; this
 * writes the family's instead, picking the family from the request line when
 * the first packet holds one.
 */
export function clientErrorHandler(logger: Logger) {
  return (error: ParserError, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const headers = error.code === 'HPE_HEADER_OVERFLOW';
    const problem = headers
      ? new EdgeProblem('headers', 431, `the request headers are larger than ${sizeText(LIMITS.headerBytes)}`)
      : new EdgeProblem('request', 400, 'malformed HTTP request (unknown method or invalid request line or header)');
    const line = error.rawPacket?.subarray(0, 2048).toString('latin1').split('\r\n')[0] ?? '';
    const path = REQUEST_LINE.exec(line)?.[1] ?? '/';
    logger.debug({ code: error.code, path }, 'refused by the HTTP parser');
    endWith(socket, renderEdgeProblem(problem, path));
  };
}

/** Writes a whole answer on a socket no Express request owns, and closes it. */
function endWith(socket: Duplex, answer: EdgeAnswer): void {
  const body = Buffer.from(answer.body, 'utf8');
  socket.end(
    `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\nContent-Type: ${answer.contentType}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${answer.body}`,
  );
}

/** CONNECT bypasses Express (Node would drop the socket without a word): the gateway is no proxy. */
export function connectHandler(req: IncomingMessage, socket: Duplex): void {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  endWith(
    socket,
    renderEdgeProblem(
      new EdgeProblem('request', 400, 'CONNECT is not supported: this is not a proxy'),
      path.startsWith('/') ? path : '/',
    ),
  );
}
