import { DomainError, isUniqueViolation, pageWindow, type Knex, type PageRequestLike } from '@laurel/service-kit';

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

const toRecord = (row: ActionRow): ActionRecord => ({
  id: row.id,
  siteId: row.site_id,
  name: row.name,
  createdAt: row.created_at,
});

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

  async get(siteId: string, id: string): Promise<ActionRecord> {
    const row = await this.db<ActionRow>('actions').where({ site_id: siteId, id }).first();
    if (!row) throw DomainError.notFound('action', 'id', id);
    return toRecord(row);
  }

  async getByName(siteId: string, name: string): Promise<ActionRecord> {
    const row = await this.db<ActionRow>('actions')
      .where({ site_id: siteId })
      .whereRaw('lower(name) = lower(?)', [name.trim()])
      .first();
    if (!row) throw DomainError.notFound('action', 'name', name);
    return toRecord(row);
  }

  async list(
    siteId: string,
    page: PageRequestLike | null | undefined,
  ): Promise<{ actions: ActionRecord[]; total: number }> {
    const window = pageWindow(page);
    const query = this.db<ActionRow>('actions').where({ site_id: siteId }).orderBy('id');
    if (window) query.offset(window.offset).limit(window.limit);
    const [rows, total] = await Promise.all([
      query,
      this.db('actions').where({ site_id: siteId }).count<{ n: string }[]>({ n: '*' }),
    ]);
    return { actions: rows.map(toRecord), total: Number(total[0]?.n ?? 0) };
  }

  async rename(siteId: string, id: string, name: string): Promise<ActionRecord> {
    try {
      const [row] = await this.db<ActionRow>('actions').where({ site_id: siteId, id }).update({ name }).returning('*');
      if (!row) throw DomainError.notFound('action', 'id', id);
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error, 'actions_site_name_key')) throw DomainError.conflict('action', 'name', { name });
      throw error;
    }
  }

  /** Refused while a requirement uses the action; the members' counts for it go with it (cascade). */
  async delete(siteId: string, id: string): Promise<ActionRecord> {
    return this.db.transaction(async (trx) => {
      const row = await trx<ActionRow>('actions').where({ site_id: siteId, id }).forUpdate().first();
      if (!row) throw DomainError.notFound('action', 'id', id);
      const using = await trx('requirements').where({ action_id: id }).orderBy('id').pluck<string[]>('id');
      if (using.length > 0) {
        throw new DomainError('ResourceConflict', 'action is used by requirements', {
          model: 'action',
          field: 'id',
          value: id,
          requirementIds: using,
        });
      }
      await trx('actions').where({ id }).del();
      return toRecord(row);
    });
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
