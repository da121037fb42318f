/**
 * Orchestrator endpoints: /healthz (the process is up), /readyz (everything it
 * depends on answers: the four services' gRPC health, PostgreSQL and Kafka),
 * and /metrics in Prometheus format.
 */
import express, { type Request, type Response, type Router } from 'express';
import { checkHealth, renderMetrics, type Knex, type Metrics } from '@laurel/service-kit';
import type { GatewayConfig } from '../config.js';

export interface ReadinessDeps {
  config: GatewayConfig;
  db: Knex;
  metrics: Metrics;
  kafkaConnected: () => boolean;
}

async function databaseReady(db: Knex): Promise<boolean> {
  try {
    await db.raw('select 1');
    return true;
  } catch {
    return false;
  }
}

export function probesRouter(deps: ReadinessDeps): Router {
  const router = express.Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const { config } = deps;
    const [catalog, claimCode, requirements, issuance, database] = await Promise.all([
      checkHealth(config.CATALOG_ADDR),
      checkHealth(config.CLAIM_CODE_ADDR),
      checkHealth(config.REQUIREMENTS_ADDR),
      checkHealth(config.ISSUANCE_ADDR),
      databaseReady(deps.db),
    ]);
    const checks = { 'badge-catalog': catalog, 'claim-code': claimCode, requirements, issuance, database, kafka: deps.kafkaConnected() };
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  router.get('/metrics', async (_req: Request, res: Response) => {
    const { contentType, body } = await renderMetrics(deps.metrics);
    res.type(contentType).send(body);
  });
  return router;
}
