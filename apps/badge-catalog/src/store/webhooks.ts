/**
 * Each site's one webhook setting (admin-api.md "Webhooks"): where award,
 * revoke and review messages go and the secret they are signed with.
 */
import type { Knex } from '@laurel/service-kit';

export interface WebhookRecord {
  systemId: string;
  url: string;
  secret: string;
  createdAt: Date;
}

interface WebhookRow {
  system_id: string;
  url: string;
  secret: string;
  created_at: Date;
}

const toRecord = (row: WebhookRow): WebhookRecord => ({
  systemId: row.system_id,
  url: row.url,
  secret: row.secret,
  createdAt: row.created_at,
});

export class WebhookStore {
  constructor(private readonly db: Knex) {}

  /** Creates or replaces the setting; `created` keeps the time it was first set. */
  async put(systemId: string, url: string, secret: string): Promise<WebhookRecord> {
    const [row] = await this.db<WebhookRow>('webhooks')
      .insert({ system_id: systemId, url, secret })
      .onConflict('system_id')
      .merge(['url', 'secret'])
      .returning('*');
    if (!row) throw new Error('webhook upsert returned no row');
    return toRecord(row);
  }

  async find(systemId: string): Promise<WebhookRecord | undefined> {
    const row = await this.db<WebhookRow>('webhooks').where({ system_id: systemId }).first();
    return row ? toRecord(row) : undefined;
  }

  /** True when there was a setting to delete. */
  async delete(systemId: string): Promise<boolean> {
    return (await this.db('webhooks').where({ system_id: systemId }).delete()) > 0;
  }
}
