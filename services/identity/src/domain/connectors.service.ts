import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CONNECTOR_PERMISSIONS, type Caller, type ConnectorPermission } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { isUuid, uuidv7 } from '@kz/db';
import { auditActor, auditEvent, type Outbox } from '@kz/events';
import type { DataSource, EntityManager } from 'typeorm';
import { ConnectorEntity } from '../entities/connector.entity';
import { requireOrgAdmin } from './org-access';
import type { SigningKeys } from './signing-keys';

/** Connector tokens are short-lived: a revoked connector's last token stops working within this time. */
export const CONNECTOR_TOKEN_TTL_SECONDS = 300;

const BAD_CREDENTIALS = 'The client id or secret is wrong, or the connector was revoked.';

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

function newSecret(): string {
  return `kzs_${randomBytes(32).toString('base64url')}`;
}

function connectorAudit(
  action: string,
  caller: Caller,
  connector: { id: string; orgId: string; name: string },
  change: { before?: Record<string, unknown>; after?: Record<string, unknown> } = {},
) {
  return auditEvent({
    orgId: connector.orgId,
    action,
    actor: auditActor(caller),
    target: { type: 'connector', id: connector.id, name: connector.name },
    ...change,
  });
}

export class ConnectorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly keys: SigningKeys,
  ) {}

  async register(
    caller: Caller,
    orgId: string,
    rawName: string,
    permissions: ConnectorPermission[],
  ): Promise<{ connector: ConnectorEntity; clientSecret: string }> {
    const name = rawName.trim();
    if (name.length === 0 || name.length > 100) throw badInput('name', 'A connector name needs 1 to 100 characters.');
    const granted = [...new Set(permissions)];
    if (granted.length === 0) throw badInput('permissions', `Choose at least one permission: ${CONNECTOR_PERMISSIONS.join(', ')}.`);
    return this.outbox.transaction(async (m, emit) => {
      const adminId = await requireOrgAdmin(m, caller, orgId);
      const clientSecret = newSecret();
      const id = uuidv7();
      await m.getRepository(ConnectorEntity).insert({
        id,
        orgId,
        name,
        clientId: `kzc_${randomBytes(12).toString('hex')}`,
        secretHash: hashSecret(clientSecret),
        permissions: granted,
        createdBy: adminId,
        revokedAt: null,
      });
      emit(connectorAudit('connector.registered', caller, { id, orgId, name }, { after: { name, permissions: granted } }));
      return { connector: await m.getRepository(ConnectorEntity).findOneByOrFail({ id }), clientSecret };
    });
  }

  async rotateSecret(caller: Caller, connectorId: string): Promise<{ connector: ConnectorEntity; clientSecret: string }> {
    return this.outbox.transaction(async (m, emit) => {
      const connector = await this.administered(m, caller, connectorId);
      if (connector.revokedAt) throw new DomainError('CONFLICT', 'This connector was revoked; register a new one.');
      const clientSecret = newSecret();
      await m.getRepository(ConnectorEntity).update({ id: connector.id }, { secretHash: hashSecret(clientSecret), secretRotatedAt: new Date() });
      emit(connectorAudit('connector.secret-rotated', caller, connector));
      return { connector: await m.getRepository(ConnectorEntity).findOneByOrFail({ id: connector.id }), clientSecret };
    });
  }

  async revoke(caller: Caller, connectorId: string): Promise<ConnectorEntity> {
    return this.outbox.transaction(async (m, emit) => {
      const connector = await this.administered(m, caller, connectorId);
      if (!connector.revokedAt) {
        await m.getRepository(ConnectorEntity).update({ id: connector.id }, { revokedAt: new Date() });
        emit(connectorAudit('connector.revoked', caller, connector, { before: { permissions: connector.permissions } }));
      }
      return m.getRepository(ConnectorEntity).findOneByOrFail({ id: connector.id });
    });
  }

  async list(caller: Caller, orgId: string): Promise<ConnectorEntity[]> {
    await requireOrgAdmin(this.dataSource.manager, caller, orgId);
    return this.dataSource.getRepository(ConnectorEntity).find({ where: { orgId }, order: { createdAt: 'ASC' } });
  }

  /** The client-credentials exchange: a token limited to the connector's organisation and permissions. */
  async issueToken(clientId: string, clientSecret: string): Promise<{ accessToken: string; expiresInSeconds: number }> {
    const connector = await this.dataSource.getRepository(ConnectorEntity).findOneBy({ clientId });
    const given = Buffer.from(hashSecret(clientSecret));
    const stored = Buffer.from(connector?.secretHash ?? hashSecret(newSecret()));
    if (!connector || connector.revokedAt || !timingSafeEqual(given, stored)) throw new DomainError('UNAUTHENTICATED', BAD_CREDENTIALS);
    return {
      accessToken: await this.keys.signConnectorToken(connector.id, connector.orgId, connector.permissions, CONNECTOR_TOKEN_TTL_SECONDS),
      expiresInSeconds: CONNECTOR_TOKEN_TTL_SECONDS,
    };
  }

  private async administered(m: EntityManager, caller: Caller, connectorId: string): Promise<ConnectorEntity> {
    const connector = isUuid(connectorId) ? await m.getRepository(ConnectorEntity).findOneBy({ id: connectorId }) : null;
    if (!connector) throw notFound('Connector');
    try {
      await requireOrgAdmin(m, caller, connector.orgId);
    } catch (err) {
      // Admins of other organisations must not learn the connector exists.
      if (err instanceof DomainError && err.code === 'FORBIDDEN' && caller.kind === 'user') throw notFound('Connector');
      throw err;
    }
    return connector;
  }
}
