import { dropTestDatabases, testDatabaseUrl, testNamespace } from '@kz/testing';
import type { DataSource } from 'typeorm';
import { createDataSource, ensureDatabase, prepared } from '../src';

const ns = testNamespace();
let dataSource: DataSource;

beforeAll(async () => {
  const url = testDatabaseUrl(ns, 'db');
  await ensureDatabase(url);
  dataSource = createDataSource({ url, entities: [], migrations: [], applicationName: 'kz-db-test', poolSize: 1 });
  await dataSource.initialize();
});

afterAll(async () => {
  await dataSource.destroy();
  await dropTestDatabases(ns);
});

describe('prepared statements', () => {
  it('runs a prepared() text as a statement the connection prepares once, and other texts as before', async () => {
    const SUM = prepared('SELECT $1::int + $2::int AS sum');
    expect(await dataSource.query(SUM, [1, 2])).toEqual([{ sum: 3 }]);
    expect(await dataSource.query(SUM, [40, 2])).toEqual([{ sum: 42 }]);
    expect(await dataSource.query('SELECT $1::int * 2 AS twice', [21])).toEqual([{ twice: 42 }]);
    // One connection in the pool: it holds the prepared text, and only that one.
    const statements = (await dataSource.query('SELECT statement FROM pg_prepared_statements')) as { statement: string }[];
    expect(statements.map((s) => s.statement)).toEqual([SUM]);
  });

  it('works inside transactions and reports errors as before', async () => {
    const FAILS = prepared('SELECT 1 / $1::int AS q');
    await expect(dataSource.transaction((m) => m.query(FAILS, [0]))).rejects.toThrow('division by zero');
    expect(await dataSource.transaction((m) => m.query(FAILS, [1]))).toEqual([{ q: 1 }]);
  });
});
