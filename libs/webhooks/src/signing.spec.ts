import { randomBytes } from 'node:crypto';
import { DomainError } from '@kz/errors';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import {
  activeSigningSecrets,
  generateWebhookSecret,
  InvalidWebhookSecretError,
  parseWebhookSecret,
  signedHeaders,
  signWebhook,
  WEBHOOK_SECRET_PREFIX,
} from './signing';

const nowSeconds = () => Math.floor(Date.now() / 1000);
const asRecord = (headers: ReturnType<typeof signedHeaders>): Record<string, string> => ({ ...headers });
const secretOfBytes = (length: number) => WEBHOOK_SECRET_PREFIX + randomBytes(length).toString('base64');

describe('signing against the Standard Webhooks reference', () => {
  // The vector of the specification's own JavaScript library (libraries/javascript/src/webhook.test.ts, "sign function works").
  it('reproduces the reference signature', () => {
    expect(signWebhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('agrees with the reference library on any message', () => {
    const secret = generateWebhookSecret();
    const timestamp = 1_700_000_000;
    const body = '{"type":"message.created","data":{"text":"Grüße 👋"}}';
    expect(signWebhook(secret, 'msg_1', timestamp, body)).toBe(new Webhook(secret).sign('msg_1', new Date(timestamp * 1000), body));
  });

  it('produces headers the reference library verifies', () => {
    const secret = generateWebhookSecret();
    const body = JSON.stringify({ type: 'message.created', data: { id: 'm1', text: 'naïve café ✓' } });
    const headers = signedHeaders([secret], 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', nowSeconds(), body);

    expect(new Webhook(secret).verify(body, asRecord(headers))).toEqual(JSON.parse(body));
    expect(Object.keys(headers).sort()).toEqual(['webhook-id', 'webhook-signature', 'webhook-timestamp']);
    expect(headers['webhook-timestamp']).toMatch(/^\d+$/);
  });

  it('signs bytes exactly as it signs the same text', () => {
    const secret = generateWebhookSecret();
    const body = '{"text":"Ünïcödé ✓ 😀"}';
    const timestamp = nowSeconds();
    const fromBytes = signedHeaders([secret], 'msg_bytes', timestamp, Buffer.from(body, 'utf8'));
    expect(fromBytes).toEqual(signedHeaders([secret], 'msg_bytes', timestamp, body));
    expect(() => new Webhook(secret).verify(Buffer.from(body), asRecord(fromBytes))).not.toThrow();
  });

  it('is refused by the reference library when the body, id or timestamp was changed', () => {
    const secret = generateWebhookSecret();
    const timestamp = nowSeconds();
    const headers = asRecord(signedHeaders([secret], 'msg_a', timestamp, '{"n":1}'));
    const receiver = new Webhook(secret);

    expect(() => receiver.verify('{"n":2}', headers)).toThrow(WebhookVerificationError);
    expect(() => receiver.verify('{"n":1}', { ...headers, 'webhook-id': 'msg_b' })).toThrow(WebhookVerificationError);
    expect(() => receiver.verify('{"n":1}', { ...headers, 'webhook-timestamp': String(timestamp - 1) })).toThrow(WebhookVerificationError);
  });

  it('lets receivers holding either secret verify during a rotation, and no other', () => {
    const oldSecret = generateWebhookSecret();
    const newSecret = generateWebhookSecret(64);
    const body = '{"type":"ping"}';
    const headers = signedHeaders([newSecret, oldSecret], 'msg_rotation', nowSeconds(), body);

    const signatures = headers['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    for (const signature of signatures) expect(signature).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);

    expect(new Webhook(newSecret).verify(body, asRecord(headers))).toEqual({ type: 'ping' });
    expect(new Webhook(oldSecret).verify(body, asRecord(headers))).toEqual({ type: 'ping' });
    expect(() => new Webhook(generateWebhookSecret()).verify(body, asRecord(headers))).toThrow(WebhookVerificationError);
  });

  it('signs once per distinct secret, in the order given', () => {
    const [first, second] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signedHeaders([first, second, first], 'msg_x', 1, 'body');
    expect(headers['webhook-signature']).toBe(`${signWebhook(first, 'msg_x', 1, 'body')} ${signWebhook(second, 'msg_x', 1, 'body')}`);
  });

  it('refuses to send an unsigned webhook', () => {
    expect(() => signedHeaders([], 'msg_x', 1, 'body')).toThrow(RangeError);
  });

  it.each(['', 'msg.1', 'msg 1', 'msg,1', 'msg\r\nx-injected: 1', 'é', 'x'.repeat(256)])('refuses the message id %j', (messageId) => {
    expect(() => signWebhook(generateWebhookSecret(), messageId, 1, 'body')).toThrow(RangeError);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses the timestamp %p', (timestamp) => {
    expect(() => signWebhook(generateWebhookSecret(), 'msg_1', timestamp, 'body')).toThrow(RangeError);
  });
});

describe('webhook secrets', () => {
  it('generates whsec_ secrets of 32 random bytes by default, each different', () => {
    const secrets = new Set(Array.from({ length: 20 }, () => generateWebhookSecret()));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(parseWebhookSecret(secret)).toHaveLength(32);
    }
  });

  it.each([24, 48, 64])('generates secrets of %i bytes that parse back', (length) => {
    expect(parseWebhookSecret(generateWebhookSecret(length))).toHaveLength(length);
  });

  it.each([0, 16, 23, 65, 24.5])('refuses to generate a secret of %p bytes', (length) => {
    expect(() => generateWebhookSecret(length)).toThrow(RangeError);
  });

  it('reads the key bytes from the base64 after the prefix', () => {
    const key = randomBytes(40);
    expect(parseWebhookSecret(WEBHOOK_SECRET_PREFIX + key.toString('base64')).equals(key)).toBe(true);
  });

  it.each([
    ['no prefix', randomBytes(32).toString('base64'), 'MISSING_PREFIX'],
    ['another prefix', 'whsk_' + randomBytes(32).toString('base64'), 'MISSING_PREFIX'],
    ['nothing after the prefix', 'whsec_', 'NOT_BASE64'],
    ['base64url characters', 'whsec_' + randomBytes(33).toString('base64url').replace(/^./, '-'), 'NOT_BASE64'],
    ['padding left off', 'whsec_' + randomBytes(32).toString('base64').replace(/=+$/, ''), 'NOT_BASE64'],
    ['white space', 'whsec_ ' + randomBytes(32).toString('base64'), 'NOT_BASE64'],
    ['stray bits in the last character', 'whsec_' + 'A'.repeat(42) + 'B=', 'NOT_BASE64'],
    ['16 bytes', secretOfBytes(16), 'TOO_SHORT'],
    ['23 bytes', secretOfBytes(23), 'TOO_SHORT'],
    ['65 bytes', secretOfBytes(65), 'TOO_LONG'],
  ])('refuses a secret with %s', (_, secret, problem) => {
    let thrown: unknown;
    try {
      parseWebhookSecret(secret);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidWebhookSecretError);
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ problem, code: 'BAD_USER_INPUT', field: 'secret' });
    // A refusal may be logged or shown: it must not repeat the secret.
    if (secret.length > 12) expect((thrown as Error).message).not.toContain(secret.slice(6, 12));
  });

  it('refuses to sign with a malformed secret', () => {
    expect(() => signedHeaders(['whsec_short'], 'msg_1', 1, 'body')).toThrow(InvalidWebhookSecretError);
  });
});

describe('secrets that sign during a rotation', () => {
  const current = generateWebhookSecret();
  const previous = generateWebhookSecret();
  const signsUntil = new Date('2026-01-02T00:00:00Z');

  it('are the current and the previous one until the overlap ends', () => {
    expect(activeSigningSecrets({ current, previous: { secret: previous, signsUntil } }, new Date('2026-01-01T23:59:59Z'))).toEqual([current, previous]);
  });

  it('are the current one alone once it has ended', () => {
    expect(activeSigningSecrets({ current, previous: { secret: previous, signsUntil } }, signsUntil)).toEqual([current]);
    expect(activeSigningSecrets({ current }, signsUntil)).toEqual([current]);
  });
});
