/**
 * The gateway's gRPC clients, one per service, with the configured deadline.
 */
import {
  catalogClient,
  ServiceClient,
  sharedEach,
  type CatalogClient,
  type Knex,
  type Metrics,
  type SharedEach,
} from '@laurel/service-kit';
import { laurelProtos, type claimcodesV1, type issuanceV1, type requirementsV1 } from '@laurel/protos';
import type { GatewayConfig } from './config.js';

export interface ServiceClients {
  catalog: CatalogClient;
  claimCodes: ServiceClient<claimcodesV1.ClaimCodesDefinition>;
  requirements: ServiceClient<requirementsV1.RequirementsDefinition>;
  issuance: ServiceClient<issuanceV1.IssuanceDefinition>;
  /**
   * The calls every request of a hot route makes, each shared with the same calls of the requests
   * served meanwhile (service-kit shared-call.ts): one call to the service for many requests.
   */
  shared: {
    award: SharedEach<issuanceV1.IssuanceDefinition, 'AwardEach'>;
    claim: SharedEach<claimcodesV1.ClaimCodesDefinition, 'ClaimEach'>;
    getClaimCode: SharedEach<claimcodesV1.ClaimCodesDefinition, 'GetClaimCodeEach'>;
    generateClaimCodes: SharedEach<claimcodesV1.ClaimCodesDefinition, 'GenerateClaimCodesEach'>;
  };
}

export function createClients(config: GatewayConfig, db?: Knex, metrics?: Metrics): ServiceClients {
  const protos = laurelProtos();
  const options = { deadlineMs: config.GRPC_DEADLINE_MS, ...(metrics && { metrics }) };
  const issuance = new ServiceClient(protos.issuance.v1.Issuance.service, config.ISSUANCE_ADDR, options);
  const claimCodes = new ServiceClient(protos.claimcodes.v1.ClaimCodes.service, config.CLAIM_CODE_ADDR, options);
  return {
    // Without a database (document tests) there is no change version to check, so nothing is kept.
    catalog: db
      ? catalogClient(db, config.CATALOG_ADDR, options)
      : new ServiceClient(protos.catalog.v1.Catalog.service, config.CATALOG_ADDR, options),
    claimCodes,
    requirements: new ServiceClient(protos.requirements.v1.Requirements.service, config.REQUIREMENTS_ADDR, options),
    issuance,
    shared: {
      award: sharedEach(issuance, 'AwardEach'),
      claim: sharedEach(claimCodes, 'ClaimEach'),
      getClaimCode: sharedEach(claimCodes, 'GetClaimCodeEach'),
      generateClaimCodes: sharedEach(claimCodes, 'GenerateClaimCodesEach'),
    },
  };
}

export function closeClients(clients: ServiceClients): void {
  for (const client of [clients.catalog, clients.claimCodes, clients.requirements, clients.issuance]) client.close();
}
