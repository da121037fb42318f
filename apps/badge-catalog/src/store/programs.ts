/**
 * Programs (BadgeKit §6): the organizations under an issuer. Slugs are unique
 * per issuer, case-insensitively and ignoring trailing spaces; the unique
 * index `programs_slug_key` decides, so concurrent creates give one row and
 * one conflict.
 */
import { DomainError, isForeignKeyViolation, isUniqueViolation, type Knex, type PageWindow } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { SystemFields, SystemRecord } from '../domain/system.js';
import type { ContextRow } from './context.js';

/** A program has a system's fields ("fields as for systems"), plus its issuer. */
export type ProgramRecord = SystemRecord & { issuerId: string };

interface ProgramRow extends ContextRow {
  issuer_id: string;
}

const toRecord = (row: ProgramRow): ProgramRecord => ({
  id: row.id,
  issuerId: row.issuer_id,
  slug: row.slug,
  name: row.name,
  url: row.url,
  description: row.description,
  email: row.email,
  imageId: row.image_id,
  createdAt: row.created_at,
});

/** A program found along a path (context.ts) is a program row without its parent column typed. */
export const programFromContext = (row: ContextRow, issuerId: string): ProgramRecord => toRecord({ ...row, issuer_id: issuerId });

const toColumns = (fields: SystemFields): Partial<ProgramRow> => {
  const columns: Partial<ProgramRow> = {};
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
  return DomainError.conflict('program', 'slug', { ...submitted });
};

/** PostgreSQL's foreign_key_violation: the parent vanished between its lookup and our write. */

export function toProgramSummary(record: ProgramRecord): catalogV1.ProgramSummary {
  return {
    id: record.id,
    slug: record.slug,
    name: record.name,
    url: record.url,
    ...(record.description !== null && { description: record.description }),
    ...(record.email !== null && { email: record.email }),
  };
}

export class ProgramStore {
  constructor(private readonly db: Knex) {}

  async create(issuer: Pick<ContextRow, 'id' | 'slug'>, fields: SystemFields, db: Knex = this.db): Promise<ProgramRecord> {
    try {
      const [row] = await db<ProgramRow>('programs').insert({ ...toColumns(fields), issuer_id: issuer.id }).returning('*');
      if (!row) throw new Error('insert returned no row');
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error, 'programs_slug_key')) throw conflict(fields);
      if (isForeignKeyViolation(error)) throw DomainError.notFound('issuer', 'slug', issuer.slug);
      throw error;
    }
  }

  async list(issuerId: string, page: PageWindow | undefined): Promise<{ programs: ProgramRecord[]; total: number }> {
    const query = this.db<ProgramRow>('programs').where({ issuer_id: issuerId }).select('*').orderBy('id');
    if (page) query.offset(page.offset).limit(page.limit);
    const counting = this.db('programs').where({ issuer_id: issuerId }).count<{ count: string }[]>({ count: '*' });
    const [rows, counted] = await Promise.all([query, counting]);
    return { programs: rows.map(toRecord), total: Number(counted[0]?.count ?? 0) };
  }

  /** Applies `change` to the current record under a row lock, so concurrent updates do not lose each other's fields. */
  async update(program: Pick<ContextRow, 'id' | 'slug'>, change: (current: ProgramRecord) => SystemFields, db: Knex = this.db): Promise<ProgramRecord> {
    let fields: SystemFields = {};
    try {
      return await db.transaction(async (trx) => {
        const current = await trx<ProgramRow>('programs').where({ id: program.id }).forUpdate().first();
        if (!current) throw DomainError.notFound('program', 'slug', program.slug);
        fields = change(toRecord(current));
        const columns = toColumns(fields);
        // A body of only unknown keys is a successful no-op (§16.6).
        if (Object.keys(columns).length === 0) return toRecord(current);
        const [row] = await trx<ProgramRow>('programs').where({ id: program.id }).update(columns).returning('*');
        if (!row) throw DomainError.notFound('program', 'slug', program.slug);
        return toRecord(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'programs_slug_key')) throw conflict(fields);
      throw error;
    }
  }

  async delete(program: Pick<ContextRow, 'id' | 'slug'>): Promise<ProgramRecord> {
    const [row] = await this.db<ProgramRow>('programs').where({ id: program.id }).delete().returning('*');
    if (!row) throw DomainError.notFound('program', 'slug', program.slug);
    return toRecord(row);
  }

  /** The shallow programs of several issuers in one query: issuer id -> summaries, in id order. */
  async summaries(issuerIds: readonly string[]): Promise<Map<string, catalogV1.ProgramSummary[]>> {
    const result = new Map<string, catalogV1.ProgramSummary[]>();
    const wanted = [...new Set(issuerIds)];
    if (wanted.length === 0) return result;
    const rows = await this.db<ProgramRow>('programs').whereIn('issuer_id', wanted).select('*').orderBy('id');
    for (const row of rows) {
      const list = result.get(row.issuer_id) ?? [];
      list.push(toProgramSummary(toRecord(row)));
      result.set(row.issuer_id, list);
    }
    return result;
  }
}
