/**
 * Event payloads: proto3 JSON by default (readable with any Kafka tool and easy
 * for integrations to write), binary protobuf when the message's content-type
 * header is application/x-protobuf. Decoding validates against the message
 * type; anything that does not fit is a PoisonMessage for the dead-letter topic.
 */
import { eventType } from '@laurel/protos';
import protobuf from 'protobufjs';
import type { IHeaders } from 'kafkajs';

export type EventName = Parameters<typeof eventType>[0];

export const JSON_CONTENT_TYPE = 'application/json';
export const PROTOBUF_CONTENT_TYPE = 'application/x-protobuf';

export class PoisonMessage extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PoisonMessage';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface EncodedEvent {
  value: Buffer;
  headers: Record<string, string>;
}

/** proto3 JSON lets writers use the proto field name or its lowerCamelCase form. */
function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  // No prototype: a key named __proto__ stays a key (and is refused as an unknown field), as with fromEntries.
  const camel = Object.create(null) as Record<string, unknown>;
  // Most keys are camelCase already (every event Laurel writes): they are copied without a regex.
  for (const [k, v] of Object.entries(value as Record<string, unknown>))
    camel[k.includes('_') ? k.replace(SNAKE_STEP, upperFirst) : k] = camelKeys(v);
  return camel;
}

const SNAKE_STEP = /_([a-z0-9])/g;
const upperFirst = (_match: string, c: string): string => c.toUpperCase();

const INTEGER_TYPES = new Set([
  'int32',
  'int64',
  'uint32',
  'uint64',
  'sint32',
  'sint64',
  'fixed32',
  'fixed64',
  'sfixed32',
  'sfixed64',
]);

/**
 * Checks a JSON object against a message type the way a proto3 JSON parser
 * would accept it: integers as numbers or decimal strings, enums by name or
 * number, unknown fields rejected. Returns the first problem, or undefined.
 */
export function checkProto3Json(type: protobuf.Type, value: unknown, path = ''): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `${path || 'message'}: expected an object`;
  for (const [key, fieldValue] of Object.entries(value as Record<string, unknown>)) {
    const field = type.fields[key];
    const where = path ? `${path}.${key}` : key;
    if (!field) return `${where}: unknown field`;
    if (fieldValue === null) continue;
    field.resolve();
    const values = field.repeated ? (Array.isArray(fieldValue) ? fieldValue : undefined) : [fieldValue];
    if (!values) return `${where}: expected an array`;
    for (const v of values) {
      const problem = checkScalar(field, v, where);
      if (problem) return problem;
    }
  }
  return undefined;
}

function checkScalar(field: protobuf.Field, v: unknown, where: string): string | undefined {
  if (field.resolvedType instanceof protobuf.Type) return checkProto3Json(field.resolvedType, v, where);
  if (field.resolvedType instanceof protobuf.Enum) {
    const known = typeof v === 'string' ? v in field.resolvedType.values : Number.isInteger(v);
    return known ? undefined : `${where}: not a ${field.resolvedType.name}`;
  }
  if (INTEGER_TYPES.has(field.type)) {
    const ok = (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
    return ok ? undefined : `${where}: expected an integer`;
  }
  if (field.type === 'string') return typeof v === 'string' ? undefined : `${where}: expected a string`;
  if (field.type === 'bool') return typeof v === 'boolean' ? undefined : `${where}: expected a boolean`;
  if (field.type === 'double' || field.type === 'float')
    return typeof v === 'number' ? undefined : `${where}: expected a number`;
  return undefined;
}

/**
 * The message of an event. Its trace context headers are added by whoever
 * sends it (outbox.ts and tracing.ts), from the context it was created in.
 */
export function encodeEvent(name: EventName, event: Record<string, unknown>): EncodedEvent {
  const type = eventType(name);
  const object = camelKeys(event);
  const problem = checkProto3Json(type, object);
  if (problem) throw new Error(`invalid ${name}: ${problem}`);
  const json = type.toObject(type.fromObject(object as Record<string, unknown>), {
    longs: String,
    enums: String,
    defaults: false,
  });
  return {
    value: Buffer.from(JSON.stringify(json)),
    headers: { 'content-type': JSON_CONTENT_TYPE, 'event-type': `laurel.events.v1.${name}` },
  };
}

function headerText(headers: IHeaders | undefined, key: string): string | undefined {
  const raw = headers?.[key];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

export interface DecodedEvent<T> {
  event: T;
  /** The message as it arrived, so a refused event can be dead-lettered unchanged. */
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * Decodes and validates one message. `T` is the generated __Output type of
 * the event; `event_id` must be a UUID because it is the idempotency key.
 */
export function decodeEvent<T extends { eventId: string }>(
  name: EventName,
  value: Buffer | null,
  headers?: IHeaders,
  key?: Buffer | null,
): DecodedEvent<T> {
  if (!value || value.length === 0) throw new PoisonMessage('empty message');
  const type = eventType(name);
  const contentType = (headerText(headers, 'content-type') ?? JSON_CONTENT_TYPE).split(';')[0]?.trim();
  let message;
  try {
    if (contentType === PROTOBUF_CONTENT_TYPE) {
      message = type.decode(value);
    } else {
      const parsed: unknown = JSON.parse(value.toString('utf8'));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new PoisonMessage('not a JSON object');
      const object = camelKeys(parsed) as Record<string, unknown>;
      const problem = checkProto3Json(type, object);
      if (problem) throw new PoisonMessage(`invalid ${name}: ${problem}`);
      message = type.fromObject(object);
    }
  } catch (error) {
    if (error instanceof PoisonMessage) throw error;
    throw new PoisonMessage(`cannot decode ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const event = type.toObject(message, { longs: String, enums: String, defaults: true }) as T;
  if (!UUID.test(event.eventId)) throw new PoisonMessage('eventId must be a UUID');
  const textHeaders: Record<string, string> = {};
  for (const name of Object.keys(headers ?? {})) {
    const text = headerText(headers, name);
    if (text !== undefined) textHeaders[name] = text;
  }
  return { event, key: key?.toString() ?? '', value, headers: textHeaders };
}
