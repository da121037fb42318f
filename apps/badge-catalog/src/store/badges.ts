/**
 * The badges table and its children (criteria, alignments, categories, tags).
 * Reads are set-based: a page of badges comes with its system, issuer,
 * program and image in the same query, and each child table is read once for
 * the whole page, because badge lists are among the busiest reads Laurel
 * serves. Writes replace children with one statement per table.
 */
import { DomainError, isUniqueViolation, preparedQuery, type Knex } from '@laurel/service-kit';
import type { Alignment, ArchivedState, BadgeCollections, BadgeData, BadgeRecord, Criterion } from '../domain/badge.js';
import { slugKey } from '../domain/slug.js';

export interface OrganizationSummary {
  id: string;
  slug: string;
  name: string;
  url: string;
  description: string | null;
  email: string | null;
}

export interface ImageSummary {
  slug: string;
  url: string | null;
  mimeType: string | null;
}

/** A badge with everything a full answer shows. */
export interface LoadedBadge {
  record: BadgeRecord;
  system: OrganizationSummary;
  issuer?: OrganizationSummary;
  program?: OrganizationSummary;
  image?: ImageSummary;
  criteria: Required<Criterion>[];
  alignments: Required<Alignment>[];
  categories: string[];
  tags: { id: string; value: string }[];
  /** Whether some milestone names this badge as its primary badge. */
  hasMilestones: boolean;
}

/** How one badge is found: by id, or by slug within a system (and an issuer, and a program). */
export interface BadgeLookup {
  id?: string;
  systemId?: string;
  issuerId?: string;
  programId?: string;
  slug?: string;
}

/** Which badges a list covers; an empty scope is every badge of every system. */
export interface BadgeFilter {
  systemId?: string;
  issuerId?: string;
  programId?: string;
  archived: ArchivedState;
  location?: string;
  published?: boolean;
  ids?: string[];
}

export interface BadgeParents {
  systemId: string;
  issuerId: string | null;
  programId: string | null;
}

interface BadgeRow {
  id: string;
  system_id: string;
  issuer_id: string | null;
  program_id: string | null;
  slug: string;
  name: string;
  strapline: string | null;
  earner_description: string | null;
  consumer_description: string | null;
  issuer_url: string | null;
  rubric_url: string | null;
  time_value: string | null;
  time_units: string | null;
  limit: string | null;
  unique: boolean;
  type: string | null;
  archived: boolean;
  criteria_url: string | null;
  evidence_type: string | null;
  published: boolean;
  location: string | null;
  origin: string;
  image_id: string | null;
  created_at: Date;
}

type SummaryColumns<P extends string> = Record<`${P}_slug` | `${P}_name` | `${P}_url`, string | null> &
  Record<`${P}_description` | `${P}_email`, string | null>;

/** A badge row joined with its parents' and image's columns, and its children as JSON. */
type JoinedRow = BadgeRow &
  SummaryColumns<'s'> &
  SummaryColumns<'i'> &
  SummaryColumns<'p'> & {
    img_slug: string | null;
    img_url: string | null;
    img_mime_type: string | null;
    full_count?: string;
    criteria_json: Required<Criterion>[];
    alignments_json: Required<Alignment>[];
    categories_json: string[];
    tags_json: { id: string; value: string }[];
    has_milestones: boolean;
  };

/**
 * A badge's children as JSON arrays, computed in the same statement as the
 * badge: a fully loaded badge (or a page of them) is one round trip, which
 * is what lets the read paths serve thousands of requests a second.
 */
