import { DomainError, isUniqueViolation, type Knex } from '@laurel/service-kit';

export interface ActionRecord {
  id: string;
  siteId: string;
  name: string;
  createdAt: Date;
}

interface ActionRow {
  id: string;
  site_id: string;
  name: string;
  created_at: Date;
}

const toRecord = (row: ActionRow): ActionRecord => ({ id: row.id, siteId: row.site_id, name: row.name, createdAt: row.created_at });

export class ActionStore {
  constructor(private readonly db: Knex) {}

  async create(siteId: string, name: string): Promise<ActionRecord> {
    try {
      const [row] = await this.db<ActionRow>('actions').insert({ site_id: siteId, name }).returning('*');
      if (!row) throw new Error('insert returned no row');
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error, 'actions_site_name_key')) throw DomainError.conflict('action', 'name', { name });
      throw error;
    }
  }

  /** Resolves action names of several sites at once: (siteId, actionKey) -> action id. */
  async resolve(trx: Knex, wanted: { siteId: string; actionKey: string }[]): Promise<Map<string, string>> {
    const resolved = new Map<string, string>();
    if (wanted.length === 0) return resolved;
    const rows = await trx.raw<{ rows: { id: string; site_id: string; key: string }[] }>(
      `select a.id, a.site_id, lower(a.name) as key
         from actions a
         join unnest(?::bigint[], ?::text[]) as w(site_id, key) on a.site_id = w.site_id and lower(a.name) = w.key`,
      [wanted.map((w) => w.siteId), wanted.map((w) => w.actionKey)],
    );
    for (const row of rows.rows) resolved.set(`${row.site_id}:${row.key}`, row.id);
    return resolved;
  }
}

