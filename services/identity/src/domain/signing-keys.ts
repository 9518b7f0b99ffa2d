import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { IsNull, type DataSource } from 'typeorm';
import { SigningKeyEntity } from '../entities/signing-key.entity';

const ALG = 'ES256';

interface ActiveKey {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  loadedAt: number;
}

/** Another instance (or the rotation command) may rotate keys; re-read the active one this often. */
const ACTIVE_KEY_REFRESH_MS = 30_000;

/**
 * Access-token signing keys. The newest unretired key signs; every key not yet
 * past its retirement grace period is published in the JWKS, so rotating keys
 * never invalidates a token in flight.
 */
export class SigningKeys {
  private active: ActiveKey | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly issuer: string,
    private readonly audience: string,
    private readonly ttlSeconds: number,
  ) {}

  async ensureActiveKey(): Promise<void> {
    const repo = this.dataSource.getRepository(SigningKeyEntity);
    let row = await repo.findOne({ where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' } });
    if (!row) row = await this.rotate();
    this.active = { kid: row.kid, privateKey: await importJWK(row.privateJwk, ALG), loadedAt: Date.now() };
  }

  /** Creates a new signing key and retires the previous ones. */
  async rotate(): Promise<SigningKeyEntity> {
    const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
    const kid = randomUUID();
    const row = await this.dataSource.transaction(async (m) => {
      await m.getRepository(SigningKeyEntity).update({ retiredAt: IsNull() }, { retiredAt: new Date() });
      const entity = m.getRepository(SigningKeyEntity).create({
        kid,
        privateJwk: await exportJWK(privateKey),
        publicJwk: { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' },
        retiredAt: null,
      });
      return m.getRepository(SigningKeyEntity).save(entity);
    });
    this.active = { kid, privateKey, loadedAt: Date.now() };
    return row;
  }

  async jwks(): Promise<{ keys: JWK[] }> {
    const rows = (await this.dataSource.query(
      `SELECT public_jwk FROM signing_keys
        WHERE retired_at IS NULL OR retired_at > now() - make_interval(secs => $1)
        ORDER BY created_at DESC`,
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

  async signConnectorToken(connectorId: string, orgId: string, permissions: readonly string[], ttlSeconds: number): Promise<string> {
    return this.sign({ kind: 'connector', org: orgId, perms: [...permissions] }, connectorId, ttlSeconds);
  }

  private async sign(claims: Record<string, unknown>, subject: string, ttlSeconds: number): Promise<string> {
    if (!this.active || Date.now() - this.active.loadedAt > ACTIVE_KEY_REFRESH_MS) await this.ensureActiveKey();
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