const CHILDREN_SQL = `
  coalesce((select json_agg(json_build_object('id', c.id::text, 'description', c.description, 'required', c.required, 'note', c.note) order by c.position, c.id)
              from badge_criteria c where c.badge_id = b.id), '[]'::json) as criteria_json,
  coalesce((select json_agg(json_build_object('id', a.id::text, 'name', a.name, 'url', a.url, 'description', a.description) order by a.position, a.id)
              from badge_alignments a where a.badge_id = b.id), '[]'::json) as alignments_json,
  coalesce((select json_agg(g.value order by g.id) from badge_categories g where g.badge_id = b.id), '[]'::json) as categories_json,
  coalesce((select json_agg(json_build_object('id', t.id::text, 'value', t.value) order by t.id) from badge_tags t where t.badge_id = b.id), '[]'::json) as tags_json,
  exists (select 1 from milestones m where m.primary_badge_id = b.id) as has_milestones`;

/** A BadgeKit path to one badge: slugs compared as everywhere (case-insensitive, trailing spaces ignored). */
export interface BadgePath {
  systemSlug: string;
  issuerSlug?: string;
  programSlug?: string;
  badgeSlug: string;
}

const COLUMNS: Readonly<Record<keyof BadgeData, keyof BadgeRow>> = {
  slug: 'slug',
  name: 'name',
  strapline: 'strapline',
  earnerDescription: 'earner_description',
  consumerDescription: 'consumer_description',
  issuerUrl: 'issuer_url',
  rubricUrl: 'rubric_url',
  timeValue: 'time_value',
  timeUnits: 'time_units',
  limit: 'limit',
  unique: 'unique',
  type: 'type',
  archived: 'archived',
  criteriaUrl: 'criteria_url',
  evidenceType: 'evidence_type',
  published: 'published',
  location: 'location',
  origin: 'origin',
  imageId: 'image_id',
};

const toRecord = (row: BadgeRow): BadgeRecord => ({
  id: row.id,
  systemId: row.system_id,
  issuerId: row.issuer_id,
  programId: row.program_id,
  slug: row.slug,
  name: row.name,
  strapline: row.strapline,
  earnerDescription: row.earner_description,
  consumerDescription: row.consumer_description,
  issuerUrl: row.issuer_url,
  rubricUrl: row.rubric_url,
  timeValue: row.time_value,
  timeUnits: row.time_units,
  limit: row.limit,
  unique: row.unique,
  type: row.type,
  archived: row.archived,
  criteriaUrl: row.criteria_url,
  evidenceType: row.evidence_type,
  published: row.published,
  location: row.location,
  origin: row.origin,
  imageId: row.image_id,
  createdAt: row.created_at,
});

const toColumns = (data: Partial<BadgeData>): Record<string, unknown> => {
  const columns: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(COLUMNS) as [keyof BadgeData, string][]) {
    if (data[key] !== undefined) columns[column] = data[key];
  }
  return columns;
};

function summary<P extends 's' | 'i' | 'p'>(
  row: JoinedRow,
  prefix: P,
  id: string | null,
): OrganizationSummary | undefined {
  const slug = row[`${prefix}_slug`];
  if (id === null || slug === null) return undefined;
  return {
    id,
    slug,
    name: row[`${prefix}_name`] ?? '',
    url: row[`${prefix}_url`] ?? '',
    description: row[`${prefix}_description`],
    email: row[`${prefix}_email`],
  };
}

const summaryColumns = (alias: string, prefix: string) =>
  Object.fromEntries(['slug', 'name', 'url', 'description', 'email'].map((c) => [`${prefix}_${c}`, `${alias}.${c}`]));

/** `column = any(array)`: one parameter however many ids a page has. */
const anyOf = (query: Knex.QueryBuilder, column: string, ids: readonly string[]) =>
  query.whereRaw(`${column} = any(?::bigint[])`, [[...ids]]);

function loaded(row: JoinedRow): LoadedBadge {
  return {
    record: toRecord(row),
    system: summary(row, 's', row.system_id) ?? {
      id: row.system_id,
      slug: '',
      name: '',
      url: '',
      description: null,
      email: null,
    },
    ...(row.issuer_id !== null && { issuer: summary(row, 'i', row.issuer_id) }),
    ...(row.program_id !== null && { program: summary(row, 'p', row.program_id) }),
    ...(row.img_slug !== null && { image: { slug: row.img_slug, url: row.img_url, mimeType: row.img_mime_type } }),
    criteria: row.criteria_json,
    alignments: row.alignments_json,
    categories: row.categories_json,
    tags: row.tags_json,
    hasMilestones: row.has_milestones,
  };
}

