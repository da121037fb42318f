/**
 * The one error model (architecture.md, "gRPC"). Services throw DomainError
 * with a machine-readable reason; the gRPC layer turns it into a status code
 * plus `laurel-error-reason` / `laurel-error-details` trailing metadata, and the
 * client side turns that back into a DomainError. The gateway maps a
 * DomainError to each REST family's own error format. Nothing else crosses a
 * process boundary as an error.
 */
import * as grpc from '@grpc/grpc-js';

export const ERROR_REASONS = {
  ResourceNotFound: grpc.status.NOT_FOUND,
  ResourceConflict: grpc.status.ALREADY_EXISTS,
  ValidationError: grpc.status.INVALID_ARGUMENT,
  CodeAlreadyUsed: grpc.status.FAILED_PRECONDITION,
  NotAuthorized: grpc.status.PERMISSION_DENIED,
  PreconditionFailed: grpc.status.FAILED_PRECONDITION,
  Unavailable: grpc.status.UNAVAILABLE,
  DeadlineExceeded: grpc.status.DEADLINE_EXCEEDED,
  Unimplemented: grpc.status.UNIMPLEMENTED,
  Internal: grpc.status.INTERNAL,
} as const;

export type ErrorReason = keyof typeof ERROR_REASONS;

/** One failing field, as in BadgeKit's `details` entries. */
export interface FieldProblem {
  field: string;
  value?: unknown;
  message?: string;
}

export type ErrorDetails = FieldProblem[] | Record<string, unknown>;

export const REASON_METADATA_KEY = 'laurel-error-reason';
export const DETAILS_METADATA_KEY = 'laurel-error-details';

export class DomainError extends Error {
  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(model: string, field: string, value: string): DomainError {
    return new DomainError('ResourceNotFound', `Could not find ${model} field: \`${field}\`, value: \`${value}\``, { model, field, value });
  }

  static conflict(model: string, field: string, details?: ErrorDetails): DomainError {
    return new DomainError('ResourceConflict', `${model} with that \`${field}\` already exists`, details);
  }

  static validation(problems: FieldProblem[]): DomainError {
    return new DomainError('ValidationError', 'Could not validate required fields', problems);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

const reasonByCode = new Map<grpc.status, ErrorReason>([
  [grpc.status.NOT_FOUND, 'ResourceNotFound'],
  [grpc.status.ALREADY_EXISTS, 'ResourceConflict'],
  [grpc.status.INVALID_ARGUMENT, 'ValidationError'],
  [grpc.status.PERMISSION_DENIED, 'NotAuthorized'],
  [grpc.status.FAILED_PRECONDITION, 'PreconditionFailed'],
  [grpc.status.UNAVAILABLE, 'Unavailable'],
  [grpc.status.DEADLINE_EXCEEDED, 'DeadlineExceeded'],
  [grpc.status.UNIMPLEMENTED, 'Unimplemented'],
]);

/** Server side: any thrown value becomes a status object for the callback. */
export function toGrpcError(error: unknown): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  if (isDomainError(error)) {
    metadata.set(REASON_METADATA_KEY, error.reason);
    if (error.details !== undefined) metadata.set(DETAILS_METADATA_KEY, JSON.stringify(error.details));
    return { code: ERROR_REASONS[error.reason], details: error.message, metadata };
  }
  // Never leak internals across the boundary: the message stays in the server's log.
  metadata.set(REASON_METADATA_KEY, 'Internal');
  return { code: grpc.status.INTERNAL, details: 'internal error', metadata };
}

function isServiceError(e: unknown): e is grpc.ServiceError {
  return e instanceof Error && typeof (e as Partial<grpc.ServiceError>).code === 'number' && 'metadata' in e;
}

function isErrorReason(s: string): s is ErrorReason {
  return Object.hasOwn(ERROR_REASONS, s);
}

/** Client side: a failed call becomes a DomainError again. */
export function fromGrpcError(error: unknown): DomainError {
  if (isDomainError(error)) return error;
  if (!isServiceError(error)) return new DomainError('Internal', error instanceof Error ? error.message : String(error));
  const [reasonValue] = error.metadata?.get(REASON_METADATA_KEY) ?? [];
  const [detailsValue] = error.metadata?.get(DETAILS_METADATA_KEY) ?? [];
  const reasonText = typeof reasonValue === 'string' ? reasonValue : undefined;
  const reason: ErrorReason = reasonText && isErrorReason(reasonText) ? reasonText : (reasonByCode.get(error.code) ?? 'Internal');
  let details: ErrorDetails | undefined;
  if (typeof detailsValue === 'string') {
    try {
      details = JSON.parse(detailsValue) as ErrorDetails;
    } catch {
      details = undefined;
    }
  }
  return new DomainError(reason, error.details || error.message, details);
}
