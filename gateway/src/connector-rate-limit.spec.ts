import type { Caller } from '@kz/auth';
import { DomainError } from '@kz/errors';
import { ConnectorRateLimit } from './connector-rate-limit';

const connector = (id: string): Caller => ({ kind: 'connector', connectorId: id, orgId: 'org', permissions: [] });
const person: Caller = { kind: 'user', userId: 'u', phone: '+14155550100' };

function refusal(hit: () => void): DomainError | null {
  try {
    hit();
    return null;
  } catch (err) {
    return err as DomainError;
  }
}

describe('ConnectorRateLimit', () => {
  it('lets each connector make its requests per window, then refuses with the seconds until the next window', () => {
    let now = 60_000 * 100 + 15_000;
    const limit = new ConnectorRateLimit({ maxRequests: 3, windowSeconds: 60 }, () => now);
    for (let i = 0; i < 3; i++) limit.hit(connector('a'));
    const refused = refusal(() => limit.hit(connector('a')));
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 45 });
    expect(refused!.message).toContain('try again in 45 s');
    // Another connector has a budget of its own.
    expect(refusal(() => limit.hit(connector('b')))).toBeNull();
    now += 45_000;
    expect(refusal(() => limit.hit(connector('a')))).toBeNull();
  });

  it('never limits people or anonymous callers', () => {
    const limit = new ConnectorRateLimit({ maxRequests: 1, windowSeconds: 60 });
    for (let i = 0; i < 5; i++) {
      limit.hit(person);
      limit.hit({ kind: 'anonymous' });
    }
  });
});
