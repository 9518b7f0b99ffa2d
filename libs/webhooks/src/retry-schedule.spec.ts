import {
  DEFAULT_RETRY_DELAYS_SECONDS,
  dispositionOf,
  isRetryable,
  parseRetryAfter,
  RetrySchedule,
  type DeliveryFailure,
  type FailureDisposition,
  type RetryDecision,
} from './retry-schedule';

const now = new Date('2026-03-10T12:00:00Z');
const noJitter = () => 0.5;
const serverError = (retryAfter?: string): DeliveryFailure => ({ kind: 'response', status: 503, retryAfter });

const retried = (decision: RetryDecision) => {
  if (decision.action !== 'retry') throw new Error(`expected a retry, got ${JSON.stringify(decision)}`);
  return decision;
};

describe('what a failure means', () => {
  it.each<[number | DeliveryFailure, FailureDisposition]>([
    [408, 'retry'],
    [425, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [501, 'retry'],
    [502, 'retry'],
    [503, 'retry'],
    [504, 'retry'],
    [599, 'retry'],
    [101, 'retry'],
    [{ kind: 'network', code: 'ECONNRESET' }, 'retry'],
    [{ kind: 'network', code: 'ECONNREFUSED' }, 'retry'],
    [{ kind: 'network' }, 'retry'],
    [{ kind: 'timeout' }, 'retry'],
    [{ kind: 'response', status: 502 }, 'retry'],
    [400, 'fail-message'],
    [401, 'fail-message'],
    [403, 'fail-message'],
    [404, 'fail-message'],
    [405, 'fail-message'],
    [409, 'fail-message'],
    [413, 'fail-message'],
    [422, 'fail-message'],
    [451, 'fail-message'],
    [301, 'fail-message'],
    [302, 'fail-message'],
    [307, 'fail-message'],
    [308, 'fail-message'],
    [410, 'disable-endpoint'],
    [{ kind: 'response', status: 410 }, 'disable-endpoint'],
  ])('%j: %s', (failure, disposition) => {
    expect(dispositionOf(failure)).toBe(disposition);
    expect(isRetryable(failure)).toBe(disposition === 'retry');
  });

  it.each([200, 204, 299])('refuses to judge %i, a success', (status) => {
    expect(() => dispositionOf(status)).toThrow(RangeError);
  });

  it.each([0, 99, 600, 404.5, Number.NaN])('refuses to judge %p, which is no HTTP status', (status) => {
    expect(() => isRetryable(status)).toThrow(RangeError);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['86400000', 86_400_000],
  ])('reads delta-seconds %j', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });

  it.each([
    ['an IMF-fixdate', 'Tue, 10 Mar 2026 12:01:30 GMT', 90],
    ['an IMF-fixdate in any case', 'tue, 10 MAR 2026 12:00:01 gmt', 1],
    ['an RFC 850 date', 'Tuesday, 10-Mar-26 13:00:00 GMT', 3600],
    ['an asctime date', 'Tue Mar 10 12:00:10 2026', 10],
    ['an asctime date with a one-digit day', 'Thu Mar  5 12:00:00 2026', 0],
    ['a date in the past', 'Sun, 06 Nov 1994 08:49:37 GMT', 0],
  ])('reads %s as seconds from now', (_, header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });

  it('rounds a date part of a second away up, so as not to come early', () => {
    expect(parseRetryAfter('Tue, 10 Mar 2026 12:00:05 GMT', new Date('2026-03-10T12:00:00.500Z'))).toBe(5);
  });

  it('reads a two-digit year more than 50 years ahead as the past century', () => {
    expect(parseRetryAfter('Sunday, 06-Nov-94 08:49:37 GMT', new Date('1994-11-06T08:49:00Z'))).toBe(37);
    expect(parseRetryAfter('Wednesday, 10-Mar-60 12:00:00 GMT', now)).toBeGreaterThan(0);
  });

  it.each([
    undefined,
    null,
    '',
    '   ',
    '-5',
    '1.5',
    '1e3',
    'soon',
    '120 seconds',
    'Tue, 10 Foo 2026 12:01:30 GMT',
    'Tue, 10 Mar 2026 25:01:30 GMT',
    '2026-03-10T13:00:00Z',
  ])('ignores %j', (header) => {
    expect(parseRetryAfter(header, now)).toBeUndefined();
  });
});

