/**
 * Super-fan criteria per (site, location) (kickapps-requirements.md §4.12)
 * and the member look-ups the rankings need: earned badges name a member by
 * userId or only by email (model.md, "Members and recipients").
 */
import type { Knex } from '@laurel/service-kit';

export interface FanMember {
  userId: string;
  username: string;
  email: string;
}

interface FanRow {
  user_id: string | number;
  username: string;
  email: string;
}

const toFan = (row: FanRow): FanMember => ({ userId: String(row.user_id), username: row.username, email: row.email });

export class KickAppsSuperfanStore {
  constructor(private readonly db: Knex) {}

  async setCriteria(siteId: string, location: string, quantity: number): Promise<void> {
    await this.db('kickapps_superfan_criteria')
      .insert({ site_id: siteId, location, quantity })
      .onConflict(['site_id', 'location'])
      .merge({ quantity, updated_at: this.db.fn.now() });
  }

  /** The locations' criteria quantities; a location without criteria is absent. */
  async criteria(siteId: string, locations: readonly string[]): Promise<Map<string, number>> {
    if (locations.length === 0) return new Map();
    const rows = (await this.db('kickapps_superfan_criteria')
      .select('location', 'quantity')
      .where({ site_id: siteId })
      .whereIn('location', [...locations])) as { location: string; quantity: number }[];
    return new Map(rows.map((r) => [r.location, Number(r.quantity)]));
  }

  /** The site's members with these userIds or (ignoring case) these emails. */
  async members(siteId: string, userIds: readonly string[], emails: readonly string[]): Promise<FanMember[]> {
    if (userIds.length === 0 && emails.length === 0) return [];
    const rows = (await this.db('members')
      .select('user_id', 'username', 'email')
      .where({ site_id: siteId })
      .andWhere((q) => {
        q.whereIn('user_id', [...userIds]).orWhereRaw('lower(email) = any(?)', [emails.map((e) => e.toLowerCase())]);
      })) as FanRow[];
    return rows.map(toFan);
  }
}
