/**
 * When to try a failed delivery again, and when to stop.
 *
 * The default schedule is the one the Standard Webhooks specification suggests, cut at two days: after the first
 * attempt fails, retries follow 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h and 20 h later — 9 attempts over about
 * 51½ hours. Delays grow roughly exponentially at first (a blip is retried within seconds) and then level off (a
 * receiver down for a day still gets its events). After the last attempt fails, the delivery is given up and the
 * endpoint disabled: a receiver that has refused everything for two days needs its owner's attention, not more traffic.
 *
 * Jitter: each delay is drawn uniformly from ±25 % around the scheduled one. Full jitter (anywhere from 0 to the delay)
 * would de-synchronise a little better, but would let a 20-hour step shrink to seconds and make "we try for two days"
 * untrue; ±25 % still spreads the backlog of an outage (all failing at the same moment) over hours at the later steps.
 */

export const DEFAULT_RETRY_DELAYS_SECONDS: readonly number[] = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 14 * 3600, 20 * 3600];
export const DEFAULT_JITTER_RATIO = 0.25;
/** A Retry-After asking for more than this is shortened to it, so a receiver cannot park deliveries for weeks. */
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 24 * 3600;

/** A failed attempt: a response that was not 2xx, or no response at all. */
export type DeliveryFailure =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfter?: string | null }
  /** Connection refused or reset, TLS failure, DNS failure, a response that was not HTTP… `code` is e.g. ECONNRESET. */
  | { readonly kind: 'network'; readonly code?: string }
  | { readonly kind: 'timeout' };

/**
 * What a failure means for the delivery: try again; fail this message only (the receiver refused it, and will again);
 * or disable the endpoint now (410 Gone: the receiver asks us to stop).
 */
export type FailureDisposition = 'retry' | 'fail-message' | 'disable-endpoint';

/** 408 Request Timeout, 425 Too Early, 429 Too Many Requests: the request was fine, the moment was not. */
const RETRYABLE_CLIENT_ERRORS = new Set([408, 425, 429]);

export function dispositionOf(failure: number | DeliveryFailure): FailureDisposition {
  const normalised: DeliveryFailure = typeof failure === 'number' ? { kind: 'response', status: failure } : failure;
  if (normalised.kind !== 'response') return 'retry';
  const { status } = normalised;
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw new RangeError(`${status} is not an HTTP status code.`);
  }
  if (status >= 200 && status < 300) {
    throw new RangeError(`${status} is a success, not a failure.`);
  }
  if (status === 410) return 'disable-endpoint';
  if (status >= 500 || RETRYABLE_CLIENT_ERRORS.has(status)) return 'retry';
  // A 1xx as the final answer is a broken server, like a network error; it may be fixed.
  if (status < 200) return 'retry';
  // 3xx: redirects are not followed (the endpoint's URL should be updated instead); other 4xx will be refused again.
  return 'fail-message';
}

/** Whether trying the same delivery again may succeed: 408, 425, 429, 5xx, network errors and timeouts. */
export function isRetryable(failure: number | DeliveryFailure): boolean {
  return dispositionOf(failure) === 'retry';
}

const DELTA_SECONDS = /^\d+$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// The three HTTP-date forms RFC 9110 §5.6.7 asks recipients to accept; all are UTC.
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
const RFC_850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/i;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

function utcMilliseconds(year: number, monthName: string, day: number, hours: number, minutes: number, seconds: number): number | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0 || day < 1 || day > 31 || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  return Date.UTC(year, month, day, hours, minutes, seconds);
}

