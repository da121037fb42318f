/**
 * Checks deploy/grafana/laurel.json against what the processes expose: every
 * metric name a panel queries must be one that some process of a running
 * system serves at /metrics (read from its `# TYPE` lines, so a metric counts
 * as soon as it is registered, before anything is recorded), and the
 * dashboard must show each golden signal.
 *
 * Run: npx vitest run test/deploy/grafana.test.ts
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPS, scrape, startSystem, type TestSystem } from '@laurel/testkit';

const DASHBOARD = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'),
  'deploy',
  'grafana',
  'laurel.json',
);

interface Panel {
  title?: string;
  type?: string;
  gridPos?: { h: number; w: number; x: number; y: number };
  targets?: { expr?: string; refId?: string }[];
  panels?: Panel[];
}
interface Dashboard {
  title: string;
  uid: string;
  panels: Panel[];
  templating: { list: { name: string; query?: unknown; definition?: string }[] };
}

/** PromQL words that are not metric names. */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
]);

/**
 * The metric names a PromQL expression selects: identifiers left once strings,
 * label matchers, ranges and grouping clauses are removed, other than
 * functions (followed by a parenthesis) and keywords.
 */
export function metricNames(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = [...stripped.matchAll(/(?<![\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter((m) => !m[2] && !KEYWORDS.has(m[1]!))
    .map((m) => m[1]!);
  return [...new Set(names)];
}

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as Dashboard;
const panels = (list: Panel[]): Panel[] => list.flatMap((p) => [p, ...panels(p.panels ?? [])]);
const queried = (): Map<string, string[]> => {
  const byName = new Map<string, string[]>();
  for (const panel of panels(dashboard.panels)) {
    for (const target of panel.targets ?? []) {
      for (const name of metricNames(target.expr ?? ''))
        byName.set(name, [...(byName.get(name) ?? []), panel.title ?? '?']);
    }
  }
  const variables = dashboard.templating.list.map((v) => v.definition ?? '').join(' ');
  for (const [, name] of variables.matchAll(/label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)/g))
    byName.set(name!, [...(byName.get(name!) ?? []), 'variables']);
  return byName;
};

describe('the metric-name reader', () => {
  it('finds metrics, not functions, labels, keywords or ranges', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (service, le) (rate(laurel_grpc_server_seconds_bucket{service=~"$service",code!="OK"}[$__rate_interval])))',
      ),
    ).toEqual(['laurel_grpc_server_seconds_bucket']);
    expect(metricNames('sum(a_total{x="{y}"}) / on (service) group_left b_max unless c offset 5m').sort()).toEqual([
      'a_total',
      'b_max',
      'c',
    ]);
  });
});

describe('deploy/grafana/laurel.json', () => {
  let system: TestSystem;
  const exposed = new Map<string, Set<string>>();

  beforeAll(async () => {
    system = await startSystem('grafana-dashboard');
    for (const app of APPS) {
      for (const name of (await scrape(system.metricsUrl(app))).names())
        exposed.set(name, (exposed.get(name) ?? new Set()).add(app));
    }
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('is a dashboard Grafana can import: a uid, a Prometheus datasource variable, laid-out panels', () => {
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(expect.arrayContaining(['datasource', 'service']));
    for (const panel of panels(dashboard.panels)) {
      expect(panel.gridPos, panel.title).toBeDefined();
      if (panel.type !== 'row') expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
    }
  });

  it('queries only metrics some process exposes', () => {
    const unknown = [...queried()]
      .filter(([name]) => !exposed.has(name))
      .map(([name, where]) => `${name} (in ${where.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it('shows the golden signals of every process', () => {
    const names = new Set(queried().keys());
    const signals = {
      traffic: [
        'laurel_http_request_seconds_count',
        'laurel_grpc_server_seconds_count',
        'laurel_grpc_client_seconds_count',
      ],
      latency: [
        'laurel_http_request_seconds_bucket',
        'laurel_grpc_server_seconds_bucket',
        'laurel_grpc_client_seconds_bucket',
      ],
      saturation: [
        'process_cpu_seconds_total',
        'nodejs_eventloop_lag_p99_seconds',
        'laurel_db_pool_connections',
        'laurel_kafka_consumer_lag',
        'laurel_outbox_oldest_age_seconds',
      ],
      events: ['laurel_events_dead_lettered_total', 'laurel_webhook_deliveries_total'],
    };
    for (const [signal, wanted] of Object.entries(signals))
      for (const name of wanted) expect(names.has(name), `${signal}: ${name}`).toBe(true);
    // Every process appears in some panel (the CPU and event-loop panels cover all five).
    for (const app of APPS) expect(exposed.get('process_cpu_seconds_total')?.has(app), app).toBe(true);
  });
});
