import { exportJWK, generateKeyPair, SignJWT, createLocalJWKSet } from 'jose';
import { actingUploader, requireUser } from './caller';
import { TokenVerifier } from './token-verifier';

async function setup(opts: { acceptImportTokens?: boolean } = {}) {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
  const verifier = new TokenVerifier({
    jwksUrl: 'http://unused',
    issuer: 'kz-identity',
    audience: 'kz-api',
    keySet: createLocalJWKSet({ keys: [jwk] }),
    ...opts,
  });
  const sign = (claims: Record<string, unknown>, exp: number | string = '5m', aud = 'kz-api') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject('u1')
      .setIssuer('kz-identity')
      .setAudience(aud)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(privateKey);
  return { verifier, sign };
}

describe('TokenVerifier', () => {
  it('accepts user and connector tokens and refuses wrong audiences and unknown kinds', async () => {
    const { verifier, sign } = await setup();
    expect(await verifier.verify(await sign({ kind: 'user', phone: '+14155550100' }))).toEqual({ kind: 'user', userId: 'u1', phone: '+14155550100' });
    expect(await verifier.verify(await sign({ kind: 'connector', org: 'o1', perms: ['GROUP_INFO'] }))).toEqual({
      kind: 'connector',
      connectorId: 'u1',
      orgId: 'o1',
      permissions: ['GROUP_INFO'],
    });
    await expect(verifier.verify(await sign({ kind: 'user', phone: '+1' }, '5m', 'other'))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifier.verify(await sign({ kind: 'connector', org: 'o1', perms: ['EVERYTHING'] }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verifier.verify(await sign({ phone: '+1' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("takes an import's token only where asked to, and then only as the uploader for its organisation's bulk adds", async () => {
    const claims = { kind: 'import', phone: '+14155550100', org: 'o1', imp: 'i1' };
    const elsewhere = await setup();
    await expect(elsewhere.verifier.verify(await elsewhere.sign(claims))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const { verifier, sign } = await setup({ acceptImportTokens: true });
    const caller = await verifier.verify(await sign(claims));
    expect(caller).toEqual({ kind: 'import', userId: 'u1', phone: '+14155550100', orgId: 'o1', importId: 'i1' });
    expect(actingUploader(caller, 'o1')).toEqual({ kind: 'user', userId: 'u1', phone: '+14155550100' });
    expect(() => actingUploader(caller, 'o2')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => actingUploader(caller, null)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(() => requireUser(caller)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    await expect(verifier.verify(await sign({ kind: 'import', phone: '+1', org: 'o1' }))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('remembers a verified token only until it expires', async () => {
    const { verifier, sign } = await setup();
    const token = await sign({ kind: 'user', phone: '+14155550100' }, Math.floor(Date.now() / 1000) + 2);
    expect((await verifier.verify(token)).kind).toBe('user');
    expect((await verifier.verify(token)).kind).toBe('user');
    await new Promise((r) => setTimeout(r, 2_100));
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
