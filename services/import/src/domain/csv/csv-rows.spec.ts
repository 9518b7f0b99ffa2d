import { Readable } from 'node:stream';
import { readCsvRows } from './csv-rows';
import type { HeaderMap } from './header';
import { ImportFileError } from './import-file-error';

async function read(bytes: Buffer, chunkSize = 7): Promise<{ header: HeaderMap | undefined; rows: { rowNumber: number; values: string[] }[] }> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  let header: HeaderMap | undefined;
  const rows = [];
  for await (const row of readCsvRows(Readable.from(chunks), (h) => (header = h))) rows.push(row);
  return { header, rows };
}

async function problemOf(bytes: Buffer): Promise<string> {
  try {
    await read(bytes);
  } catch (err) {
    if (err instanceof ImportFileError) return err.problem;
    throw err;
  }
  return 'none';
}

describe('readCsvRows', () => {
  it('reads UTF-8 with a BOM, quoted fields with commas and newlines, and matches headers loosely', async () => {
    const csv = '\uFEFF Phone Number ,NAME,Job Title\n+14155550100,"Doe, Jane","Lead\nForklift"\r\n+14155550101,Bo,\n';
    const { header, rows } = await read(Buffer.from(csv, 'utf8'));
    expect(header!.fields).toEqual({ phone: 0, name: 1 });
    expect([...header!.extra]).toEqual([['job title', 2]]);
    expect(rows).toEqual([
      { rowNumber: 2, values: ['+14155550100', 'Doe, Jane', 'Lead\nForklift'] },
      { rowNumber: 3, values: ['+14155550101', 'Bo', ''] },
    ]);
  });

  it('detects semicolons and tabs, and reads UTF-16 with a BOM', async () => {
    expect((await read(Buffer.from('phone;name\n+14155550100;Zoë\n'))).rows[0]!.values).toEqual(['+14155550100', 'Zoë']);
    expect((await read(Buffer.from('phone\tname\n+14155550100\tA, B\n'))).rows[0]!.values).toEqual(['+14155550100', 'A, B']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('phone,name\n+14155550100,Łukasz\n', 'utf16le')]);
    expect((await read(utf16)).rows[0]!.values).toEqual(['+14155550100', 'Łukasz']);
  });

  it('fails the whole file when it is empty, not text, or has no phone column', async () => {
    expect(await problemOf(Buffer.alloc(0))).toBe('EMPTY_FILE');
    expect(await problemOf(Buffer.from('\n\n  \n'))).toBe('EMPTY_FILE');
    expect(await problemOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00, 0x0a]))).toBe('NOT_TEXT');
    expect(await problemOf(Buffer.from([0x70, 0x68, 0xff, 0xfe, 0xfd, 0x0a]))).toBe('NOT_TEXT');
    expect(await problemOf(Buffer.from('name,email\nJo,jo@example.com\n'))).toBe('NO_PHONE_COLUMN');
    expect(await problemOf(Buffer.from(`phone,${Array.from({ length: 300 }, (_, i) => `c${i}`).join(',')}\n`))).toBe('TOO_MANY_COLUMNS');
  });
});
