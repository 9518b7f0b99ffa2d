import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ChatFileStore } from './chat-file';

describe('stored chat exports', () => {
  const root = mkdtempSync(join(tmpdir(), 'kz-chats-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const files = new ChatFileStore(root);

  it('refuses an upload past the limit, keeps a text one with its SHA-256, and deletes those kept past their time', async () => {
    await expect(files.store('big', Readable.from([Buffer.alloc(2_048)]), 1_024)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    const old = await files.store('old', Readable.from([Buffer.from('01/01/2024, 10:00 - A: hi\n')]), 1_024);
    expect(old).toMatchObject({ kind: 'TEXT', bytes: 26, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    await files.store('new', Readable.from([Buffer.from('01/01/2024, 10:00 - A: hi\n')]), 1_024);
    const lastWeek = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(old.path, lastWeek, lastWeek);
    expect(await files.removeOlderThan(Date.now() - 7 * 24 * 3600 * 1000)).toEqual(['old']);
    await expect(files.open(old)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no longer kept') });
    const kept = await files.open(files.storedFile('new', 'TEXT', ''));
    kept.close();
  });
});
