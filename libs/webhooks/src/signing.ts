import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { InputProblemError } from '@kz/errors';

/**
 * Signatures as the Standard Webhooks specification (https://www.standardwebhooks.com) defines them, so partners can
 * verify our deliveries with its libraries in any language: HMAC-SHA256 over "{id}.{timestamp}.{body}", sent as
 * `webhook-signature: v1,<base64>`, one signature per active secret so a secret can be rotated without downtime.
 */

export const WEBHOOK_ID_HEADER = 'webhook-id';
export const WEBHOOK_TIMESTAMP_HEADER = 'webhook-timestamp';
export const WEBHOOK_SIGNATURE_HEADER = 'webhook-signature';

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** The specification's bounds for symmetric secrets: at least 192 bits, at most 512. */
export const MIN_SECRET_BYTES = 24;
export const MAX_SECRET_BYTES = 64;
export const DEFAULT_SECRET_BYTES = 32;

export type WebhookSecretProblem = 'MISSING_PREFIX' | 'NOT_BASE64' | 'TOO_SHORT' | 'TOO_LONG';

export class InvalidWebhookSecretError extends InputProblemError<WebhookSecretProblem> {
  override name = 'InvalidWebhookSecretError';
  constructor(problem: WebhookSecretProblem, message: string) {
    super(problem, message, 'secret');
  }
}

export interface WebhookSignedHeaders {
  readonly [WEBHOOK_ID_HEADER]: string;
  readonly [WEBHOOK_TIMESTAMP_HEADER]: string;
  readonly [WEBHOOK_SIGNATURE_HEADER]: string;
}

// Canonical base64 only (padding included), so that one secret has exactly one spelling and a typo is not silently
// decoded into a different key.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** A new secret in the `whsec_<base64>` form, from `byteLength` random bytes (32 unless told). */
export function generateWebhookSecret(byteLength = DEFAULT_SECRET_BYTES): string {
  if (!Number.isInteger(byteLength) || byteLength < MIN_SECRET_BYTES || byteLength > MAX_SECRET_BYTES) {
    throw new RangeError(`A webhook secret has ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} random bytes, not ${byteLength}.`);
  }
  return WEBHOOK_SECRET_PREFIX + randomBytes(byteLength).toString('base64');
}

/** The key bytes of a `whsec_<base64>` secret; throws InvalidWebhookSecretError, saying what is wrong, otherwise. */
export function parseWebhookSecret(secret: string): Buffer {
  if (!secret.startsWith(WEBHOOK_SECRET_PREFIX)) {
    throw new InvalidWebhookSecretError('MISSING_PREFIX', `A webhook secret starts with "${WEBHOOK_SECRET_PREFIX}"; copy the whole secret, prefix included.`);
  }
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  if (encoded === '' || !BASE64.test(encoded) || Buffer.from(encoded, 'base64').toString('base64') !== encoded) {
    throw new InvalidWebhookSecretError(
      'NOT_BASE64',
      `After "${WEBHOOK_SECRET_PREFIX}" a webhook secret is standard base64 (A–Z, a–z, 0–9, + and /, padded with =); check that it was copied whole.`,
    );
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length < MIN_SECRET_BYTES) {
    throw new InvalidWebhookSecretError(
      'TOO_SHORT',
      `A webhook secret has at least ${MIN_SECRET_BYTES} bytes; this one has ${key.length}. Generate a new one.`,
    );
  }
  if (key.length > MAX_SECRET_BYTES) {
    throw new InvalidWebhookSecretError('TOO_LONG', `A webhook secret has at most ${MAX_SECRET_BYTES} bytes; this one has ${key.length}. Generate a new one.`);
  }
  return key;
}

// The id is part of the signed content "{id}.{timestamp}.{body}": the specification forbids "." in it so that no
// id/timestamp pair can be shifted into another with the same signed bytes; header-safe characters only besides.
const MESSAGE_ID = /^[A-Za-z0-9_-]{1,255}$/;

function assertSignable(messageId: string, timestampSeconds: number): void {
  if (!MESSAGE_ID.test(messageId)) {
    throw new RangeError(`A webhook id is 1 to 255 letters, digits, "_" or "-"; got "${messageId}".`);
  }
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new RangeError(`A webhook timestamp is whole seconds since the Unix epoch; got ${timestampSeconds}.`);
  }
}

/**
 * Keys of the secrets signing lately: a key made once signs every delivery of its endpoint (an HMAC keyed by a
 * KeyObject costs a fifth of one keyed by bytes). Bounded, so that rotated and deleted endpoints' secrets go.
 */
const signingKeys = new Map<string, KeyObject>();
const SIGNING_KEYS_KEPT = 1_000;

function signingKey(secret: string): KeyObject {
  let key = signingKeys.get(secret);
  if (!key) {
    key = createSecretKey(parseWebhookSecret(secret));
    if (signingKeys.size >= SIGNING_KEYS_KEPT) signingKeys.delete(signingKeys.keys().next().value!);
    signingKeys.set(secret, key);
  }
  return key;
}

/** The `v1,<base64>` signature of one message with one secret. */
export function signWebhook(secret: string, messageId: string, timestampSeconds: number, body: string | Uint8Array): string {
  assertSignable(messageId, timestampSeconds);
  const hmac = createHmac('sha256', signingKey(secret));
  hmac.update(`${messageId}.${timestampSeconds}.`);
  hmac.update(body);
  return `v1,${hmac.digest('base64')}`;
}

/**
 * The three Standard Webhooks headers for one delivery attempt. Each secret adds a signature (during a rotation both the
 * new and the old secret sign, so receivers verifying with either keep working); the same secret twice signs once.
 * `timestampSeconds` is the attempt's time, not the event's: receivers refuse stale timestamps to stop replays.
 */
export function signedHeaders(secrets: readonly string[], messageId: string, timestampSeconds: number, body: string | Uint8Array): WebhookSignedHeaders {
  const distinctSecrets = [...new Set(secrets)];
  if (distinctSecrets.length === 0) {
    throw new RangeError('A webhook is signed with at least one secret.');
  }
  return {
    [WEBHOOK_ID_HEADER]: messageId,
    [WEBHOOK_TIMESTAMP_HEADER]: String(timestampSeconds),
    [WEBHOOK_SIGNATURE_HEADER]: distinctSecrets.map((secret) => signWebhook(secret, messageId, timestampSeconds, body)).join(' '),
  };
}

/** An endpoint's secrets: the current one, and the one it replaced while receivers move over. */
export interface SecretRotation {
  readonly current: string;
  readonly previous?: { readonly secret: string; readonly signsUntil: Date };
}

/** The secrets that sign a delivery made at `now`: the current one first, then the previous one until its overlap ends. */
export function activeSigningSecrets(rotation: SecretRotation, now: Date): string[] {
  const { current, previous } = rotation;
  return previous && now.getTime() < previous.signsUntil.getTime() ? [current, previous.secret] : [current];
}
