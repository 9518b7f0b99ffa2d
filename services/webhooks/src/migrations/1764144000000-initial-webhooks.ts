import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eventTablesDown, eventTablesUp } from '@kz/events';

export class InitialWebhooks1764144000000 implements MigrationInterface {
  name = 'InitialWebhooks1764144000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of eventTablesUp) await q.query(sql);
    // Read models from identity's and groups' events: who may manage an organisation's endpoints, and which groups
    // are whose (and under which parent) for endpoints that follow chosen groups.
    await q.query(`CREATE TABLE org_admins (
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      PRIMARY KEY (org_id, user_id)
    )`);
    await q.query(`CREATE TABLE known_groups (
      group_id uuid PRIMARY KEY,
      org_id uuid,
      parent_id uuid
    )`);
    await q.query(`CREATE INDEX known_groups_parent_idx ON known_groups (parent_id) WHERE parent_id IS NOT NULL`);
    await q.query(`CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY,
      org_id uuid NOT NULL,
      url text NOT NULL,
      description text NOT NULL DEFAULT '',
      event_types text[] NOT NULL,
      group_ids uuid[] NOT NULL DEFAULT '{}',
      include_subgroups boolean NOT NULL DEFAULT false,
      status text NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'DISABLED')),
      secret text NOT NULL,
      previous_secret text,
      previous_secret_expires_at timestamptz,
      disabled_reason text,
      disabled_at timestamptz,
      paused_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX webhook_endpoints_org_idx ON webhook_endpoints (org_id, created_at, id)`);
    // Every partner-facing event of an organisation that has endpoints, as sent: what replay sends again.
    await q.query(`CREATE TABLE webhook_events (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      org_id uuid NOT NULL,
      group_id uuid,
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      data jsonb NOT NULL
    )`);
    await q.query(`CREATE INDEX webhook_events_org_recorded_idx ON webhook_events (org_id, recorded_at, seq)`);
    // One event on its way to one endpoint. Its lane (the group, or the organisation for its own events) orders it:
    // only the oldest pending delivery of a lane (by seq, given under the lane's lock) is sent, so an endpoint sees each group's events in order.
    await q.query(`CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
      event_id uuid NOT NULL REFERENCES webhook_events (id),
      lane uuid NOT NULL,
      status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
      redelivery boolean NOT NULL DEFAULT false,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX webhook_deliveries_once_idx ON webhook_deliveries (endpoint_id, event_id) WHERE NOT redelivery`);
    await q.query(`CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (endpoint_id, lane, seq) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (endpoint_id, id DESC)`);
    await q.query(`CREATE INDEX webhook_deliveries_event_idx ON webhook_deliveries (event_id)`);
    await q.query(`CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries (created_at) WHERE status <> 'PENDING'`);
    await q.query(`CREATE TABLE webhook_attempts (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
      attempted_at timestamptz NOT NULL,
      http_status int,
      latency_ms int NOT NULL,
      response_excerpt text NOT NULL DEFAULT '',
      error text
    )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['webhook_attempts', 'webhook_deliveries', 'webhook_events', 'webhook_endpoints', 'known_groups', 'org_admins']) {
      await q.query(`DROP TABLE ${table}`);
    }
    for (const sql of eventTablesDown) await q.query(sql);
  }
}
