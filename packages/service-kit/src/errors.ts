/**
 * The one error model (architecture.md, "gRPC"). Services throw DomainError
 * with a machine-readable reason; the gRPC layer turns it into a status code
 * plus `laurel-error-reason` / `laurel-error-details-bin` trailing metadata,
 * and the client side turns that back into a DomainError. The gateway maps a
 * DomainError to each REST family's own error format. Nothing else crosses a
 * process boundary as an error.
 *
 * Messages and details often echo what a client sent (a slug, an email), so
 * they may hold any text: details travel as UTF-8 JSON in a binary (`-bin`)
 * metadata value, which grpc-js base64-encodes, because a plain metadata value
 * must be printable ASCII and grpc-js throws on anything else. The message
 * travels in `grpc-message`, which grpc-js percent-encodes with encodeURI; that
 * round-trips any well-formed string but throws on a lone surrogate, so the
 * message is made well-formed first. Both are bounded in length: trailers
 * larger than the peer accepts would turn a clean 404 into a broken stream.
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
export const DETAILS_METADATA_KEY = 'laurel-error-details-bin';
/** Where details travelled before they could hold any text; still read, never written. */
const LEGACY_DETAILS_METADATA_KEY = 'laurel-error-details';

/** Longest message sent; longer ones are cut (a 1 MB slug echoed back must not become a 1 MB trailer). */
export const MAX_MESSAGE_LENGTH = 1024;
/** Longest string inside details; details are for naming the problem, not for carrying the input back. */
export const MAX_DETAIL_STRING_LENGTH = 256;
/** Largest details document in bytes; beyond it details are dropped rather than sent partly. */
export const MAX_DETAILS_BYTES = 4096;

export class DomainError extends Error {
  constructor(
    readonly reason: ErrorReason,
    message: string,
    readonly details?: ErrorDetails,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DomainError';
  }

  static notFound(model: string, field: string, value: string): DomainError {
    return new DomainError('ResourceNotFound', `Could not find ${model} field: \`${field}\`, value: \`${value}\``, {
      model,
      field,
      value,
    });
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any string as one that encodeURI and UTF-8 accept, at most `max` UTF-16 units long. */
export function safeText(text: string, max: number): string {
  // Cut first, then repair: a cut can split a surrogate pair, which the repair turns into U+FFFD.
  const cut = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return cut.replace(LONE_SURROGATE, '\uFFFD');
}

function boundDetails(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return safeText(value, MAX_DETAIL_STRING_LENGTH);
  if (typeof value !== 'object' || value === null) return value;
  // Details are small, flat documents; anything deeper is not worth carrying.
  if (depth > 8) return null;
  if (Array.isArray(value)) return value.map((item) => boundDetails(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      safeText(key, MAX_DETAIL_STRING_LENGTH),
      boundDetails(item, depth + 1),
    ]),
  );
}

/** Details as the bytes of the `-bin` value, or undefined when they cannot be sent whole. */
function encodeDetails(details: ErrorDetails): Buffer | undefined {
  let json: string | undefined;
  try {
    json = JSON.stringify(boundDetails(details));
  } catch {
    return undefined; // a cycle or a BigInt: the reason and message still go
  }
  if (json === undefined) return undefined;
  const bytes = Buffer.from(json, 'utf8');
  return bytes.length <= MAX_DETAILS_BYTES ? bytes : undefined;
}

/** The status sent when nothing better can be: no metadata, so it cannot fail to build. */
export const PLAIN_INTERNAL_STATUS: Readonly<Partial<grpc.StatusObject>> = Object.freeze({
  code: grpc.status.INTERNAL,
  details: 'internal error',
});

/** What of a thrown value crosses a process boundary: its reason, a bounded message and its details' bytes. */
function crossing(error: unknown): { reason: ErrorReason; message: string; details?: Buffer } {
  if (!isDomainError(error)) {
    // Never leak internals across the boundary: the message stays in the server's log.
    return { reason: 'Internal', message: 'internal error' };
  }
  const details = error.details === undefined ? undefined : encodeDetails(error.details);
  return { reason: error.reason, message: safeText(error.message, MAX_MESSAGE_LENGTH), ...(details && { details }) };
}

/** Server side: any thrown value becomes a status object for the callback. */
export function toGrpcError(error: unknown): Partial<grpc.StatusObject> {
  const { reason, message, details } = crossing(error);
  const metadata = new grpc.Metadata();
  metadata.set(REASON_METADATA_KEY, reason);
  if (details) metadata.set(DETAILS_METADATA_KEY, details);
  return { code: ERROR_REASONS[reason], details: message, metadata };
}

/**
 * One item's failure in a call that answers many items each on its own
 * (laurel.common.v1.ItemFailure): the same reason, message and details a
 * failed call of that item alone would carry in its status and trailers.
 */
export interface ItemFailure {
  reason: string;
  message: string;
  details: Uint8Array;
}

/** Server side: a thrown value as its item's failure. */
export function toItemFailure(error: unknown): ItemFailure {
  const { reason, message, details } = crossing(error);
  return { reason, message, details: details ?? Buffer.alloc(0) };
}

/** Client side: an item's failure as the DomainError its call alone would have failed with. */
export function fromItemFailure(failure: ItemFailure): DomainError {
  const reason: ErrorReason = isErrorReason(failure.reason) ? failure.reason : 'Internal';
  const details = failure.details.length > 0 ? parseDetails(Buffer.from(failure.details).toString('utf8')) : undefined;
  return new DomainError(reason, failure.message, details);
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
  if (!isServiceError(error))
    return new DomainError('Internal', error instanceof Error ? error.message : String(error));
  const [reasonValue] = error.metadata?.get(REASON_METADATA_KEY) ?? [];
  const reasonText = typeof reasonValue === 'string' ? reasonValue : undefined;
  const reason: ErrorReason =
    reasonText && isErrorReason(reasonText) ? reasonText : (reasonByCode.get(error.code) ?? 'Internal');
  return new DomainError(reason, error.details || error.message, readDetails(error.metadata));
}

function readDetails(metadata: grpc.Metadata | undefined): ErrorDetails | undefined {
  const [binary] = metadata?.get(DETAILS_METADATA_KEY) ?? [];
  const [legacy] = metadata?.get(LEGACY_DETAILS_METADATA_KEY) ?? [];
  const json = Buffer.isBuffer(binary) ? binary.toString('utf8') : typeof legacy === 'string' ? legacy : undefined;
  return json === undefined ? undefined : parseDetails(json);
}

function parseDetails(json: string): ErrorDetails | undefined {
  try {
    const parsed: unknown = JSON.parse(json);
    // Details are a list of field problems or an object; anything else is not details.
    return typeof parsed === 'object' && parsed !== null ? (parsed as ErrorDetails) : undefined;
  } catch {
    return undefined;
  }
}
