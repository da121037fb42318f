#!/usr/bin/env node
// The two commands of the README, each doing all of its own set-up:
//   npm start  -> install, build, PostgreSQL + Kafka, the five processes, until Ctrl-C
//   npm test   -> install, build, typecheck, lint (code and protos), PostgreSQL + Kafka, vitest
// Only Node's standard library is used until dependencies are installed.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const say = (line) => process.stdout.write(`[laurel] ${line}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env, ...options });
  if (result.status !== 0) {
    say(`\`${[command, ...args].join(' ')}\` failed${result.status === null ? ` (${result.signal})` : ''}`);
    process.exit(result.status ?? 1);
  }
}

/**
 * Installs dependencies when node_modules is missing or older than the lockfile.
 * `npm install` rather than `npm ci`: npm 11 writes lockfiles without other
 * platforms' optional packages (buf, turbo and rollup binaries for macOS and
 * Windows) and `npm ci` then refuses the lockfile; `npm install` still installs
 * exactly the locked versions.
 */
function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return;
  say('installing dependencies');
  run('npm', ['install', '--no-audit', '--no-fund']);
}

function build(extraTasks = []) {
  say(`building${extraTasks.length ? ` and running ${extraTasks.join(', ')}` : ''}`);
  run(bin('turbo'), ['run', 'build', ...extraTasks, '--output-logs=errors-only', '--log-prefix=task']);
}

async function loadDevstack() {
  return import(pathToFileURL(join(root, 'packages', 'devstack', 'dist', 'index.js')).href);
}

/** True when nothing listens on the port (so `npm start` can give Kafka its usual 9092). */
function portIsFree(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function provide(database, kafkaPort) {
  const { provideStack, DevstackError } = await loadDevstack();
  try {
    return await provideStack({ database, ...(kafkaPort && { kafkaPort }), log: (line) => say(line) });
  } catch (error) {
    if (error instanceof DevstackError) {
      say(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function test() {
  ensureInstalled();
  build(['typecheck', 'lint']);
  say('linting protos (buf), benchmarks and scripts');
  run(bin('buf'), ['lint', 'protos']);
  run(bin('eslint'), ['bench', 'scripts']);
  const stack = await provide('laurel_test');
  let code = 1;
  try {
    const child = spawn(bin('vitest'), ['run', ...process.argv.slice(3)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, LAUREL_TEST_DATABASE_URL: stack.postgres.url, LAUREL_TEST_KAFKA_BROKERS: stack.kafka.brokers.join(',') },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    code = await new Promise((resolve) => child.on('exit', (status) => resolve(status ?? 1)));
  } finally {
    await stack.stop();
  }
  process.exit(code);
}

const SERVICES = ['badge-catalog', 'claim-code', 'requirements', 'issuance'];
const PROCESSES = [...SERVICES, 'gateway'];
const STOP_GRACE_MS = 7000;

async function start() {
  ensureInstalled();
  build();
  const stack = await provide('laurel', (await portIsFree(9092)) ? 9092 : undefined);
  const { DEFAULT_PORTS } = await import(pathToFileURL(join(root, 'packages', 'service-kit', 'dist', 'config.js')).href);
  const logDir = join(root, '.laurel', 'logs');
  mkdirSync(logDir, { recursive: true });
  const host = (name) => `127.0.0.1:${DEFAULT_PORTS[name]}`;
  const gatewayPort = Number(process.env.PORT ?? DEFAULT_PORTS.gateway);
  const env = {
    NODE_ENV: 'development',
    ...process.env,
    DATABASE_URL: stack.postgres.url,
    KAFKA_BROKERS: stack.kafka.brokers.join(','),
    CATALOG_ADDR: process.env.CATALOG_ADDR ?? host('badge-catalog'),
    CLAIM_CODE_ADDR: process.env.CLAIM_CODE_ADDR ?? host('claim-code'),
    REQUIREMENTS_ADDR: process.env.REQUIREMENTS_ADDR ?? host('requirements'),
    ISSUANCE_ADDR: process.env.ISSUANCE_ADDR ?? host('issuance'),
  };

  const children = new Map();
  let stopping = false;

  const launch = (name) => {
    const log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
    const ownPort = name === 'gateway' ? { PORT: String(gatewayPort) } : { GRPC_PORT: String(DEFAULT_PORTS[name]) };
    const child = spawn(process.execPath, [join(root, 'apps', name, 'dist', 'src', 'main.js')], { cwd: root, env: { ...env, ...ownPort }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    child.on('exit', (code, signal) => {
      children.delete(name);
      if (stopping) return;
      say(`${name} exited (${signal ?? `code ${code}`}); see ${join(logDir, `${name}.log`)}. Stopping everything.`);
      void stopAll(1);
    });
    children.set(name, child);
  };

  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    const exits = [...children.values()].map((child) => new Promise((resolve) => child.once('exit', resolve)));
    for (const child of children.values()) child.kill('SIGTERM');
    const timer = setTimeout(() => { for (const child of children.values()) child.kill('SIGKILL'); }, STOP_GRACE_MS);
    await Promise.all(exits);
    clearTimeout(timer);
    await stack.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  for (const name of SERVICES) launch(name);
  launch('gateway');

  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${gatewayUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      say(`the system did not become ready within 60 s; logs are in ${logDir}`);
      await stopAll(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  say(`Laurel is up: ${gatewayUrl}  (processes: ${PROCESSES.join(', ')})`);
  say(`logs: ${logDir}/<process>.log   PostgreSQL: ${stack.postgres.url}   Kafka: ${stack.kafka.brokers.join(',')}`);
  if (env.NODE_ENV !== 'production') await developmentDefaults(gatewayUrl, env);
  say('press Ctrl-C to stop');
}

/**
 * Outside production: the demo site, consumer and member of admin-api.md,
 * created through the admin command line when missing, with their
 * credentials printed once (at creation). A failure here is reported and the
 * system keeps running; production never gets anything created implicitly.
 */
async function developmentDefaults(gatewayUrl, env) {
  const child = spawn(process.execPath, [join(root, 'apps', 'gateway', 'dist', 'src', 'cli.js'), 'dev:defaults'], {
    cwd: root,
    env: { ...env, GATEWAY_URL: gatewayUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  for (const line of output.trimEnd().split('\n').filter(Boolean)) say(line);
  if (code !== 0) say('could not create the development defaults (above); the system is running without them');
}

/** `npm run bench -- <name> [args]`: runs bench/<name>.mjs against PostgreSQL and Kafka provided as for tests. */
async function bench() {
  const [name, ...args] = process.argv.slice(3);
  const script = name && join(root, 'bench', `${name}.mjs`);
  if (!script || !existsSync(script)) {
    say('usage: npm run bench -- <name> [args]; benchmarks: catalog, claim-codes, import, outcomes, reevaluation');
    process.exit(2);
  }
  ensureInstalled();
  build();
  const stack = await provide('laurel_bench');
  let code = 1;
  try {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, LAUREL_TEST_DATABASE_URL: stack.postgres.url, LAUREL_TEST_KAFKA_BROKERS: stack.kafka.brokers.join(',') },
    });
    code = await new Promise((resolve) => child.on('exit', (status) => resolve(status ?? 1)));
  } finally {
    await stack.stop();
  }
  process.exit(code);
}

const command = process.argv[2];
if (command === 'start') await start();
else if (command === 'test') await test();
else if (command === 'bench') await bench();
else {
  say('usage: node scripts/laurel.mjs start|test|bench');
  process.exit(2);
}
