/**
 * Issuers and programs are the same kind of table (BadgeKit §5–6: "fields as
 * for systems") under a different parent: this is that table's logic once.
 * Slugs are unique per parent, case-insensitively and ignoring trailing
 * spaces; the unique index decides, so concurrent creates give one row and
 * one conflict.
 */
import { DomainError, isForeignKeyViolation, isUniqueViolation, type Knex, type PageWindow } from '@laurel/service-kit';
import type { SystemFields, SystemRecord } from '../domain/system.js';
import type { ContextRow } from './context.js';

export interface OrganizationTableSpec {
  table: 'issuers' | 'programs';
  parentColumn: 'system_id' | 'issuer_id';
  uniqueIndex: string;
  /** Names in errors: `issuer with that slug already exists`, `Could not find system …`. */
  model: string;
  parentModel: string;
}

export type OrganizationRow = ContextRow & Partial<Record<'system_id' | 'issuer_id', string>>;

/** The columns a system, issuer or program change writes. */
export const toOrganizationColumns = (fields: SystemFields): Partial<ContextRow> => {
  const columns: Partial<ContextRow> = {};
  if (fields.slug !== undefined) columns.slug = fields.slug;
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.url !== undefined) columns.url = fields.url;
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.email !== undefined) columns.email = fields.email;
  if (fields.imageId !== undefined) columns.image_id = fields.imageId;
  return columns;
};

/** A system, issuer or program row as a record (parents are added by each store). */
export const toOrganizationRecord = (row: ContextRow): SystemRecord => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  url: row.url,
  description: row.description,
  email: row.email,
  imageId: row.image_id,
  createdAt: row.created_at,
});

type Named = Pick<ContextRow, 'id' | 'slug'>;

export class OrganizationTable<R> {
  constructor(
    protected readonly database: Knex,
    private readonly spec: OrganizationTableSpec,
    private readonly toRecord: (row: OrganizationRow) => R,
  ) {}

  // D-23: a conflict's details are this request's own values, never another request's.
  private conflict(fields: SystemFields): DomainError {
    const { imageId: _imageId, ...submitted } = fields;
    return DomainError.conflict(this.spec.model, 'slug', { ...submitted });
  }

  async create(parent: Named, fields: SystemFields, db: Knex = this.database): Promise<R> {
    try {
      const [row] = await db<OrganizationRow>(this.spec.table)
        .insert({ ...toOrganizationColumns(fields), [this.spec.parentColumn]: parent.id })
        .returning('*');
      if (!row) throw new Error('insert returned no row');
      return this.toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error, this.spec.uniqueIndex)) throw this.conflict(fields);
      // The parent vanished between its lookup and this write.
      if (isForeignKeyViolation(error)) throw DomainError.notFound(this.spec.parentModel, 'slug', parent.slug);
      throw error;
    }
  }

  async list(parentId: string, page: PageWindow | undefined): Promise<{ records: R[]; total: number }> {
    const query = this.database<OrganizationRow>(this.spec.table)
      .where(this.spec.parentColumn, parentId)
      .select('*')
      .orderBy('id');
    if (page) query.offset(page.offset).limit(page.limit);
    const counting = this.database(this.spec.table)
      .where(this.spec.parentColumn, parentId)
      .count<{ count: string }[]>({ count: '*' });
    const [rows, counted] = await Promise.all([query, counting]);
    return { records: rows.map(this.toRecord), total: Number(counted[0]?.count ?? 0) };
  }

  /** Applies `change` to the current record under a row lock, so concurrent updates do not lose each other's fields. */
  async update(organization: Named, change: (current: R) => SystemFields, db: Knex = this.database): Promise<R> {
    let fields: SystemFields = {};
    try {
      return await db.transaction(async (trx) => {
        const current = await trx<OrganizationRow>(this.spec.table).where({ id: organization.id }).forUpdate().first();
        if (!current) throw DomainError.notFound(this.spec.model, 'slug', organization.slug);
        fields = change(this.toRecord(current));
        const columns = toOrganizationColumns(fields);
        // A body of only unknown keys is a successful no-op (§16.6).
        if (Object.keys(columns).length === 0) return this.toRecord(current);
        const [row] = await trx<OrganizationRow>(this.spec.table)
          .where({ id: organization.id })
          .update(columns)
          .returning('*');
        if (!row) throw DomainError.notFound(this.spec.model, 'slug', organization.slug);
        return this.toRecord(row);
      });
    } catch (error) {
      if (isUniqueViolation(error, this.spec.uniqueIndex)) throw this.conflict(fields);
      throw error;
    }
  }

  async delete(organization: Named): Promise<R> {
    const [row] = await this.database<OrganizationRow>(this.spec.table)
      .where({ id: organization.id })
      .delete()
      .returning('*');
    if (!row) throw DomainError.notFound(this.spec.model, 'slug', organization.slug);
    return this.toRecord(row);
  }
}
