import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevstackError } from '../src/errors.js';
import { missingToolsMessage } from '../src/kafka/missing-tools.js';
import { provideKafka } from '../src/kafka/provide.js';

describe('missingToolsMessage', () => {
  it('says what is missing and the three ways forward', () => {
    const text = missingToolsMessage([
      { tool: 'java', problem: 'missing' },
      { tool: 'mvn', problem: 'missing' },
    ]);
    expect(text).toContain('`java` was not found');
    expect(text).toContain('`mvn` was not found');
    expect(text).toContain('apt-get install openjdk-17-jre-headless maven');
    expect(text).toContain('KAFKA_BROKERS');
    expect(text).toContain('docker compose up');
  });

  it('names the Java version found when it is too old', () => {
    expect(missingToolsMessage([{ tool: 'java', problem: 'too-old', found: 11 }])).toContain(
      'Java 11 was found, but Kafka needs Java 17 or newer',
    );
  });
});

describe('provideKafka without java and mvn', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('throws a DevstackError that mentions both tools', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-cache-'));
    dirs.push(cacheDir);
    const attempt = provideKafka({ env: { PATH: cacheDir }, cacheDir });
    await expect(attempt).rejects.toBeInstanceOf(DevstackError);
    await expect(attempt).rejects.toThrow(/`java` was not found[\s\S]*`mvn` was not found[\s\S]*docker compose up/);
  });

  it('does not need mvn when the classpath is cached', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-cache-'));
    dirs.push(cacheDir);
    // A warm cache whose jars exist: only Java is reported missing.
    const { classpathCacheFile, classpathCacheKey } = await import('../src/kafka/classpath.js');
    const { findKafkaDeployDir } = await import('../src/kafka/deploy-dir.js');
    const key = classpathCacheKey(fs.readFileSync(path.join(findKafkaDeployDir(), 'pom.xml')));
    const jar = path.join(cacheDir, 'fake.jar');
    fs.writeFileSync(jar, '');
    fs.writeFileSync(classpathCacheFile(cacheDir, key), jar);
    const attempt = provideKafka({ env: { PATH: cacheDir }, cacheDir });
    await expect(attempt).rejects.toThrow(/`java` was not found/);
    await expect(attempt).rejects.not.toThrow(/`mvn`/);
  });
});
