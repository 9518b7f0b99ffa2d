import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '@kz/errors';
import { CONNECTOR_PERMISSIONS, type Caller, type ConnectorPermission } from './caller';

export interface TokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Injected key set, for the identity service that holds the keys itself. */
  keySet?: JWTVerifyGetKey;
  /** Take imports' tokens (identity and groups, whose bulk adds imports make); refused as invalid everywhere else. */
  acceptImportTokens?: boolean;
}

const ALGORITHMS = ['ES256'];

/** A person identity vouches for: this id is registered with this number and name. */
export interface VouchedPerson {
  userId: string;
  phone: string;
  displayName: string;
}

const isPersonTuple = (value: unknown): value is [string, string, string] =>
  Array.isArray(value) && value.length === 3 && value.every((v) => typeof v === 'string');
/** Verified tokens remembered, so a client's every request does not pay for an ECDSA check. */
const CACHE_SIZE = 10_000;
const INVALID = 'The access token is invalid or expired; sign in again.';

/**
 * Verifies access tokens against identity's published JWKS. Keys are cached
 * and refetched when a token names an unknown `kid`, so key rotation needs no
 * restart. Only ES256 is accepted: `alg: none` and HMAC confusion are refused.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;
  private readonly verified = new Map<string, { caller: Exclude<Caller, { kind: 'anonymous' }>; expiresAt: number }>();

  constructor(private readonly opts: TokenVerifierOptions) {
    // A key set is refetched for an unknown kid at most every 5 s; identity publishes a
    // rotated-in key longer than that before signing with it (SIGNING_KEY_ACTIVATION_DELAY_SECONDS).
    this.keys = opts.keySet ?? createRemoteJWKSet(new URL(opts.jwksUrl), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 3_000 });
  }

  async verify(token: string): Promise<Exclude<Caller, { kind: 'anonymous' }>> {
    const known = this.verified.get(token);
    if (known && known.expiresAt > Date.now()) return known.caller;
    if (known) this.verified.delete(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.opts.issuer,
        audience: this.opts.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch {
      throw new DomainError('UNAUTHENTICATED', INVALID);
    }
    const caller = callerOf(payload);
    if (!caller || (caller.kind === 'import' && !this.opts.acceptImportTokens)) throw new DomainError('UNAUTHENTICATED', INVALID);
    // A token stays valid exactly as long as its own expiry says; nothing is extended.
    if (this.verified.size >= CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { caller, expiresAt: (payload.exp as number) * 1000 });
    return caller;
  }

  /**
   * The people a directory receipt names (identity signed them as registered);
   * null for a receipt that is not one, forged or expired. A receipt is never
   * an access token: its kind makes verify() refuse it.
   */
  async directoryReceipt(token: string): Promise<VouchedPerson[] | null> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.opts.issuer,
        audience: this.opts.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['exp', 'iat'],
      });
      if (payload.kind !== 'directory-receipt' || !Array.isArray(payload.people)) return null;
      return (payload.people as unknown[]).filter(isPersonTuple).map(([userId, phone, displayName]) => ({ userId, phone, displayName }));
    } catch {
      return null;
    }
  }

  /** A missing token makes an anonymous caller; a present but bad one is refused. */
  async callerFrom(token: string | null): Promise<Caller> {
    if (!token) return { kind: 'anonymous' };
    return this.verify(token);
  }
}

function callerOf(payload: JWTPayload): Exclude<Caller, { kind: 'anonymous' }> | null {
  const sub = payload.sub;
  if (typeof sub !== 'string') return null;
  if (payload.kind === 'user' && typeof payload.phone === 'string') return { kind: 'user', userId: sub, phone: payload.phone };
  if (payload.kind === 'connector' && typeof payload.org === 'string' && Array.isArray(payload.perms)) {
    const known = new Set<string>(CONNECTOR_PERMISSIONS);
    if (!payload.perms.every((p): p is ConnectorPermission => typeof p === 'string' && known.has(p))) return null;
    return { kind: 'connector', connectorId: sub, orgId: payload.org, permissions: payload.perms };
  }
  if (payload.kind === 'import' && typeof payload.phone === 'string' && typeof payload.org === 'string' && typeof payload.imp === 'string') {
    return { kind: 'import', userId: sub, phone: payload.phone, orgId: payload.org, importId: payload.imp };
  }
  return null;
}
