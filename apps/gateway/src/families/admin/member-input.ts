/**
 * Member request bodies (admin-api.md): one member or an array of up to
 * 1000, validated completely before anything is written, each problem of an
 * array naming its element's index.
 */
import { DomainError, type FieldProblem } from '@laurel/service-kit';
import {
  DEFAULT_ROLE,
  EMAIL_MAX,
  MAX_BATCH,
  PASSWORD_MAX,
  PASSWORD_MIN,
  ROLES,
  USERNAME_MAX,
  type ElementProblem,
  type NewMember,
  type Role,
} from '../../domain/members.js';
import type { FieldRule } from '../../badgekit-format/validation.js';
import { validateText } from './input.js';

const PASSWORD_RULE: FieldRule = {
  field: 'password',
  required: false,
  rules: [{ kind: 'length', min: PASSWORD_MIN, max: PASSWORD_MAX }],
};
const ROLE_RULE: FieldRule = { field: 'role', required: false, rules: [{ kind: 'oneOf', values: ROLES }] };
const EMAIL_RULES: FieldRule['rules'] = [{ kind: 'email' }, { kind: 'length', min: 3, max: EMAIL_MAX }];

export const MEMBER_RULES: FieldRule[] = [
  { field: 'username', required: true, rules: [{ kind: 'length', min: 1, max: USERNAME_MAX }] },
  { field: 'email', required: true, rules: EMAIL_RULES },
  PASSWORD_RULE,
  ROLE_RULE,
];

export const MEMBER_CHANGE_RULES: FieldRule[] = [
  { field: 'email', required: true, rules: EMAIL_RULES },
  PASSWORD_RULE,
  ROLE_RULE,
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function readOne(value: unknown): { member?: NewMember; problems: FieldProblem[] } {
  if (!isObject(value)) return { problems: [{ message: 'Expected an object', field: 'member', value: '' }] };
  const problems = validateText(value, MEMBER_RULES);
  if (problems.length > 0) return { problems };
  const password = typeof value.password === 'string' && value.password !== '' ? value.password : undefined;
  return {
    problems,
    member: {
      username: String(value.username),
      email: String(value.email),
      role: typeof value.role === 'string' && value.role !== '' ? (value.role as Role) : DEFAULT_ROLE,
      ...(password !== undefined && { password }),
    },
  };
}

export interface MemberBatch {
  /** The request sent one object rather than an array: its problems carry no index. */
  single: boolean;
  members: NewMember[];
}

/** Reads a create body or throws 400 ValidationError naming every bad element and field. */
export function readMemberBatch(body: unknown): MemberBatch {
  if (!Array.isArray(body)) {
    const { member, problems } = readOne(body ?? {});
    if (!member) throw DomainError.validation(problems);
    return { single: true, members: [member] };
  }
  if (body.length === 0 || body.length > MAX_BATCH) {
    throw DomainError.validation([
      { message: `Expected 1 to ${MAX_BATCH} members`, field: 'members', value: body.length || '' },
    ]);
  }
  const members: NewMember[] = [];
  const problems: ElementProblem[] = [];
  body.forEach((element, index) => {
    const read = readOne(element);
    if (read.member) members.push(read.member);
    problems.push(...read.problems.map((p) => ({ index, ...p })));
  });
  if (problems.length > 0) throw DomainError.validation(problems);
  return { single: false, members };
}

export interface MemberChangeInput {
  email?: string;
  role?: Role;
  /** null removes the password. */
  password?: string | null;
}

/** Reads a PATCH body: any of email, password (null to remove it) and role. */
export function readMemberChange(body: unknown): MemberChangeInput {
  const fields = isObject(body) ? body : {};
  const present = MEMBER_CHANGE_RULES.map((r) => r.field).filter((f) => Object.hasOwn(fields, f));
  if (present.length === 0)
    throw DomainError.validation([{ message: 'Expected any of email, password, role', field: 'member', value: '' }]);
  const checked = fields.password === null ? { ...fields, password: undefined } : fields;
  const problems = validateText(checked, MEMBER_CHANGE_RULES, { partial: true });
  if (problems.length > 0) throw DomainError.validation(problems);
  const change: MemberChangeInput = {};
  if (typeof fields.email === 'string') change.email = fields.email;
  if (typeof fields.role === 'string' && fields.role !== '') change.role = fields.role as Role;
  if (fields.password === null || fields.password === '') change.password = null;
  else if (typeof fields.password === 'string') change.password = fields.password;
  return change;
}
