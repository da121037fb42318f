import { describe, expect, it } from 'vitest';
import { loadRequirementsConfig } from '../src/config.js';

const base = { DATABASE_URL: 'postgres://h/db', KAFKA_BROKERS: 'k:9092' };

describe('PROCESSED_EVENTS_RETENTION_DAYS', () => {
  it('defaults to 14 days, beyond Kafka’s default 7-day topic retention', () => {
    expect(loadRequirementsConfig(base).PROCESSED_EVENTS_RETENTION_DAYS).toBe(14);
    expect(
      loadRequirementsConfig({ ...base, PROCESSED_EVENTS_RETENTION_DAYS: '30' }).PROCESSED_EVENTS_RETENTION_DAYS,
    ).toBe(30);
  });

  it('refuses a retention under a day or that is not a number', () => {
    for (const value of ['0', '-3', '1.5', 'week']) {
      expect(() => loadRequirementsConfig({ ...base, PROCESSED_EVENTS_RETENTION_DAYS: value })).toThrow(
        /PROCESSED_EVENTS_RETENTION_DAYS/,
      );
    }
  });
});
