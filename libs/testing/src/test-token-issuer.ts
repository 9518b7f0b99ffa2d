import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';

/**
 * Stands in for identity's token endpoint in a single service's integration
 * tests: real ES256 keys, a real JWKS over HTTP, real signed tokens.
 */
export class TestTokenIssuer {
  readonly issuer = 'kz-identity';
  readonly audience = 'kz-api';
  private server: Server | undefined;
  private key: { kid: string; privateKey: KeyLike; jwk: Record<string, unknown> } | undefined;

  async start(): Promise<string> {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = randomUUID();
    this.key = { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
    this.server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [this.key!.jwk] }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this.jwksUrl;
  }

  get jwksUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/.well-known/jwks.json`;
  }

  /** Environment variables that make a service trust this issuer. */
  env(): Record<string, string> {
    return { AUTH_JWKS_URL: this.jwksUrl, AUTH_ISSUER: this.issuer, AUTH_AUDIENCE: this.audience };
  }

  async token(userId: string, phone: string, ttlSeconds = 300): Promise<string> {
    return new SignJWT({ kind: 'user', phone })
      .setProtectedHeader({ alg: 'ES256', kid: this.key!.kid })
      .setSubject(userId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key!.privateKey);
  }

  /** A partner connector's token for one organisation, with the permissions identity would have granted it. */
  async connectorToken(connectorId: string, orgId: string, permissions: readonly string[], ttlSeconds = 300): Promise<string> {
    return new SignJWT({ kind: 'connector', org: orgId, perms: [...permissions] })
      .setProtectedHeader({ alg: 'ES256', kid: this.key!.kid })
      .setSubject(connectorId)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key!.privateKey);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
