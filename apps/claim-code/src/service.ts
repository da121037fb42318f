/**
 * The claim-code process: claim codes and their claims. A claim is recorded
 * with its pending award in one transaction and awarded through issuance;
 * the sweep finishes awards whose request died (architecture.md flow 3).
 */
import { catalogClient, registerService, ServiceClient, sharedEach, startServiceRuntime } from '@laurel/service-kit';
import { laurelProtos } from '@laurel/protos';
import { migrations } from '../migrations/index.js';
import type { ClaimCodeConfig } from './config.js';
import { claimCodeHandlers } from './rpc/claim-codes.js';
import { ClaimCodeStore } from './store/claim-codes.js';
import { ClaimStore } from './store/claims.js';
import { startClaimSweep } from './workers/claim-sweep.js';

export const SCHEMA = 'claim_codes';
export const SERVICE_NAME = 'laurel.claimcodes.v1.ClaimCodes';

export interface RunningClaimCode {
  grpcPort: number;
  stop(): Promise<void>;
}

export async function start(config: ClaimCodeConfig): Promise<RunningClaimCode> {
  const runtime = await startServiceRuntime({ name: 'claim-code', schema: SCHEMA, migrations, config });
  const { db, logger, metrics } = runtime;
  try {
    const protos = laurelProtos();
    const options = { deadlineMs: config.GRPC_DEADLINE_MS, metrics };
    const catalog = catalogClient(db, config.CATALOG_ADDR, options);
    const issuance = new ServiceClient(protos.issuance.v1.Issuance.service, config.ISSUANCE_ADDR, options);
    runtime.onStop(() => {
      catalog.close();
      issuance.close();
      return Promise.resolve();
    });
    const claims = new ClaimStore(db);
    const award = sharedEach(issuance, 'AwardEach');
    const sweep = startClaimSweep({ claims, award, logger }, config.WORK_POLL_MS);
    runtime.onStop(() => sweep.stop());
    const handlers = claimCodeHandlers({
      db,
      codes: new ClaimCodeStore(db),
      claims,
      award,
      catalog,
      codeLength: config.CLAIM_CODE_LENGTH,
      logger,
      metrics,
    });
    const grpcPort = await runtime.serve([
      registerService(SERVICE_NAME, protos.claimcodes.v1.ClaimCodes.service, handlers),
    ]);
    return { grpcPort, stop: () => runtime.stop() };
  } catch (error) {
    await runtime.stop();
    throw error;
  }
}
