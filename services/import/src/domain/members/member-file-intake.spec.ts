import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { DomainError } from '@kz/errors';
import { DiskChunkStore } from './chunk-store';
import { intakeMemberFile, type RowError } from './member-file-intake';

describe('intakeMemberFile', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kz-intake-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function intake(text: string, opts: { maxBytes?: number; chunkRows?: number } = {}) {
    const store = new DiskChunkStore(dir);
    const errors: RowError[] = [];
    let header: string[] = [];
    const result = await intakeMemberFile(Readable.from([Buffer.from(text)]), {
      maxBytes: opts.maxBytes ?? 1024 * 1024,
      region: 'IN',
      attributeNames: ['Employee ID'],
      chunkRows: opts.chunkRows ?? 2,
      chunks: await store.writer('job-1'),
      onHeader: (columns) => (header = columns),
      onErrors: async (batch) => void errors.push(...batch),
    });
    return { result, errors, header, store };
  }

  it('cuts good rows into chunks, in file order, and hands over bad ones with their reasons', async () => {
    const { result, errors, header, store } = await intake(
      'Phone,Name,Employee ID\n9800000001,A,E1\n9800000002,B,\nbad,C,E3\n9800000004,D,E4\n9800000005,,E5\n',
    );
    expect(header).toEqual(['Phone', 'Name', 'Employee ID']);
    expect(result).toMatchObject({ total: 5, failed: 2, chunks: 2 });
    expect((await store.read('job-1', 1)).map((r) => [r.rowNumber, r.phone, r.attributes])).toEqual([
      [2, '+919800000001', [{ name: 'Employee ID', value: 'E1' }]],
      [3, '+919800000002', []],
    ]);
    expect((await store.read('job-1', 2)).map((r) => r.rowNumber)).toEqual([5]);
    expect(errors.map((e) => [e.rowNumber, e.values[1], e.reason])).toEqual([
      [4, 'C', expect.stringMatching(/"bad" is not a valid phone number/)],
      [6, '', 'The name is missing.'],
    ]);
  });

  it('reports a repeated person once, at the later row, naming the first', async () => {
    const { result, errors } = await intake('Phone,Name\n9800000001,A\n+91 98000 00001,A again\n09800000001,A thrice\n');
    expect(result).toMatchObject({ total: 3, failed: 2, chunks: 1 });
    expect(errors.map((e) => e.reason)).toEqual([
      'The number +919800000001 is already in row 2; each person can appear once.',
      'The number +919800000001 is already in row 2; each person can appear once.',
    ]);
  });

  it('stops a file over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const big = `Phone,Name\n${'9800000001,Someone\n'.repeat(200)}`;
    await expect(intake(big, { maxBytes: 1024 })).rejects.toEqual(expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE' }));
    await expect(intake(big, { maxBytes: 1024 })).rejects.toBeInstanceOf(DomainError);
  });
});
