import { describe, expect, it } from 'vitest';
import { DomainError } from '@laurel/service-kit';
import { isExpired, isSameAward, newUid, parseTime, recipientOf } from '../src/domain/award.js';
import { channelName, storedChannel } from '../src/domain/channel.js';

describe('award rules', () => {
  it('needs a member id or an email, and reads 0 and "" as none', () => {
    expect(recipientOf('1', '42', '')).toEqual({ siteId: '1', userId: '42', email: null });
    expect(recipientOf('1', '0', ' a@b.org ')).toEqual({ siteId: '1', userId: null, email: 'a@b.org' });
    expect(() => recipientOf('1', '0', '')).toThrow(DomainError);
  });

  it('draws 40 lowercase hex uids', () => {
    expect(newUid()).toMatch(/^[0-9a-f]{40}$/);
    expect(newUid()).not.toBe(newUid());
    // Across refills of the pool the uids are drawn from: never one twice.
    const many = Array.from({ length: 1000 }, newUid);
    expect(new Set(many).size).toBe(1000);
    expect(many.every((uid) => /^[0-9a-f]{40}$/.test(uid))).toBe(true);
  });

  it('treats a repeated key as a replay only for the same badge and recipient', () => {
    const stored = { badgeId: '5', userId: null, email: 'A@b.org' };
    expect(isSameAward(stored, '5', { siteId: '1', userId: null, email: 'a@B.org' })).toBe(true);
    expect(isSameAward(stored, '6', { siteId: '1', userId: null, email: 'a@b.org' })).toBe(false);
    expect(isSameAward(stored, '5', { siteId: '1', userId: '9', email: 'a@b.org' })).toBe(false);
  });

  it('parses times and names the field of a bad one', () => {
    expect(parseTime('issuedOn', '2026-01-02T03:04:05Z')?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(parseTime('issuedOn', undefined)).toBeUndefined();
    expect(() => parseTime('expires', 'soon')).toThrow(
      expect.objectContaining({ details: [{ field: 'expires', value: 'soon', message: 'Not a date' }] }) as Error,
    );
  });

  it('knows when an award has expired', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isExpired(null, now)).toBe(false);
    expect(isExpired(new Date('2026-05-31T23:59:59Z'), now)).toBe(true);
    expect(isExpired(new Date('2026-06-02T00:00:00Z'), now)).toBe(false);
  });

  it('maps channels between the wire and storage', () => {
    expect(storedChannel('AWARD_CHANNEL_CLAIM')).toBe('claim');
    expect(channelName('import')).toBe('AWARD_CHANNEL_IMPORT');
  });
});
