/**
 * Checks the deployment manifests (docker-compose.yml, deploy/k8s/*.yaml and the
 * per-process stages of deploy/Dockerfile) against the code they deploy: every
 * environment variable a manifest gives a process must be a setting of that
 * process's config schema, every required setting must be given, and the ports
 * and service addresses must be the ones the processes actually use — computed by
 * parsing the manifest's environment with the real schema, not copied into here.
 *
 * Run: npx vitest run test/deploy
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { parse, parseAllDocuments, parseDocument } from 'yaml';
import type { z } from 'zod';

// The apps' config modules import their setting definitions from '@laurel/service-kit'.
// That package's entry point also loads logging, database, Kafka and gRPC code (and
// needs a built dist); all the config modules use lives in its src/config.ts, so the
// package is resolved to that file here.
vi.mock('@laurel/service-kit', () => import('../../packages/service-kit/src/config.ts'));

import { DEFAULT_PORTS } from '../../packages/service-kit/src/config.ts';
import { loadBalancingOptions } from '../../packages/service-kit/src/grpc/client.ts';
import { gatewayConfigSchema, gatewaySettings } from '../../apps/gateway/src/config.ts';
import { catalogConfigSchema } from '../../apps/badge-catalog/src/config.ts';
import { claimCodeConfigSchema } from '../../apps/claim-code/src/config.ts';
import { requirementsConfigSchema } from '../../apps/requirements/src/config.ts';
import { issuanceConfigSchema } from '../../apps/issuance/src/config.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const K8S_DIR = join(ROOT, 'deploy', 'k8s');
const DOCKERFILE = join(ROOT, 'deploy', 'Dockerfile');
const KAFKA_POM = join(ROOT, 'deploy', 'kafka', 'pom.xml');
const COMPOSE_FILE = join(ROOT, 'docker-compose.yml');
const DEPLOY_README = join(ROOT, 'deploy', 'README.md');
const LIFECYCLE_SOURCE = join(ROOT, 'packages', 'service-kit', 'src', 'lifecycle.ts');

// ---------------------------------------------------------------------------
// The processes and their configuration, from the code
// ---------------------------------------------------------------------------

type Process = keyof typeof DEFAULT_PORTS;
/** The processes, as service-kit names them (one default port each). */
const PROCESSES = Object.keys(DEFAULT_PORTS) as Process[];

interface ProcessConfig {
  /** Every setting the process accepts (the z.object before cross-field rules). */
  shape: Record<string, z.ZodType>;
  /** What the process's main.ts parses its environment with. */
  schema: z.ZodType;
}

const CONFIG: Record<Process, ProcessConfig> = {
  gateway: { shape: gatewaySettings.shape, schema: gatewayConfigSchema },
  'badge-catalog': { shape: catalogConfigSchema.shape, schema: catalogConfigSchema },
  'claim-code': { shape: claimCodeConfigSchema.shape, schema: claimCodeConfigSchema },
  requirements: { shape: requirementsConfigSchema.shape, schema: requirementsConfigSchema },
  issuance: { shape: issuanceConfigSchema.shape, schema: issuanceConfigSchema },
};

/**
 * Settings whose values are credentials: in Kubernetes they must come from a Secret
 * and never appear in a ConfigMap (DATABASE_URL carries the database password).
 */
const SECRET_SETTINGS = ['DATABASE_URL', 'BADGEKIT_MASTER_SECRET', 'CREDENTIAL_KEY_ENCRYPTION_KEY'];

/** Settings without a default: absent from the environment, the schema rejects them. */
function requiredSettings(process: Process): string[] {
  const { shape } = CONFIG[process];
  return Object.keys(shape).filter((key) => !shape[key]!.safeParse(undefined).success);
}

/** The setting that holds the port a process listens on: GRPC_PORT for services, PORT for the gateway. */
function portSetting(process: Process): 'GRPC_PORT' | 'PORT' {
  const { shape } = CONFIG[process];
  if ('GRPC_PORT' in shape) return 'GRPC_PORT';
  if ('PORT' in shape) return 'PORT';
  throw new Error(`${process}: its config has neither GRPC_PORT nor PORT`);
}

/** Processes serving gRPC get gRPC probes; the others (the gateway) HTTP ones. */
const servesGrpc = (process: Process) => portSetting(process) === 'GRPC_PORT';

/** The port a process listens on when nothing sets it (its schema default). */
function defaultListenPort(process: Process): number {
  return CONFIG[process].shape[portSetting(process)]!.parse(undefined) as number;
}

/** Settings naming another process's host:port, e.g. CATALOG_ADDR. */
const addressSettings = (process: Process) => Object.keys(CONFIG[process].shape).filter((key) => key.endsWith('_ADDR'));

/**
 * The process an address setting names. The code says it through the setting's
 * default (CATALOG_ADDR defaults to 127.0.0.1:<badge-catalog's default port>), so the
 * target is the one process whose default listen port that is.
 */
function addressTarget(process: Process, setting: string): Process {
  const fallback = String(CONFIG[process].shape[setting]!.parse(undefined));
  const port = Number(fallback.split(':').pop());
  const targets = PROCESSES.filter((p) => defaultListenPort(p) === port);
  if (targets.length !== 1)
    throw new Error(`${process}.${setting}: its default ${fallback} names ${targets.length} processes`);
  return targets[0]!;
}

type Parsed = Record<string, unknown>;

/** Parses an environment with the process's real schema; a failure names every problem. */
function parseConfig(process: Process, env: Env, where: string): Parsed {
  const result = CONFIG[process].schema.safeParse(plain(env));
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${where}: ${process} would refuse to start:\n  - ${problems.join('\n  - ')}`);
  }
  return result.data as Parsed;
}

/** Where a process serves Prometheus metrics: METRICS_PORT if it has that setting (0 = off), else its own port. */
function metricsPort(process: Process, config: Parsed): number | undefined {
  if ('METRICS_PORT' in CONFIG[process].shape) return (config.METRICS_PORT as number) || undefined;
  return config[portSetting(process)] as number;
}

// ---------------------------------------------------------------------------
// Environments as the manifests give them
// ---------------------------------------------------------------------------

/** One environment variable and where its value comes from. */
interface EnvValue {
  value: string;
  source: 'literal' | 'configmap' | 'secret';
}
type Env = Map<string, EnvValue>;

const plain = (env: Env): Record<string, string> => Object.fromEntries([...env].map(([k, v]) => [k, v.value]));

/** A service address, `host:port` or `dns:///host:port` → its parts. */
function splitServiceAddress(address: string): { host: string; port: number; scheme?: string } {
  const match = /^(?:(\w+):\/\/\/)?(.*)$/.exec(address)!;
  return { ...splitHostPort(match[2]!), ...(match[1] !== undefined && { scheme: match[1] }) };
}

/** `host:port` → its parts. */
function splitHostPort(address: string): { host: string; port: number } {
  const match = /^([^\s:]+):(\d+)$/.exec(address);
  if (!match) throw new Error(`not host:port: ${address}`);
  return { host: match[1]!, port: Number(match[2]) };
}

// ---------------------------------------------------------------------------
// docker-compose.yml
// ---------------------------------------------------------------------------

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, unknown> | string[] };
  environment?: Record<string, unknown> | string[];
  ports?: (string | number | { target: number | string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: unknown; disable?: boolean };
}

