/**
 * Member rules (admin-api.md, model.md): roles, the batch limit, and which
 * elements of a batch clash — with each other or with members a site already
 * has. Usernames and emails are unique per site ignoring case, the same rule
 * the database's lower() indexes enforce; these functions only exist to name
 * every clashing element by its index before anything is written.
 */
import type { FieldProblem } from '@laurel/service-kit';

export const ROLES = ['MEMBER', 'EDITOR', 'WEBMASTER'] as const;
export type Role = (typeof ROLES)[number];
export const DEFAULT_ROLE: Role = 'MEMBER';

/** How many members one request may create (all or nothing). */
export const MAX_BATCH = 1000;

export const USERNAME_MAX = 64;
export const EMAIL_MAX = 255;
/** A floor against trivial passwords; the ceiling bounds the work a hash request can cause. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export interface NewMember {
  username: string;
  email: string;
  role: Role;
  password?: string;
}

export interface Member {
  userId: number;
  username: string;
  email: string;
  role: Role;
}

/** A problem with one element of a batch; `index` is absent when the request sent a single member. */
export interface ElementProblem extends FieldProblem {
  index?: number;
}

export const UNIQUE_FIELDS = ['username', 'email'] as const;
export type UniqueField = (typeof UNIQUE_FIELDS)[number];

export const conflictMessage = (field: UniqueField): string => `member with that \`${field}\` already exists`;

const folded = (value: string): string => value.toLowerCase();

/** Later elements that repeat an earlier element's username or email. */
export function duplicatesWithinBatch(members: readonly NewMember[]): ElementProblem[] {
  const problems: ElementProblem[] = [];
  for (const field of UNIQUE_FIELDS) {
    const firstAt = new Map<string, number>();
    members.forEach((member, index) => {
      const key = folded(member[field]);
      const earlier = firstAt.get(key);
      if (earlier === undefined) firstAt.set(key, index);
      else problems.push({ index, field, value: member[field], message: `same \`${field}\` as element ${earlier}` });
    });
  }
  return problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}

/** Elements whose username or email a site's existing members already use. */
export function clashesWithExisting(
  members: readonly NewMember[],
  existing: readonly Pick<NewMember, UniqueField>[],
): ElementProblem[] {
  const taken = Object.fromEntries(
    UNIQUE_FIELDS.map((field) => [field, new Set(existing.map((m) => folded(m[field])))]),
  ) as Record<UniqueField, Set<string>>;
  const problems: ElementProblem[] = [];
  members.forEach((member, index) => {
    for (const field of UNIQUE_FIELDS) {
      if (taken[field].has(folded(member[field])))
        problems.push({ index, field, value: member[field], message: conflictMessage(field) });
    }
  });
  return problems;
}
