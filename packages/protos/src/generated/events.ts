import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { BadgeAwarded as _laurel_events_v1_BadgeAwarded, BadgeAwarded__Output as _laurel_events_v1_BadgeAwarded__Output } from './laurel/events/v1/BadgeAwarded.js';
import type { BadgeRevoked as _laurel_events_v1_BadgeRevoked, BadgeRevoked__Output as _laurel_events_v1_BadgeRevoked__Output } from './laurel/events/v1/BadgeRevoked.js';
import type { OutcomeRecorded as _laurel_events_v1_OutcomeRecorded, OutcomeRecorded__Output as _laurel_events_v1_OutcomeRecorded__Output } from './laurel/events/v1/OutcomeRecorded.js';
import type { Recipient as _laurel_events_v1_Recipient, Recipient__Output as _laurel_events_v1_Recipient__Output } from './laurel/events/v1/Recipient.js';
import type { RequirementChanged as _laurel_events_v1_RequirementChanged, RequirementChanged__Output as _laurel_events_v1_RequirementChanged__Output } from './laurel/events/v1/RequirementChanged.js';
import type { RequirementState as _laurel_events_v1_RequirementState, RequirementState__Output as _laurel_events_v1_RequirementState__Output } from './laurel/events/v1/RequirementState.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  laurel: {
    events: {
      v1: {
        AwardChannel: EnumTypeDefinition
        BadgeAwarded: MessageTypeDefinition<_laurel_events_v1_BadgeAwarded, _laurel_events_v1_BadgeAwarded__Output>
        BadgeRevoked: MessageTypeDefinition<_laurel_events_v1_BadgeRevoked, _laurel_events_v1_BadgeRevoked__Output>
        OutcomeRecorded: MessageTypeDefinition<_laurel_events_v1_OutcomeRecorded, _laurel_events_v1_OutcomeRecorded__Output>
        Recipient: MessageTypeDefinition<_laurel_events_v1_Recipient, _laurel_events_v1_Recipient__Output>
        RequirementChanged: MessageTypeDefinition<_laurel_events_v1_RequirementChanged, _laurel_events_v1_RequirementChanged__Output>
        RequirementState: MessageTypeDefinition<_laurel_events_v1_RequirementState, _laurel_events_v1_RequirementState__Output>
      }
    }
  }
}

