import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokerJvmOptions } from '../src/kafka/jvm.js';
import { javaCommand } from '../src/kafka/java.js';
import { runCommand } from '../src/process/run.js';

/** The value the JVM reports for `flag` in -XX:+PrintFlagsFinal output. */
function flagValue(output: string, flag: string): string | undefined {
  return new RegExp(`\\s${flag}\\s+=\\s+(\\S+)`).exec(output)?.[1];
}

describe('brokerJvmOptions', () => {
  const logging = {
    logDir: path.join(os.tmpdir(), 'devstack-jvm-test'),
    log4jConfig: path.join(os.tmpdir(), 'log4j.properties'),
  };

  it(
    'starts a JVM whose housekeeping timers wake every 10 s, not every 250 ms and 1 s',
    { timeout: 60_000 },
    async () => {
      const result = await runCommand(
        javaCommand(process.env),
        [...brokerJvmOptions(logging), '-XX:+PrintFlagsFinal', '-version'],
        { env: process.env, timeoutMs: 50_000 },
      );
      expect(result.kind).toBe('exited');
      if (result.kind !== 'exited') return;
      expect(result.code).toBe(0);
      // Read back from the JVM: a misspelt flag is ignored (IgnoreUnrecognizedVMOptions), so only this shows it took effect.
      expect(flagValue(result.stdout, 'GuaranteedSafepointInterval')).toBe('10000');
      expect(flagValue(result.stdout, 'AsyncDeflationInterval')).toBe('10000');
      expect(flagValue(result.stdout, 'UseSerialGC')).toBe('true');
    },
  );
});
