import { DomainError, isUniqueViolation, type Knex } from '@laurel/service-kit';
import { slugKey } from '../domain/slug.js';
import type { SystemFields, SystemRecord } from '../domain/system.js';
import type { ContextRow } from './context.js';
import { toOrganizationColumns, toOrganizationRecord } from './organization-table.js';

interface SystemRow extends ContextRow {
  updated_at: Date;
}

const toRecord = (row: SystemRow): SystemRecord => toOrganizationRecord(row);

const toColumns = (fields: SystemFields): Partial<SystemRow> => toOrganizationColumns(fields);

const conflict = (fields: SystemFields) => DomainError.conflict('system', 'slug', { ...fields });

export class SystemStore {
  constructor(private readonly db: Knex) {}

  async create(fields: SystemFields, db: Knex = this.db): Promise<SystemRecord> {
    try {
      const [row] = await db<SystemRow>('systems').insert(toColumns(fields)).returning('*');
      if (!row) throw new Error('insert returned no row');
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error, 'systems_slug_key')) throw conflict(fields);
      throw error;
    }
  }

  async findBySlug(slug: string, db: Knex = this.db): Promise<SystemRecord | undefined> {
    const row = await db<SystemRow>('systems')
      .whereRaw('lower(rtrim(slug)) = ?', [slugKey(slug)])
      .first();
    return row ? toRecord(row) : undefined;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db('systems').where({ id }).first<{ id: string } | undefined>('id')) !== undefined;
  }

  async findById(id: string): Promise<SystemRecord | undefined> {
    const row = await this.db<SystemRow>('systems').where({ id }).first();
    return row ? toRecord(row) : undefined;
  }

  async list(page: { offset: number; limit: number } | undefined): Promise<{ systems: SystemRecord[]; total: number }> {
    const query = this.db<SystemRow>('systems').select('*').orderBy('id');
    if (page) query.offset(page.offset).limit(page.limit);
    const [rows, counted] = await Promise.all([query, this.db('systems').count<{ count: string }[]>({ count: '*' })]);
    return { systems: rows.map(toRecord), total: Number(counted[0]?.count ?? 0) };
  }

  /** Applies `change` to the current record under a row lock, so concurrent updates do not lose each other's fields. */
  async update(
    slug: string,
    change: (current: SystemRecord) => SystemFields,
    db: Knex = this.db,
  ): Promise<SystemRecord> {
    try {
      return await db.transaction(async (trx) => {
        const current = await trx<SystemRow>('systems')
          .whereRaw('lower(rtrim(slug)) = ?', [slugKey(slug)])
          .forUpdate()
          .first();
        if (!current) throw DomainError.notFound('system', 'slug', slug);
        const fields = change(toRecord(current));
        const [row] = await trx<SystemRow>('systems')
          .where({ id: current.id })
          .update({ ...toColumns(fields), updated_at: new Date() })
          .returning('*');
        if (!row) throw DomainError.notFound('system', 'slug', slug);
        return toRecord(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'systems_slug_key')) throw DomainError.conflict('system', 'slug');
      throw error;
    }
  }

  async delete(slug: string): Promise<SystemRecord> {
    const [row] = await this.db<SystemRow>('systems')
      .whereRaw('lower(rtrim(slug)) = ?', [slugKey(slug)])
      .delete()
      .returning('*');
    if (!row) throw DomainError.notFound('system', 'slug', slug);
    return toRecord(row);
  }
}
