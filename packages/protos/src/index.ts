/**
 * The one place that knows where the protos live and how they are loaded.
 * Services and clients get their definitions from here so that every process
 * loads the contracts with the same options (and therefore the same shapes:
 * int64 as decimal strings, enums as names, defaults filled in).
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import protobuf from 'protobufjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTO_FILES } from './generated/proto-files.js';
import type { ProtoGrpcType } from './generated/laurel.js';

export type * as catalogV1 from './generated/catalog-v1.js';
export type * as claimcodesV1 from './generated/claimcodes-v1.js';
export type * as requirementsV1 from './generated/requirements-v1.js';
export type * as issuanceV1 from './generated/issuance-v1.js';
export type * as eventsV1 from './generated/events-v1.js';
export type * as commonV1 from './generated/common-v1.js';
export type * as outboxV1 from './generated/outbox-v1.js';
export type { ProtoGrpcType } from './generated/laurel.js';

/** The repository's protos/ folder (dist/ and src/ both sit two levels below packages/protos). */
export const PROTO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'protos');
export { PROTO_FILES };

export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

let loaded: { definition: protoLoader.PackageDefinition; grpcObject: ProtoGrpcType } | undefined;

function load(): { definition: protoLoader.PackageDefinition; grpcObject: ProtoGrpcType } {
  if (!loaded) {
    const definition = protoLoader.loadSync([...PROTO_FILES], LOADER_OPTIONS);
    // The generated ProtoGrpcType describes exactly what loadPackageDefinition builds.
    const grpcObject = grpc.loadPackageDefinition(definition) as unknown as ProtoGrpcType;
    loaded = { definition, grpcObject };
  }
  return loaded;
}

/** Typed gRPC constructors and service definitions for every Laurel contract. */
export function laurelProtos(): ProtoGrpcType['laurel'] {
  return load().grpcObject.laurel;
}

/** The raw package definition, for server reflection. */
export function packageDefinition(): protoLoader.PackageDefinition {
  return load().definition;
}

let eventRoot: protobuf.Root | undefined;
const eventTypes = new Map<string, protobuf.Type>();
let outboxBatch: protobuf.Type | undefined;

/** The events' and the outbox's message types, loaded once (not through proto-loader: these are payloads, not RPCs). */
function payloadRoot(): protobuf.Root {
  if (!eventRoot) {
    eventRoot = new protobuf.Root();
    eventRoot.resolvePath = (_origin, target) => join(PROTO_ROOT, target);
    eventRoot.loadSync(['laurel/events/v1/events.proto', 'laurel/outbox/v1/outbox.proto'], { keepCase: false });
    eventRoot.resolveAll();
  }
  return eventRoot;
}

/**
 * protobufjs types for event messages, used to encode and decode Kafka payloads
 * (proto3 JSON by default, binary when the content-type header says so).
 */
export function eventType(
  name: 'OutcomeRecorded' | 'RequirementChanged' | 'BadgeAwarded' | 'BadgeRevoked' | 'StatusListPublished',
): protobuf.Type {
  // Kept: protobufjs resolves a dotted name afresh on every lookup, and every event encoded asks.
  let type = eventTypes.get(name);
  if (!type) eventTypes.set(name, (type = payloadRoot().lookupType(`laurel.events.v1.${name}`)));
  return type;
}

/** laurel.outbox.v1.OutboxBatch: several messages kept as one outbox row (service-kit kafka/outbox.ts). */
export function outboxBatchType(): protobuf.Type {
  return (outboxBatch ??= payloadRoot().lookupType('laurel.outbox.v1.OutboxBatch'));
}
