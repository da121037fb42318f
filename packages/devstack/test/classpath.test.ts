import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cacheDirOf,
  classpathCacheFile,
  classpathCacheKey,
  parseClasspath,
  readCachedClasspath,
  resolveClasspath,
} from '../src/kafka/classpath.js';
import { findKafkaDeployDir } from '../src/kafka/deploy-dir.js';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'devstack-classpath-'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('classpath cache location and key', () => {
  it('keys on the pom content', () => {
    expect(classpathCacheKey('<project/>')).toBe(classpathCacheKey(Buffer.from('<project/>')));
    expect(classpathCacheKey('<project/>')).not.toBe(classpathCacheKey('<project> </project>'));
    expect(classpathCacheKey('<project/>')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('lives under XDG_CACHE_HOME, else ~/.cache, outside any clone', () => {
    expect(cacheDirOf({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/u' })).toBe('/x/cache/laurel');
    expect(cacheDirOf({ HOME: '/home/u' })).toBe('/home/u/.cache/laurel');
    // The XDG spec says relative paths are invalid and must be ignored.
    expect(cacheDirOf({ XDG_CACHE_HOME: 'relative', HOME: '/home/u' })).toBe('/home/u/.cache/laurel');
    expect(classpathCacheFile('/x/cache/laurel', 'abc')).toBe('/x/cache/laurel/kafka-classpath-abc.txt');
  });

  it('parses Maven output format', () => {
    expect(parseClasspath('/a.jar:/b.jar\n')).toEqual(['/a.jar', '/b.jar']);
    expect(parseClasspath('')).toEqual([]);
  });
});

describe('readCachedClasspath', () => {
  it('accepts a cache whose jars all exist', async () => {
    const jars = ['a.jar', 'b.jar'].map((name) => path.join(tmp, name));
    for (const jar of jars) fs.writeFileSync(jar, '');
    const file = path.join(tmp, 'cp.txt');
    fs.writeFileSync(file, jars.join(path.delimiter));
    expect(await readCachedClasspath(file)).toEqual(jars);
  });

  it('rejects a cache naming a jar that is gone, e.g. after ~/.m2 was cleaned', async () => {
    const present = path.join(tmp, 'a.jar');
    fs.writeFileSync(present, '');
    const file = path.join(tmp, 'cp.txt');
    fs.writeFileSync(file, [present, path.join(tmp, 'gone.jar')].join(path.delimiter));
    expect(await readCachedClasspath(file)).toBeUndefined();
  });

  it('rejects missing and empty files', async () => {
    expect(await readCachedClasspath(path.join(tmp, 'none.txt'))).toBeUndefined();
    fs.writeFileSync(path.join(tmp, 'empty.txt'), '\n');
    expect(await readCachedClasspath(path.join(tmp, 'empty.txt'))).toBeUndefined();
  });
});

describe('resolveClasspath', () => {
  const deployDir = findKafkaDeployDir();

  // Two JVM-based Maven runs at once: on a busy two-core machine that alone has taken over a minute.
  it(
    'resolves with Maven when cold, safely when two processes race, then from the cache without Maven',
    { timeout: 300_000 },
    async () => {
      const lines: string[] = [];
      const base = { deployDir, cacheDir: tmp, env: process.env, log: (l: string) => lines.push(l) };

      // Two cold resolutions at once, as two test runs on a fresh machine would do.
      const [cold, rival] = await Promise.all([resolveClasspath(base), resolveClasspath(base)]);
      expect(cold.kind === 'ok' && cold.source).toBe('maven');
      expect(rival).toEqual(cold);
      if (cold.kind !== 'ok') return;
      expect(cold.jars.some((jar) => path.basename(jar) === 'kafka_2.13-3.9.1.jar')).toBe(true);
      expect(cold.jars.some((jar) => path.basename(jar) === 'slf4j-reload4j-1.7.36.jar')).toBe(true);
      // Only the final file remains: each temporary file was renamed over it.
      expect(fs.readdirSync(tmp)).toEqual([path.basename(cold.file)]);

      // A Maven that cannot run proves the warm path never calls it.
      const warm = await resolveClasspath({ ...base, mvnCommand: '/nonexistent/mvn' });
      expect(warm).toEqual({ kind: 'ok', source: 'cache', jars: cold.jars, file: cold.file });
      expect(lines.some((l) => l.includes('classpath from cache'))).toBe(true);
    },
  );

  it('reports a missing mvn when the cache is cold', async () => {
    const result = await resolveClasspath({
      deployDir,
      cacheDir: tmp,
      env: process.env,
      mvnCommand: '/nonexistent/mvn',
      log: () => undefined,
    });
    expect(result).toEqual({ kind: 'mvn-missing' });
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});
