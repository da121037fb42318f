/**
 * Issuers (BadgeKit §5): the organizations of a system. Slugs are unique per
 * system, case-insensitively and ignoring trailing spaces; the unique index
 * `issuers_slug_key` decides, so concurrent creates give one row and one
 * conflict. Deleting an issuer deletes its programs (the foreign key
 * cascades) and leaves its badges at system level.
 */
import type { Knex } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { SystemRecord } from '../domain/system.js';
import type { ContextRow } from './context.js';
import { OrganizationTable, toOrganizationRecord, type OrganizationRow } from './organization-table.js';
import type { ProgramStore } from './programs.js';

/** An issuer has a system's fields ("fields as for systems"), plus its system. */
export type IssuerRecord = SystemRecord & { systemId: string };

interface IssuerRow extends ContextRow {
  system_id: string;
}

const toRecord = (row: IssuerRow): IssuerRecord => ({ ...toOrganizationRecord(row), systemId: row.system_id });

/** An issuer found along a path (context.ts) is an issuer row without its parent column typed. */
export const issuerFromContext = (row: ContextRow, systemId: string): IssuerRecord =>
  toRecord({ ...row, system_id: systemId });

export class IssuerStore extends OrganizationTable<IssuerRecord> {
  constructor(
    db: Knex,
    private readonly programs: ProgramStore,
  ) {
    super(
      db,
      {
        table: 'issuers',
        parentColumn: 'system_id',
        uniqueIndex: 'issuers_slug_key',
        model: 'issuer',
        parentModel: 'system',
      },
      (row: OrganizationRow) => toRecord({ ...row, system_id: row.system_id ?? '' }),
    );
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
    const rows = await this.database<IssuerRow>('issuers').whereIn('system_id', wanted).select('*').orderBy('id');
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
