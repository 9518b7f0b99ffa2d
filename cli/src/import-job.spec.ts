import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, CliError } from './api-client';
import type { Output } from './export-command';
import { uploadToImport } from './import-job';

class Captured implements Output {
  text = '';
  constructor(readonly isTTY = false) {}
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

describe('uploadToImport', () => {
  let server: Server;
  let uploadUrl: string;
  let dir: string;
  let received: { url: string; authorization: string | undefined; bytes: number }[];
  let refusal: { status: number; body: unknown } | null;
  beforeAll(async () => {
    // An import service's upload route: it notes what it received and gives the answer it is told to.
    server = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        received.push({ url: req.url ?? '', authorization: req.headers.authorization, bytes });
        res.writeHead(refusal?.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(refusal?.body ?? { status: 'COMPLETED' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    uploadUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/imports/i-1/file`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kz-cli-upload-'));
    received = [];
    refusal = null;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const api = new ApiClient('http://127.0.0.1:1/graphql', 'admin-token');

  it('streams the whole file with its name and the token, and draws a large one’s progress (in a log, its last line only)', async () => {
    const file = join(dir, 'WhatsApp Chat with Hikers.zip');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024, 7));
    const err = new Captured();
    await uploadToImport(api, uploadUrl, file, 'application/zip', err);
    expect(received).toEqual([
      { url: '/imports/i-1/file?filename=WhatsApp%20Chat%20with%20Hikers.zip', authorization: 'Bearer admin-token', bytes: 3 * 1024 * 1024 },
    ]);
    expect(err.text).toMatch(/^\[#{30}\] 100\.0% 3\.0 MB\/3\.0 MB uploaded[^\n]*\n$/);
  });

  it('redraws the line on a terminal, and ends it', async () => {
    const file = join(dir, 'big.txt');
    writeFileSync(file, Buffer.alloc(2 * 1024 * 1024, 'a'));
    const tty = new Captured(true);
    await uploadToImport(api, uploadUrl, file, 'text/plain', tty);
    expect(tty.text).toMatch(/^\r\[[#.]{30}\] .* uploaded.*\x1b\[K/);
    expect(tty.text).toMatch(/\r\[#{30}\] 100\.0% 2\.0 MB\/2\.0 MB uploaded[^\n]*\x1b\[K\n$/);
  });

  it('draws nothing for a small file, which goes up in a moment', async () => {
    const file = join(dir, 'chat.txt');
    writeFileSync(file, '26/03/2023, 00:59 - Alice: Hi\n');
    const err = new Captured(true);
    await uploadToImport(api, uploadUrl, file, 'text/plain', err);
    expect(received[0]!.bytes).toBe(30);
    expect(err.text).toBe('');
  });

  it("gives the server's sentence when it refuses the file", async () => {
    const file = join(dir, 'members.csv');
    writeFileSync(file, 'Phone,Name\n');
    refusal = {
      status: 400,
      body: { errors: [{ message: 'This file is not a WhatsApp chat export.', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }] },
    };
    await expect(uploadToImport(api, uploadUrl, file, 'text/plain', new Captured())).rejects.toThrow(
      new CliError('The upload was refused: This file is not a WhatsApp chat export. (BAD_USER_INPUT)'),
    );
  });
});
