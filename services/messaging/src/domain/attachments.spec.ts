import { Readable } from 'node:stream';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanFilename } from './attachments.service';
import { LocalDiskObjectStore } from './object-store';

describe('attachment file names', () => {
  it('keeps only a safe base name', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\Users\\me\\plan (v2).pdf')).toBe('plan (v2).pdf');
    expect(cleanFilename('"quoted";\r\nheader.png')).toBe('_quoted_header.png');
    expect(cleanFilename(null)).toBe('file');
  });
});

describe('LocalDiskObjectStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'kz-store-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stores, reads back and deletes, and refuses keys that could escape its directory', async () => {
    const store = new LocalDiskObjectStore(root);
    await store.put('g1/a1', Readable.from([Buffer.from('hello')]), 'text/plain');
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get('g1/a1')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello');
    await store.delete('g1/a1');
    expect(readdirSync(join(root, 'g1'))).toEqual([]);
    await expect(store.put('../escape', Readable.from([]), 'text/plain')).rejects.toThrow(/invalid object key/);
  });
});
