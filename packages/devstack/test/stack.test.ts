import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevstackError, provideStack } from '../src/index.js';

describe('provideStack', () => {
  it('passes DATABASE_URL and KAFKA_BROKERS through', async () => {
    const stack = await provideStack({
      env: { DATABASE_URL: 'postgres://u@db:5432/laurel', KAFKA_BROKERS: ' kafka-1:9092, kafka-2:9092 ' },
    });
    expect(stack.postgres).toMatchObject({ url: 'postgres://u@db:5432/laurel', source: 'env' });
    expect(stack.kafka).toMatchObject({ brokers: ['kafka-1:9092', 'kafka-2:9092'], source: 'env' });
    await stack.stop();
  });

  it('fails with the actionable error when one side cannot start', async () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-cache-'));
    try {
      // No java or mvn on this PATH, and a cold classpath cache.
      const attempt = provideStack({
        env: { DATABASE_URL: 'postgres://u@db:5432/laurel', PATH: cache, XDG_CACHE_HOME: cache },
      });
      await expect(attempt).rejects.toBeInstanceOf(DevstackError);
      await expect(attempt).rejects.toThrow(/KAFKA_BROKERS/);
    } finally {
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
