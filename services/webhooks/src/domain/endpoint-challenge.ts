import { randomBytes } from 'node:crypto';
import { badInput } from '@kz/errors';
import { signedHeaders, type CheckedDestination } from '@kz/webhooks';
import type { PostJson } from './webhook-transport';

/**
 * Proves an endpoint is its registrant's: a signed POST `{"type": "webhook.validation", "challenge": "…"}` that the
 * endpoint must answer with 2xx and the challenge, as plain text or as `{"challenge": "…"}`, within the time allowed
 * (Slack's url_verification works the same way).
 */
export class EndpointChallenge {
  constructor(
    private readonly postJson: PostJson,
    private readonly timeoutMs: number,
  ) {}

  async prove(destination: CheckedDestination, secret: string): Promise<void> {
    const challenge = randomBytes(24).toString('base64url');
    const body = JSON.stringify({ type: 'webhook.validation', challenge });
    const headers = signedHeaders([secret], `validation_${challenge}`, Math.floor(Date.now() / 1000), body);
    const outcome = await this.postJson(destination, body, { ...headers }, { timeoutMs: this.timeoutMs, excerptBytes: 1024 });
    const seconds = `${Math.round(this.timeoutMs / 100) / 10} seconds`;
    if (outcome.failure?.kind === 'timeout') {
      throw badInput('url', `Your endpoint did not answer the validation request within ${seconds}; it must answer at once with the challenge it was sent.`);
    }
    if (outcome.status === null) {
      throw badInput(
        'url',
        `Your endpoint could not be reached for the validation request (${outcome.error ?? 'no answer'}); check the URL and that it accepts connections.`,
      );
    }
    if (outcome.failure) {
      throw badInput(
        'url',
        `Your endpoint answered the validation request with HTTP ${outcome.status}; it must answer 200 (or another 2xx) with the challenge it was sent.`,
      );
    }
    if (!echoes(outcome.excerpt, challenge)) {
      throw badInput(
        'url',
        'Your endpoint answered the validation request without its challenge: answer with the "challenge" value of the request body, as plain text or as {"challenge": "…"}.',
      );
    }
  }
}

function echoes(answer: string, challenge: string): boolean {
  const text = answer.trim();
  if (text === challenge) return true;
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && (parsed as { challenge?: unknown }).challenge === challenge;
  } catch {
    return false;
  }
}
