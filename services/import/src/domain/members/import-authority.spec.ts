import type { PeopleDirectory } from '../peers/people-directory';
import { ImportAuthority } from './import-authority';

const IMPORT = '01890000-0000-7000-8000-000000000001';
const OTHER = '01890000-0000-7000-8000-000000000002';
const GRANT = `${IMPORT}.secret-part-of-the-grant-that-identity-issued`;

function directory(expiresInSeconds = 300) {
  const exchanged: string[] = [];
  const people = {
    issueImportGrant: async () => GRANT,
    exchangeImportGrant: async (grant: string) => {
      exchanged.push(grant);
      return { accessToken: `token-${exchanged.length}`, expiresInSeconds };
    },
  } as unknown as PeopleDirectory;
  return { people, exchanged };
}

describe('ImportAuthority', () => {
  it('keeps the grant sealed: the stored form is not the grant, and opens only for its import under the same secret', async () => {
    const { people, exchanged } = directory();
    const authority = new ImportAuthority(people, 'a'.repeat(64));
    const sealed = await authority.grant('bearer', 'org', IMPORT);
    expect(sealed).not.toContain('secret-part');
    expect(await authority.token(IMPORT, sealed)).toBe('token-1');
    expect(exchanged).toEqual([GRANT]);

    await expect(authority.token(OTHER, sealed)).rejects.toThrow();
    await expect(new ImportAuthority(people, 'b'.repeat(64)).token(IMPORT, sealed)).rejects.toThrow();
    // Two sealings of one grant differ (a fresh nonce each).
    expect(await authority.grant('bearer', 'org', IMPORT)).not.toBe(sealed);
  });

  it('exchanges again only when the token it holds is near its end', async () => {
    const long = directory(300);
    const authority = new ImportAuthority(long.people, '');
    const sealed = await authority.grant('bearer', 'org', IMPORT);
    await authority.token(IMPORT, sealed);
    expect(await authority.token(IMPORT, sealed)).toBe('token-1');
    expect(long.exchanged).toHaveLength(1);

    const short = directory(60);
    const renewing = new ImportAuthority(short.people, '');
    const again = await renewing.grant('bearer', 'org', IMPORT);
    expect(await renewing.token(IMPORT, again)).toBe('token-1');
    expect(await renewing.token(IMPORT, again)).toBe('token-2');
  });
});
