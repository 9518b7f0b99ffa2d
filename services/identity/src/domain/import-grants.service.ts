import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Caller, type UserCaller } from '@kz/auth';
import { badInput, DomainError } from '@kz/errors';
import { isUuid } from '@kz/db';
import type { DataSource, EntityManager } from 'typeorm';
import { requireOrgAdmin, standingIn } from './org-access';
import type { SigningKeys } from './signing-keys';

/** How long one access token of an import lasts: its worker asks for another when it runs out. */
export const IMPORT_ACCESS_TOKEN_SECONDS = 300;

const INVALID_GRANT = 'This import grant is unknown, ended or expired; start the import again.';
const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** A grant is `<import id>.<secret>`: the id finds the row, the secret proves the holder is the import service that was given it. */
function parseGrant(grant: string): { importId: string; secret: string } {
  const dot = grant.indexOf('.');
  const importId = grant.slice(0, dot);
  const secret = grant.slice(dot + 1);
  if (dot < 0 || !isUuid(importId) || secret.length < 32) throw new DomainError('UNAUTHENTICATED', INVALID_GRANT);
  return { importId, secret };
}

/**
 * What an import acts with instead of its uploader's session: a grant made
 * when an admin starts it, which the import service (and only it: these
 * calls are not in the public schema) exchanges for access tokens of a few
 * minutes that identity and groups take for the two bulk adds, in that
 * organisation only. The grant ends with the import (import.job.progress) or
 * after `maxSeconds`, and is kept here only as a digest.
 */
export class ImportGrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: SigningKeys,
    private readonly maxSeconds: number,
  ) {}

  async issue(caller: Caller, orgId: string, importId: string): Promise<{ grant: string; expiresInSeconds: number }> {
    if (!isUuid(importId)) throw badInput('importId', 'importId must be the id of an import.');
    const secret = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (m) => {
      const adminId = await requireOrgAdmin(m, caller, orgId);
      const inserted = (await m.query(
        `INSERT INTO import_grants (import_id, org_id, admin_id, secret_sha256, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) ON CONFLICT (import_id) DO NOTHING RETURNING import_id`,
        [importId, orgId, adminId, sha256(secret), this.maxSeconds],
      )) as unknown[];
      if (inserted.length === 0) throw new DomainError('CONFLICT', 'This import already has a grant; start a new import.');
    });
    return { grant: `${importId}.${secret}`, expiresInSeconds: this.maxSeconds };
  }

  /** A few minutes' access token for the grant's import, while its uploader is still an admin of the organisation. */
  async exchange(grant: string): Promise<{ accessToken: string; expiresInSeconds: number }> {
    const { importId, secret } = parseGrant(grant);
    const [row] = (await this.dataSource.query(
      `SELECT g.org_id, g.admin_id, g.secret_sha256, u.phone FROM import_grants g JOIN users u ON u.id = g.admin_id
        WHERE g.import_id = $1 AND g.ended_at IS NULL AND g.expires_at > now()`,
      [importId],
    )) as { org_id: string; admin_id: string; secret_sha256: Buffer; phone: string }[];
    if (!row || !timingSafeEqual(row.secret_sha256, sha256(secret))) throw new DomainError('UNAUTHENTICATED', INVALID_GRANT);
    const standing = await standingIn(this.dataSource.manager, row.org_id, row.admin_id);
    if (standing?.role !== 'ADMIN') throw new DomainError('FORBIDDEN', 'The person who started this import is no longer an admin of the organisation.');
    const uploader: UserCaller = { kind: 'user', userId: row.admin_id, phone: row.phone };
    return {
      accessToken: await this.keys.signImportToken(uploader, row.org_id, importId, IMPORT_ACCESS_TOKEN_SECONDS),
      expiresInSeconds: IMPORT_ACCESS_TOKEN_SECONDS,
    };
  }
}

/** The import has ended: its grant can be exchanged no more. Idempotent. */
export async function endImportGrant(m: EntityManager, importId: string): Promise<void> {
  await m.query(`UPDATE import_grants SET ended_at = now() WHERE import_id = $1 AND ended_at IS NULL`, [importId]);
}