const composeText = readFileSync(COMPOSE_FILE, 'utf8');
const compose = parse(composeText) as { services: Record<string, ComposeService> } & Record<string, unknown>;
const composeServices = compose.services;

/**
 * What both Compose v1 (docker-compose 1.29, which validates a file without a
 * `version` against its compose_spec.json) and Compose v2 accept, from 1.29's
 * schema: v2 accepts all of it, while keys v2 added (top-level `name`,
 * `include`; `develop`, depends_on's `restart`/`required`, build `additional_contexts`...)
 * make v1 refuse the file. A `version` key would make v1 use its 3.x schema, which has no
 * depends_on conditions, and v2 warns that it is obsolete: so none either.
 */
const COMPOSE_V1 = {
  topLevel: ['services', 'volumes', 'networks', 'secrets', 'configs'],
  service: [
    'blkio_config',
    'build',
    'cap_add',
    'cap_drop',
    'cgroup_parent',
    'command',
    'configs',
    'container_name',
    'cpu_count',
    'cpu_percent',
    'cpu_period',
    'cpu_quota',
    'cpu_rt_period',
    'cpu_rt_runtime',
    'cpu_shares',
    'cpus',
    'cpuset',
    'credential_spec',
    'depends_on',
    'deploy',
    'device_cgroup_rules',
    'devices',
    'dns',
    'dns_opt',
    'dns_search',
    'domainname',
    'entrypoint',
    'env_file',
    'environment',
    'expose',
    'extends',
    'external_links',
    'extra_hosts',
    'group_add',
    'healthcheck',
    'hostname',
    'image',
    'init',
    'ipc',
    'isolation',
    'labels',
    'links',
    'logging',
    'mac_address',
    'mem_limit',
    'mem_reservation',
    'mem_swappiness',
    'memswap_limit',
    'network_mode',
    'networks',
    'oom_kill_disable',
    'oom_score_adj',
    'pid',
    'pids_limit',
    'platform',
    'ports',
    'privileged',
    'profiles',
    'pull_policy',
    'read_only',
    'restart',
    'runtime',
    'scale',
    'secrets',
    'security_opt',
    'shm_size',
    'stdin_open',
    'stop_grace_period',
    'stop_signal',
    'storage_opt',
    'sysctls',
    'tmpfs',
    'tty',
    'ulimits',
    'user',
    'userns_mode',
    'volumes',
    'volumes_from',
    'working_dir',
  ],
  build: [
    'args',
    'cache_from',
    'context',
    'dockerfile',
    'extra_hosts',
    'isolation',
    'labels',
    'network',
    'shm_size',
    'target',
  ],
  healthcheck: ['disable', 'interval', 'retries', 'start_period', 'test', 'timeout'],
  dependsOnConditions: ['service_started', 'service_healthy', 'service_completed_successfully'],
};

/** Keys of an object that are not in the allowed list (x- extensions are allowed everywhere). */
const keysOutside = (value: unknown, allowed: readonly string[]) =>
  Object.keys((value ?? {}) as object).filter((key) => !allowed.includes(key) && !key.startsWith('x-'));

/**
 * Compose's variable interpolation, as far as this test can follow it: `${VAR:-default}`
 * and `${VAR-default}` take the default (the test has no host environment), `$$` is a `$`.
 */
function interpolate(value: string, where: string): string {
  return value.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$[A-Za-z_]/g,
    (match, _name: string, fallback?: string) => {
      if (match === '$$') return '$';
      if (fallback !== undefined) return fallback;
      throw new Error(`${where}: ${match} has no default, so this test cannot check it; write \${VAR:-default}`);
    },
  );
}

/** A compose service's environment (map or KEY=VALUE list form), interpolated. */
function composeEnv(name: string): Env {
  const raw = composeServices[name]?.environment ?? {};
  const pairs: [string, unknown][] = Array.isArray(raw)
    ? raw.map((item) => {
        const at = item.indexOf('=');
        return at < 0 ? [item, null] : [item.slice(0, at), item.slice(at + 1)];
      })
    : Object.entries(raw);
  const env: Env = new Map();
  for (const [key, value] of pairs) {
    if (value === null || value === undefined)
      throw new Error(`compose ${name}.${key}: passed through from the host, cannot be checked`);
    env.set(key, { value: interpolate(String(value), `compose ${name}.${key}`), source: 'literal' });
  }
  return env;
}

/** The container side of each `ports:` entry ("8080:8080", "127.0.0.1:80:8080/tcp", { target }). */
function composeContainerPorts(name: string): number[] {
  return (composeServices[name]?.ports ?? []).map((entry) => {
    if (typeof entry === 'object') return Number(entry.target);
    const spec = interpolate(String(entry), `compose ${name}.ports`).replace(/\/\w+$/, '');
    return Number(spec.split(':').pop());
  });
}

/** depends_on in either form, as service → condition. */
function composeDependsOn(name: string): Map<string, string> {
  const raw = composeServices[name]?.depends_on ?? [];
  return Array.isArray(raw)
    ? new Map(raw.map((dep) => [dep, 'service_started']))
    : new Map(Object.entries(raw).map(([dep, spec]) => [dep, spec?.condition ?? 'service_started']));
}

/** The build of a compose service: Dockerfile path (absolute) and build args. */
function composeBuild(name: string): { dockerfile: string; args: Record<string, string> } | undefined {
  const build = composeServices[name]?.build;
  if (build === undefined) return undefined;
  const spec = typeof build === 'string' ? { context: build } : build;
  const context = resolve(ROOT, spec.context ?? '.');
  const rawArgs = spec.args ?? {};
  const args = Array.isArray(rawArgs)
    ? Object.fromEntries(rawArgs.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]))
    : Object.fromEntries(Object.entries(rawArgs).map(([k, v]) => [k, String(v)]));
  return { dockerfile: resolve(context, spec.dockerfile ?? 'Dockerfile'), args };
}

