import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '@kz/errors';
import { uuidv7 } from '@kz/db';
import type { DataSource, EntityManager } from 'typeorm';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

const REUSED = 'This refresh token was already used, so it may have been stolen: every session that came from it is now signed out. Sign in again.';
const INVALID = 'The refresh token is invalid, expired or signed out; sign in again.';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Refresh tokens: stored only as hashes, rotated on every use. Presenting a
 * token that was already rotated revokes its whole family, since only a copy
 * could do that.
 */
export class SessionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Starts a new family at sign-in; returns the token to give the client. */
  async start(m: EntityManager, userId: string, now = new Date()): Promise<string> {
    return this.issue(m, userId, uuidv7(), now);
  }

  /** Exchanges a refresh token for its successor. */
  async rotate(token: string, now = new Date()): Promise<{ userId: string; refreshToken: string }> {
    type Outcome = { ok: true; userId: string; refreshToken: string } | { ok: false; error: string };
    const outcome = await this.dataSource.transaction(async (m): Promise<Outcome> => {
      const repo = m.getRepository(RefreshTokenEntity);
      const row = await repo
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashToken(token) })
        .getOne();
      if (!row || row.revokedAt || row.expiresAt <= now) return { ok: false, error: INVALID };
      if (row.usedAt) {
        await this.revokeFamily(m, row.familyId, now);
        return { ok: false, error: REUSED };
      }
      await repo.update({ id: row.id }, { usedAt: now });
      return { ok: true, userId: row.userId, refreshToken: await this.issue(m, row.userId, row.familyId, now) };
    });
    if (!outcome.ok) throw new DomainError('UNAUTHENTICATED', outcome.error);
    return { userId: outcome.userId, refreshToken: outcome.refreshToken };
  }

  /** Signs out the session of `token`, or every session of its user. */
  async signOut(userId: string, token: string | null, everywhere: boolean, now = new Date()): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (everywhere) {
        await m.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL`, [userId, now]);
        return;
      }
      if (!token) throw new DomainError('BAD_USER_INPUT', 'Give the refresh token of the session to sign out, or everywhere: true.', 'refreshToken');
      const row = await m.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hashToken(token) });
      if (!row || row.userId !== userId) throw new DomainError('BAD_USER_INPUT', 'That refresh token is not one of your sessions.', 'refreshToken');
      await this.revokeFamily(m, row.familyId, now);
    });
  }

  private async issue(m: EntityManager, userId: string, familyId: string, now: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await m.getRepository(RefreshTokenEntity).insert({
      id: uuidv7(),
      familyId,
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000),
      usedAt: null,
      revokedAt: null,
    });
    return token;
  }

  private async revokeFamily(m: EntityManager, familyId: string, now: Date): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL`, [familyId, now]);
  }
}
