/**
 * Programs (BadgeKit §6): the organizations under an issuer. Slugs are unique
 * per issuer, case-insensitively and ignoring trailing spaces; the unique
 * index `programs_slug_key` decides, so concurrent creates give one row and
 * one conflict.
 */
import type { Knex } from '@laurel/service-kit';
import type { catalogV1 } from '@laurel/protos';
import type { SystemRecord } from '../domain/system.js';
import type { ContextRow } from './context.js';
import { OrganizationTable, toOrganizationRecord, type OrganizationRow } from './organization-table.js';

/** A program has a system's fields ("fields as for systems"), plus its issuer. */
export type ProgramRecord = SystemRecord & { issuerId: string };

interface ProgramRow extends ContextRow {
  issuer_id: string;
}

const toRecord = (row: ProgramRow): ProgramRecord => ({ ...toOrganizationRecord(row), issuerId: row.issuer_id });

/** A program found along a path (context.ts) is a program row without its parent column typed. */
export const programFromContext = (row: ContextRow, issuerId: string): ProgramRecord =>
  toRecord({ ...row, issuer_id: issuerId });

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

export class ProgramStore extends OrganizationTable<ProgramRecord> {
  constructor(db: Knex) {
    super(
      db,
      {
        table: 'programs',
        parentColumn: 'issuer_id',
        uniqueIndex: 'programs_slug_key',
        model: 'program',
        parentModel: 'issuer',
      },
      (row: OrganizationRow) => toRecord({ ...row, issuer_id: row.issuer_id ?? '' }),
    );
  }

  /** The shallow programs of several issuers in one query: issuer id -> summaries, in id order. */
  async summaries(issuerIds: readonly string[]): Promise<Map<string, catalogV1.ProgramSummary[]>> {
    const result = new Map<string, catalogV1.ProgramSummary[]>();
    const wanted = [...new Set(issuerIds)];
    if (wanted.length === 0) return result;
    const rows = await this.database<ProgramRow>('programs').whereIn('issuer_id', wanted).select('*').orderBy('id');
    for (const row of rows) {
      const list = result.get(row.issuer_id) ?? [];
      list.push(toProgramSummary(toRecord(row)));
      result.set(row.issuer_id, list);
    }
    return result;
  }
}
