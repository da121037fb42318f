/**
 * BadgeKit applications and reviews over gRPC (being built for the issuance issue).
 */
import type { UnaryHandlers } from '@laurel/service-kit';
import type { issuanceV1 } from '@laurel/protos';

export function assessmentHandlers(): UnaryHandlers<issuanceV1.IssuanceDefinition> {
  return {};
}
