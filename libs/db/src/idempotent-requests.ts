import type { EntityManager } from 'typeorm';

/** The table a service needs for `rememberedResponse`; each service creates it in a migration of its own. */
export const idempotentRequestsTableUp = [
  `CREATE TABLE idempotent_requests (
    key text PRIMARY KEY,
    response jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX idempotent_requests_created_idx ON idempotent_requests (created_at)`,
];
export const idempotentRequestsTableDown = ['DROP TABLE idempotent_requests'];

/** How long a request key is remembered: a client retrying later than this repeats the work. */
const KEEP_FOR = '2 days';
const PRUNE_EVERY_MS = 10 * 60_000;
let lastPrunedAt = 0;

/**
 * Runs `compute` once per `key`: a retry of a request that committed gets the
 * answer the first attempt gave, so bulk operations can be retried after any
 * failure and still report exact outcomes. Call it inside the transaction that
 * does the work; concurrent attempts with one key wait for each other.
 */
export async function rememberedResponse<T>(m: EntityManager, key: string, compute: () => Promise<T>): Promise<T> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
  const found = (await m.query(`SELECT response FROM idempotent_requests WHERE key = $1`, [key])) as { response: T }[];
  if (found[0]) return found[0].response;
  const response = await compute();
  await m.query(`INSERT INTO idempotent_requests (key, response) VALUES ($1, $2)`, [key, JSON.stringify(response)]);
  if (Date.now() - lastPrunedAt > PRUNE_EVERY_MS) {
    lastPrunedAt = Date.now();
    await m.query(`DELETE FROM idempotent_requests WHERE created_at < now() - interval '${KEEP_FOR}'`);
  }
  return response;
}
