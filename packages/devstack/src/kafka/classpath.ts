import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DevstackError } from '../errors.js';
import { runCommand } from '../process/run.js';

export type ClasspathResult =
  { kind: 'ok'; jars: string[]; source: 'cache' | 'maven'; file: string } | { kind: 'mvn-missing' };

/**
 * The cache key is the pom's content, so a changed pin resolves afresh while a fresh
 * clone of the same pin reuses what an earlier clone resolved.
 */
export function classpathCacheKey(pomContent: string | Buffer): string {
  return createHash('sha256').update(pomContent).digest('hex').slice(0, 16);
}

/** Per the XDG base directory spec a relative XDG_CACHE_HOME is invalid and ignored. */
export function cacheDirOf(env: NodeJS.ProcessEnv): string {
  const xdg = env.XDG_CACHE_HOME?.trim();
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, 'laurel');
  const home = env.HOME?.trim() || os.homedir();
  return path.join(home, '.cache', 'laurel');
}

export function classpathCacheFile(cacheDir: string, key: string): string {
  return path.join(cacheDir, `kafka-classpath-${key}.txt`);
}

/** Maven writes the classpath as one line of jar paths joined by the platform's delimiter. */
export function parseClasspath(text: string): string[] {
  return text
    .split(path.delimiter)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/**
 * The cached classpath, if it is usable as is: the file exists and every jar it names
 * is still in Maven's local repository (someone may have cleaned ~/.m2 since).
 */
export async function readCachedClasspath(file: string): Promise<string[] | undefined> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  const jars = parseClasspath(text);
  if (jars.length === 0) return undefined;
  const present = await Promise.all(
    jars.map((jar) =>
      fs.stat(jar).then(
        (s) => s.isFile(),
        () => false,
      ),
    ),
  );
  return present.every(Boolean) ? jars : undefined;
}

export interface ResolveClasspathOptions {
  deployDir: string;
  cacheDir: string;
  env: NodeJS.ProcessEnv;
  mvnCommand?: string;
  log: (line: string) => void;
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}

/**
 * Returns Kafka's classpath, running Maven only when the cache is cold. Two processes
 * may race here (parallel test runs on a fresh machine): each has Maven write to its own
 * temporary file and then renames it over the cache entry. rename() is atomic, both
 * write the same content, and Maven's resolver itself downloads to temporary files
 * before moving them into ~/.m2, so the loser of the race wastes time but breaks nothing.
 */
export async function resolveClasspath(opts: ResolveClasspathOptions): Promise<ClasspathResult> {
  const pomFile = path.join(opts.deployDir, 'pom.xml');
  const key = classpathCacheKey(await fs.readFile(pomFile));
  const file = classpathCacheFile(opts.cacheDir, key);

  const cached = await readCachedClasspath(file);
  if (cached) {
    opts.log(`kafka: classpath from cache ${file}`);
    return { kind: 'ok', jars: cached, source: 'cache', file };
  }

  opts.log(
    'kafka: resolving the Kafka jars pinned in deploy/kafka/pom.xml with Maven (once per pom; downloads into ~/.m2)',
  );
  await fs.mkdir(opts.cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const result = await runCommand(
      opts.mvnCommand ?? 'mvn',
      [
        '-q',
        '-B',
        '-Dstyle.color=never',
        '-f',
        pomFile,
        'dependency:build-classpath',
        `-Dmdep.outputFile=${tmp}`,
        '-Dmdep.includeScope=runtime',
      ],
      { env: opts.env, cwd: opts.deployDir, timeoutMs: 15 * 60_000 },
    );
    if (result.kind === 'not-found') return { kind: 'mvn-missing' };
    if (result.code !== 0) {
      throw new DevstackError(
        `Maven could not resolve the Kafka jars (exit ${result.code ?? result.signal ?? '?'}). ` +
          'Check network access to Maven Central (or your ~/.m2/settings.xml mirror), or set KAFKA_BROKERS to an existing broker.\n' +
          lastLines(result.stdout + result.stderr, 30),
      );
    }
    const jars = await readCachedClasspath(tmp);
    if (!jars) {
      throw new DevstackError(
        `Maven succeeded but wrote no usable classpath to ${tmp}; delete ${opts.cacheDir} and try again.`,
      );
    }
    await fs.rename(tmp, file);
    opts.log(`kafka: classpath cached in ${file}`);
    return { kind: 'ok', jars, source: 'maven', file };
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
