import { dropTestDatabases, testDatabaseUrl, testNamespace } from '@kz/testing';
import { Client } from 'pg';
import type { MigrationInterface } from 'typeorm';
import { ensureDatabase, IdempotentRequests1764748800000, IdempotentResponsesAsJson1764921600000, prepared, rememberedResponse, rowsOf } from '../src';
import { useScratchDataSource } from './scratch-data-source';

const db = useScratchDataSource('ds', 2);

async function responseColumn(): Promise<{ type: string; lz4: boolean }> {
  const rows = (await db().query(
    `SELECT atttypid::regtype::text AS type, attcompression = 'l' AS lz4 FROM pg_attribute WHERE attrelid = 'idempotent_requests'::regclass AND attname = 'response'`,
  )) as { type: string; lz4: boolean }[];
  return rows[0]!;
}

describe('data source', () => {
  it('plans for data in memory or on SSD on every connection of the pool', async () => {
    const settings = await Promise.all([1, 2].map(() => db().query(`SELECT current_setting('random_page_cost') AS cost, pg_sleep(0.05)`)));
    expect(settings.map((rows) => (rows as { cost: string }[])[0]!.cost)).toEqual(['1.1', '1.1']);
  });

  it('answers a lookup of thousands of keys among many rows with index probes, not a scan of the table', async () => {
    await db().query(`CREATE TABLE people (id int PRIMARY KEY, phone text NOT NULL UNIQUE)`);
    await db().query(`INSERT INTO people SELECT i, '+1415' || lpad(i::text, 7, '0') FROM generate_series(1, 200000) i`);
    await db().query(`ANALYZE people`);
    const phones = Array.from({ length: 5000 }, (_, i) => `+1415${String(100_000 + i).padStart(7, '0')}`);
    const plan = (await db().query(`EXPLAIN (FORMAT JSON) SELECT id FROM people WHERE phone = ANY($1::text[])`, [phones])) as {
      'QUERY PLAN': { Plan: { 'Node Type': string } }[];
    }[];
    expect(plan[0]!['QUERY PLAN'][0]!.Plan['Node Type']).toBe('Index Scan');
  });
});

describe('ensureDatabase', () => {
  const ns = testNamespace();
  afterAll(() => dropTestDatabases(ns));

  it('creates the database once when several replicas start at the same moment', async () => {
    const url = testDatabaseUrl(ns, 'race');
    // The replicas' CREATE DATABASE statements overlap: all but one lose, and none of them fails.
    await Promise.all(Array.from({ length: 6 }, () => ensureDatabase(url)));
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT current_database() AS name')).rows[0].name).toBe(new URL(url).pathname.slice(1));
    } finally {
      await client.end();
    }
  });
});

describe('rowsOf', () => {
  it('reads rows on the pool outside a transaction, as a prepared statement, and inside a transaction on its connection', async () => {
    await db().query(`CREATE TABLE rows_probe (id int PRIMARY KEY, label text)`);
    const insert = prepared(`INSERT INTO rows_probe (id, label) VALUES ($1, $2) RETURNING id, label`);
    // Two at once take both pooled connections, so each prepares the insert and any later statement sees it prepared.
    const inserted = await Promise.all([rowsOf(db().manager, insert, [1, 'committed']), rowsOf(db().manager, insert, [2, 'second'])]);
    expect(inserted).toEqual([[{ id: 1, label: 'committed' }], [{ id: 2, label: 'second' }]]);
    const [prepares] = await rowsOf<{ n: string }>(
      db().manager,
      `SELECT count(*) AS n FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO rows_probe%'`,
    );
    expect(Number(prepares!.n)).toBe(1);

    await expect(
      db().transaction(async (m) => {
        await rowsOf(m, insert, [3, 'rolled back']);
        // The transaction's own connection sees its uncommitted row; the pool does not.
        expect(await rowsOf(m, `SELECT label FROM rows_probe WHERE id = 3`)).toEqual([{ label: 'rolled back' }]);
        expect(await rowsOf(db().manager, `SELECT label FROM rows_probe WHERE id = 3`)).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rowsOf(db().manager, `SELECT id FROM rows_probe ORDER BY id`)).toEqual([{ id: 1 }, { id: 2 }]);
  });
});

describe('remembered responses stored as json', () => {
  it('migrates the column to json (lz4 where the server has it) and back, and still answers a retry as the first attempt', async () => {
    const migrate = async (migration: MigrationInterface, step: 'up' | 'down') => {
      const q = db().createQueryRunner();
      try {
        await migration[step](q);
      } finally {
        await q.release();
      }
    };
    const table = new IdempotentRequests1764748800000();
    const asJson = new IdempotentResponsesAsJson1764921600000();
    await migrate(table, 'up');
    await db().query(`INSERT INTO idempotent_requests (key, response) VALUES ('before', '{"outcomes": [1, 2]}')`);
    await migrate(asJson, 'up');
    // Whether this server was built with lz4: it refuses the setting otherwise.
    const lz4 = await db()
      .transaction((m) => m.query(`SET LOCAL default_toast_compression = lz4`))
      .then(
        () => true,
        () => false,
      );
    expect(await responseColumn()).toEqual({ type: 'json', lz4 });

    const answer = { outcomes: Array.from({ length: 5000 }, (_, i) => ({ row: i + 2, status: 'CREATED', message: null })) };
    let computed = 0;
    const compute = async () => {
      computed++;
      return computed === 1 ? answer : { outcomes: [] };
    };
    expect(await db().transaction((m) => rememberedResponse(m, 'chunk-1', compute))).toEqual(answer);
    expect(await db().transaction((m) => rememberedResponse(m, 'chunk-1', compute))).toEqual(answer);
    expect(computed).toBe(1);
    expect(await db().transaction((m) => rememberedResponse(m, 'before', compute))).toEqual({ outcomes: [1, 2] });

    await migrate(asJson, 'down');
    expect(await responseColumn()).toEqual({ type: 'jsonb', lz4: false });
    expect(await db().transaction((m) => rememberedResponse(m, 'chunk-1', compute))).toEqual(answer);
    await migrate(table, 'down');
    expect(await db().query(`SELECT to_regclass('idempotent_requests') AS t`)).toEqual([{ t: null }]);
  });
});
