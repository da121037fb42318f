/**
 * Resolving a BadgeKit path (system -> issuer -> program) to rows, failing
 * with ResourceNotFound for the first level that is missing (§2.1 stage 7).
 * Every lookup by slug compares case-insensitively, ignoring trailing spaces.
 */
import { DomainError, type Knex } from '@laurel/service-kit';
import type { BadgePathContext } from '../domain/badge-url.js';
import { slugKey } from '../domain/slug.js';

export interface ContextRow {
  id: string;
  slug: string;
  name: string;
  url: string;
  description: string | null;
  email: string | null;
  image_id: string | null;
  created_at: Date;
}

export interface ResolvedContext {
  system: ContextRow;
  issuer?: ContextRow;
  program?: ContextRow;
}

const bySlug = (query: Knex.QueryBuilder, slug: string) => query.whereRaw('lower(rtrim(slug)) = ?', [slugKey(slug)]);

export async function findSystem(db: Knex, slug: string): Promise<ContextRow> {
  const row = (await bySlug(db('systems'), slug).first()) as ContextRow | undefined;
  if (!row) throw DomainError.notFound('system', 'slug', slug);
  return row;
}

export async function findIssuer(
  db: Knex,
  systemSlug: string,
  issuerSlug: string,
): Promise<{ system: ContextRow; issuer: ContextRow }> {
  const system = await findSystem(db, systemSlug);
  const issuer = (await bySlug(db('issuers').where({ system_id: system.id }), issuerSlug).first()) as
    ContextRow | undefined;
  if (!issuer) throw DomainError.notFound('issuer', 'slug', issuerSlug);
  return { system, issuer };
}

export async function findProgram(
  db: Knex,
  systemSlug: string,
  issuerSlug: string,
  programSlug: string,
): Promise<Required<ResolvedContext>> {
  const { system, issuer } = await findIssuer(db, systemSlug, issuerSlug);
  const program = (await bySlug(db('programs').where({ issuer_id: issuer.id }), programSlug).first()) as
    ContextRow | undefined;
  if (!program) throw DomainError.notFound('program', 'slug', programSlug);
  return { system, issuer, program };
}

/** A context as the proto carries it: a system, optionally an issuer, optionally a program. */
export async function resolveContext(db: Knex, context: BadgePathContext | null): Promise<ResolvedContext> {
  if (!context) throw DomainError.validation([{ field: 'context', value: '' }]);
  if (context.issuerSlug === undefined) return { system: await findSystem(db, context.systemSlug) };
  if (context.programSlug === undefined) return findIssuer(db, context.systemSlug, context.issuerSlug);
  return findProgram(db, context.systemSlug, context.issuerSlug, context.programSlug);
}
