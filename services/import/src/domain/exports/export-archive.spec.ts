import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import { writeArchive } from './export-archive';

async function entriesOf(bytes: Buffer): Promise<[string, string][]> {
  const tar = extract();
  Readable.from([bytes]).pipe(createGunzip()).pipe(tar);
  const entries: [string, string][] = [];
  for await (const entry of tar) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    entries.push([entry.header.name, Buffer.concat(chunks).toString('utf8')]);
  }
  return entries;
}

describe('writeArchive', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kz-archive-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('packs the manifest first, then the files in order, in one folder, and answers the archive’s size and SHA-256', async () => {
    writeFileSync(join(dir, 'people'), '{"id":"p1"}\n');
    const longName = `attachments/0190-aaaa/${'a very long file name '.repeat(8)}.pdf`;
    writeFileSync(join(dir, 'file'), 'bytes of a file');
    const path = join(dir, 'out.tar.gz');
    async function* files() {
      yield { name: 'people.jsonl', path: join(dir, 'people'), size: 12 };
      yield { name: longName, path: join(dir, 'file'), size: 15 };
    }
    const digest = await writeArchive({ path, folder: 'export-1', manifest: { counts: { people: 1 } }, files: files(), mtime: new Date(0) });
    const bytes = readFileSync(path);
    expect(digest).toEqual({ bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    const entries = await entriesOf(bytes);
    expect(entries.map(([name]) => name)).toEqual(['export-1/manifest.json', 'export-1/people.jsonl', `export-1/${longName}`]);
    expect(JSON.parse(entries[0]![1])).toEqual({ counts: { people: 1 } });
    expect(entries[2]![1]).toBe('bytes of a file');
  });

  it('fails, rather than writing a short entry, when a file is not where it is said to be', async () => {
    const path = join(dir, 'broken.tar.gz');
    await expect(
      writeArchive({ path, folder: 'x', manifest: {}, files: [{ name: 'gone', path: join(dir, 'missing'), size: 3 }], mtime: new Date(0) }),
    ).rejects.toThrow(/ENOENT/);
  });
});
