import type { Caller } from '@kz/auth';
import { isUuid, rowsOf, uuidv7 } from '@kz/db';
import { badInput, notFound } from '@kz/errors';
import { generateWebhookSecret, type DestinationGuard } from '@kz/webhooks';
import { auditActor, auditEvent, changedFields, type Outbox } from '@kz/events';
import type { DataSource } from 'typeorm';
import { LANE_HEADS_SQL, type DeliveryScheduler, type DueDelivery } from './delivery-scheduler';
import { actorOf, type EndpointAccess } from './endpoint-access';
import type { EndpointChallenge } from './endpoint-challenge';
import { ENDPOINT_COLUMNS, endpointFromRow, type EndpointRow, type WebhookEndpointRecord, type WebhookEndpointStatus } from './webhook-endpoint';
import type { WebhookEventType } from './webhook-events';

export interface EndpointSettings {
  url?: string | null;
  description?: string | null;
  eventTypes?: readonly WebhookEventType[] | null;
  groupIds?: readonly string[] | null;
  includeSubgroups?: boolean | null;
}

const MAX_DESCRIPTION = 500;
const MAX_GROUPS = 1_000;
const MAX_OVERLAP_SECONDS = 7 * 24 * 3600;

/** What an audit entry says of an endpoint's settings (never its secrets). */
const auditedSettings = (e: WebhookEndpointRecord): Record<string, unknown> => ({
  url: e.url,
  description: e.description,
  eventTypes: e.eventTypes,
  groupIds: e.groupIds,
  includeSubgroups: e.includeSubgroups,
  status: e.status,
});

function endpointAudit(
  caller: Caller,
  action: string,
  endpoint: WebhookEndpointRecord,
  change: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
) {
  return auditEvent({
    orgId: endpoint.orgId,
    action,
    actor: auditActor(caller),
    target: { type: 'webhook-endpoint', id: endpoint.id, name: endpoint.url },
    ...change,
  });
}

