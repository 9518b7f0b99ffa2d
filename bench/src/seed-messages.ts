import type { Client as PgClient } from 'pg';

/**
 * The benchmarks' shortcut to a group with a long history: messages written straight into messaging's `messages`
 * table by `INSERT … SELECT … FROM generate_series`, in slices, instead of sent one by one through the gateway (a
 * million sends would take far longer than what is measured on them).
 *
 * The rows are what MessagesService.send writes for a plain text message: a UUID v7 id made from the send time,
 * audience ALL, kind TEXT, no idempotency key, reply, mentions or attachments, and the next position of the shared
 * change sequence (`change_seq`, change kind SENT), drawn in the order of the messages. PostgreSQL fills the generated
 * search column and maintains every index, as for any insert. No outbox event is written: nobody is subscribed yet,
 * and the history is what is being read.
 */

export interface SeedMessages {
  groupId: string;
  authorId: string;
  count: number;
  /** Message i is sent at base + i × spacingMs (epoch ms), so ids and sentAt follow i. */
  base: number;
  spacingMs: number;
  /** Message i's text is textPrefix + i + textSuffix. */
  textPrefix: string;
  textSuffix?: string;
  /** Rows per INSERT statement (default 100,000). */
  chunk?: number;
  /** Called after each slice with the rows written so far. */
  onProgress?: (written: number) => void;
}

/** Writes the messages; returns the seconds it took. */
export async function seedMessages(db: PgClient, seed: SeedMessages): Promise<number> {
  const chunk = seed.chunk ?? 100_000;
  const started = performance.now();
  for (let from = 0; from < seed.count; from += chunk) {
    const to = Math.min(seed.count, from + chunk);
    await db.query(
      `INSERT INTO messages (id, group_id, author_id, text, idempotency_key, sent_at, audience, kind, reply_to_id, mentions, change_seq, change_kind)
       SELECT (lpad(to_hex($3::bigint + i * $5::bigint), 12, '0') || '7' || substr(h, 1, 3) || '8' || substr(h, 4, 15))::uuid,
              $1::uuid, $2::uuid, $7::text || i || $8::text, NULL, to_timestamp(($3::bigint + i * $5::bigint) / 1000.0), 'ALL', 'TEXT',
              NULL, '{}'::uuid[], nextval('message_change_seq'), 'SENT'
         FROM generate_series($4::int, $6::int - 1) AS i, LATERAL (SELECT md5(i::text || $1::text) AS h) AS x`,
      [seed.groupId, seed.authorId, seed.base, from, seed.spacingMs, to, seed.textPrefix, seed.textSuffix ?? ''],
    );
    seed.onProgress?.(to);
  }
  return (performance.now() - started) / 1000;
}
