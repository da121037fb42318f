import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventType } from '@laurel/protos';
import { checkProto3Json, decodeEvent, encodeEvent, PoisonMessage } from '../src/kafka/codec.js';

type Outcome = {
  eventId: string;
  siteId: string;
  memberId: string;
  action: string;
  quantity: string;
  location: string;
};

const outcome = () => ({
  eventId: randomUUID(),
  occurredAt: '2026-11-22T10:00:00Z',
  siteId: '3',
  memberId: '42',
  action: 'comment',
  quantity: '2',
});

describe('event codec', () => {
  it('round-trips proto3 JSON with int64 as strings, and keeps the headers it arrived with', () => {
    const event = outcome();
    const encoded = encodeEvent('OutcomeRecorded', event);
    expect(JSON.parse(encoded.value.toString())).toEqual(event);
    // The trace context is added by the sender (kafka/tracing.ts), from the context the event was created in.
    expect(encoded.headers).toEqual({
      'content-type': 'application/json',
      'event-type': 'laurel.events.v1.OutcomeRecorded',
    });
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const decoded = decodeEvent<Outcome>('OutcomeRecorded', encoded.value, { ...encoded.headers, traceparent });
    expect(decoded.event).toMatchObject({ ...event, location: '' });
    expect(decoded.headers.traceparent).toBe(traceparent);
  });

  it('decodes binary protobuf when the content-type says so', () => {
    const type = eventType('OutcomeRecorded');
    const event = outcome();
    const binary = Buffer.from(type.encode(type.fromObject(event)).finish());
    expect(
      decodeEvent<Outcome>('OutcomeRecorded', binary, { 'content-type': 'application/x-protobuf' }).event.memberId,
    ).toBe('42');
  });

  it('accepts snake_case field names and numbers for int64', () => {
    const json = JSON.stringify({ event_id: randomUUID(), site_id: 3, member_id: 42, action: 'comment' });
    expect(decodeEvent<Outcome>('OutcomeRecorded', Buffer.from(json)).event).toMatchObject({
      siteId: '3',
      memberId: '42',
    });
    const awarded = encodeEvent('BadgeAwarded', {
      event_id: randomUUID(),
      badge_id: 5,
      recipient: { site_id: 1, user_id: 9 },
      channel: 'AWARD_CHANNEL_CLAIM',
    });
    expect(JSON.parse(awarded.value.toString())).toMatchObject({
      badgeId: '5',
      recipient: { siteId: '1', userId: '9' },
    });
  });

  it.each([
    ['not JSON', '{oops', /cannot decode/],
    ['an array', '[]', /not a JSON object/],
    ['an unknown field', JSON.stringify({ ...outcome(), colour: 'red' }), /colour: unknown field/],
    ['a wrong type', JSON.stringify({ ...outcome(), memberId: 'forty-two' }), /memberId: expected an integer/],
    ['a missing event id', JSON.stringify({ ...outcome(), eventId: '' }), /eventId must be a UUID/],
    // JSON.parse makes __proto__ an own key; it must stay a key, not become the event's prototype.
    [
      'a __proto__ key',
      `{"__proto__":{"memberId":"7"},${JSON.stringify(outcome()).slice(1)}`,
      /_Proto__: unknown field/,
    ],
  ])('refuses %s as a poison message', (_label, text, reason) => {
    expect(() => decodeEvent('OutcomeRecorded', Buffer.from(text))).toThrow(PoisonMessage);
    expect(() => decodeEvent('OutcomeRecorded', Buffer.from(text))).toThrow(reason);
  });

  it('checks nested messages and enums', () => {
    const type = eventType('BadgeAwarded');
    expect(
      checkProto3Json(type, { recipient: { siteId: '1', email: 'a@b.c' }, channel: 'AWARD_CHANNEL_CLAIM' }),
    ).toBeUndefined();
    expect(checkProto3Json(type, { channel: 'AWARD_CHANNEL_NOPE' })).toMatch(/channel: not a AwardChannel/);
    expect(checkProto3Json(type, { recipient: { siteId: 'x' } })).toMatch(/recipient.siteId: expected an integer/);
  });

  it('refuses to encode an invalid event', () => {
    expect(() => encodeEvent('OutcomeRecorded', { ...outcome(), memberId: 'x' })).toThrow(/invalid OutcomeRecorded/);
  });
});
