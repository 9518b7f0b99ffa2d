import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { RateLimit, RateLimiter } from './rate-limiter';
import type { SmsSender } from './sms-sender';

/** Numbers added to a group before they signed up, as the groups service announces them. */
export interface PhoneInvitation {
  groupId: string;
  groupName: string;
  invitedBy: string;
  phones: readonly string[];
}

/** Invitation texts one number may receive in a day, however many groups add it: more would be spam. */
export const INVITATION_TEXTS_PER_PHONE: RateLimit = {
  name: 'invitation-text:phone',
  max: 10,
  windowSeconds: 86_400,
  message: 'Too many invitations were texted to this number today.',
};

const INVITER_MAX = 40;
const GROUP_MAX = 60;

function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The text a number receives when it is added to a group before signing up. Its pending membership turns active
 * when it signs up, so the link leads to sign-in and from there to the group's conversation.
 */
export function invitationText(opts: { inviterName: string | null; groupName: string; groupId: string; appUrl: string }): string {
  const inviter = opts.inviterName?.trim() ? shorten(opts.inviterName, INVITER_MAX) : 'Someone';
  const group = shorten(opts.groupName, GROUP_MAX) || 'a group';
  const link = `${opts.appUrl.replace(/\/+$/, '')}/sign-in?next=/chat/${opts.groupId}`;
  return `${inviter} added you to ${group} on Work chat. Sign in with this number to join: ${link}`;
}

/**
 * Queues one text per (group, number) in the consumer's transaction, one statement for the whole batch: an
 * announcement delivered twice, or a number invited to the same group again, queues nothing more.
 */
export async function queueInvitationTexts(m: EntityManager, invitation: PhoneInvitation, appUrl: string): Promise<number> {
  const [inviter] = (await m.query(`SELECT display_name FROM users WHERE id = $1`, [invitation.invitedBy])) as { display_name: string }[];
  const body = invitationText({ inviterName: inviter?.display_name ?? null, groupName: invitation.groupName, groupId: invitation.groupId, appUrl });
  const queued = (await m.query(
    `INSERT INTO invitation_texts (group_id, phone, body) SELECT $1, p, $3 FROM unnest($2::text[]) AS p
     ON CONFLICT DO NOTHING RETURNING phone`,
    [invitation.groupId, [...new Set(invitation.phones)].sort(), body],
  )) as unknown[];
  return queued.length;
}

export interface InvitationTextSenderOptions {
  /** Texts claimed at a time. */
  batchSize?: number;
  /** Texts handed to the provider at once. */
  concurrency?: number;
  /** How long an idle sender waits before looking for due texts again. */
  idleMs?: number;
  /** Attempts before a text that keeps failing is given up. */
  maxAttempts?: number;
}

interface Claimed {
  group_id: string;
  phone: string;
  body: string;
  attempts: number;
}

/**
 * Sends queued invitation texts in the background. Each instance claims a batch for a while (others skip it), so
 * several instances share the work and a crashed one's claim runs out and is taken again. Numbers that have signed
 * up since are skipped (they are members already), and so are numbers past their daily invitation limit; a text
 * the provider refuses is tried again later, a few times.
 */
