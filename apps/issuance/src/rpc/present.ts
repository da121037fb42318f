import type { issuanceV1 } from '@laurel/protos';
import { channelName } from '../domain/channel.js';
import type { EarnedBadgeRow } from '../store/earned-badges.js';

export function toEarnedBadgeMessage(row: EarnedBadgeRow): issuanceV1.EarnedBadge {
  return {
    id: row.id,
    uid: row.uid,
    badgeId: row.badge_id,
    recipient: { siteId: row.site_id, userId: row.user_id ?? '0', email: row.email ?? '' },
    channel: channelName(row.channel) as issuanceV1.EarnedBadge['channel'],
    issuedOn: row.issued_on.toISOString(),
    ...(row.expires && { expires: row.expires.toISOString() }),
    ...(row.revoked_at && { revokedAt: row.revoked_at.toISOString() }),
    ...(row.revocation_reason !== null && row.revoked_at && { revocationReason: row.revocation_reason }),
    ...(row.claim_code !== null && { claimCode: row.claim_code }),
    ...(row.evidence_url !== null && { evidenceUrl: row.evidence_url }),
    recipientSalt: row.recipient_salt,
  };
}
