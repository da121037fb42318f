/** Stored channel names are the lower-case suffix of laurel.events.v1.AwardChannel (`claim`, `import`, …). */
export const channelName = (stored: string): string => `AWARD_CHANNEL_${stored.toUpperCase()}`;
export const storedChannel = (wire: string): string => wire.replace(/^AWARD_CHANNEL_/, '').toLowerCase();
