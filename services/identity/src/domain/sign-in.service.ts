import { DomainError, badInput } from '@kz/errors';
import { createEvent, type Outbox } from '@kz/events';
import { uuidv7 } from '@kz/db';
import type { DataSource } from 'typeorm';
import { SignInCodeEntity } from '../entities/sign-in-code.entity';
import { UserEntity } from '../entities/user.entity';
import {
  CODE_MAX_ATTEMPTS,
  CODE_RESEND_COOLDOWN_SECONDS,
  CODE_TTL_SECONDS,
  codeMatches,
  generateCode,
  hashCode,
} from './one-time-code';
import type { SigningKeys } from './signing-keys';
import type { SmsSender } from './sms-sender';

const WRONG_CODE = 'The code is wrong or has expired; request a new one.';

export interface SignInResult {
  accessToken: string;
  expiresInSeconds: number;
  user: UserEntity;
}

export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly sms: SmsSender,
    private readonly keys: SigningKeys,
    private readonly pepper: string,
    private readonly tokenTtlSeconds: number,
  ) {}

  /**
   * Sends a fresh code unless one was sent within the cool-down. The answer is
   * the same for registered and unregistered numbers.
   */
  async requestCode(phone: string, now = new Date()): Promise<{ retryAfterSeconds: number; expiresInSeconds: number }> {
    const repo = this.dataSource.getRepository(SignInCodeEntity);
    const existing = await repo.findOneBy({ phone });
    if (existing) {
      const wait = CODE_RESEND_COOLDOWN_SECONDS - Math.floor((now.getTime() - existing.sentAt.getTime()) / 1000);
      if (wait > 0) {
        throw new DomainError('RATE_LIMITED', `A code was just sent to this number; request another in ${wait} seconds.`);
      }
    }
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
    await this.sms.send(phone, `Your sign-in code is ${code}. It expires in ${CODE_TTL_SECONDS / 60} minutes.`);
    return { retryAfterSeconds: CODE_RESEND_COOLDOWN_SECONDS, expiresInSeconds: CODE_TTL_SECONDS };
  }

  async signIn(phone: string, code: string, displayName: string | null, now = new Date()): Promise<SignInResult> {
    if (!/^\d{6}$/.test(code.trim())) throw badInput('code', 'The code is the 6 digits sent by text message.');
    const name = displayName?.trim() ?? '';
    if (name.length > 100) throw badInput('displayName', 'The display name can be at most 100 characters.');
    const user = await this.outbox.transaction(async (m, emit) => {
      const codes = m.getRepository(SignInCodeEntity);
      const row = await codes.createQueryBuilder('c').setLock('pessimistic_write').where('c.phone = :phone', { phone }).getOne();
      if (!row || row.expiresAt <= now || row.attempts >= CODE_MAX_ATTEMPTS) return null;
      if (!codeMatches(this.pepper, phone, code.trim(), row.codeHash)) {
        await codes.update({ phone }, { attempts: row.attempts + 1 });
        return null;
      }
      await codes.delete({ phone });
      const users = m.getRepository(UserEntity);
      const found = await users.findOneBy({ phone });
      if (found) return found;
      const created = users.create({ id: uuidv7(), phone, displayName: name || phone.slice(0, 3) + '…' + phone.slice(-2) });
      await users.insert(created);
      emit(
        createEvent('identity.user.registered', {
          key: created.id,
          orgId: null,
          payload: { userId: created.id, phone, displayName: created.displayName },
        }),
      );
      return users.findOneByOrFail({ id: created.id });
    });
    if (!user) throw new DomainError('UNAUTHENTICATED', WRONG_CODE);
    return {
      accessToken: await this.keys.signAccessToken(user.id, user.phone),
      expiresInSeconds: this.tokenTtlSeconds,
      user,
    };
  }
}