export class InvitationTextSender {
  private readonly batchSize: number;
  private readonly concurrency: number;
  private readonly idleMs: number;
  private readonly maxAttempts: number;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly sms: SmsSender,
    private readonly limiter: RateLimiter,
    private readonly logger: Logger,
    opts: InvitationTextSenderOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 200;
    this.concurrency = opts.concurrency ?? 8;
    this.idleMs = opts.idleMs ?? 1_000;
    this.maxAttempts = opts.maxAttempts ?? 5;
  }

  start(): void {
    this.stopping = false;
    this.running ??= this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /** Sends what is due now, one batch; answers how many texts it claimed. */
  async sendDue(now = new Date()): Promise<number> {
    const claimed = (await this.dataSource.query(
      `UPDATE invitation_texts t SET due_at = $2::timestamptz + interval '5 minutes', attempts = t.attempts + 1
       FROM (SELECT group_id, phone FROM invitation_texts WHERE state = 'QUEUED' AND due_at <= $2
             ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED) due
       WHERE t.group_id = due.group_id AND t.phone = due.phone
       RETURNING t.group_id, t.phone, t.body, t.attempts`,
      [this.batchSize, now],
    )) as [Claimed[], number];
    const rows = claimed[0];
    if (rows.length === 0) return 0;
    const signedUp = new Set(
      (
        (await this.dataSource.query(`SELECT phone FROM users WHERE phone = ANY($1::text[]) AND signed_up_at IS NOT NULL`, [rows.map((r) => r.phone)])) as {
          phone: string;
        }[]
      ).map((r) => r.phone),
    );
    await this.settle(
      rows.filter((r) => signedUp.has(r.phone)),
      'SKIPPED',
      'signed up before the text was sent',
    );
    const candidates = rows.filter((r) => !signedUp.has(r.phone));
    // A text counts against its number's limit once, on its first attempt; a retry was counted then.
    const firstTries = candidates.filter((r) => r.attempts === 1);
    const allowed = await this.limiter.hitEach(
      INVITATION_TEXTS_PER_PHONE,
      firstTries.map((r) => r.phone),
      now,
    );
    const overLimit = new Set(
      firstTries.filter((r) => {
        const left = allowed.get(r.phone) ?? 0;
        allowed.set(r.phone, left - 1);
        return left <= 0;
      }),
    );
    await this.settle([...overLimit], 'SKIPPED', INVITATION_TEXTS_PER_PHONE.message);
    const toSend = candidates.filter((r) => !overLimit.has(r));
    const sent: Claimed[] = [];
    const failed: Claimed[] = [];
    let i = 0;
    // Stopping ends the batch early: what was not handed to the provider yet is given back at once.
    for (; i < toSend.length && !this.stopping; i += this.concurrency) {
      const slice = toSend.slice(i, i + this.concurrency);
      const results = await Promise.allSettled(slice.map((r) => this.sms.send(r.phone, r.body, 'invitation')));
      results.forEach((result, j) => (result.status === 'fulfilled' ? sent : failed).push(slice[j]!));
    }
    await this.settle(sent, 'SENT', null);
    await this.retryLater(failed);
    await this.giveBack(toSend.slice(i));
    return rows.length;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let claimed = 0;
      try {
        claimed = await this.sendDue();
      } catch (err) {
        this.logger.warn({ err }, 'sending invitation texts failed; trying again shortly');
      }
      if (claimed < this.batchSize && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.idleMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }

  private async settle(rows: readonly Claimed[], state: 'SENT' | 'SKIPPED', reason: string | null): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.query(
      `UPDATE invitation_texts t SET state = $3, reason = $4, sent_at = CASE WHEN $3 = 'SENT' THEN now() END
       FROM unnest($1::uuid[], $2::text[]) AS s(group_id, phone) WHERE t.group_id = s.group_id AND t.phone = s.phone`,
      [rows.map((r) => r.group_id), rows.map((r) => r.phone), state, reason],
    );
  }

  private async giveBack(rows: readonly Claimed[]): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.query(
      `UPDATE invitation_texts t SET due_at = now()
       FROM unnest($1::uuid[], $2::text[]) AS s(group_id, phone) WHERE t.group_id = s.group_id AND t.phone = s.phone`,
      [rows.map((r) => r.group_id), rows.map((r) => r.phone)],
    );
  }

  /** A refused text waits longer after each attempt (30 s, 1 min, 2 min, ...), and is given up after the last. */
  private async retryLater(rows: readonly Claimed[]): Promise<void> {
    if (rows.length === 0) return;
    this.logger.warn({ texts: rows.length }, 'the SMS provider refused invitation texts; they are tried again later');
    await this.dataSource.query(
      `UPDATE invitation_texts t
       SET state = CASE WHEN t.attempts >= $3 THEN 'FAILED' ELSE 'QUEUED' END,
           reason = CASE WHEN t.attempts >= $3 THEN 'the SMS provider refused it in every attempt' END,
           due_at = now() + interval '15 seconds' * power(2, t.attempts)
       FROM unnest($1::uuid[], $2::text[]) AS s(group_id, phone) WHERE t.group_id = s.group_id AND t.phone = s.phone`,
      [rows.map((r) => r.group_id), rows.map((r) => r.phone), this.maxAttempts],
    );
  }
}
