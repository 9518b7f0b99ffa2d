import { createEvent, InvalidEventError, parseEnvelope, validateEnvelope } from './envelope';
import { topicOf } from './catalogue';

describe('event envelope', () => {
  const event = createEvent('groups.memberships.added', {
    key: 'g1',
    orgId: null,
    payload: { groupId: 'g1', members: [{ userId: 'u1', role: 'MEMBER' }] },
  });

  it('stamps id, type, version and time, and round-trips through JSON', () => {
    expect(event).toMatchObject({ type: 'groups.memberships.added', version: 1, key: 'g1', orgId: null });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(parseEnvelope(Buffer.from(JSON.stringify(event)))).toEqual(event);
    expect(topicOf(event.type)).toBe('groups.memberships');
  });

  it('refuses a payload that does not match its schema, when produced and when consumed', () => {
    expect(() => createEvent('groups.memberships.added', { key: 'g1', orgId: null, payload: { groupId: 'g1', members: [] } })).toThrow(InvalidEventError);
    expect(() => validateEnvelope({ ...event, payload: { groupId: 'g1' } })).toThrow(/members/);
  });

  it('refuses unknown types, unsupported versions, and non-JSON messages', () => {
    expect(() => validateEnvelope({ ...event, type: 'groups.unknown' })).toThrow(/unknown event type/);
    expect(() => validateEnvelope({ ...event, version: 2 })).toThrow(/version 2 is not supported/);
    expect(() => parseEnvelope(Buffer.from('{nope'))).toThrow(/not JSON/);
    expect(() => parseEnvelope(null)).toThrow(/empty/);
  });
});