/**
 * A write that would give two badges of one scope the same slug (the unique
 * index `badges_slug_key`) is a conflict; its details are the request's own
 * values (`submitted`, D-23), never the stored badge's.
 */
async function slugConflictOr<T>(write: PromiseLike<T>, submitted: Record<string, unknown>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    throw isUniqueViolation(error, 'badges_slug_key') ? DomainError.conflict('badge', 'slug', submitted) : error;
  }
}

export class BadgeStore {
  constructor(private readonly db: Knex) {}

  private joined(db: Knex): Knex.QueryBuilder {
    return db({ b: 'badges' })
      .join({ s: 'systems' }, 's.id', 'b.system_id')
      .leftJoin({ i: 'issuers' }, 'i.id', 'b.issuer_id')
      .leftJoin({ p: 'programs' }, 'p.id', 'b.program_id')
      .leftJoin({ img: 'images' }, 'img.id', 'b.image_id')
      .select('b.*', summaryColumns('s', 's'), summaryColumns('i', 'i'), summaryColumns('p', 'p'), {
        img_slug: 'img.slug',
        img_url: 'img.url',
        img_mime_type: 'img.mime_type',
      })
      .select(db.raw(CHILDREN_SQL));
  }

  private static where(query: Knex.QueryBuilder, lookup: BadgeLookup, alias: string): Knex.QueryBuilder {
    if (lookup.id !== undefined) query.where(`${alias}.id`, lookup.id);
    if (lookup.systemId !== undefined) query.where(`${alias}.system_id`, lookup.systemId);
    if (lookup.issuerId !== undefined) query.where(`${alias}.issuer_id`, lookup.issuerId);
    if (lookup.programId !== undefined) query.where(`${alias}.program_id`, lookup.programId);
    if (lookup.slug !== undefined) query.whereRaw(`lower(rtrim(${alias}.slug)) = ?`, [slugKey(lookup.slug)]);
    return query;
  }

  /** `submitted`: the request's values, for the details of a slug conflict. */
  async insert(
    trx: Knex,
    parents: BadgeParents,
    badge: BadgeData & BadgeCollections,
    submitted: Record<string, unknown>,
  ): Promise<string> {
    const inserting = trx('badges')
      .insert({
        system_id: parents.systemId,
        issuer_id: parents.issuerId,
        program_id: parents.programId,
        ...toColumns(badge),
      })
      .returning<{ id: string }[]>('id');
    const [row] = await slugConflictOr(inserting, submitted);
    if (!row) throw new Error('badge insert returned no row');
    await this.replaceChildren(trx, row.id, badge, true);
    return row.id;
  }

