import { prepared } from '../src';
import { useScratchDataSource } from './scratch-data-source';

const db = useScratchDataSource('db', 1);

describe('prepared statements', () => {
  it('runs a prepared() text as a statement the connection prepares once, and other texts as before', async () => {
    const SUM = prepared('SELECT $1::int + $2::int AS sum');
    expect(await db().query(SUM, [1, 2])).toEqual([{ sum: 3 }]);
    expect(await db().query(SUM, [40, 2])).toEqual([{ sum: 42 }]);
    expect(await db().query('SELECT $1::int * 2 AS twice', [21])).toEqual([{ twice: 42 }]);
    // One connection in the pool: it holds the prepared text, and only that one.
    const statements = (await db().query('SELECT statement FROM pg_prepared_statements')) as { statement: string }[];
    expect(statements.map((s) => s.statement)).toEqual([SUM]);
  });

  it('works inside transactions and reports errors as before', async () => {
    const FAILS = prepared('SELECT 1 / $1::int AS q');
    await expect(db().transaction((m) => m.query(FAILS, [0]))).rejects.toThrow('division by zero');
    expect(await db().transaction((m) => m.query(FAILS, [1]))).toEqual([{ q: 1 }]);
  });
});