/** Whether compose can wait for `service_healthy` of a service: its own healthcheck, or its image's HEALTHCHECK. */
function composeHasHealthcheck(name: string): boolean {
  const service = composeServices[name];
  if (service?.healthcheck) return !service.healthcheck.disable;
  const build = composeBuild(name);
  return (
    build !== undefined &&
    existsSync(build.dockerfile) &&
    /^HEALTHCHECK\s+(?!NONE)/m.test(readFileSync(build.dockerfile, 'utf8'))
  );
}

/** The repository part of an image reference (no tag or digest). */
const imageRepository = (image: string) => image.replace(/@.*$/, '').replace(/:[^:/]*$/, '');

/** Infrastructure a process reaches by host name: the PostgreSQL of DATABASE_URL and the Kafka brokers. */
function infrastructureHosts(env: Env): { postgres?: string; kafka: string[] } {
  const database = env.get('DATABASE_URL')?.value;
  const brokers = env.get('KAFKA_BROKERS')?.value;
  return {
    postgres: database ? new URL(database).hostname : undefined,
    kafka: brokers ? brokers.split(',').map((b) => splitHostPort(b.trim()).host) : [],
  };
}

// ---------------------------------------------------------------------------
// deploy/k8s
// ---------------------------------------------------------------------------

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

interface ContainerPort {
  name?: string;
  containerPort: number;
}
interface Probe {
  grpc?: { port: number };
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    configMapKeyRef?: { name: string; key: string; optional?: boolean };
    secretKeyRef?: { name: string; key: string; optional?: boolean };
  };
}
interface Container {
  name: string;
  image: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  envFrom?: { prefix?: string; configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command?: string[] }; sleep?: { seconds: number }; httpGet?: unknown } };
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
}
interface Deployment extends K8sObject {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: {
      metadata: { labels: Record<string, string>; annotations?: Record<string, string> };
      spec: { containers: Container[]; terminationGracePeriodSeconds?: number };
    };
  };
}
interface Service extends K8sObject {
  spec: {
    clusterIP?: string;
    selector: Record<string, string>;
    ports: { name?: string; port: number; targetPort?: number | string }[];
  };
}
interface PodDisruptionBudget extends K8sObject {
  spec: {
    selector: { matchLabels: Record<string, string> };
    maxUnavailable?: number | string;
    minAvailable?: number | string;
  };
}
interface HorizontalPodAutoscaler extends K8sObject {
  spec: {
    scaleTargetRef: { apiVersion: string; kind: string; name: string };
    minReplicas?: number;
    maxReplicas: number;
    metrics?: { type: string; resource?: { name: string; target: { type: string; averageUtilization?: number } } }[];
  };
}

/** Every YAML file under deploy/k8s, recursively. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** Every TypeScript source file under a folder, recursively. */
function typeScriptSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return typeScriptSources(full);
    return name.endsWith('.ts') ? [full] : [];
  });
}

