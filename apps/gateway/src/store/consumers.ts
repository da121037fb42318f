/**
 * The `consumers` table. Rows are read fresh on every authentication and a
 * delete removes the row, so a deleted key stops working with the next
 * request on every replica.
 */
import type { Knex } from '@laurel/service-kit';
import { isPermission, type Permission } from '../domain/permissions.js';

export interface ConsumerRecord {
  siteId: string;
  key: string;
  name: string;
  permissions: Permission[];
  secretHash: string;
  secretMd5Hash: string;
  secretSealed: string;
  createdAt: Date;
}

export type NewConsumer = Omit<ConsumerRecord, 'createdAt'>;

interface ConsumerRow {
  site_id: string;
  key: string;
  name: string;
  permissions: string[];
  secret_hash: string;
  secret_md5_hash: string;
  secret_sealed: string;
  created_at: Date;
}

const COLUMNS = [
  'site_id',
  'key',
  'name',
  'permissions',
  'secret_hash',
  'secret_md5_hash',
  'secret_sealed',
  'created_at',
];

function toRecord(row: ConsumerRow): ConsumerRecord {
  return {
    siteId: row.site_id,
    key: row.key,
    name: row.name,
    // A permission name this version does not know (written by a newer one) grants nothing.
    permissions: row.permissions.filter(isPermission),
    secretHash: row.secret_hash,
    secretMd5Hash: row.secret_md5_hash,
    secretSealed: row.secret_sealed,
    createdAt: row.created_at,
  };
}

export class ConsumerStore {
  constructor(private readonly db: Knex) {}

  async create(consumer: NewConsumer): Promise<ConsumerRecord> {
    const [row] = await this.db('consumers')
      .insert({
        site_id: consumer.siteId,
        key: consumer.key,
        name: consumer.name,
        permissions: consumer.permissions,
        secret_hash: consumer.secretHash,
        secret_md5_hash: consumer.secretMd5Hash,
        secret_sealed: consumer.secretSealed,
      })
      .returning<ConsumerRow[]>(COLUMNS);
    if (!row) throw new Error('insert returned no consumer');
    return toRecord(row);
  }

  async findByKey(key: string): Promise<ConsumerRecord | undefined> {
    const row = (await this.db('consumers').select(COLUMNS).where({ key }).first()) as ConsumerRow | undefined;
    return row && toRecord(row);
  }

  async listBySite(siteId: string): Promise<ConsumerRecord[]> {
    const rows = (await this.db('consumers').select(COLUMNS).where({ site_id: siteId }).orderBy('id')) as ConsumerRow[];
    return rows.map(toRecord);
  }

  /** Removes the site's consumer with this key; undefined when the site has none. */
  async delete(siteId: string, key: string): Promise<ConsumerRecord | undefined> {
    const [row] = await this.db('consumers').where({ site_id: siteId, key }).delete().returning<ConsumerRow[]>(COLUMNS);
    return row && toRecord(row);
  }
}
