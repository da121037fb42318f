/**
 * The admin API's pure rules: permissions, member input and batch clashes,
 * and the command line's signing and defaults (its parsing: admin-cli.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '@laurel/service-kit';
import { checkClaims, verifySignature } from '../src/badgekit-format/jwt.js';
import { DEV_MASTER_SECRET } from '../src/config.js';
import { permissionList } from '../src/cli/commands.js';
import { DEV_MASTER_SECRET as CLI_DEV_MASTER_SECRET } from '../src/cli/defaults.js';
import { authorizationHeader } from '../src/cli/signing.js';
import { clashesWithExisting, duplicatesWithinBatch, type NewMember } from '../src/domain/members.js';
import { PERMISSIONS, readPermissions, ungrantable } from '../src/domain/permissions.js';
import { presentDelivery } from '../src/families/admin/deliveries.js';
import { readMemberBatch, readMemberChange } from '../src/families/admin/member-input.js';

function problemsOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.details;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('permissions', () => {
  it('accept a non-empty array of known names, deduplicated in canonical order', () => {
    expect(readPermissions(['admin', 'badgekit', 'admin'])).toEqual(['badgekit', 'admin']);
    expect(readPermissions([...PERMISSIONS].reverse())).toEqual([...PERMISSIONS]);
  });

  it('refuse anything else', () => {
    for (const value of [[], ['root'], 'badgekit', undefined, null, [1], ['Badgekit']])
      expect(readPermissions(value)).toBeUndefined();
  });

  it('are granted only by a key that holds them; master holds them all', () => {
    expect(ungrantable('master', [...PERMISSIONS])).toEqual([]);
    expect(ungrantable({ permissions: ['admin'] }, ['admin'])).toEqual([]);
    expect(ungrantable({ permissions: ['admin'] }, ['badgekit', 'admin', 'badge-import'])).toEqual([
      'badgekit',
      'badge-import',
    ]);
    expect(ungrantable({ permissions: ['admin', 'badgekit'] }, ['badgekit'])).toEqual([]);
    expect(ungrantable({ permissions: [] }, ['admin'])).toEqual(['admin']);
  });
});

describe('member input', () => {
  it('reads one member with the default role, or an array', () => {
    expect(readMemberBatch({ username: 'ann', email: 'ann@example.org' })).toEqual({
      single: true,
      members: [{ username: 'ann', email: 'ann@example.org', role: 'MEMBER' }],
    });
    const batch = readMemberBatch([
      { username: 'a', email: 'a@example.org', password: 'long enough', role: 'EDITOR' },
      { username: 'b', email: 'b@example.org', password: '' },
    ]);
    expect(batch).toEqual({
      single: false,
      members: [
        { username: 'a', email: 'a@example.org', role: 'EDITOR', password: 'long enough' },
        { username: 'b', email: 'b@example.org', role: 'MEMBER' },
      ],
    });
  });

  it('names each bad element by index', () => {
    expect(
      problemsOf(() =>
        readMemberBatch([
          { username: 'ok', email: 'ok@example.org' },
          null,
          { username: 'x'.repeat(65), email: 'x@example.org' },
        ]),
      ),
    ).toEqual([
      { index: 1, message: 'Expected an object', field: 'member', value: '' },
      { index: 2, message: 'String is not in range', field: 'username', value: 'x'.repeat(65) },
    ]);
  });

  it('takes 1 to 1000 members', () => {
    expect(problemsOf(() => readMemberBatch([]))).toEqual([
      { message: 'Expected 1 to 1000 members', field: 'members', value: '' },
    ]);
    const many = Array.from({ length: 1001 }, (_, i) => ({ username: `u${i}`, email: `u${i}@example.org` }));
    expect(problemsOf(() => readMemberBatch(many))).toEqual([
      { message: 'Expected 1 to 1000 members', field: 'members', value: 1001 },
    ]);
    expect(readMemberBatch(many.slice(0, 1000)).members).toHaveLength(1000);
  });

  it('reads a change of email, role or password, null removing the password', () => {
    expect(readMemberChange({ email: 'n@example.org', role: 'WEBMASTER', username: 'ignored' })).toEqual({
      email: 'n@example.org',
      role: 'WEBMASTER',
    });
    expect(readMemberChange({ password: null })).toEqual({ password: null });
    expect(readMemberChange({ password: 'a new password' })).toEqual({ password: 'a new password' });
    expect(problemsOf(() => readMemberChange({}))).toEqual([
      { message: 'Expected any of email, password, role', field: 'member', value: '' },
    ]);
    expect(problemsOf(() => readMemberChange({ email: '', password: 'short' }))).toEqual([
      { field: 'email', value: '' },
      { message: 'String is not in range', field: 'password', value: 'short' },
    ]);
  });
});

describe('batch clashes', () => {
  const member = (username: string, email: string): NewMember => ({ username, email, role: 'MEMBER' });

  it('name later elements repeating an earlier username or email, ignoring case', () => {
    const batch = [
      member('ann', 'ann@x.org'),
      member('ANN', 'other@x.org'),
      member('bob', 'Ann@X.org'),
      member('cy', 'cy@x.org'),
    ];
    expect(duplicatesWithinBatch(batch)).toEqual([
      { index: 1, field: 'username', value: 'ANN', message: 'same `username` as element 0' },
      { index: 2, field: 'email', value: 'Ann@X.org', message: 'same `email` as element 0' },
    ]);
    expect(duplicatesWithinBatch([member('a', 'a@x.org'), member('b', 'b@x.org')])).toEqual([]);
  });

  it('name elements whose username or email a member already has', () => {
    const batch = [member('new', 'new@x.org'), member('Old', 'fresh@x.org'), member('fresh', 'OLD@x.org')];
    expect(clashesWithExisting(batch, [{ username: 'old', email: 'old@x.org' }])).toEqual([
      { index: 1, field: 'username', value: 'Old', message: 'member with that `username` already exists' },
      { index: 2, field: 'email', value: 'OLD@x.org', message: 'member with that `email` already exists' },
    ]);
  });
});

describe('webhook deliveries', () => {
  it('show the wire enums by their spec names and absent times as null', () => {
    expect(
      presentDelivery({
        id: '7',
        action: 'WEBHOOK_ACTION_AWARD',
        status: 'WEBHOOK_DELIVERY_STATUS_FAILING',
        attempts: 2,
        lastAttemptAt: '2026-11-22T12:00:00.000Z',
        lastResponseStatus: 503,
        nextAttemptAt: '2026-11-22T12:01:00.000Z',
        createdAt: '2026-11-22T11:59:00.000Z',
        earnedBadgeId: 'e',
      }),
    ).toEqual({
      id: '7',
      action: 'award',
      status: 'failing',
      attempts: 2,
      lastAttemptAt: '2026-11-22T12:00:00.000Z',
      lastResponseStatus: 503,
      nextAttemptAt: '2026-11-22T12:01:00.000Z',
    });
    expect(
      presentDelivery({
        id: '8',
        action: 'WEBHOOK_ACTION_REVOKE',
        status: 'WEBHOOK_DELIVERY_STATUS_PENDING',
        attempts: 0,
        createdAt: 'x',
        earnedBadgeId: '',
      }),
    ).toEqual({
      id: '8',
      action: 'revoke',
      status: 'pending',
      attempts: 0,
      lastAttemptAt: null,
      lastResponseStatus: null,
      nextAttemptAt: null,
    });
  });
});

describe('the command line', () => {
  it('reads permission lists, `all` being every permission', () => {
    expect(permissionList('all')).toEqual([...PERMISSIONS]);
    expect(permissionList('badgekit, admin,')).toEqual(['badgekit', 'admin']);
  });

  it('signs requests the gateway accepts', () => {
    const body = '{"name":"x"}';
    const header = authorizationHeader({
      method: 'post',
      path: '/admin/systems/demo/consumers',
      body,
      key: 'master',
      secret: 'a-master-secret-0123',
    });
    const claims = checkClaims({
      authorization: header,
      method: 'POST',
      url: '/admin/systems/demo/consumers',
      rawBody: Buffer.from(body),
      nowMs: Date.now(),
    });
    expect(claims.ok).toBe(true);
    if (claims.ok) {
      expect(claims.key).toBe('master');
      expect(verifySignature(claims.token, 'a-master-secret-0123')).toBe(true);
    }
  });

  it('defaults to the gateway’s development master secret', () => {
    expect(CLI_DEV_MASTER_SECRET).toBe(DEV_MASTER_SECRET);
  });
});
