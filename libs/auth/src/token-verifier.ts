import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '@kz/errors';
import type { Caller } from './caller';

export interface AccessClaims {
  sub: string;
  phone: string;
}

export interface TokenVerifierOptions {
  jwksUrl: string;
  issuer: string;
  audience: string;
  /** Injected key set, for the identity service that holds the keys itself. */
  keySet?: JWTVerifyGetKey;
}

const ALGORITHMS = ['ES256'];

/**
 * Verifies access tokens against identity's published JWKS. Keys are cached
 * and refetched when a token names an unknown `kid`, so key rotation needs no
 * restart. Only ES256 is accepted: `alg: none` and HMAC confusion are refused.
 */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(private readonly opts: TokenVerifierOptions) {
    this.keys =
      opts.keySet ??
      createRemoteJWKSet(new URL(opts.jwksUrl), { cooldownDuration: 5_000, cacheMaxAge: 10 * 60_000, timeoutDuration: 3_000 });
  }

  async verify(token: string): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.opts.issuer,
        audience: this.opts.audience,
        algorithms: ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.phone !== 'string') throw new Error('missing claims');
      return { sub: payload.sub, phone: payload.phone };
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or expired; sign in again.');
    }
  }

  /** A missing token makes an anonymous caller; a present but bad one is refused. */
  async callerFrom(token: string | null): Promise<Caller> {
    if (!token) return { kind: 'anonymous' };
    const claims = await this.verify(token);
    return { kind: 'user', userId: claims.sub, phone: claims.phone };
  }
}
