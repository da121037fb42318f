#!/usr/bin/env node
// The two commands of the README, each doing all of its own set-up:
//   npm start  -> install, build, PostgreSQL + Kafka (data kept in .laurel/data; `-- --reset` deletes it),
//                 the five processes, each restarted when it exits, until Ctrl-C / SIGTERM
//   npm test   -> install, build, typecheck, lint (code and protos), format check, PostgreSQL + Kafka, vitest
// Only Node's standard library is used until dependencies are installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
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
 * A fresh clone gets `npm ci`: exactly the committed lockfile, which it never
 * rewrites (the lockfile carries every platform's optional binaries, so npm
 * keeps it as it is). An existing node_modules after a lockfile change gets
 * `npm install`, which updates it in place instead of starting over.
 */
function ensureInstalled() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && (!existsSync(lock) || statSync(marker).mtimeMs >= statSync(lock).mtimeMs)) return;
  const fresh = !existsSync(join(root, 'node_modules')) && existsSync(lock);
  say(`installing dependencies (npm ${fresh ? 'ci' : 'install'})`);
  run('npm', [fresh ? 'ci' : 'install', '--no-audit', '--no-fund']);
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

/** PostgreSQL and Kafka; with a stateDir their data outlives the command (npm start), without one it is thrown away. */
async function provide(database, kafkaPort, stateDir) {
  const { provideStack, DevstackError } = await loadDevstack();
  try {
    return await provideStack({
      database,
      ...(kafkaPort && { kafkaPort }),
      ...(stateDir && { stateDir }),
      log: (line) => say(line),
    });
  } catch (error) {
    if (error instanceof DevstackError) {
      say(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Debian packages some tests drive: the browser test Debian's `chromium`
 * (apps/gateway/test/public-pages.e2e.test.ts), the deployment test Compose v1
 * (`docker-compose config` checks docker-compose.yml; test/deploy/manifests.test.ts).
 */
const TEST_PACKAGES = [
  { path: '/usr/bin/chromium', name: 'chromium' },
  { path: '/usr/bin/docker-compose', name: 'docker-compose' },
];

/**
 * A machine without them gets them here (as root, from apt), and a machine
 * where that cannot happen stops the run with the reason instead of skipping
 * the tests. `npm start` never needs them.
 */
function ensureTestPackages() {
  const missing = TEST_PACKAGES.filter((p) => !existsSync(p.path));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name);
  const fail = (why) => {
    say(`the tests need Debian's ${names.join(' and ')}, and they could not be installed: ${why}`);
    say(`install them yourself (\`sudo apt-get install ${names.join(' ')}\`) and run \`npm test\` again`);
    process.exit(1);
  };
  if (process.getuid?.() !== 0) fail('installing packages needs root');
  if (!existsSync('/usr/bin/apt-get')) fail('apt-get is not available on this system');
  const apt = (args) =>
    spawnSync('apt-get', args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    }).status === 0;
  const install = () => apt(['install', '-y', '--no-install-recommends', ...names]);
  say(`installing ${names.join(', ')} with apt-get for the tests`);
  // The package lists may be missing or stale on a fresh machine; refresh them only when the first try fails.
  if (!install() && !(apt(['update']) && install())) fail(`\`apt-get install ${names.join(' ')}\` failed (see above)`);
  const still = missing.filter((p) => !existsSync(p.path));
  if (still.length > 0) fail(`apt-get succeeded but ${still.map((p) => p.path).join(', ')} is still missing`);
  say(`${names.join(', ')} installed`);
}

async function test() {
  ensureInstalled();
  ensureTestPackages();
  build(['typecheck', 'lint']);
  say('linting protos (buf), benchmarks and scripts; checking the format (prettier)');
  run(bin('buf'), ['lint', 'protos']);
  run(bin('eslint'), ['bench', 'scripts']);
  run(bin('prettier'), ['--check', '--log-level', 'warn', '.']);
  const stack = await provide('laurel_test');
  let code = 1;
  try {
    const child = spawn(bin('vitest'), ['run', ...process.argv.slice(3)], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        LAUREL_TEST_DATABASE_URL: stack.postgres.url,
        LAUREL_TEST_KAFKA_BROKERS: stack.kafka.brokers.join(','),
      },
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

/** Each service and the setting that tells the others where it listens; its own GRPC_PORT is that address's port. */
const SERVICES = {
  'badge-catalog': 'CATALOG_ADDR',
  'claim-code': 'CLAIM_CODE_ADDR',
  requirements: 'REQUIREMENTS_ADDR',
  issuance: 'ISSUANCE_ADDR',
};
const PROCESSES = [...Object.keys(SERVICES), 'gateway'];
const STOP_GRACE_MS = 6000;

/** The setting's value, where a shell's empty `VAR=` means unset. */
const setting = (name) => process.env[name]?.trim() || undefined;

/** Node options that write a CPU profile of `name` into LAUREL_PROFILE_DIR, when it is set. */
const profileArgs = (name) => {
  const dir = setting('LAUREL_PROFILE_DIR');
  // One directory per process and Node's own file names: a process has a second thread (the
  // import-in-the-middle loader), and a fixed --cpu-prof-name let that thread's profile overwrite the main one.
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${join(resolve(dir), name)}`] : [];
};

/**
 * The environment of the processes: what the user exported, with the service
 * addresses defaulted (never overwritten), and each process's own port taken
 * from its address (PORT for the gateway), so that a second instance only needs
 * other addresses, PORT, and its own database and Kafka.
 */
function processEnvironments(stack, defaultPorts, metricsPorts) {
  const env = {
    NODE_ENV: 'development',
    ...process.env,
    DATABASE_URL: stack.postgres.url,
    KAFKA_BROKERS: stack.kafka.brokers.join(','),
  };
  const own = { gateway: { PORT: String(setting('PORT') ?? defaultPorts.gateway) } };
  for (const [name, addressSetting] of Object.entries(SERVICES)) {
    const address = setting(addressSetting) ?? `127.0.0.1:${defaultPorts[name]}`;
    const port = /:(\d+)$/.exec(address)?.[1];
    if (!port) {
      say(`${addressSetting}=${address} is not host:port`);
      process.exit(78);
    }
    env[addressSetting] = address;
    own[name] = { GRPC_PORT: port, METRICS_PORT: String(metricsPorts[name]) };
  }
  return Object.fromEntries(PROCESSES.map((name) => [name, { ...env, ...own[name] }]));
}

async function start() {
  const reset = process.argv.slice(3).includes('--reset');
  ensureInstalled();
  build();
  const stateDir = resolve(root, setting('LAUREL_STATE_DIR') ?? '.laurel');
  const dataDir = join(stateDir, 'data');
  if (reset) {
    rmSync(dataDir, { recursive: true, force: true });
    say(`--reset: deleted ${dataDir} (Kafka's topics and an embedded PostgreSQL's data)`);
  }
  const stack = await provide(
    setting('LAUREL_DATABASE') ?? 'laurel',
    (await portIsFree(9092)) ? 9092 : undefined,
    dataDir,
  );
  const { supervise } = await loadDevstack();
  const { DEFAULT_PORTS, DEFAULT_METRICS_PORTS } = await import(
    pathToFileURL(join(root, 'packages', 'service-kit', 'dist', 'config.js')).href
  );
  const logDir = join(stateDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const envs = processEnvironments(stack, DEFAULT_PORTS, await metricsPorts(DEFAULT_METRICS_PORTS));

  let stopping;
  const stopAll = (code) =>
    (stopping ??= (async () => {
      say('stopping');
      await supervisor.stop();
      await stack.stop();
      say('stopped');
      process.exit(code);
    })());
  const supervisor = supervise(
    PROCESSES.map((name) => ({
      name,
      command: process.execPath,
      // LAUREL_PROFILE_DIR: each process writes a V8 CPU profile there when it stops (Node refuses --cpu-prof in NODE_OPTIONS).
      args: [...profileArgs(name), join(root, 'apps', name, 'dist', 'src', 'main.js')],
      cwd: root,
      env: envs[name],
      logFile: join(logDir, `${name}.log`),
    })),
    {
      log: say,
      stopGraceMs: STOP_GRACE_MS,
      onGiveUp: (name) => {
        say(`fix the setting ${name} names in ${join(logDir, `${name}.log`)}; stopping everything`);
        void stopAll(78);
      },
    },
  );
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const gatewayUrl = `http://127.0.0.1:${envs.gateway.PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      // Every family, not only the core that plain /readyz needs: "up" means every route works.
      if ((await fetch(`${gatewayUrl}/readyz?family=all`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      say(`the system did not become ready within 60 s; logs are in ${logDir}`);
      await stopAll(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  say(`Laurel is up: ${gatewayUrl}  (processes: ${PROCESSES.join(', ')}; each is restarted if it exits)`);
  say(`metrics: ${PROCESSES.map((name) => `${name} ${metricsUrl(name, envs[name], gatewayUrl) ?? 'off'}`).join(', ')}`);
  say(
    `logs: ${logDir}/<process>.log   PostgreSQL: ${redacted(stack.postgres.url)}   Kafka: ${stack.kafka.brokers.join(',')}`,
  );
  if (envs.gateway.NODE_ENV !== 'production') await developmentDefaults(gatewayUrl, envs.gateway);
  say('press Ctrl-C to stop');
}

/**
 * Each service's metrics port: its default (DEFAULT_METRICS_PORTS), or the
 * four of LAUREL_METRICS_PORTS (comma-separated, in the order of SERVICES; 0
 * turns one off), for a second instance. A port already taken turns that
 * service's metrics off (METRICS_PORT=0) with a note, rather than failing its start.
 */
async function metricsPorts(defaults) {
  const names = Object.keys(SERVICES);
  const given = setting('LAUREL_METRICS_PORTS')
    ?.split(',')
    .map((p) => p.trim());
  if (given && (given.length !== names.length || !given.every((p) => /^\d{1,5}$/.test(p) && Number(p) <= 65535))) {
    say(`LAUREL_METRICS_PORTS=${given.join(',')} is not ${names.length} ports (${names.join(', ')})`);
    process.exit(78);
  }
  const ports = {};
  for (const [index, name] of names.entries()) {
    const port = given ? Number(given[index]) : defaults[name];
    if (port === 0 || (await portIsFree(port))) ports[name] = port;
    else {
      say(`port ${port} is taken: ${name} serves no metrics (LAUREL_METRICS_PORTS chooses others)`);
      ports[name] = 0;
    }
  }
  return ports;
}

/** Where a process serves /metrics: the gateway on its own port, services on METRICS_PORT (none when 0). */
function metricsUrl(name, env, gatewayUrl) {
  if (name === 'gateway') return `${gatewayUrl}/metrics`;
  return env.METRICS_PORT !== '0' ? `http://127.0.0.1:${env.METRICS_PORT}/metrics` : undefined;
}

/** A database URL without its password, for the terminal. */
function redacted(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
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
    say(
      'usage: npm run bench -- <name> [args]; benchmarks: catalog, claim-codes, credentials, idle, import, outcomes, peer-routes, reevaluation, wake-cost',
    );
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
      env: {
        ...process.env,
        LAUREL_TEST_DATABASE_URL: stack.postgres.url,
        LAUREL_TEST_KAFKA_BROKERS: stack.kafka.brokers.join(','),
      },
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