/** All documents of a YAML file; a syntax error fails with the file's name. */
function readDocuments(file: string): unknown[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((doc) => {
    if (doc.errors.length > 0)
      throw new Error(`${relative(ROOT, file)}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = doc.toJS();
    return value === null || value === undefined ? [] : [value];
  });
}

const k8sFiles = yamlFiles(K8S_DIR);
const kustomizationFile = k8sFiles.find((f) => /kustomization\.ya?ml$/.test(f));
const manifestFiles = k8sFiles.filter((f) => f !== kustomizationFile);
const k8sObjects = manifestFiles.flatMap((file) => readDocuments(file) as K8sObject[]);

function k8sFind<T extends K8sObject>(kind: string, name: string): T | undefined {
  return k8sObjects.find((o) => o.kind === kind && o.metadata?.name === name) as T | undefined;
}
const k8sAll = <T extends K8sObject>(kind: string) => k8sObjects.filter((o) => o.kind === kind) as T[];

/** A Secret's values, from stringData or base64 data. */
function secretValues(secret: K8sObject): Record<string, string> {
  const data = Object.fromEntries(
    Object.entries((secret.data ?? {}) as Record<string, string>).map(([k, v]) => [
      k,
      Buffer.from(v, 'base64').toString('utf8'),
    ]),
  );
  return { ...data, ...((secret.stringData ?? {}) as Record<string, string>) };
}
const configMapValues = (configMap: K8sObject) =>
  Object.fromEntries(Object.entries((configMap.data ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));

/** The values of a ConfigMap or Secret the manifests define, or a clear failure. */
function referencedValues(kind: 'ConfigMap' | 'Secret', name: string, where: string): Record<string, string> {
  const object = k8sFind(kind, name);
  if (!object) throw new Error(`${where}: references ${kind} ${name}, which no manifest in deploy/k8s defines`);
  return kind === 'Secret' ? secretValues(object) : configMapValues(object);
}

/** The process's Deployment (named after it) and its one container. */
function k8sDeployment(process: Process): { deployment: Deployment; container: Container } {
  const deployment = k8sFind<Deployment>('Deployment', process);
  if (!deployment) throw new Error(`deploy/k8s has no Deployment named ${process}`);
  const containers = deployment.spec.template.spec.containers;
  if (containers.length !== 1)
    throw new Error(`Deployment ${process}: expected one container, found ${containers.length}`);
  return { deployment, container: containers[0]! };
}

/** What a placeholder in the committed Secret looks like (the test below checks they all do). */
const PLACEHOLDER_TEXT = /REPLACE_ME\w*/g;
/** Stands for the real value an operator puts where a placeholder is. */
const OPERATOR_VALUE = 'f3a9c2e17b5d48a09e6c1f2b7d3e8a4c';

/**
 * The environment the container gets once the operator replaced the Secret's
 * placeholders, as the checks of ports, addresses and required settings assume.
 */
function k8sEnv(process: Process): Env {
  return new Map(
    [...k8sEnvAsShipped(process)].map(([key, v]) => [
      key,
      v.source === 'secret' ? { ...v, value: v.value.replace(PLACEHOLDER_TEXT, OPERATOR_VALUE) } : v,
    ]),
  );
}

/**
 * The environment the container gets, as Kubernetes builds it: envFrom first (every key
 * of the referenced ConfigMap/Secret), then env entries (literal or valueFrom), later
 * ones winning. Each value remembers whether it came from a ConfigMap or a Secret.
 */
function k8sEnvAsShipped(process: Process): Env {
  const { container } = k8sDeployment(process);
  const where = `Deployment ${process}`;
  const env: Env = new Map();
  for (const from of container.envFrom ?? []) {
    const [kind, source, name] = from.configMapRef
      ? (['ConfigMap', 'configmap', from.configMapRef.name] as const)
      : from.secretRef
        ? (['Secret', 'secret', from.secretRef.name] as const)
        : (() => {
            throw new Error(`${where}: unsupported envFrom entry`);
          })();
    for (const [key, value] of Object.entries(referencedValues(kind, name, where)))
      env.set(`${from.prefix ?? ''}${key}`, { value, source });
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom;
    if (!ref) {
      env.set(variable.name, { value: variable.value ?? '', source: 'literal' });
    } else if (ref.configMapKeyRef || ref.secretKeyRef) {
      const [kind, source, key] = ref.configMapKeyRef
        ? (['ConfigMap', 'configmap', ref.configMapKeyRef] as const)
        : (['Secret', 'secret', ref.secretKeyRef!] as const);
      const values = referencedValues(kind, key.name, `${where} env ${variable.name}`);
      if (!(key.key in values))
        throw new Error(`${where} env ${variable.name}: ${kind} ${key.name} has no key ${key.key}`);
      env.set(variable.name, { value: values[key.key]!, source });
    } else {
      throw new Error(`${where} env ${variable.name}: only configMapKeyRef/secretKeyRef are understood by this test`);
    }
  }
  return env;
}

/** A container port given by number or by name, as a number. */
function resolveContainerPort(container: Container, port: number | string | undefined, where: string): number {
  if (typeof port === 'number') return port;
  const named = container.ports?.find((p) => p.name === port);
  if (!named) throw new Error(`${where}: no container port named ${String(port)}`);
  return named.containerPort;
}

/** The Service named after the process, checked to select that process's pods. */
function k8sService(process: Process): Service {
  const service = k8sFind<Service>('Service', process);
  if (!service) throw new Error(`deploy/k8s has no Service named ${process}`);
  return service;
}

/** The HorizontalPodAutoscaler scaling the process's Deployment. */
function k8sAutoscaler(process: Process): HorizontalPodAutoscaler {
  const found = k8sAll<HorizontalPodAutoscaler>('HorizontalPodAutoscaler').filter(
    (h) =>
      h.spec.scaleTargetRef.kind === 'Deployment' &&
      h.spec.scaleTargetRef.name === process &&
      h.spec.scaleTargetRef.apiVersion === 'apps/v1',
  );
  if (found.length !== 1)
    throw new Error(`deploy/k8s: ${found.length} HorizontalPodAutoscalers scale Deployment ${process}, expected 1`);
  return found[0]!;
}

/** Whether every label of `selector` is on `labels`. */
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

/** The version deploy/kafka/pom.xml pins for org.apache.kafka:kafka_2.13 (a ${property} resolved). */
function pomKafkaVersion(): string {
  if (!existsSync(KAFKA_POM)) {
    throw new Error(`${relative(ROOT, KAFKA_POM)} is missing: it pins the Kafka version the compose image must match`);
  }
  const pom = readFileSync(KAFKA_POM, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const dependency = [...pom.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)]
    .map((m) => m[1]!)
    .find(
      (d) =>
        /<groupId>\s*org\.apache\.kafka\s*<\/groupId>/.test(d) && /<artifactId>\s*kafka_2\.13\s*<\/artifactId>/.test(d),
    );
  const version = dependency && /<version>\s*([^<\s]+)\s*<\/version>/.exec(dependency)?.[1];
  if (!version)
    throw new Error(`${relative(ROOT, KAFKA_POM)}: no org.apache.kafka:kafka_2.13 dependency with a <version>`);
  const property = /^\$\{(.+)\}$/.exec(version)?.[1];
  if (!property) return version;
  const value = new RegExp(`<${property.replace(/\./g, '\\.')}>\\s*([^<\\s]+)\\s*</`).exec(pom)?.[1];
  if (!value) throw new Error(`${relative(ROOT, KAFKA_POM)}: property ${property} is not defined`);
  return value;
}

/** A CPU quantity ("250m", "1", 0.5) in millicores. */
function millicores(quantity: string | number): number {
  const text = String(quantity);
  const match = /^(\d+(?:\.\d+)?)(m?)$/.exec(text);
  if (!match) throw new Error(`not a CPU quantity: ${text}`);
  return match[2] ? Number(match[1]) : Number(match[1]) * 1000;
}

/** A memory quantity ("128Mi", "1Gi", "500M", bytes) in bytes. */
function bytes(quantity: string | number): number {
  const text = String(quantity);
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(text);
  if (!match) throw new Error(`not a memory quantity: ${text}`);
  const unit =
    { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, k: 1e3, M: 1e6, G: 1e9, T: 1e12 }[match[2] ?? ''] ?? 1;
  return Number(match[1]) * unit;
}

/**
 * How long a process may take to stop after SIGTERM: runMain's stopTimeoutMs
 * default in service-kit's lifecycle.ts (no process passes its own), read from
 * the source so that a longer timeout there fails the grace-period check here.
 */
function stopTimeoutSeconds(): number {
  const match = /stopTimeoutMs \?\? (\d[\d_]*)/.exec(readFileSync(LIFECYCLE_SOURCE, 'utf8'));
  if (!match) throw new Error(`${relative(ROOT, LIFECYCLE_SOURCE)}: no "stopTimeoutMs ?? <ms>" default found`);
  return Number(match[1]!.replace(/_/g, '')) / 1000;
}

/** Seconds a preStop hook waits: `sleep N` (exec) or the sleep action. */
function preStopSeconds(container: Container): number | undefined {
  const hook = container.lifecycle?.preStop;
  if (hook?.sleep) return hook.sleep.seconds;
  const command = hook?.exec?.command ?? [];
  const sleep = command.findIndex((c) => /(^|\/)sleep$/.test(c));
  return sleep >= 0 ? Number(command[sleep + 1]) : undefined;
}

// ===========================================================================

describe('the process list', () => {
  it('is the same in service-kit, in this test and under apps/', () => {
    const appDirs = readdirSync(join(ROOT, 'apps')).filter((d) => existsSync(join(ROOT, 'apps', d, 'package.json')));
    expect(Object.keys(CONFIG).sort()).toEqual([...PROCESSES].sort());
    expect(appDirs.sort()).toEqual([...PROCESSES].sort());
  });
});

describe('docker-compose.yml', () => {
  it('is one valid YAML document', () => {
    const documents = parseAllDocuments(composeText);
    expect(Array.isArray(documents) ? documents.length : 1).toBe(1);
    const document = parseDocument(composeText);
    expect([...document.errors, ...document.warnings].map((e) => e.message)).toEqual([]);
  });

  it('uses only keys Compose v1 (1.29) accepts as well as v2: no top-level name or version', () => {
    expect(keysOutside(compose, COMPOSE_V1.topLevel), 'top-level keys').toEqual([]);
    for (const [name, service] of Object.entries(composeServices)) {
      expect(keysOutside(service, COMPOSE_V1.service), `service ${name}`).toEqual([]);
      if (typeof service.build === 'object')
        expect(keysOutside(service.build, COMPOSE_V1.build), `service ${name} build`).toEqual([]);
      expect(keysOutside(service.healthcheck, COMPOSE_V1.healthcheck), `service ${name} healthcheck`).toEqual([]);
      if (service.depends_on && !Array.isArray(service.depends_on)) {
        for (const [dependency, spec] of Object.entries(service.depends_on)) {
          // v1 requires the condition in the long form and knows no other key in it.
          expect(Object.keys(spec ?? {}), `${name} depends_on ${dependency}`).toEqual(['condition']);
          expect(COMPOSE_V1.dependsOnConditions).toContain(spec.condition);
        }
      }
    }
  });

  // Compose v1 itself (Debian's docker-compose, which `npm test` installs) validates the file. Compose v2
  // is not packaged by Debian; it accepts a file that keeps to the keys v1 knows (checked above).
  it('is accepted by docker-compose (v1) config', () => {
    const result = spawnSync('docker-compose', ['-f', COMPOSE_FILE, 'config', '-q'], { encoding: 'utf8', cwd: ROOT });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs the five processes plus the PostgreSQL and Kafka they use, and nothing else', () => {
    const infra = new Set<string>();
    for (const process of PROCESSES) {
      expect(composeServices, `compose has no service ${process}`).toHaveProperty([process]);
      const { postgres, kafka } = infrastructureHosts(composeEnv(process));
      for (const host of [postgres, ...kafka]) if (host) infra.add(host);
    }
    expect(Object.keys(composeServices).sort()).toEqual([...PROCESSES, ...infra].sort());
    expect([...infra].sort()).toEqual(['kafka', 'postgres']);
  });

  it.each(PROCESSES)('%s is built from deploy/Dockerfile with APP = its apps/ folder', (process) => {
    const build = composeBuild(process);
    expect(build, `compose ${process} has no build`).toBeDefined();
    expect(relative(ROOT, build!.dockerfile)).toBe(join('deploy', 'Dockerfile'));
    expect(build!.args.APP).toBe(process);
    expect(
      existsSync(join(ROOT, 'apps', build!.args.APP!, 'package.json')),
      `apps/${build!.args.APP} does not exist`,
    ).toBe(true);
  });

  it.each(PROCESSES)('%s is given only settings its config knows', (process) => {
    const unknown = [...composeEnv(process).keys()].filter((key) => !(key in CONFIG[process].shape));
    expect(unknown, `compose ${process}: settings its config does not have`).toEqual([]);
  });

  it.each(PROCESSES)('%s is given every required setting, and its config parses', (process) => {
    const env = composeEnv(process);
    expect(
      requiredSettings(process).filter((key) => !env.has(key)),
      `compose ${process}: required settings missing`,
    ).toEqual([]);
    parseConfig(process, env, `compose ${process}`);
  });

  it.each(PROCESSES)('%s publishes the port it listens on, and no other', (process) => {
    const config = parseConfig(process, composeEnv(process), `compose ${process}`);
    const listen = config[portSetting(process)] as number;
    const ports = composeContainerPorts(process);
    expect(ports).toContain(listen);
    expect(ports.filter((p) => p !== listen && p !== metricsPort(process, config))).toEqual([]);
  });

  it.each(PROCESSES)("%s: each *_ADDR it is given is the named process's compose service and port", (process) => {
    const env = composeEnv(process);
    for (const setting of addressSettings(process).filter((s) => env.has(s))) {
      const target = addressTarget(process, setting);
      const { host, port } = splitHostPort(env.get(setting)!.value);
      const targetConfig = parseConfig(target, composeEnv(target), `compose ${target}`);
      expect(`${setting}=${host}:${port}`).toBe(`${setting}=${target}:${targetConfig[portSetting(target)]}`);
    }
  });

  it.each(PROCESSES)('%s waits until what it uses is healthy', (process) => {
    const env = composeEnv(process);
    const { postgres, kafka } = infrastructureHosts(env);
    const used = [
      postgres,
      ...kafka,
      ...addressSettings(process)
        .filter((s) => env.has(s))
        .map((s) => splitHostPort(env.get(s)!.value).host),
    ];
    const dependsOn = composeDependsOn(process);
    for (const dependency of new Set(used.filter((u): u is string => !!u))) {
      expect(dependsOn.get(dependency), `${process} should depend on ${dependency} (service_healthy)`).toBe(
        'service_healthy',
      );
    }
    for (const [dependency, condition] of dependsOn) {
      expect(composeServices, `${process} depends on unknown service ${dependency}`).toHaveProperty([dependency]);
      if (condition === 'service_healthy')
        expect(composeHasHealthcheck(dependency), `${dependency} has no healthcheck`).toBe(true);
    }
  });

  it('runs apache/kafka at the version deploy/kafka/pom.xml pins, advertising the brokers the processes use', () => {
    const brokers = new Set(
      PROCESSES.flatMap(
        (p) =>
          composeEnv(p)
            .get('KAFKA_BROKERS')
            ?.value.split(',')
            .map((b) => b.trim()) ?? [],
      ),
    );
    expect(brokers.size).toBeGreaterThan(0);
    for (const broker of brokers) {
      const { host } = splitHostPort(broker);
      const kafka = composeServices[host]!;
      expect(kafka.image).toBe(`apache/kafka:${pomKafkaVersion()}`);
      const advertised = (composeEnv(host).get('KAFKA_ADVERTISED_LISTENERS')?.value ?? '')
        .split(',')
        .map((l) => l.trim().replace(/^[A-Z_]+:\/\//, ''));
      expect(advertised, `${host} does not advertise ${broker}`).toContain(broker);
    }
  });

  it('runs PostgreSQL with the database, user and password DATABASE_URL names', () => {
    // (A process without DATABASE_URL fails the required-settings check above.)
    for (const process of PROCESSES.filter((p) => composeEnv(p).has('DATABASE_URL'))) {
      const url = new URL(composeEnv(process).get('DATABASE_URL')!.value);
      const env = plain(composeEnv(url.hostname));
      expect(composeServices[url.hostname]!.image).toMatch(/^postgres:/);
      const user = env.POSTGRES_USER ?? 'postgres';
      expect(decodeURIComponent(url.username)).toBe(user);
      expect(decodeURIComponent(url.password)).toBe(env.POSTGRES_PASSWORD);
      expect(url.pathname.slice(1)).toBe(env.POSTGRES_DB ?? user);
      expect(url.port || '5432').toBe('5432');
    }
  });
});

describe('deploy/k8s', () => {
  it('kustomization.yaml lists every manifest file, and only existing ones', () => {
    expect(kustomizationFile, 'deploy/k8s has no kustomization.yaml').toBeDefined();
    const kustomization = parse(readFileSync(kustomizationFile!, 'utf8')) as { resources?: string[] };
    const listed = (kustomization.resources ?? []).map((r) => resolve(K8S_DIR, r)).sort();
    expect(listed.map((f) => relative(ROOT, f))).toEqual(manifestFiles.map((f) => relative(ROOT, f)).sort());
  });

  it('uses only the kinds and API versions these checks know', () => {
    const known: Record<string, string> = {
      Deployment: 'apps/v1',
      Service: 'v1',
      ConfigMap: 'v1',
      Secret: 'v1',
      PodDisruptionBudget: 'policy/v1',
      HorizontalPodAutoscaler: 'autoscaling/v2',
    };
    for (const object of k8sObjects)
      expect(`${object.kind} ${object.metadata.name}: ${object.apiVersion}`).toBe(
        `${object.kind} ${object.metadata.name}: ${known[object.kind] ?? '(unknown kind)'}`,
      );
  });

  it.each(PROCESSES.filter(servesGrpc))('%s: its Service is headless, on the port the pods listen on', (process) => {
    const service = k8sService(process);
    // A virtual IP would pin each client's one HTTP/2 connection to one pod.
    expect(service.spec.clusterIP, `Service ${process}: clusterIP`).toBe('None');
    // Headless: clients connect to the pod addresses, so Service port = container port.
    const { container } = k8sDeployment(process);
    for (const port of service.spec.ports) {
      expect(
        resolveContainerPort(container, port.targetPort ?? port.port, `Service ${process}`),
        `Service ${process} port ${port.port}`,
      ).toBe(port.port);
    }
  });

  it.each(PROCESSES)('%s: the gRPC clients it runs balance round_robin over every pod', (process) => {
    const env = k8sEnv(process);
    for (const setting of addressSettings(process).filter((s) => env.has(s))) {
      const address = env.get(setting)!.value;
      expect(splitServiceAddress(address).scheme, `${process} ${setting}=${address}: use dns:///<Service>:<port>`).toBe(
        'dns',
      );
      // What the client code makes of that address (service-kit grpc/client.ts).
      const config = loadBalancingOptions(address)['grpc.service_config'];
      expect(JSON.parse(String(config ?? '{}')), `${process} ${setting}`).toEqual({
        loadBalancingConfig: [{ round_robin: {} }],
      });
    }
  });

  it.each(PROCESSES)('%s has a PodDisruptionBudget that lets one pod go and keeps one serving', (process) => {
    const podLabels = k8sDeployment(process).deployment.spec.template.metadata.labels;
    const budgets = k8sAll<PodDisruptionBudget>('PodDisruptionBudget').filter((b) =>
      selects(b.spec.selector.matchLabels, podLabels),
    );
    expect(
      budgets.map((b) => b.metadata.name),
      `PodDisruptionBudgets selecting the ${process} pods`,
    ).toHaveLength(1);
    const { spec } = budgets[0]!;
    const minReplicas = k8sAutoscaler(process).spec.minReplicas ?? 1;
    if (spec.maxUnavailable !== undefined) {
      // At least one may go (or node drains block), and fewer than the smallest replica count.
      expect(Number(spec.maxUnavailable)).toBeGreaterThanOrEqual(1);
      expect(Number(spec.maxUnavailable)).toBeLessThan(minReplicas);
    } else {
      expect(Number(spec.minAvailable)).toBeGreaterThanOrEqual(1);
      expect(Number(spec.minAvailable)).toBeLessThan(minReplicas);
    }
  });

  it.each(PROCESSES)(
    '%s has a HorizontalPodAutoscaler on CPU, from at least 2 pods, owning the replica count',
    (process) => {
      const { deployment } = k8sDeployment(process);
      const hpa = k8sAutoscaler(process);
      expect(hpa.spec.minReplicas ?? 1).toBeGreaterThanOrEqual(2);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas ?? 1);
      const cpu = hpa.spec.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
      expect(cpu?.resource?.target, `HPA ${process}: no CPU utilization target`).toMatchObject({
        type: 'Utilization',
        averageUtilization: expect.any(Number),
      });
      // Utilization is a share of the CPU request, so the container must have one.
      expect(
        k8sDeployment(process).container.resources?.requests?.cpu,
        `${process}: no CPU request for the HPA`,
      ).toBeDefined();
      // A replicas field would be re-applied by every `kubectl apply`, undoing the autoscaler.
      expect(deployment.spec.replicas, `Deployment ${process}: drop spec.replicas, the HPA sets it`).toBeUndefined();
    },
  );

  it.each(PROCESSES)('%s has CPU and memory requests and limits, requests within limits', (process) => {
    const { resources } = k8sDeployment(process).container;
    for (const kind of ['cpu', 'memory'] as const) {
      const request = resources?.requests?.[kind];
      const limit = resources?.limits?.[kind];
      expect(request, `${process}: no ${kind} request`).toBeDefined();
      expect(limit, `${process}: no ${kind} limit`).toBeDefined();
      const measure = kind === 'cpu' ? millicores : bytes;
      expect(measure(request!), `${process}: ${kind} request above its limit`).toBeLessThanOrEqual(measure(limit!));
    }
  });

  it.each(PROCESSES)('%s drains before it stops: a preStop wait, a readiness probe, and time for both', (process) => {
    const { deployment, container } = k8sDeployment(process);
    expect(container.readinessProbe, `${process}: no readinessProbe`).toBeDefined();
    const wait = preStopSeconds(container);
    expect(wait, `${process}: no preStop sleep`).toBeGreaterThan(0);
    // The kubelet kills the container at the grace period, counted from before the preStop hook.
    const grace = deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30;
    expect(grace, `${process}: terminationGracePeriodSeconds`).toBeGreaterThan(wait! + stopTimeoutSeconds());
  });

  it.each(PROCESSES)('%s has a Deployment and a Service selecting its pods', (process) => {
    const { deployment } = k8sDeployment(process);
    const podLabels = deployment.spec.template.metadata.labels;
    expect(
      selects(deployment.spec.selector.matchLabels, podLabels),
      `Deployment ${process}: selector does not match its pod labels`,
    ).toBe(true);
    expect(
      selects(k8sService(process).spec.selector, podLabels),
      `Service ${process} does not select the ${process} pods`,
    ).toBe(true);
  });

  it.each(PROCESSES)('%s is given only settings its config knows, each at most once', (process) => {
    const { container } = k8sDeployment(process);
    const names = (container.env ?? []).map((v) => v.name);
    expect(
      names.filter((n, i) => names.indexOf(n) !== i),
      'duplicate env entries',
    ).toEqual([]);
    const unknown = [...k8sEnv(process).keys()].filter((key) => !(key in CONFIG[process].shape));
    expect(unknown, `Deployment ${process}: settings its config does not have`).toEqual([]);
  });

  it.each(PROCESSES)('%s is given every required setting, and its config parses in production', (process) => {
    const env = k8sEnv(process);
    expect(
      requiredSettings(process).filter((key) => !env.has(key)),
      `Deployment ${process}: required settings missing`,
    ).toEqual([]);
    // NODE_ENV defaults to development, so production must be set explicitly; the
    // gateway's schema then also insists on its own BADGEKIT_MASTER_SECRET.
    expect(parseConfig(process, env, `k8s ${process}`).NODE_ENV).toBe('production');
  });

  it.each(PROCESSES)('%s: containerPort, Service targetPort and probes use the port it listens on', (process) => {
    const { deployment, container } = k8sDeployment(process);
    const where = `Deployment ${process}`;
    const config = parseConfig(process, k8sEnv(process), `k8s ${process}`);
    const listen = config[portSetting(process)] as number;
    const metrics = metricsPort(process, config);

    // Container ports: the listen port, plus the metrics port when it is a separate one.
    const containerPorts = (container.ports ?? []).map((p) => p.containerPort);
    expect(containerPorts).toContain(listen);
    expect(containerPorts.filter((p) => p !== listen && p !== metrics)).toEqual([]);
    if (metrics !== undefined) expect(containerPorts).toContain(metrics);
    expect(
      (container.ports ?? []).filter((p) => !p.name),
      'every containerPort is named',
    ).toEqual([]);
    const scrapePort = deployment.spec.template.metadata.annotations?.['prometheus.io/port'];
    if (scrapePort !== undefined) expect(Number(scrapePort)).toBe(metrics);

    // The Service forwards to the listen port (a targetPort defaults to the port).
    const targets = k8sService(process).spec.ports.map((p) =>
      resolveContainerPort(container, p.targetPort ?? p.port, `Service ${process}`),
    );
    expect(targets).toContain(listen);
    expect(targets.filter((p) => !containerPorts.includes(p))).toEqual([]);

    // Readiness and liveness (and startup, if any) probe that port, over gRPC for services, HTTP for the gateway.
    expect(container.readinessProbe, `${where}: no readinessProbe`).toBeDefined();
    expect(container.livenessProbe, `${where}: no livenessProbe`).toBeDefined();
    for (const [kind, probe] of Object.entries({
      readiness: container.readinessProbe,
      liveness: container.livenessProbe,
      startup: container.startupProbe,
    })) {
      if (!probe) continue;
      const action = servesGrpc(process) ? probe.grpc : probe.httpGet;
      expect(action, `${where}: ${kind} probe should be ${servesGrpc(process) ? 'grpc' : 'httpGet'}`).toBeDefined();
      expect(
        resolveContainerPort(container, action!.port, `${where} ${kind}Probe`),
        `${where}: ${kind} probe port`,
      ).toBe(listen);
    }
  });

  it.each(PROCESSES.filter((p) => !servesGrpc(p)))('%s: its HTTP probe paths are routes its code serves', (process) => {
    // Read the process's sources rather than trusting a list here: a renamed route must fail this.
    const sources = typeScriptSources(join(ROOT, 'apps', process, 'src'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const { container } = k8sDeployment(process);
    for (const probe of [container.readinessProbe, container.livenessProbe, container.startupProbe]) {
      const path = probe?.httpGet?.path;
      if (path)
        expect(
          sources.includes(`'${path}'`) || sources.includes(`"${path}"`),
          `${process} serves no route ${path}`,
        ).toBe(true);
    }
  });

  it.each(PROCESSES)("%s: each *_ADDR it is given is the named process's Service and port", (process) => {
    const env = k8sEnv(process);
    for (const setting of addressSettings(process).filter((s) => env.has(s))) {
      const target = addressTarget(process, setting);
      const { host, port } = splitServiceAddress(env.get(setting)!.value);
      const service = k8sService(target);
      // The Service's name, or its longer DNS forms (name.namespace.svc...).
      expect(
        host === service.metadata.name || host.startsWith(`${service.metadata.name}.`),
        `${process} ${setting}=${host}:${port} is not Service ${service.metadata.name}`,
      ).toBe(true);
      // That Service port must lead to the port the target listens on.
      const { container } = k8sDeployment(target);
      const targetListen = parseConfig(target, k8sEnv(target), `k8s ${target}`)[portSetting(target)];
      const servicePort = service.spec.ports.find((p) => p.port === port);
      expect(servicePort, `${process} ${setting}: Service ${service.metadata.name} has no port ${port}`).toBeDefined();
      expect(resolveContainerPort(container, servicePort!.targetPort ?? servicePort!.port, `Service ${target}`)).toBe(
        targetListen,
      );
    }
  });

  it.each(PROCESSES)('%s takes its secret settings from a Secret', (process) => {
    const env = k8sEnv(process);
    for (const setting of SECRET_SETTINGS.filter((s) => env.has(s))) {
      expect(`${setting} from ${env.get(setting)!.source}`).toBe(`${setting} from secret`);
    }
  });

  it('gives the gateway BADGEKIT_MASTER_SECRET from the Secret', () => {
    expect(k8sEnv('gateway').get('BADGEKIT_MASTER_SECRET')?.source).toBe('secret');
  });

  it('keeps secrets out of every ConfigMap, and every ConfigMap key is used', () => {
    const secrets = k8sAll('Secret').map(secretValues);
    const secretKeys = new Set([...SECRET_SETTINGS, ...secrets.flatMap((s) => Object.keys(s))]);
    const secretTexts = secrets.flatMap((s) => Object.values(s)).filter((v) => v.length > 0);
    const usedKeys = new Set<string>();
    for (const process of PROCESSES) {
      const { container } = k8sDeployment(process);
      for (const v of container.env ?? [])
        if (v.valueFrom?.configMapKeyRef)
          usedKeys.add(`${v.valueFrom.configMapKeyRef.name}/${v.valueFrom.configMapKeyRef.key}`);
      for (const f of container.envFrom ?? [])
        if (f.configMapRef)
          for (const key of Object.keys(referencedValues('ConfigMap', f.configMapRef.name, process)))
            usedKeys.add(`${f.configMapRef.name}/${key}`);
    }
    expect(k8sAll('ConfigMap').length).toBeGreaterThan(0);
    for (const configMap of k8sAll('ConfigMap')) {
      const data = configMapValues(configMap);
      const name = configMap.metadata.name;
      expect(
        Object.keys(data).filter((k) => secretKeys.has(k)),
        `ConfigMap ${name} holds secret settings`,
      ).toEqual([]);
      expect(
        Object.entries(data)
          .filter(([, v]) => secretTexts.some((s) => v.includes(s)))
          .map(([k]) => k),
        `ConfigMap ${name} repeats a Secret's value`,
      ).toEqual([]);
      // A URL with credentials in it (user:password@) belongs in a Secret.
      expect(
        Object.entries(data)
          .filter(([, v]) => /\/\/[^/\s:@]+:[^/\s@]+@/.test(v))
          .map(([k]) => k),
        `ConfigMap ${name} holds credentials`,
      ).toEqual([]);
      expect(
        Object.keys(data).filter((k) => !usedKeys.has(`${name}/${k}`)),
        `ConfigMap ${name} keys no Deployment uses`,
      ).toEqual([]);
    }
  });

  it('commits only placeholders in the Secret, marked REPLACE_ME', () => {
    for (const secret of k8sAll('Secret')) {
      const unmarked = Object.entries(secretValues(secret))
        .filter(([, v]) => !v.includes('REPLACE_ME'))
        .map(([k]) => k);
      expect(unmarked, `Secret ${secret.metadata.name}: values that do not look like placeholders`).toEqual([]);
    }
  });

  it('the gateway refuses to start with any placeholder the Secret ships, naming the setting', () => {
    const shipped = k8sEnvAsShipped('gateway');
    const placeholders = [...shipped].filter(
      ([, v]) => v.source === 'secret' && new RegExp(PLACEHOLDER_TEXT.source).test(v.value),
    );
    expect(placeholders.map(([key]) => key)).toEqual(
      expect.arrayContaining(['BADGEKIT_MASTER_SECRET', 'SECRET_ENCRYPTION_KEY', 'DATABASE_URL']),
    );
    for (const [key, { value }] of placeholders) {
      // Only this one setting left as shipped, so the refusal is the placeholder rule's.
      const env = new Map(k8sEnv('gateway')).set(key, { value, source: 'secret' });
      expect(() => parseConfig('gateway', env, 'k8s gateway'), `${key} as shipped`).toThrow(
        new RegExp(`- ${key}: is a placeholder`),
      );
    }
  });

  it.each(PROCESSES)('%s runs the image compose builds, and kustomization.yaml can retag it', (process) => {
    const kustomization = parse(readFileSync(kustomizationFile!, 'utf8')) as { images?: { name: string }[] };
    const repository = imageRepository(k8sDeployment(process).container.image);
    expect(repository).toBe(imageRepository(composeServices[process]?.image ?? '(compose sets no image)'));
    expect((kustomization.images ?? []).map((i) => i.name)).toContain(repository);
  });
});

