/**
 * Super fans (kickapps-requirements.md §4.12): members ranked per location by
 * how many of the location's badges they hold (unexpired, unrevoked; a badge
 * earned twice counts once), more badges first. Ties go to whoever reached
 * their count first (earlier last badge), then to the lower userId so that
 * pages never overlap. A location's criteria quantity, when set, is the
 * fewest badges a member needs to be ranked at all; without criteria every
 * member holding one of its badges is ranked.
 *
 * Issuance has no per-member count, so the awards of each of the location's
 * badges are read page by page and counted here: fine for a location's
 * handful of badges, and the place to swap in an aggregate RPC later.
 */
import { DomainError } from '@laurel/service-kit';
import { KickAppsSuperfanStore, type FanMember } from '../../store/kickapps-superfans.js';
import type { FamilyOptions } from '../family.js';
import { KickAppsError } from './envelope.js';
import { id, location, paging, positiveQuantity, type Params } from './params.js';
import type { CallSpec } from './calls.js';
import { CALL_DOCS } from './schemas.js';
import type { TokenStore } from '../../store/tokens.js';

type Deps = FamilyOptions & { tokens: TokenStore };

const AWARD_PAGE = 1000;

export interface RankedFan extends FanMember {
  numBadges: number;
  /** Epoch milliseconds of the award that completed the member's count. */
  lastEarnedMs: number;
  rank: number;
}

/** `a,"b,c","d""e"` → ['a', 'b,c', 'd"e']; undefined when the text is not a CSV record of valid locations. */
export function parseLocations(text: string | undefined): string[] | undefined {
  if (text === undefined || text === '') return undefined;
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) return undefined;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        field += text[i];
        i += 1;
      }
      if (i < text.length && text[i] !== ',') return undefined;
    } else {
      const end = text.indexOf(',', i);
      field = text.slice(i, end === -1 ? text.length : end);
      if (field.includes('"')) return undefined;
      i = end === -1 ? text.length : end;
    }
    if (field.trim() === '' || field.length > 64) return undefined;
    fields.push(field);
    if (i >= text.length) return fields;
    i += 1;
  }
}

