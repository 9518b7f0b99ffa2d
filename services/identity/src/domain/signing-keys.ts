import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { UserCaller } from '@kz/auth';
import type { DataSource } from 'typeorm';
import { SigningKeyEntity } from '../entities/signing-key.entity';

const ALG = 'ES256';

interface ActiveKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  loadedAt: number;
  /** When a newer key takes over (set once a rotation is scheduled). */
  until: number;
}

/** Another instance (or the rotation command) may rotate keys; re-read the active one this often. */
const ACTIVE_KEY_REFRESH_MS = 30_000;

/**
 * Access-token signing keys. A new key is published in the JWKS at once but
 * signs only after `activationDelaySeconds`, longer than verifiers wait before
 * refetching a key set for an unknown `kid`; a retired key stays published for
 * twice the token lifetime, so no token in flight ever fails to verify.
 */
export class SigningKeys {
  private active: ActiveKey | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly ttlSeconds: number,
    private readonly activationDelaySeconds: number,
  ) {}

  async ensureActiveKey(): Promise<void> {
    const rows = (await this.dataSource.query(
      `SELECT kid, private_jwk, retired_at FROM signing_keys
        WHERE activates_at <= now() AND (retired_at IS NULL OR retired_at > now())
        ORDER BY activates_at DESC LIMIT 1`,
    )) as { kid: string; private_jwk: JWK; retired_at: Date | null }[];
    const row = rows[0];
    if (!row) {
      await this.createKey(0);
      return this.ensureActiveKey();
    }
    this.active = {
      kid: row.kid,
      privateKey: await importJWK(row.private_jwk, ALG),
      loadedAt: Date.now(),
      until: row.retired_at ? row.retired_at.getTime() : Number.POSITIVE_INFINITY,
    };
  }

  /** Schedules a new key: published now, signing after the activation delay, when the current keys retire. */
  async rotate(): Promise<SigningKeyEntity> {
    const row = await this.createKey(this.activationDelaySeconds);
    if (this.active) this.active.until = Math.min(this.active.until, row.activatesAt.getTime());
    return row;
  }

  private async createKey(delaySeconds: number): Promise<SigningKeyEntity> {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = randomUUID();
    return this.dataSource.transaction(async (m) => {
      const [{ at }] = (await m.query(`SELECT now() + make_interval(secs => $1) AS at`, [delaySeconds])) as [{ at: Date }];
      await m.query(`UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL`, [at]);
      const repo = m.getRepository(SigningKeyEntity);
      await repo.insert({
        kid,
        privateJwk: await exportJWK(privateKey),
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
        activatesAt: at,
        retiredAt: null,
      });
      return repo.findOneByOrFail({ kid });
    });
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const rows = (await this.dataSource.query(
      `SELECT public_jwk FROM signing_keys
        WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
        ORDER BY activates_at DESC`,
      [this.ttlSeconds * 2],
    )) as { public_jwk: JWK }[];
    return { keys: rows.map((r) => r.public_jwk) };
  }

  /** Identity verifies its own tokens against the same published key set, read fresh on each miss. */
  verificationKeys(): JWTVerifyGetKey {
    let cached: { set: JWTVerifyGetKey; kids: Set<string> } | undefined;
    return async (header, token) => {
      if (!cached || !header.kid || !cached.kids.has(header.kid)) {
        const jwks = await this.jwks();
        cached = { set: createLocalJWKSet(jwks), kids: new Set(jwks.keys.map((k) => k.kid ?? '')) };
      }
      return cached.set(header, token);
    };
  }

  async signAccessToken(userId: string, phone: string): Promise<string> {
    return this.sign({ kind: 'user', phone }, userId, this.ttlSeconds);
  }

  /** An import's access token: it acts for `uploader` in `orgId`'s bulk adds only (see ImportCaller). */
  async signImportToken(uploader: UserCaller, orgId: string, importId: string, ttlSeconds: number): Promise<string> {
    return this.sign({ kind: 'import', phone: uploader.phone, org: orgId, imp: importId }, uploader.userId, ttlSeconds);
  }

  /**
   * A signed statement that these people are registered with these numbers
   * and names, which lets the groups service add them before it hears of them
   * through events. Not an access token: no service accepts it as one.
   */
  async signDirectoryReceipt(people: readonly [string, string, string][], ttlSeconds: number): Promise<string> {
    return this.sign({ kind: 'directory-receipt', people }, 'identity', ttlSeconds);
  }

  async signConnectorToken(connectorId: string, orgId: string, permissions: readonly string[], ttlSeconds: number): Promise<string> {
    return this.sign({ kind: 'connector', org: orgId, perms: [...permissions] }, connectorId, ttlSeconds);
  }

  private async sign(claims: Record<string, unknown>, subject: string, ttlSeconds: number): Promise<string> {
    const now = Date.now();
    if (!this.active || now - this.active.loadedAt > ACTIVE_KEY_REFRESH_MS || now >= this.active.until) await this.ensureActiveKey();
    const key = this.active as ActiveKey;
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' })
      .setSubject(subject)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setJti(randomUUID())
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(key.privateKey);
  }
}