describe('deploy/README.md', () => {
  const readme = readFileSync(DEPLOY_README, 'utf8');

  it('names every file under deploy/k8s and every kind of object they hold', () => {
    for (const file of k8sFiles.map((f) => relative(K8S_DIR, f)))
      expect(readme, `deploy/README.md does not mention ${file}`).toContain(file);
    for (const kind of new Set(k8sObjects.map((o) => o.kind)))
      expect(readme, `deploy/README.md does not mention ${kind}`).toContain(kind);
  });

  it('gives the commands of both Compose versions', () => {
    expect(readme).toContain('docker compose up');
    expect(readme).toContain('docker-compose up');
  });
});

describe('deploy/Dockerfile', () => {
  const dockerfile = readFileSync(DOCKERFILE, 'utf8');

  /** The instructions of the stage `FROM ... AS <name>`, up to the next FROM. */
  function stage(name: string): string[] {
    const lines = dockerfile
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    const start = lines.findIndex((l) => new RegExp(`^FROM\\s+\\S+\\s+AS\\s+${name}$`, 'i').test(l));
    if (start < 0) return [];
    const end = lines.findIndex((l, i) => i > start && /^FROM\s/i.test(l));
    return lines.slice(start + 1, end < 0 ? undefined : end);
  }

  it('ends with the stage of the process chosen by the APP build argument', () => {
    expect(dockerfile).toMatch(/^ARG APP\b/m);
    expect(
      dockerfile
        .trimEnd()
        .split('\n')
        .filter((l) => /^FROM\s/i.test(l))
        .pop(),
    ).toMatch(/^FROM\s+app-\$\{?APP\}?\s*$/i);
  });

  it.each(PROCESSES)('stage app-%s exposes the port that process listens on by default', (process) => {
    // The image sets no port variables, so the process listens on its schema default.
    const exposed = stage(`app-${process}`)
      .filter((l) => /^EXPOSE\s/i.test(l))
      .flatMap((l) => l.split(/\s+/).slice(1))
      .map((p) => Number(p.replace(/\/\w+$/, '')));
    expect(exposed).toEqual([defaultListenPort(process)]);
    expect(dockerfile).not.toMatch(new RegExp(`^ENV\\b.*\\b${portSetting(process)}=`, 'm'));
  });
});
