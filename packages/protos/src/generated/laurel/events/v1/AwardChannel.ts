// Original file: /work/main/protos/laurel/events/v1/events.proto

/**
 * How an earned badge came to be.
 */
export const AwardChannel = {
  AWARD_CHANNEL_UNSPECIFIED: 'AWARD_CHANNEL_UNSPECIFIED',
  AWARD_CHANNEL_DIRECT: 'AWARD_CHANNEL_DIRECT',
  AWARD_CHANNEL_CLAIM: 'AWARD_CHANNEL_CLAIM',
  AWARD_CHANNEL_REQUIREMENTS: 'AWARD_CHANNEL_REQUIREMENTS',
  AWARD_CHANNEL_ASSIGNMENT: 'AWARD_CHANNEL_ASSIGNMENT',
  AWARD_CHANNEL_IMPORT: 'AWARD_CHANNEL_IMPORT',
} as const;

/**
 * How an earned badge came to be.
 */
export type AwardChannel =
  | 'AWARD_CHANNEL_UNSPECIFIED'
  | 0
  | 'AWARD_CHANNEL_DIRECT'
  | 1
  | 'AWARD_CHANNEL_CLAIM'
  | 2
  | 'AWARD_CHANNEL_REQUIREMENTS'
  | 3
  | 'AWARD_CHANNEL_ASSIGNMENT'
  | 4
  | 'AWARD_CHANNEL_IMPORT'
  | 5

/**
 * How an earned badge came to be.
 */
export type AwardChannel__Output = typeof AwardChannel[keyof typeof AwardChannel]