function parseHttpDate(text: string, now: Date): number | undefined {
  let match = IMF_FIXDATE.exec(text);
  if (match) return utcMilliseconds(Number(match[3]), match[2], Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  match = RFC_850.exec(text);
  if (match) {
    // Two-digit years: RFC 9110 reads one more than 50 years in the future as the past century's.
    let year = 100 * Math.floor(now.getUTCFullYear() / 100) + Number(match[3]);
    if (year > now.getUTCFullYear() + 50) year -= 100;
    return utcMilliseconds(year, match[2], Number(match[1]), Number(match[4]), Number(match[5]), Number(match[6]));
  }
  match = ASCTIME.exec(text);
  if (match) return utcMilliseconds(Number(match[6]), match[1], Number(match[2].trim()), Number(match[3]), Number(match[4]), Number(match[5]));
  return undefined;
}

/**
 * Seconds to wait according to a Retry-After header (delta-seconds or an HTTP-date; a date in the past means 0), or
 * undefined when there is no header or it cannot be read — a malformed header is ignored, not obeyed.
 */
export function parseRetryAfter(header: string | null | undefined, now: Date): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (DELTA_SECONDS.test(text)) return Number(text);
  const at = parseHttpDate(text, now);
  if (at === undefined) return undefined;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

export type GiveUpReason =
  /** 410 Gone: the receiver asked us to stop. */
  | 'ENDPOINT_GONE'
  /** The receiver refused this message (a 4xx other than 408/425/429, or a redirect); sending it again would not help. */
  | 'NOT_RETRYABLE'
  /** Every scheduled attempt failed. */
  | 'ATTEMPTS_EXHAUSTED';

export type RetryDecision =
  | {
      readonly action: 'retry';
      /** The number of the attempt to make (the first delivery is attempt 1). */
      readonly nextAttempt: number;
      readonly delayMs: number;
      readonly at: Date;
      /** Whether a Retry-After header set the delay (rather than the schedule). */
      readonly fromRetryAfter: boolean;
    }
  | {
      readonly action: 'give-up';
      readonly reason: GiveUpReason;
      /** Whether to disable the endpoint (and tell its owner) rather than only mark this message failed. */
      readonly disableEndpoint: boolean;
    };

export interface RetryScheduleOptions {
  /** Delay before each retry, in seconds: the first entry follows the failure of attempt 1. Attempts = entries + 1. */
  readonly delaysSeconds?: readonly number[];
  /** Each delay is drawn from delay × [1 − ratio, 1 + ratio). 0 for none. */
  readonly jitterRatio?: number;
  readonly maxRetryAfterSeconds?: number;
  /** A number in [0, 1), as Math.random; injectable so tests are deterministic. */
  readonly random?: () => number;
}

export class RetrySchedule {
  private readonly delaysSeconds: readonly number[];
  private readonly jitterRatio: number;
  private readonly maxRetryAfterSeconds: number;
  private readonly random: () => number;

  constructor(options: RetryScheduleOptions = {}) {
    this.delaysSeconds = options.delaysSeconds ?? DEFAULT_RETRY_DELAYS_SECONDS;
    this.jitterRatio = options.jitterRatio ?? DEFAULT_JITTER_RATIO;
    this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
    this.random = options.random ?? Math.random;
    if (this.delaysSeconds.some((delay) => !(delay > 0) || !Number.isFinite(delay))) {
      throw new RangeError('Retry delays are positive numbers of seconds.');
    }
    if (!(this.jitterRatio >= 0 && this.jitterRatio < 1)) {
      throw new RangeError('The jitter ratio is at least 0 and less than 1.');
    }
    if (!(this.maxRetryAfterSeconds >= 0)) {
      throw new RangeError('The Retry-After cap is a non-negative number of seconds.');
    }
  }

  /** How many attempts a delivery gets in all, the first one included. */
  get maxAttempts(): number {
    return this.delaysSeconds.length + 1;
  }

  /** The delay before attempt `failedAttempt + 1`, without jitter, or undefined when there is none. */
  scheduledDelaySeconds(failedAttempt: number): number | undefined {
    return this.delaysSeconds[failedAttempt - 1];
  }

  /**
   * What to do after attempt `failedAttempt` (1 for the first delivery) failed at `now`.
   *
   * A Retry-After header can postpone the next attempt (up to the cap) but never bring it forward: a receiver that
   * always answers "503, Retry-After: 1" would otherwise burn through every attempt in seconds and be disabled during
   * a short outage, which is what the schedule exists to ride out.
   */
  afterFailure(failedAttempt: number, failure: number | DeliveryFailure, now: Date): RetryDecision {
    if (!Number.isInteger(failedAttempt) || failedAttempt < 1) {
      throw new RangeError(`Attempts are numbered from 1; got ${failedAttempt}.`);
    }
    const disposition = dispositionOf(failure);
    if (disposition === 'disable-endpoint') return { action: 'give-up', reason: 'ENDPOINT_GONE', disableEndpoint: true };
    if (disposition === 'fail-message') return { action: 'give-up', reason: 'NOT_RETRYABLE', disableEndpoint: false };
    const scheduledSeconds = this.scheduledDelaySeconds(failedAttempt);
    if (scheduledSeconds === undefined) return { action: 'give-up', reason: 'ATTEMPTS_EXHAUSTED', disableEndpoint: true };

    const jitteredMs = Math.round(scheduledSeconds * 1000 * (1 - this.jitterRatio + 2 * this.jitterRatio * this.unitRandom()));
    const retryAfterSeconds = typeof failure === 'object' && failure.kind === 'response' ? parseRetryAfter(failure.retryAfter, now) : undefined;
    const retryAfterMs = retryAfterSeconds === undefined ? 0 : Math.min(retryAfterSeconds, this.maxRetryAfterSeconds) * 1000;
    const fromRetryAfter = retryAfterMs > jitteredMs;
    const delayMs = fromRetryAfter ? retryAfterMs : jitteredMs;
    return { action: 'retry', nextAttempt: failedAttempt + 1, delayMs, at: new Date(now.getTime() + delayMs), fromRetryAfter };
  }

  /** The injected random, held to [0, 1) so a faulty one cannot produce negative or runaway delays. */
  private unitRandom(): number {
    const value = this.random();
    return Number.isFinite(value) ? Math.min(Math.max(value, 0), 1 - Number.EPSILON) : 0.5;
  }
}
