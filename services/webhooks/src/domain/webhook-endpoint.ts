import type { WebhookEventType } from './webhook-events';

export type WebhookEndpointStatus = 'ACTIVE' | 'PAUSED' | 'DISABLED';

/** An endpoint as its managers see it; its secrets never leave the service except once, when made. */
export interface WebhookEndpointRecord {
  readonly id: string;
  readonly orgId: string;
  readonly url: string;
  readonly description: string;
  readonly eventTypes: WebhookEventType[];
  readonly groupIds: string[];
  readonly includeSubgroups: boolean;
  readonly status: WebhookEndpointStatus;
  readonly disabledReason: string | null;
  readonly disabledAt: Date | null;
  readonly pausedAt: Date | null;
  readonly previousSecretExpiresAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface EndpointRow {
  id: string;
  org_id: string;
  url: string;
  description: string;
  event_types: string[];
  group_ids: string[];
  include_subgroups: boolean;
  status: WebhookEndpointStatus;
  disabled_reason: string | null;
  disabled_at: Date | null;
  paused_at: Date | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const ENDPOINT_COLUMNS = `id, org_id, url, description, event_types, group_ids, include_subgroups, status, disabled_reason, disabled_at, paused_at,
  CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END AS previous_secret_expires_at, created_at, updated_at`;

export function endpointFromRow(row: EndpointRow): WebhookEndpointRecord {
  return {
    id: row.id,
    orgId: row.org_id,
    url: row.url,
    description: row.description,
    eventTypes: row.event_types as WebhookEventType[],
    groupIds: row.group_ids,
    includeSubgroups: row.include_subgroups,
    status: row.status,
    disabledReason: row.disabled_reason,
    disabledAt: row.disabled_at,
    pausedAt: row.paused_at,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
