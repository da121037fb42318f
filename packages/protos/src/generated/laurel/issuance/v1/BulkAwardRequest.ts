// Original file: /work/main/protos/laurel/issuance/v1/issuance.proto

import type { AwardChannel as _laurel_events_v1_AwardChannel, AwardChannel__Output as _laurel_events_v1_AwardChannel__Output } from '../../../laurel/events/v1/AwardChannel.js';
import type { BulkAwardItem as _laurel_issuance_v1_BulkAwardItem, BulkAwardItem__Output as _laurel_issuance_v1_BulkAwardItem__Output } from '../../../laurel/issuance/v1/BulkAwardItem.js';
import type { Long } from '@grpc/proto-loader';

/**
 * All valid items are written in one transaction with one multi-row insert;
 * an invalid item never blocks the others. If the transaction fails the whole
 * call fails and nothing is written.
 */
export interface BulkAwardRequest {
  'siteId'?: (number | string | Long);
  'channel'?: (_laurel_events_v1_AwardChannel);
  'items'?: (_laurel_issuance_v1_BulkAwardItem)[];
  /**
   * The import's batch key and a hash of its canonical body, recorded as the
   * import. A known batch_key with another request_hash is ResourceConflict
   * (import 3409); with the same hash every item answers REPLAYED. Empty for
   * BadgeKit's bulk route, which has no batch.
   */
  'batchKey'?: (string);
  'requestHash'?: (string);
  /**
   * Copied into every `award` webhook (BadgeKit bulk `comment`).
   */
  'comment'?: (string);
  'publicOrigin'?: (string);
  '_comment'?: "comment";
  '_publicOrigin'?: "publicOrigin";
}

/**
 * All valid items are written in one transaction with one multi-row insert;
 * an invalid item never blocks the others. If the transaction fails the whole
 * call fails and nothing is written.
 */
export interface BulkAwardRequest__Output {
  'siteId': (string);
  'channel': (_laurel_events_v1_AwardChannel__Output);
  'items': (_laurel_issuance_v1_BulkAwardItem__Output)[];
  /**
   * The import's batch key and a hash of its canonical body, recorded as the
   * import. A known batch_key with another request_hash is ResourceConflict
   * (import 3409); with the same hash every item answers REPLAYED. Empty for
   * BadgeKit's bulk route, which has no batch.
   */
  'batchKey': (string);
  'requestHash': (string);
  /**
   * Copied into every `award` webhook (BadgeKit bulk `comment`).
   */
  'comment'?: (string);
  'publicOrigin'?: (string);
  '_comment'?: "comment";
  '_publicOrigin'?: "publicOrigin";
}
