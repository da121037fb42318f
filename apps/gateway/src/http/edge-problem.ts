/**
 * A request refused at the edge, before any family or service reads it:
 * too large, undecodable, malformed URL or body, oversized headers. Each
 * family renders it in its own format (edge-response.ts); the kind and the
 * message name the problem without internal detail.
 */
export type EdgeProblemKind =
  /** The body is larger than the family's limit (413). */
  | 'tooLarge'
  /** Content-Encoding unknown (415) or the body does not decode with it (400). */
  | 'encoding'
  /** The URL: malformed percent-encoding, control characters (400). */
  | 'url'
  /** The body: nested too deeply, NUL characters, cut short (400). */
  | 'content'
  /** All headers together over the limit (431). */
  | 'headers'
  /** Not an HTTP request Node can read: unknown method, malformed line (400). */
  | 'request'
  /** Not the client's doing and not handled by its family: a bug, answered without detail. */
  | 'internal';

export class EdgeProblem extends Error {
  constructor(
    readonly kind: EdgeProblemKind,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'EdgeProblem';
  }

  static url(message: string): EdgeProblem {
    return new EdgeProblem('url', 400, message);
  }

  static content(message: string): EdgeProblem {
    return new EdgeProblem('content', 400, message);
  }
}

interface HttpErrorLike {
  type?: unknown;
  statusCode?: unknown;
  /** Set by http-errors (body-parser, the router); the families' own errors do not have it. */
  expose?: unknown;
}

/**
 * body-parser's and the router's own errors (http-errors with a `type`, or a
 * 4xx `status`) as edge problems; anything else is not the client's doing
 * and stays as it is.
 */
export function fromTransportError(error: unknown, limitText: string): EdgeProblem | undefined {
  if (error instanceof EdgeProblem) return error;
  if (error === null || typeof error !== 'object') return undefined;
  const { type, statusCode, expose } = error as HttpErrorLike;
  switch (type) {
    case 'entity.too.large':
      return new EdgeProblem('tooLarge', 413, `the request body is larger than ${limitText}`);
    case 'encoding.unsupported':
      return new EdgeProblem('encoding', 415, 'unsupported Content-Encoding (identity, gzip, deflate and br are read)');
    case 'charset.unsupported':
      return new EdgeProblem('encoding', 415, 'unsupported charset (utf-8 is read)');
    case 'request.aborted':
    case 'request.size.invalid':
      return EdgeProblem.content('the request body ended before its Content-Length');
    default:
      break;
  }
  const message = (error as { message?: unknown }).message;
  // The router's, should a path parameter get past urlGuard undecodable.
  if (statusCode === 400 && typeof message === 'string' && message.startsWith('Failed to decode param'))
    return EdgeProblem.url('malformed percent-encoding in the path');
  // Otherwise only http-errors from body-parser (a zlib failure on a body that is not what its Content-Encoding says):
  // a family's own error with a status is its handler's to answer.
  if (typeof expose === 'boolean' && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return new EdgeProblem('encoding', 400, 'the request body could not be decoded as its Content-Encoding says');
  }
  return undefined;
}
