/**
 * Part of the BadgeKit wire format (src/badgekit-format/), shared by the
 * badgekit, admin and public families.
 *
 * BadgeKit's error bodies (badgekit-api.md §2.4). Everything that goes wrong
 * on a BadgeKit route ends here and leaves as `{code, message, ...}` with the
 * spec's status; internal details never reach the client.
 */
import { isDomainError, type DomainError } from '@laurel/service-kit';

export class BadgeKitError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? body.code));
    this.name = 'BadgeKitError';
  }

  static notAuthorized(message: string): BadgeKitError {
    return new BadgeKitError(403, { code: 'NotAuthorized', message });
  }
}

function fromDomainError(error: DomainError): BadgeKitError {
  switch (error.reason) {
    case 'ResourceNotFound':
      return new BadgeKitError(404, { code: 'ResourceNotFound', message: error.message });
    case 'ResourceConflict':
      return new BadgeKitError(409, { code: 'ResourceConflict', message: error.message, details: error.details ?? {} });
    case 'ValidationError':
      return new BadgeKitError(400, {
        code: 'ValidationError',
        message: 'Could not validate required fields',
        details: error.details ?? [],
      });
    case 'CodeAlreadyUsed':
      return new BadgeKitError(400, { code: 'CodeAlreadyUsed', message: error.message });
    case 'NotAuthorized':
      return BadgeKitError.notAuthorized(error.message);
    case 'Unavailable':
    case 'DeadlineExceeded':
      // Not in BadgeKit's table: the original had one process. A client may retry.
      return new BadgeKitError(503, {
        code: 'ServiceUnavailable',
        message: 'A Laurel service is unavailable; try again shortly',
      });
    default:
      return new BadgeKitError(500, { code: 'InternalError', message: 'An internal error occured' });
  }
}

export function toBadgeKitError(error: unknown): BadgeKitError {
  if (error instanceof BadgeKitError) return error;
  if (isDomainError(error)) return fromDomainError(error);
  return new BadgeKitError(500, { code: 'InternalError', message: 'An internal error occured' });
}
