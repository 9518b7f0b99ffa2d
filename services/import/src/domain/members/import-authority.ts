import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { PeopleDirectory } from '../peers/people-directory';

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A token with less than this left is exchanged again, so a chunk's calls never outlive it. */
const RENEW_MARGIN_MS = 120_000;

/**
 * What an import acts with for its uploader. Identity grants it when the
 * import starts; the grant is kept sealed (AES-256-GCM, under a key derived
 * from the subgraph secret and bound to the import's id) so the import
 * database alone replays nothing, and it is good only through identity's
 * service-only exchange, for access tokens of a few minutes that do the two
 * bulk adds in the import's organisation. Tokens live in this process's
 * memory only.
 */
export class ImportAuthority {
  private readonly key: Buffer;
  private readonly tokens = new Map<string, { token: string; renewAt: number }>();

  constructor(
    private readonly people: PeopleDirectory,
    sealingSecret: string,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', sealingSecret, 'kz-import', 'import grant seal', 32));
  }

  /** A new import's grant from identity, sealed for its row; `bearer` is the admin starting it. */
  async grant(bearer: string, orgId: string, importId: string): Promise<string> {
    return this.seal(await this.people.issueImportGrant(bearer, orgId, importId), importId);
  }

  /** An access token for the import's bulk adds, exchanged for its sealed grant when none is at hand. */
  async token(importId: string, sealedGrant: string): Promise<string> {
    const held = this.tokens.get(importId);
    if (held && held.renewAt > Date.now()) return held.token;
    const { accessToken, expiresInSeconds } = await this.people.exchangeImportGrant(this.open(sealedGrant, importId));
    this.tokens.set(importId, { token: accessToken, renewAt: Date.now() + expiresInSeconds * 1000 - RENEW_MARGIN_MS });
    this.forgetExpired();
    return accessToken;
  }

  private forgetExpired(): void {
    const now = Date.now();
    for (const [id, held] of this.tokens) if (held.renewAt <= now) this.tokens.delete(id);
  }

  private seal(grant: string, importId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(importId));
    const sealed = Buffer.concat([cipher.update(grant, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** Throws when the sealed grant was made under another secret or for another import. */
  private open(sealedGrant: string, importId: string): string {
    const bytes = Buffer.from(sealedGrant, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES)).setAAD(Buffer.from(importId));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }
}
