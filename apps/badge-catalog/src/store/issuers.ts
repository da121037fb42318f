/**
 * Issuers (BadgeKit §5): the organizations of a system. Slugs are unique per
 * system, case-insensitively and ignoring trailing spaces; the unique index
 * `issuers_slug_key` decides, so concurrent creates give one row and one
 * conflict. Deleting an issuer deletes its programs (the foreign key
 * cascades) and leaves its badges at system level.
 */
import { DomainError, isForeignKeyViolation, isUniqueViolation, type Knex, type PageWindow } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { SystemFields, SystemRecord } from '../domain/system.js';
import type { ContextRow } from './context.js';
import type { ProgramStore } from './programs.js';

/** An issuer has a system's fields ("fields as for systems"), plus its system. */
export type IssuerRecord = SystemRecord & { systemId: string };

interface IssuerRow extends ContextRow {
  system_id: string;
}

const toRecord = (row: IssuerRow): IssuerRecord => ({
  id: row.id,
  systemId: row.system_id,
  slug: row.slug,
  name: row.name,
  url: row.url,
  description: row.description,
  email: row.email,
  imageId: row.image_id,
  createdAt: row.created_at,
});

/** An issuer found along a path (context.ts) is an issuer row without its parent column typed. */
export const issuerFromContext = (row: ContextRow, systemId: string): IssuerRecord => toRecord({ ...row, system_id: systemId });

const toColumns = (fields: SystemFields): Partial<IssuerRow> => {
  const columns: Partial<IssuerRow> = {};
  if (fields.slug !== undefined) columns.slug = fields.slug;
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.url !== undefined) columns.url = fields.url;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.email !== undefined) columns.email = fields.email;
  if (fields.imageId !== undefined) columns.image_id = fields.imageId;
  return columns;
};

// D-23: the details are this request's own values, never another request's.
const conflict = (fields: SystemFields) => {
  const { imageId: _imageId, ...submitted } = fields;
  return DomainError.conflict('issuer', 'slug', { ...submitted });
};

/** PostgreSQL's foreign_key_violation: the parent vanished between its lookup and our write. */

export class IssuerStore {
  constructor(
    private readonly db: Knex,
    private readonly programs: ProgramStore,
  ) {}

  async create(system: Pick<ContextRow, 'id' | 'slug'>, fields: SystemFields, db: Knex = this.db): Promise<IssuerRecord> {
    try {
      const [row] = await db<IssuerRow>('issuers').insert({ ...toColumns(fields), system_id: system.id }).returning('*');
      if (!row) throw new Error('insert returned no row');
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error, 'issuers_slug_key')) throw conflict(fields);
      if (isForeignKeyViolation(error)) throw DomainError.notFound('system', 'slug', system.slug);
      throw error;
    }
  }

  async list(systemId: string, page: PageWindow | undefined): Promise<{ issuers: IssuerRecord[]; total: number }> {
    const query = this.db<IssuerRow>('issuers').where({ system_id: systemId }).select('*').orderBy('id');
    if (page) query.offset(page.offset).limit(page.limit);
    const counting = this.db('issuers').where({ system_id: systemId }).count<{ count: string }[]>({ count: '*' });
    const [rows, counted] = await Promise.all([query, counting]);
    return { issuers: rows.map(toRecord), total: Number(counted[0]?.count ?? 0) };
  }

  /** Applies `change` to the current record under a row lock, so concurrent updates do not lose each other's fields. */
  async update(issuer: Pick<ContextRow, 'id' | 'slug'>, change: (current: IssuerRecord) => SystemFields, db: Knex = this.db): Promise<IssuerRecord> {
    let fields: SystemFields = {};
    try {
      return await db.transaction(async (trx) => {
        const current = await trx<IssuerRow>('issuers').where({ id: issuer.id }).forUpdate().first();
        if (!current) throw DomainError.notFound('issuer', 'slug', issuer.slug);
        fields = change(toRecord(current));
        const columns = toColumns(fields);
        // A body of only unknown keys is a successful no-op (§16.6).
        if (Object.keys(columns).length === 0) return toRecord(current);
        const [row] = await trx<IssuerRow>('issuers').where({ id: issuer.id }).update(columns).returning('*');
        if (!row) throw DomainError.notFound('issuer', 'slug', issuer.slug);
        return toRecord(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'issuers_slug_key')) throw conflict(fields);
      throw error;
    }
  }

  async delete(issuer: Pick<ContextRow, 'id' | 'slug'>): Promise<IssuerRecord> {
    const [row] = await this.db<IssuerRow>('issuers').where({ id: issuer.id }).delete().returning('*');
    if (!row) throw DomainError.notFound('issuer', 'slug', issuer.slug);
    return toRecord(row);
  }

  /**
   * The shallow issuers of several systems, each with its shallow programs:
   * system id -> summaries in id order. Two queries whatever the number of
   * systems, so listing systems never costs a query per system.
   */
  async summaries(systemIds: readonly string[]): Promise<Map<string, catalogV1.IssuerSummary[]>> {
    const result = new Map<string, catalogV1.IssuerSummary[]>();
    const wanted = [...new Set(systemIds)];
    if (wanted.length === 0) return result;
    const rows = await this.db<IssuerRow>('issuers').whereIn('system_id', wanted).select('*').orderBy('id');
    const programsByIssuer = await this.programs.summaries(rows.map((r) => r.id));
    for (const row of rows) {
      const list = result.get(row.system_id) ?? [];
      list.push({
        id: row.id,
        slug: row.slug,
        name: row.name,
        url: row.url,
        ...(row.description !== null && { description: row.description }),
        ...(row.email !== null && { email: row.email }),
        programs: programsByIssuer.get(row.id) ?? [],
      });
      result.set(row.system_id, list);
    }
    return result;
  }
}