describe('RetrySchedule', () => {
  it('by default gives a delivery 9 attempts: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h and 20 h later', () => {
    const schedule = new RetrySchedule({ random: noJitter });
    expect(schedule.maxAttempts).toBe(9);
    const delaysSeconds = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => retried(schedule.afterFailure(attempt, 500, now)).delayMs / 1000);
    expect(delaysSeconds).toEqual([5, 300, 1800, 7200, 18000, 36000, 50400, 72000]);
  });

  it('spreads the attempts over about two days', () => {
    const totalSeconds = DEFAULT_RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0);
    expect(totalSeconds).toBe(51 * 3600 + 35 * 60 + 5);
  });

  it('numbers the next attempt and dates it', () => {
    const decision = retried(new RetrySchedule({ random: noJitter }).afterFailure(4, { kind: 'timeout' }, now));
    expect(decision).toEqual({ action: 'retry', nextAttempt: 5, delayMs: 7_200_000, at: new Date('2026-03-10T14:00:00Z'), fromRetryAfter: false });
  });

  it('gives up after the last attempt and disables the endpoint', () => {
    expect(new RetrySchedule().afterFailure(9, 503, now)).toEqual({ action: 'give-up', reason: 'ATTEMPTS_EXHAUSTED', disableEndpoint: true });
    expect(new RetrySchedule().afterFailure(12, { kind: 'network' }, now)).toMatchObject({ reason: 'ATTEMPTS_EXHAUSTED' });
  });

  it('disables the endpoint at once when it answers 410 Gone', () => {
    expect(new RetrySchedule().afterFailure(1, 410, now)).toEqual({ action: 'give-up', reason: 'ENDPOINT_GONE', disableEndpoint: true });
  });

  it('fails only the message when the receiver refuses it', () => {
    expect(new RetrySchedule().afterFailure(1, 400, now)).toEqual({ action: 'give-up', reason: 'NOT_RETRYABLE', disableEndpoint: false });
    expect(new RetrySchedule().afterFailure(9, 404, now)).toEqual({ action: 'give-up', reason: 'NOT_RETRYABLE', disableEndpoint: false });
  });

  it('jitters each delay within ±25 %', () => {
    const earliest = new RetrySchedule({ random: () => 0 });
    const latest = new RetrySchedule({ random: () => 0.999999 });
    expect(retried(earliest.afterFailure(8, 500, now)).delayMs).toBe(54_000_000);
    expect(retried(latest.afterFailure(8, 500, now)).delayMs).toBeCloseTo(90_000_000, -3);
    expect(retried(earliest.afterFailure(1, 500, now)).delayMs).toBe(3750);
  });

  it('keeps random delays within the jitter band and spreads them across it', () => {
    const schedule = new RetrySchedule();
    const delays = Array.from({ length: 500 }, () => retried(schedule.afterFailure(4, 500, now)).delayMs);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(5_400_000);
      expect(delay).toBeLessThanOrEqual(9_000_000);
    }
    expect(new Set(delays).size).toBeGreaterThan(400);
  });

  it('holds a misbehaving random source to the band', () => {
    expect(retried(new RetrySchedule({ random: () => 7 }).afterFailure(1, 500, now)).delayMs).toBe(6250);
    expect(retried(new RetrySchedule({ random: () => -1 }).afterFailure(1, 500, now)).delayMs).toBe(3750);
    expect(retried(new RetrySchedule({ random: () => Number.NaN }).afterFailure(1, 500, now)).delayMs).toBe(5000);
  });

  describe('with Retry-After', () => {
    const schedule = new RetrySchedule({ random: noJitter });

    it('waits longer when the receiver asks for it', () => {
      const decision = retried(schedule.afterFailure(1, serverError('3600'), now));
      expect(decision).toMatchObject({ delayMs: 3_600_000, at: new Date('2026-03-10T13:00:00Z'), fromRetryAfter: true });
    });

    it('reads an HTTP-date', () => {
      expect(retried(schedule.afterFailure(2, { kind: 'response', status: 429, retryAfter: 'Tue, 10 Mar 2026 13:00:00 GMT' }, now)).delayMs).toBe(3_600_000);
    });

    it('never retries earlier than the schedule', () => {
      const decision = retried(schedule.afterFailure(5, serverError('1'), now));
      expect(decision).toMatchObject({ delayMs: 18_000_000, fromRetryAfter: false });
      expect(retried(schedule.afterFailure(1, serverError('0'), now)).delayMs).toBe(5000);
    });

    it('waits 24 hours at most by default', () => {
      expect(retried(schedule.afterFailure(1, serverError(String(10 * 24 * 3600)), now)).delayMs).toBe(24 * 3600 * 1000);
    });

    it('waits at most the configured cap, but never less than the schedule', () => {
      const capped = new RetrySchedule({ random: noJitter, maxRetryAfterSeconds: 600 });
      expect(retried(capped.afterFailure(1, serverError('86400'), now)).delayMs).toBe(600_000);
      expect(retried(capped.afterFailure(5, serverError('86400'), now)).delayMs).toBe(18_000_000);
    });

    it('ignores a malformed header', () => {
      expect(retried(schedule.afterFailure(1, serverError('whenever'), now))).toMatchObject({ delayMs: 5000, fromRetryAfter: false });
    });

    it('does not keep retrying past the last attempt because the receiver asked to', () => {
      expect(schedule.afterFailure(9, serverError('60'), now)).toMatchObject({ action: 'give-up', reason: 'ATTEMPTS_EXHAUSTED' });
    });
  });

  it('follows a custom schedule', () => {
    const schedule = new RetrySchedule({ delaysSeconds: [1, 2], jitterRatio: 0 });
    expect(schedule.maxAttempts).toBe(3);
    expect(retried(schedule.afterFailure(2, 500, now)).delayMs).toBe(2000);
    expect(schedule.afterFailure(3, 500, now)).toMatchObject({ action: 'give-up' });
    expect(schedule.scheduledDelaySeconds(1)).toBe(1);
  });

  it.each<[string, ConstructorParameters<typeof RetrySchedule>[0]]>([
    ['a zero delay', { delaysSeconds: [5, 0] }],
    ['a negative delay', { delaysSeconds: [-1] }],
    ['an endless delay', { delaysSeconds: [Number.POSITIVE_INFINITY] }],
    ['jitter of 100 %', { jitterRatio: 1 }],
    ['negative jitter', { jitterRatio: -0.1 }],
    ['a negative Retry-After cap', { maxRetryAfterSeconds: -1 }],
  ])('refuses %s', (_, options) => {
    expect(() => new RetrySchedule(options)).toThrow(RangeError);
  });

  it.each([0, -1, 1.5])('refuses attempt number %p', (attempt) => {
    expect(() => new RetrySchedule().afterFailure(attempt, 500, now)).toThrow(RangeError);
  });
});
