import { connectorMay, type Caller } from '@kz/auth';
import { forbidden, unauthenticated } from '@kz/errors';
import type { DataSource } from 'typeorm';

/** Who manages an organisation's webhooks: its admins (as identity's events told us) and its connectors holding WEBHOOKS. */
export class EndpointAccess {
  constructor(private readonly dataSource: DataSource) {}

  async manages(caller: Caller, orgId: string): Promise<boolean> {
    if (caller.kind === 'connector') return connectorMay(caller, orgId, 'WEBHOOKS');
    if (caller.kind !== 'user') return false;
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM org_admins WHERE org_id = $1 AND user_id = $2`, [orgId, caller.userId]);
    return rows.length > 0;
  }

  async assertManages(caller: Caller, orgId: string): Promise<void> {
    if (caller.kind === 'anonymous') throw unauthenticated();
    if (!(await this.manages(caller, orgId))) {
      throw forbidden(
        caller.kind === 'connector'
          ? 'This connector needs the WEBHOOKS permission of the organisation to manage its webhooks; an admin can grant it.'
          : "Only the organisation's admins manage its webhooks.",
      );
    }
  }
}

/** Who acted, as recorded on what they created: a person's id, or `connector:<id>`. */
export function actorOf(caller: Caller): string {
  if (caller.kind === 'user') return caller.userId;
  if (caller.kind === 'connector') return `connector:${caller.connectorId}`;
  throw unauthenticated();
}