  /** The badge found by `lookup`, locked until the transaction ends. */
  async lock(trx: Knex, lookup: BadgeLookup): Promise<BadgeRecord | undefined> {
    const row = (await BadgeStore.where(trx('badges as b').select('b.*'), lookup, 'b').forUpdate().first()) as
      BadgeRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** `submitted`: the request's values, for the details of a slug conflict. */
  async update(
    trx: Knex,
    id: string,
    data: BadgeData,
    collections: Partial<BadgeCollections>,
    submitted: Record<string, unknown>,
  ): Promise<void> {
    await slugConflictOr(
      trx('badges')
        .where({ id })
        .update({ ...toColumns(data), updated_at: trx.fn.now() }),
      submitted,
    );
    await this.replaceChildren(trx, id, collections, false);
  }

  /** Children go with the badge (foreign keys cascade). */
  async delete(trx: Knex, id: string): Promise<void> {
    await trx('badges').where({ id }).delete();
  }

  async find(lookup: BadgeLookup, db: Knex = this.db): Promise<LoadedBadge | undefined> {
    const query = BadgeStore.where(this.joined(db), lookup, 'b').limit(1);
    // By id (what every award asks, whatever the channel) is hot: prepared, planned once per connection.
    const byId =
      lookup.id !== undefined &&
      lookup.slug === undefined &&
      lookup.issuerId === undefined &&
      lookup.programId === undefined &&
      db === this.db;
    if (byId) {
      const { sql, bindings } = query.toSQL().toNative();
      const [row] = await preparedQuery<JoinedRow>(
        this.db,
        `catalog.badge-by-id.${lookup.systemId === undefined ? 'any' : 'site'}`,
        sql,
        bindings,
      );
      return row ? loaded(row) : undefined;
    }
    const row = (await query.first()) as JoinedRow | undefined;
    return row ? loaded(row) : undefined;
  }

  /**
   * A badge by its BadgeKit path in one statement (§7.2 scoping: an issuer
   * path needs the badge's issuer, a program path its program). Undefined
   * when any level is missing; the caller then finds out which.
   */
  async findByPath(path: BadgePath): Promise<LoadedBadge | undefined> {
    const query = this.joined(this.db)
      .whereRaw('lower(rtrim(s.slug)) = ?', [slugKey(path.systemSlug)])
      .whereRaw('lower(rtrim(b.slug)) = ?', [slugKey(path.badgeSlug)]);
    if (path.issuerSlug !== undefined) query.whereRaw('lower(rtrim(i.slug)) = ?', [slugKey(path.issuerSlug)]);
    if (path.programSlug !== undefined) query.whereRaw('lower(rtrim(p.slug)) = ?', [slugKey(path.programSlug)]);
    // The hottest read of the catalog: prepared, so it is planned once per connection. The text depends only on the path's shape.
    const shape = path.programSlug !== undefined ? 'sip' : path.issuerSlug !== undefined ? 'si' : 's';
    const { sql, bindings } = query.limit(1).toSQL().toNative();
    const [row] = await preparedQuery<JoinedRow>(this.db, `catalog.badge-by-path.${shape}`, sql, bindings);
    return row ? loaded(row) : undefined;
  }

  async findMany(ids: readonly string[], db: Knex = this.db): Promise<LoadedBadge[]> {
    if (ids.length === 0) return [];
    const rows = (await anyOf(this.joined(db), 'b.id', ids).orderBy('b.id')) as JoinedRow[];
    return rows.map(loaded);
  }

  /**
   * A page of badges ordered by id, fully loaded, and how many match in all.
   * The page's ids (and the total, as a window count) are chosen first over
   * the bare table; only those rows are then joined and get their children,
   * so a page of 20 costs 20 badges' children, not the whole match's.
   */
  async list(
    filter: BadgeFilter,
    page: { offset: number; limit: number } | undefined,
  ): Promise<{ badges: LoadedBadge[]; total: number }> {
    const ids = this.filtered(this.db({ b: 'badges' }), filter)
      .select('b.id', this.db.raw('count(*) over () as full_count'))
      .orderBy('b.id');
    if (page) ids.offset(page.offset).limit(page.limit);
    const rows = (await this.joined(this.db)
      .join(ids.as('page'), 'page.id', 'b.id')
      .select('page.full_count')
      .orderBy('b.id')) as JoinedRow[];
    const badges = rows.map(loaded);
    if (!page) return { badges, total: rows.length };
    // The window count rides along with the page; only a page past the end needs its own count.
    const total = rows[0]?.full_count !== undefined ? Number(rows[0].full_count) : await this.count(filter);
    return { badges, total };
  }

  private async count(filter: BadgeFilter): Promise<number> {
    const [row] = await this.filtered(this.db({ b: 'badges' }), filter).count<{ count: string }[]>({ count: '*' });
    return Number(row?.count ?? 0);
  }

  private filtered(query: Knex.QueryBuilder, filter: BadgeFilter): Knex.QueryBuilder {
    BadgeStore.where(query, { systemId: filter.systemId, issuerId: filter.issuerId, programId: filter.programId }, 'b');
    if (filter.archived !== 'any') query.where('b.archived', filter.archived === 'archived');
    if (filter.location !== undefined) query.where('b.location', filter.location);
    if (filter.published !== undefined) query.where('b.published', filter.published);
    if (filter.ids && filter.ids.length > 0) anyOf(query, 'b.id', filter.ids);
    return query;
  }

  /** Replaces each given collection; absent ones stay as they are (D-12). */
  private async replaceChildren(
    trx: Knex,
    badgeId: string,
    collections: Partial<BadgeCollections>,
    isNew: boolean,
  ): Promise<void> {
    if (collections.criteria) {
      await this.replaceItems(trx, 'badge_criteria', badgeId, isNew, collections.criteria, (c) => ({
        description: c.description,
        required: c.required,
        note: c.note,
      }));
    }
    if (collections.alignments) {
      await this.replaceItems(trx, 'badge_alignments', badgeId, isNew, collections.alignments, (a) => ({
        name: a.name,
        url: a.url,
        description: a.description,
      }));
    }
    for (const [table, values] of [
      ['badge_categories', collections.categories],
      ['badge_tags', collections.tags],
    ] as const) {
      if (!values) continue;
      if (!isNew) await trx(table).where({ badge_id: badgeId }).delete();
      if (values.length > 0) await trx(table).insert(values.map((value) => ({ badge_id: badgeId, value })));
    }
  }

  /**
   * Criteria and alignments keep their ids when the client sends them back
   * (§2.10), but only ids of this badge's own items are honoured (D-18): any
   * other id, or one given twice, makes a new item. One statement each for
   * delete, update and insert.
   */
  private async replaceItems<T extends { id?: string }>(
    trx: Knex,
    table: 'badge_criteria' | 'badge_alignments',
    badgeId: string,
    isNew: boolean,
    items: readonly T[],
    columns: (item: T) => Record<string, unknown>,
  ): Promise<void> {
    const owned = isNew
      ? new Set<string>()
      : new Set((await trx(table).where({ badge_id: badgeId }).select<{ id: string }[]>('id')).map((r) => r.id));
    const kept: { id: string; position: number; values: Record<string, unknown> }[] = [];
    const added: Record<string, unknown>[] = [];
    items.forEach((item, position) => {
      const values = columns(item);
      if (item.id !== undefined && owned.delete(item.id)) kept.push({ id: item.id, position, values });
      else added.push({ badge_id: badgeId, position, ...values });
    });
    // What is still in `owned` was not sent back.
    if (owned.size > 0) await anyOf(trx(table), 'id', [...owned]).delete();
    if (kept.length > 0) await this.updateItems(trx, table, kept);
    if (added.length > 0) await trx(table).insert(added);
  }

  private async updateItems(
    trx: Knex,
    table: 'badge_criteria' | 'badge_alignments',
    kept: { id: string; position: number; values: Record<string, unknown> }[],
  ): Promise<void> {
    const names = Object.keys(kept[0]?.values ?? {});
    const types: Record<string, string> = {
      description: 'text',
      required: 'boolean',
      note: 'text',
      name: 'text',
      url: 'text',
    };
    // Each column travels as one array parameter, whatever its type.
    const arrays = names.map((name) => kept.map((k) => k.values[name]) as Knex.Value);
    const set = names.map((name) => `${name} = v.${name}`).join(', ');
    const unnest = ['?::bigint[]', '?::int[]', ...names.map((name) => `?::${types[name] ?? 'text'}[]`)].join(', ');
    await trx.raw(
      `update ${table} as t set position = v.position, ${set} from unnest(${unnest}) as v(id, position, ${names.join(', ')}) where t.id = v.id`,
      [kept.map((k) => k.id), kept.map((k) => k.position), ...arrays],
    );
  }
}