/** Registering, changing, pausing, resuming, deleting endpoints and rotating their secrets. */
export class EndpointsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: EndpointAccess,
    private readonly guard: DestinationGuard,
    private readonly challenge: EndpointChallenge,
    private readonly scheduler: DeliveryScheduler,
  ) {}

  async register(caller: Caller, orgId: string, settings: EndpointSettings): Promise<{ endpoint: WebhookEndpointRecord; signingSecret: string }> {
    if (!isUuid(orgId)) throw notFound('The organisation');
    await this.access.assertManages(caller, orgId);
    const eventTypes = this.checkEventTypes(settings.eventTypes ?? []);
    const description = this.checkDescription(settings.description ?? '');
    const groupIds = await this.checkGroups(orgId, settings.groupIds ?? []);
    const secret = generateWebhookSecret();
    const url = await this.proveUrl(settings.url ?? '', secret);
    const endpoint = await this.write(
      caller,
      'webhook-endpoint.registered',
      `INSERT INTO webhook_endpoints (id, org_id, url, description, event_types, group_ids, include_subgroups, status, secret, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'ACTIVE', $8, $9) RETURNING ${ENDPOINT_COLUMNS}`,
      [uuidv7(), orgId, url, description, eventTypes, groupIds, settings.includeSubgroups ?? false, secret, actorOf(caller)],
      null,
    );
    return { endpoint, signingSecret: secret };
  }

  async update(caller: Caller, id: string, settings: EndpointSettings): Promise<WebhookEndpointRecord> {
    const current = await this.managed(caller, id);
    const eventTypes = settings.eventTypes == null ? current.eventTypes : this.checkEventTypes(settings.eventTypes);
    const description = settings.description == null ? current.description : this.checkDescription(settings.description);
    const groupIds = settings.groupIds == null ? current.groupIds : await this.checkGroups(current.orgId, settings.groupIds);
    let url = current.url;
    if (settings.url != null && settings.url.trim() !== current.url) {
      const [secretRow] = await rowsOf<{ secret: string }>(this.dataSource.manager, `SELECT secret FROM webhook_endpoints WHERE id = $1`, [id]);
      url = await this.proveUrl(settings.url, secretRow!.secret);
    }
    return this.write(
      caller,
      'webhook-endpoint.changed',
      `UPDATE webhook_endpoints SET url = $2, description = $3, event_types = $4, group_ids = $5, include_subgroups = $6, updated_at = now()
       WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
      [id, url, description, eventTypes, groupIds, settings.includeSubgroups ?? current.includeSubgroups],
      current,
    );
  }

  async pause(caller: Caller, id: string): Promise<WebhookEndpointRecord> {
    return this.setStatus(caller, await this.managed(caller, id), 'PAUSED');
  }

  /** Resumes a paused or disabled endpoint: what waited for it is sent, each lane in order. */
  async resume(caller: Caller, id: string): Promise<WebhookEndpointRecord> {
    const endpoint = await this.setStatus(caller, await this.managed(caller, id), 'ACTIVE');
    const heads = await rowsOf<DueDelivery>(this.dataSource.manager, LANE_HEADS_SQL, [[id]]);
    await this.scheduler.schedule(heads.map(({ id, endpointId, lane }) => ({ id, endpointId, lane })));
    return endpoint;
  }

  async delete(caller: Caller, id: string): Promise<string> {
    const endpoint = await this.managed(caller, id);
    await this.outbox.transaction(async (m, emit) => {
      await m.query(`DELETE FROM webhook_endpoints WHERE id = $1`, [id]);
      emit(endpointAudit(caller, 'webhook-endpoint.deleted', endpoint, { before: { url: endpoint.url } }));
    });
    return id;
  }

  /** A new secret signs from now on; the old one signs beside it until the overlap ends, so receivers can move over. */
  async rotateSecret(caller: Caller, id: string, overlapSeconds: number): Promise<{ endpoint: WebhookEndpointRecord; signingSecret: string }> {
    const current = await this.managed(caller, id);
    if (!Number.isInteger(overlapSeconds) || overlapSeconds < 0 || overlapSeconds > MAX_OVERLAP_SECONDS) {
      throw badInput('overlapSeconds', 'The overlap is a whole number of seconds from 0 to 604800 (7 days).');
    }
    const secret = generateWebhookSecret();
    const endpoint = await this.write(
      caller,
      'webhook-endpoint.secret-rotated',
      `UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_expires_at = now() + make_interval(secs => $3), secret = $2, updated_at = now()
       WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
      [id, secret, overlapSeconds],
      current,
      { overlapSeconds },
    );
    return { endpoint, signingSecret: secret };
  }

  /** The endpoint when the caller manages its organisation; null for any other id, as if it did not exist. */
  async find(caller: Caller, id: string): Promise<WebhookEndpointRecord | null> {
    if (!isUuid(id)) return null;
    const [row] = await rowsOf<EndpointRow>(this.dataSource.manager, `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1`, [id]);
    if (!row || !(await this.access.manages(caller, row.org_id))) return null;
    return endpointFromRow(row);
  }

  async ofOrganization(caller: Caller, orgId: string): Promise<WebhookEndpointRecord[]> {
    await this.access.assertManages(caller, orgId);
    const rows = await rowsOf<EndpointRow>(
      this.dataSource.manager,
      `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE org_id = $1 ORDER BY created_at, id`,
      [orgId],
    );
    return rows.map(endpointFromRow);
  }

  async managed(caller: Caller, id: string): Promise<WebhookEndpointRecord> {
    const endpoint = await this.find(caller, id);
    if (!endpoint) throw notFound('The webhook endpoint');
    return endpoint;
  }

  private async setStatus(caller: Caller, current: WebhookEndpointRecord, status: WebhookEndpointStatus): Promise<WebhookEndpointRecord> {
    return this.write(
      caller,
      status === 'PAUSED' ? 'webhook-endpoint.paused' : 'webhook-endpoint.resumed',
      `UPDATE webhook_endpoints SET status = $2, disabled_reason = NULL, disabled_at = NULL,
         paused_at = CASE WHEN $2 = 'PAUSED' THEN coalesce(paused_at, now()) END, updated_at = now()
       WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
      [current.id, status],
      current,
    );
  }

  /** Writes an endpoint's row and the audit entry for it in one transaction; `before` is the endpoint as it was (null: new). */
  private async write(
    caller: Caller,
    action: string,
    sql: string,
    params: unknown[],
    before: WebhookEndpointRecord | null,
    details: Record<string, unknown> = {},
  ): Promise<WebhookEndpointRecord> {
    return this.outbox.transaction(async (m, emit) => {
      const [row] = await rowsOf<EndpointRow>(m, sql, params);
      if (!row) throw notFound('The webhook endpoint');
      const endpoint = endpointFromRow(row);
      const change = before ? changedFields(auditedSettings(before), auditedSettings(endpoint)) : { before: null, after: auditedSettings(endpoint) };
      emit(endpointAudit(caller, action, endpoint, { before: change.before, after: { ...change.after, ...details } }));
      return endpoint;
    });
  }

  private async proveUrl(url: string, secret: string): Promise<string> {
    const destination = await this.guard.resolve(url);
    await this.challenge.prove(destination, secret);
    return destination.url.toString();
  }

  private checkEventTypes(eventTypes: readonly WebhookEventType[]): WebhookEventType[] {
    if (eventTypes.length === 0) throw badInput('eventTypes', 'Choose at least one event type for the endpoint to receive.');
    return [...new Set(eventTypes)];
  }

  private checkDescription(description: string): string {
    const trimmed = description.trim();
    if (trimmed.length > MAX_DESCRIPTION) throw badInput('description', `The description is longer than ${MAX_DESCRIPTION} characters; shorten it.`);
    return trimmed;
  }

  private async checkGroups(orgId: string, groupIds: readonly string[]): Promise<string[]> {
    const distinct = [...new Set(groupIds.map((id) => id.toLowerCase()))];
    if (distinct.length > MAX_GROUPS)
      throw badInput('groupIds', `An endpoint follows at most ${MAX_GROUPS} groups; choose a parent group and include its sub-groups instead.`);
    const foreign = distinct.filter((id) => !isUuid(id));
    const known = foreign.length
      ? []
      : await rowsOf<{ group_id: string }>(this.dataSource.manager, `SELECT group_id FROM known_groups WHERE group_id = ANY ($1::uuid[]) AND org_id = $2`, [
          distinct,
          orgId,
        ]);
    const knownIds = new Set(known.map((row) => row.group_id));
    const missing = distinct.find((id) => !knownIds.has(id));
    if (missing !== undefined)
      throw badInput('groupIds', `Group ${missing} is not one of this organisation's groups; choose groups mapped to the organisation.`);
    return distinct;
  }
}
