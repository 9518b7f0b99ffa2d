import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A delivery as a partner's endpoint received it, and what the specification's own library made of its signature. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly id: string;
  readonly body: { type: string; redelivery: boolean; groupId: string | null; organizationId: string; data: Record<string, unknown> };
  readonly signature: string;
  /** Secrets (of those the test gave) that verify the delivery with the `standardwebhooks` package. */
  readonly verifiedWith: string[];
}

/** What an endpoint of the receiver answers a delivery: a status, maybe a Retry-After, or no answer at all. */
export type Answer = { status: number; retryAfter?: string; body?: string } | 'hang';

/**
 * A partner's HTTP endpoint on this machine: one path per endpoint, each answering validation challenges (unless
 * told not to) and deliveries as scripted, recording every delivery it got.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  /** Secrets to verify each path's deliveries with, set once registration showed them. */
  readonly secrets = new Map<string, string[]>();
  private readonly scripts = new Map<string, Answer[]>();
  private readonly challenges = new Map<string, 'echo' | 'json' | 'wrong' | 'hang' | 404>();
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}${path}`;
  }

  /** How the path answers validation challenges: echo (plain text, the default), json, wrong, hang or 404. */
  answerChallenges(path: string, how: 'echo' | 'json' | 'wrong' | 'hang' | 404): void {
    this.challenges.set(path, how);
  }

  /** The answers to the path's next deliveries, in turn; after them, 200. */
  script(path: string, ...answers: Answer[]): void {
    this.scripts.set(path, answers);
  }

  at(path: string): ReceivedWebhook[] {
    return this.received.filter((r) => r.path === path);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '/';
    const body = JSON.parse(raw) as { type: string; challenge?: string };
    if (body.type === 'webhook.validation') return this.answerChallenge(path, body.challenge ?? '', res);
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const verifiedWith = (this.secrets.get(path) ?? []).filter((secret) => {
      try {
        new Webhook(secret).verify(raw, headers);
        return true;
      } catch {
        return false;
      }
    });
    this.received.push({ path, id: headers['webhook-id']!, body: JSON.parse(raw), signature: headers['webhook-signature']!, verifiedWith });
    const answer = this.scripts.get(path)?.shift() ?? { status: 200 };
    if (answer === 'hang') return void this.hanging.add(res);
    res.writeHead(answer.status, answer.retryAfter ? { 'retry-after': answer.retryAfter } : {});
    res.end(answer.body ?? 'ok');
  }

  private answerChallenge(path: string, challenge: string, res: ServerResponse): void {
    const how = this.challenges.get(path) ?? 'echo';
    if (how === 'hang') return void this.hanging.add(res);
    if (how === 404) return void res.writeHead(404).end('no such hook');
    if (how === 'json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ challenge }));
    res.writeHead(200, { 'content-type': 'text/plain' }).end(how === 'wrong' ? 'hello' : challenge);
  }

  async stop(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
