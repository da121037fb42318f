/**
 * Orchestrator endpoints: /healthz (the process is up), /readyz (what the
 * gateway can serve, per dependency and per family; see readiness.ts), and
 * /metrics in Prometheus format.
 *
 * - GET /readyz: 200 when the core (CORE) answers, else 503; the body lists
 *   every check and every family's readiness.
 * - GET /readyz?family=<name>: 200 when that family's dependencies answer,
 *   else 503; 404 for an unknown family. `family=all` needs every dependency.
 *
 * Services are asked on the gateway's own long-lived client channels (the
 * standard gRPC health service), so a probe opens no connections.
 */
import express, { type Request, type Response, type Router } from 'express';
import { renderMetrics, type Knex, type Metrics } from '@laurel/service-kit';
import type { ServiceClients } from '../clients.js';
import { databaseAnswers } from '../store/database-ready.js';
import {
  CORE,
  DEPENDENCIES,
  FAMILY_DEPENDENCIES,
  familyReadiness,
  isFamily,
  readyWith,
  type Checks,
  type Dependency,
} from './readiness.js';

export interface ReadinessDeps {
  clients: ServiceClients;
  db: Knex;
  metrics: Metrics;
  kafkaConnected: () => boolean;
}

/**
 * How long one dependency may take to answer a probe. A service that is down
 * takes all of it (the check waits for its channel to reconnect, which after a
 * restart takes up to a second), so /readyz answers within about this long,
 * well inside deploy/k8s's 3 s probe timeout.
 */
const CHECK_TIMEOUT_MS = 1000;

/** Asks only the dependencies named, in parallel. */
async function check(deps: ReadinessDeps, which: readonly Dependency[]): Promise<Checks> {
  const probes: Record<Dependency, () => Promise<boolean>> = {
    database: () => databaseAnswers(deps.db),
    kafka: () => Promise.resolve(deps.kafkaConnected()),
    'badge-catalog': () => deps.clients.catalog.health(CHECK_TIMEOUT_MS),
    'claim-code': () => deps.clients.claimCodes.health(CHECK_TIMEOUT_MS),
    requirements: () => deps.clients.requirements.health(CHECK_TIMEOUT_MS),
    issuance: () => deps.clients.issuance.health(CHECK_TIMEOUT_MS),
  };
  const results = await Promise.all(which.map(async (d) => [d, await probes[d]()] as const));
  return Object.fromEntries(results);
}

export function probesRouter(deps: ReadinessDeps): Router {
  const router = express.Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (req: Request, res: Response) => {
    const family = req.query.family;
    if (family !== undefined) {
      if (typeof family !== 'string' || !isFamily(family)) {
        res.status(404).json({ status: 'unknown family', families: Object.keys(FAMILY_DEPENDENCIES) });
        return;
      }
      const needs = FAMILY_DEPENDENCIES[family];
      const checks = await check(deps, needs);
      const ready = readyWith(needs, checks);
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', family, checks });
      return;
    }
    const checks = await check(deps, DEPENDENCIES);
    const ready = readyWith(CORE, checks);
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'unavailable', core: CORE, checks, families: familyReadiness(checks) });
  });
  router.get('/metrics', async (_req: Request, res: Response) => {
    const { contentType, body } = await renderMetrics(deps.metrics);
    res.type(contentType).send(body);
  });
  return router;
}
