import { DomainError, badInput } from '@kz/errors';
import { auditActor, auditEvent, createEvent, type EmitEvents, type Outbox } from '@kz/events';
import { uuidv7 } from '@kz/db';
import type { DataSource, EntityManager } from 'typeorm';
import { SignInCodeEntity } from '../entities/sign-in-code.entity';
import { UserEntity } from '../entities/user.entity';
import { CODE_MAX_ATTEMPTS, CODE_RESEND_COOLDOWN_SECONDS, CODE_TTL_SECONDS, codeMatches, generateCode, hashCode } from './one-time-code';
import type { RateLimiter, RateLimit } from './rate-limiter';
import type { SessionsService } from './sessions.service';
import type { SigningKeys } from './signing-keys';
import type { SmsSender } from './sms-sender';

const WRONG_CODE = 'The code is wrong or has expired; request a new one.';

export interface SignInLimits {
  codesPerPhone: RateLimit;
  codesPerAddress: RateLimit;
  attemptsPerAddress: RateLimit;
}

/** Per number: a few codes an hour. Per address: generous, since a whole office may share one. */
export function signInLimits(codesPerAddress: number, attemptsPerAddress: number): SignInLimits {
  return {
    codesPerPhone: { name: 'code-request:phone', max: 5, windowSeconds: 3600, message: 'Too many codes were requested for this number.' },
    codesPerAddress: { name: 'code-request:address', max: codesPerAddress, windowSeconds: 600, message: 'Too many codes were requested from this address.' },
    attemptsPerAddress: { name: 'sign-in:address', max: attemptsPerAddress, windowSeconds: 600, message: 'Too many sign-in attempts from this address.' },
  };
}

export interface SignInResult {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
  user: UserEntity;
}

/** An admin's sign-in is an entry in the log of each organisation they administer. */
async function auditAdminSignIn(m: EntityManager, emit: EmitEvents, userId: string, name: string): Promise<void> {
  const administered = (await m.query(`SELECT org_id FROM organization_members WHERE user_id = $1 AND role = 'ADMIN'`, [userId])) as { org_id: string }[];
  emit(
    administered.map(({ org_id }) =>
      auditEvent({ orgId: org_id, action: 'admin.signed-in', actor: auditActor({ kind: 'user', userId }), target: { type: 'person', id: userId, name } }),
    ),
  );
}

export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly sms: SmsSender,
    private readonly keys: SigningKeys,
    private readonly sessions: SessionsService,
    private readonly limiter: RateLimiter,
    private readonly limits: SignInLimits,
    private readonly pepper: string,
    private readonly tokenTtlSeconds: number,
  ) {}

  /**
   * Sends a fresh code unless one was sent within the cool-down. The answer is
   * the same for registered and unregistered numbers.
   */
  async requestCode(phone: string, clientAddress: string, now = new Date()): Promise<{ retryAfterSeconds: number; expiresInSeconds: number }> {
    await this.limiter.hit(this.limits.codesPerAddress, clientAddress, now);
    const repo = this.dataSource.getRepository(SignInCodeEntity);
    const existing = await repo.findOneBy({ phone });
    if (existing) {
      const wait = CODE_RESEND_COOLDOWN_SECONDS - Math.floor((now.getTime() - existing.sentAt.getTime()) / 1000);
      if (wait > 0) {
        throw new DomainError('RATE_LIMITED', `A code was just sent to this number; request another in ${wait} seconds.`);
      }
    }
    await this.limiter.hit(this.limits.codesPerPhone, phone, now);
    const code = generateCode();
    await repo.upsert(
      {
        phone,
        codeHash: hashCode(this.pepper, phone, code),
        expiresAt: new Date(now.getTime() + CODE_TTL_SECONDS * 1000),
        sentAt: now,
        attempts: 0,
      },
      ['phone'],
    );
    try {
      await this.sms.send(phone, `Your sign-in code is ${code}. It expires in ${CODE_TTL_SECONDS / 60} minutes.`);
    } catch {
      // An unsent code must not hold the number in its cool-down.
      await repo.delete({ phone });
      throw new DomainError('UNAVAILABLE', 'We could not send the text message just now; please try again in a minute.');
    }
    return { retryAfterSeconds: CODE_RESEND_COOLDOWN_SECONDS, expiresInSeconds: CODE_TTL_SECONDS };
  }

  async signIn(phone: string, code: string, displayName: string | null, clientAddress: string, now = new Date()): Promise<SignInResult> {
    if (!/^\d{6}$/.test(code.trim())) throw badInput('code', 'The code is the 6 digits sent by text message.');
    await this.limiter.hit(this.limits.attemptsPerAddress, clientAddress, now);
    const name = displayName?.trim() ?? '';
    if (name.length > 100) throw badInput('displayName', 'The display name can be at most 100 characters.');
    const signedIn = await this.outbox.transaction(async (m, emit) => {
      const codes = m.getRepository(SignInCodeEntity);
      const row = await codes.createQueryBuilder('c').setLock('pessimistic_write').where('c.phone = :phone', { phone }).getOne();
      if (!row || row.expiresAt <= now || row.attempts >= CODE_MAX_ATTEMPTS) return null;
      if (!codeMatches(this.pepper, phone, code.trim(), row.codeHash)) {
        await codes.update({ phone }, { attempts: row.attempts + 1 });
        return null;
      }
      await codes.delete({ phone });
      const users = m.getRepository(UserEntity);
      let user = await users.findOneBy({ phone });
      if (user && !user.signedUpAt) {
        // Added to a directory by an admin: this is their first sign-in.
        await users.update({ id: user.id }, { signedUpAt: now });
      }
      if (!user) {
        const created = users.create({ id: uuidv7(), phone, displayName: name || defaultName(phone), signedUpAt: now });
        await users.insert(created);
        emit(
          createEvent('identity.user.registered', {
            key: created.id,
            orgId: null,
            payload: { userId: created.id, phone, displayName: created.displayName },
          }),
        );
      }
      user = await users.findOneByOrFail({ phone });
      await auditAdminSignIn(m, emit, user.id, user.displayName);
      return { user, refreshToken: await this.sessions.start(m, user.id, now) };
    });
    if (!signedIn) throw new DomainError('UNAUTHENTICATED', WRONG_CODE);
    return { ...(await this.accessFor(signedIn.user)), refreshToken: signedIn.refreshToken, user: signedIn.user };
  }

  /** A new access token and rotated refresh token for a refresh token. */
  async refresh(refreshToken: string): Promise<SignInResult> {
    const { userId, refreshToken: next } = await this.sessions.rotate(refreshToken);
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId });
    return { ...(await this.accessFor(user)), refreshToken: next, user };
  }

  private async accessFor(user: UserEntity): Promise<{ accessToken: string; expiresInSeconds: number }> {
    return { accessToken: await this.keys.signAccessToken(user.id, user.phone), expiresInSeconds: this.tokenTtlSeconds };
  }
}

/** +14155550123 → "+14…23": a placeholder name that does not expose the number. */
export function defaultName(phone: string): string {
  return `${phone.slice(0, 3)}…${phone.slice(-2)}`;
}
