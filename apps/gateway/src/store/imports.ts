/**
 * What the customer import reads and writes in the gateway's own schema: which
 * customers are members of a site (one query per batch), and each batch's
 * first response for byte-identical replays (migrations/0002_import_responses.ts).
 */
import type { Knex } from '@laurel/service-kit';

/** How long a batch's first response is replayed (§4.7). */
export const REPLAY_WINDOW_HOURS = 24;

export interface StoredResponse {
  requestHash: string;
  response: string;
}

export class ImportStore {
  constructor(private readonly db: Knex) {}

  /** The userIds among `userIds` that are members of the site. */
  async existingMembers(siteId: string, userIds: readonly number[]): Promise<Set<number>> {
    if (userIds.length === 0) return new Set();
    const result = await this.db.raw<{ rows: { user_id: string }[] }>(
      'select user_id from members where site_id = ? and user_id = any(?::bigint[])',
      [siteId, userIds as unknown as Knex.RawBinding],
    );
    return new Set(result.rows.map((r) => Number(r.user_id)));
  }

  async findResponse(siteId: string, batchKey: string): Promise<StoredResponse | undefined> {
    const result = await this.db.raw<{ rows: { request_hash: string; response: string }[] }>(
      `select request_hash, response from import_responses
        where site_id = ? and batch_key = ? and created_at > now() - make_interval(hours => ?)`,
      [siteId, batchKey, REPLAY_WINDOW_HOURS],
    );
    const row = result.rows[0];
    return row && { requestHash: row.request_hash, response: row.response };
  }

  /** Retention: deletes up to `limit` stored responses saved before `cutoff` (kept past the window, never replayed). */
  async deleteResponsesBefore(cutoff: Date, limit: number): Promise<number> {
    const result = await this.db.raw<{ rowCount: number }>(
      `delete from import_responses where ctid = any(array(
         select ctid from import_responses where created_at < ? limit ?))`,
      [cutoff, limit],
    );
    return result.rowCount;
  }

  /** Keeps the first response; a stale one (past the window) is replaced. */
  async saveResponse(siteId: string, batchKey: string, requestHash: string, response: string): Promise<void> {
    await this.db.raw(
      `insert into import_responses (site_id, batch_key, request_hash, response) values (?, ?, ?, ?)
       on conflict (site_id, batch_key) do update
          set request_hash = excluded.request_hash, response = excluded.response, created_at = now()
        where import_responses.created_at <= now() - make_interval(hours => ?)`,
      [siteId, batchKey, requestHash, response, REPLAY_WINDOW_HOURS],
    );
  }
}