export function superfanCalls(deps: Deps): CallSpec[] {
  const { clients, tokens } = deps;
  const store = new KickAppsSuperfanStore(deps.db);

  /** Every earned badge of the location's badges, as member → (badge → first award time). */
  const holdings = async (
    siteId: string,
    where: string,
  ): Promise<{ held: Map<string, Map<string, number>>; members: Map<string, FanMember> }> => {
    const { badges } = await clients.catalog.call('ListBadges', {
      siteId,
      location: where,
      archived: 'ARCHIVED_FILTER_ANY',
    });
    const byUserId = new Map<string, Map<string, number>>();
    const byEmail = new Map<string, Map<string, number>>();
    const note = (into: Map<string, Map<string, number>>, who: string, badgeId: string, at: number) => {
      const held = into.get(who) ?? new Map<string, number>();
      const before = held.get(badgeId);
      if (before === undefined || at < before) held.set(badgeId, at);
      into.set(who, held);
    };
    for (const badge of badges) {
      for (let page = 1; ; page += 1) {
        const { earnedBadges } = await clients.issuance.call('ListBadgeAwards', {
          siteId,
          badgeId: badge.id,
          page: { page, count: AWARD_PAGE },
        });
        for (const award of earnedBadges) {
          const at = new Date(award.issuedOn).getTime();
          const userId = award.recipient?.userId ?? '0';
          if (userId !== '0' && userId !== '') note(byUserId, userId, badge.id, at);
          else if (award.recipient?.email) note(byEmail, award.recipient.email.toLowerCase(), badge.id, at);
        }
        if (earnedBadges.length < AWARD_PAGE) break;
      }
    }
    const members = await store.members(siteId, [...byUserId.keys()], [...byEmail.keys()]);
    const merged = new Map<string, Map<string, number>>();
    for (const m of members) {
      const held = new Map<string, number>();
      for (const source of [byUserId.get(m.userId), byEmail.get(m.email.toLowerCase())]) {
        for (const [badgeId, at] of source ?? []) {
          const before = held.get(badgeId);
          if (before === undefined || at < before) held.set(badgeId, at);
        }
      }
      if (held.size > 0) merged.set(m.userId, held);
    }
    return { held: merged, members: new Map(members.map((m) => [m.userId, m])) };
  };

  const ranking = async (siteId: string, where: string, minimum: number): Promise<RankedFan[]> => {
    const { held, members: names } = await holdings(siteId, where);
    const fans: Omit<RankedFan, 'rank'>[] = [];
    for (const [userId, badges] of held) {
      const member = names.get(userId);
      if (!member || badges.size < minimum) continue;
      fans.push({ ...member, numBadges: badges.size, lastEarnedMs: Math.max(...badges.values()) });
    }
    fans.sort(
      (a, b) =>
        b.numBadges - a.numBadges || a.lastEarnedMs - b.lastEarnedMs || Number(BigInt(a.userId) - BigInt(b.userId)),
    );
    return fans.map((f, i) => ({ ...f, rank: i + 1 }));
  };

  return [
    {
      paths: ['/mostbadged/users/get/:as'],
      doc: CALL_DOCS.superFans,
      summary: 'Retrieve Super Fans: members ranked by badges of a location',
      role: 'public',
      async handle({ params, siteId }) {
        const where = location(params.get('location'));
        const page = paging(params);
        // A public call: a site id that is not one simply has no fans.
        if (!siteId) return { location: where, totSize: '0', superFans: [] };
        const minimum = (await store.criteria(siteId, [where])).get(where) ?? 1;
        // A site id that names no site has no fans either (not a dependency failure to retry).
        const fans = await ranking(siteId, where, minimum).catch((error: unknown) => {
          if (error instanceof DomainError && error.reason === 'ResourceNotFound') return [];
          throw error;
        });
        const slice = fans.slice((page.page - 1) * page.count, page.page * page.count);
        return {
          location: where,
          totSize: String(fans.length),
          superFans: slice.map((f) => ({
            userId: f.userId,
            username: f.username,
            pathToPhoto: null,
            numBadges: f.numBadges,
            rank: f.rank,
            timeLastBadgeEarned: Math.floor(f.lastEarnedMs / 1000),
          })),
        };
      },
    },
    {
      paths: ['/mostbadged/userrank/get/:as'],
      doc: CALL_DOCS.fanRanking,
      summary: "Get Super Fan Ranking: a member's rank in each location",
      role: 'member',
      async handle({ params, siteId, member }) {
        const locations = parseLocations(params.get('locations'));
        if (!locations) throw new KickAppsError(119);
        const userId = params.has('user_id') ? await target(siteId, params) : (member?.userId ?? '');
        const criteria = await store.criteria(siteId, locations);
        const rankings: Record<string, unknown>[] = [];
        for (const where of locations) {
          const fans = await ranking(siteId, where, criteria.get(where) ?? 1);
          const fan = fans.find((f) => f.userId === userId);
          rankings.push({ location: where, rank: fan?.rank ?? 0, numBadges: fan?.numBadges ?? 0 });
        }
        return { userId, rankings };
      },
    },
    {
      paths: ['/mostbadged/locationcriteria/set/:as'],
      doc: CALL_DOCS.setFanCriteria,
      summary: 'Set Super Fan Badge Criteria: the fewest badges of a location a super fan holds',
      role: 'admin',
      mutation: true,
      async handle({ params, siteId }) {
        const where = location(params.get('location'));
        const quantity = params.has('quantity') ? positiveQuantity(params.get('quantity')) : '1';
        await store.setCriteria(siteId, where, Number(quantity));
        return { location: where, quantity };
      },
    },
  ];

  async function target(siteId: string, params: Params): Promise<string> {
    const userId = id(params.get('user_id'), 114);
    if (!(await tokens.findMemberById(siteId, userId))) throw new KickAppsError(114);
    return userId;
  }
}
