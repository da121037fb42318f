/**
 * The claim-code process. This first version serves the standard health and
 * reflection services and the ClaimCodes contract, whose calls answer
 * UNIMPLEMENTED until the claim-code issue gives them handlers.
 */
import { registerService, startServiceRuntime } from '@laurel/service-kit';
import { laurelProtos } from '@laurel/protos';
import { migrations } from '../migrations/index.js';
import type { ClaimCodeConfig } from './config.js';

export const SCHEMA = 'claim_codes';
export const SERVICE_NAME = 'laurel.claimcodes.v1.ClaimCodes';

export interface RunningClaimCode {
  grpcPort: number;
  stop(): Promise<void>;
}

export async function start(config: ClaimCodeConfig): Promise<RunningClaimCode> {
  const runtime = await startServiceRuntime({ name: 'claim-code', schema: SCHEMA, migrations, config });
  const grpcPort = await runtime.serve([registerService(SERVICE_NAME, laurelProtos().claimcodes.v1.ClaimCodes.service, {})]);
  return { grpcPort, stop: runtime.stop };
}
