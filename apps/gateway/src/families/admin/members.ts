/**
 * Members of a site (admin-api.md): created one at a time or in batches of
 * up to 1000, all or nothing; read and partially updated by userId.
 */
import type { Request, Response } from 'express';
import { DomainError } from '@laurel/service-kit';
import {
  clashesWithExisting,
  conflictMessage,
  duplicatesWithinBatch,
  MAX_BATCH,
  type ElementProblem,
  type Member,
} from '../../domain/members.js';
import { hashSecret } from '../../domain/secrets.js';
import type { MemberChange, MemberInsert, MemberRecord, MemberStore } from '../../store/members.js';
import { readMemberBatch, readMemberChange, MEMBER_CHANGE_RULES, MEMBER_RULES } from './member-input.js';
import type { RouteTable } from '../../badgekit-format/route-table.js';
import { siteOf } from './site.js';
import { fieldRulesSchema } from '../../openapi/field-rules.js';
import { z } from '../../openapi/zod.js';

/** One member, or an array of them: each element is checked with MEMBER_RULES. */
const MEMBER_BODY = fieldRulesSchema(MEMBER_RULES);
const MEMBERS_BODY = z.union([MEMBER_BODY, z.array(MEMBER_BODY).min(1).max(MAX_BATCH)]).openapi({
  example: [{ username: 'fan', email: 'fan@example.org', password: 'correct horse battery', role: 'MEMBER' }],
});

export const presentMember = (m: MemberRecord): Member => ({
  userId: m.userId,
  username: m.username,
  email: m.email,
  role: m.role,
});

/** 409 naming every clash; the message names the field of the first. */
function conflict(problems: ElementProblem[], single: boolean): DomainError {
  const first = problems[0];
  const field = first?.field === 'email' ? 'email' : 'username';
  const details = single ? problems.map(({ index: _index, ...rest }) => rest) : problems;
  return new DomainError('ResourceConflict', conflictMessage(field), details);
}

const byIndex = (problems: ElementProblem[]): ElementProblem[] =>
  [...problems].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));

const USER_ID = /^[1-9]\d{0,14}$/;

function userIdOf(req: Request): number {
  const text = String(req.params.userId);
  if (!USER_ID.test(text)) throw DomainError.notFound('member', 'userId', text);
  return Number(text);
}

export function mountMembers(routes: RouteTable, { members }: { members: MemberStore }): void {
  routes.declare(
    '/admin/systems/:systemSlug/members',
    {
      async POST(req: Request, res: Response) {
        const batch = readMemberBatch(req.adminBody?.json);
        const site = siteOf(req).id;
        const duplicates = duplicatesWithinBatch(batch.members);
        if (duplicates.length > 0) {
          // Name every clash at once, those with existing members too.
          const existing = clashesWithExisting(batch.members, await members.findTaken(site, batch.members));
          throw conflict(byIndex([...duplicates, ...existing]), batch.single);
        }
        // Hashed before the transaction, so the site's sequence lock is held only for the writes.
        const inserts: MemberInsert[] = await Promise.all(
          batch.members.map(async ({ password, ...member }) => ({
            ...member,
            ...(password !== undefined && { passwordHash: await hashSecret(password) }),
          })),
        );
        const result = await members.createAll(site, inserts);
        if ('taken' in result) throw conflict(clashesWithExisting(batch.members, result.taken), batch.single);
        res.status(201).json({ status: 'created', members: result.created.map(presentMember) });
      },
    },
    {
      POST: {
        summary: 'Create one member, or an array of up to 1000 (all or nothing)',
        body: MEMBERS_BODY,
        success: 201,
        returns: 'members',
        errors: [400, 404, 409],
      },
    },
  );

  routes.declare(
    '/admin/systems/:systemSlug/members/:userId',
    {
      async GET(req: Request, res: Response) {
        const userId = userIdOf(req);
        const member = await members.find(siteOf(req).id, userId);
        if (!member) throw DomainError.notFound('member', 'userId', String(userId));
        res.json({ member: presentMember(member) });
      },
      async PATCH(req: Request, res: Response) {
        const userId = userIdOf(req);
        // BadgeKit's order (§2.1): the lookup's 404 before the handler's 400.
        if (!(await members.find(siteOf(req).id, userId)))
          throw DomainError.notFound('member', 'userId', String(userId));
        const input = readMemberChange(req.adminBody?.json);
        const change: MemberChange = {
          ...(input.email !== undefined && { email: input.email }),
          ...(input.role !== undefined && { role: input.role }),
          ...(input.password !== undefined && {
            passwordHash: input.password === null ? null : await hashSecret(input.password),
          }),
        };
        const member = await members.update(siteOf(req).id, userId, change);
        if (!member) throw DomainError.notFound('member', 'userId', String(userId));
        res.json({ status: 'updated', member: presentMember(member) });
      },
    },
    {
      GET: { summary: 'Get a member by userId', success: 200, returns: 'member', errors: [404] },
      PATCH: {
        summary: 'Change a member’s email, password (null removes it) or role',
        body: MEMBER_CHANGE_RULES.map((r) => ({ ...r, required: false })),
        success: 200,
        returns: 'member',
        errors: [400, 404, 409],
      },
    },
  );
}
