import fs from 'node:fs';
import path from 'node:path';
import { runCommand } from '../process/run.js';

export const MIN_JAVA_MAJOR = 17;

export type JavaCheck =
  | { kind: 'ok'; command: string; major: number }
  | { kind: 'missing'; command: string }
  | { kind: 'too-old'; command: string; major: number }
  | { kind: 'unreadable'; command: string; output: string };

/**
 * Extracts the feature release from `java -version` output, which goes to stderr and
 * looks like `openjdk version "17.0.15" 2025-04-15`, `java version "1.8.0_392"`
 * (pre-9 numbering: the major is the second field) or `openjdk version "21-ea"`.
 */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const quoted = /version "([^"]+)"/.exec(versionOutput)?.[1];
  if (!quoted) return undefined;
  const fields = quoted.split(/[.\-+_]/);
  const first = Number(fields[0]);
  const major = first === 1 ? Number(fields[1]) : first;
  return Number.isInteger(major) && major > 0 ? major : undefined;
}

/** JAVA_HOME wins over PATH, as it does for Maven and Kafka's own scripts. */
export function javaCommand(env: NodeJS.ProcessEnv): string {
  const home = env.JAVA_HOME?.trim();
  if (home) {
    const candidate = path.join(home, 'bin', 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}

export async function checkJava(env: NodeJS.ProcessEnv): Promise<JavaCheck> {
  const command = javaCommand(env);
  const result = await runCommand(command, ['-version'], { env, timeoutMs: 30_000 });
  if (result.kind === 'not-found') return { kind: 'missing', command };
  const output = result.stderr + result.stdout;
  const major = parseJavaMajor(output);
  if (major === undefined) return { kind: 'unreadable', command, output: output.trim() };
  if (major < MIN_JAVA_MAJOR) return { kind: 'too-old', command, major };
  return { kind: 'ok', command, major };
}
