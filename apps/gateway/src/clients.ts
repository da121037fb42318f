/**
 * The gateway's gRPC clients, one per service, with the configured deadline.
 */
import { ServiceClient } from '@laurel/service-kit';
import { laurelProtos, type catalogV1, type claimcodesV1, type issuanceV1, type requirementsV1 } from '@laurel/protos';
import type { GatewayConfig } from './config.js';

export interface ServiceClients {
  catalog: ServiceClient<catalogV1.CatalogDefinition>;
  claimCodes: ServiceClient<claimcodesV1.ClaimCodesDefinition>;
  requirements: ServiceClient<requirementsV1.RequirementsDefinition>;
  issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
}

export function createClients(config: GatewayConfig): ServiceClients {
  const protos = laurelProtos();
  const options = { deadlineMs: config.GRPC_DEADLINE_MS };
  return {
    catalog: new ServiceClient(protos.catalog.v1.Catalog.service, config.CATALOG_ADDR, options),
    claimCodes: new ServiceClient(protos.claimcodes.v1.ClaimCodes.service, config.CLAIM_CODE_ADDR, options),
    requirements: new ServiceClient(protos.requirements.v1.Requirements.service, config.REQUIREMENTS_ADDR, options),
    issuance: new ServiceClient(protos.issuance.v1.Issuance.service, config.ISSUANCE_ADDR, options),
  };
}

export function closeClients(clients: ServiceClients): void {
  for (const client of Object.values(clients)) client.close();
}
