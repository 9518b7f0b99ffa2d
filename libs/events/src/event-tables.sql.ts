/**
 * Tables every service needs for the outbox (what it publishes) and the inbox
 * (what it consumed). Each service's first migration applies these so the SQL
 * lives in one place.
 */
export const eventTablesUp = [
  `CREATE TABLE outbox_events (
     seq bigserial PRIMARY KEY,
     id uuid NOT NULL UNIQUE,
     topic text NOT NULL,
     key text NOT NULL,
     envelope jsonb NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     published_at timestamptz
   )`,
  `CREATE INDEX outbox_events_unpublished_idx ON outbox_events (seq) WHERE published_at IS NULL`,
  `CREATE TABLE inbox_processed_events (
     consumer text NOT NULL,
     event_id uuid NOT NULL,
     processed_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer, event_id)
   )`,
  `CREATE TABLE inbox_parked_events (
     id bigserial PRIMARY KEY,
     consumer text NOT NULL,
     topic text NOT NULL,
     partition int NOT NULL,
     "offset" text NOT NULL,
     event_id text,
     raw text,
     error text NOT NULL,
     attempts int NOT NULL,
     parked_at timestamptz NOT NULL DEFAULT now()
   )`,
];

export const eventTablesDown = ['DROP TABLE inbox_parked_events', 'DROP TABLE inbox_processed_events', 'DROP TABLE outbox_events'];
