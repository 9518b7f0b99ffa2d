import { RunCollector } from './run-collector';

describe('RunCollector', () => {
  it('handles what arrives within the linger together, and tells every caller', async () => {
    const handled: number[][] = [];
    const collector = new RunCollector<number>(async (items) => void handled.push(items), 5, 100);
    await Promise.all([collector.submit([1, 2]), collector.submit([3]), collector.submit([4, 5])]);
    expect(handled).toEqual([[1, 2, 3, 4, 5]]);
    await collector.submit([6]);
    expect(handled).toEqual([[1, 2, 3, 4, 5], [6]]);
  });

  it('flushes at once when the most items are waiting, without waiting for the linger', async () => {
    const handled: number[][] = [];
    const collector = new RunCollector<number>(async (items) => void handled.push(items), 60_000, 3);
    await Promise.all([collector.submit([1, 2]), collector.submit([3])]);
    expect(handled).toEqual([[1, 2, 3]]);
  });

  it('rejects every caller of a failed flush with its error', async () => {
    const collector = new RunCollector<number>(
      async () => {
        throw new Error('database gone');
      },
      1,
      100,
    );
    const outcomes = await Promise.allSettled([collector.submit([1]), collector.submit([2])]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'ok'))).toEqual(['database gone', 'database gone']);
  });
});
