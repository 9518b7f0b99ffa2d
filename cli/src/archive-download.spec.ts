import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError } from './api-client';
import { contentDispositionFileName, downloadArchive, type DownloadOptions } from './archive-download';

describe('contentDispositionFileName', () => {
  it.each([
    ['attachment; filename="organization-export-2025-03-01-0193a1b2.tar.gz"', 'organization-export-2025-03-01-0193a1b2.tar.gz'],
    ['attachment; filename=plain.tar.gz', 'plain.tar.gz'],
    ['attachment; filename="say \\"hi\\".tar.gz"', 'say "hi".tar.gz'],
    ['attachment; filename="fallback.tar.gz"; filename*=UTF-8\'\'%C3%A9t%C3%A9.tar.gz', 'été.tar.gz'],
    ['ATTACHMENT; FILENAME="upper.tar.gz"', 'upper.tar.gz'],
  ])('%s names %s', (header, name) => expect(contentDispositionFileName(header)).toBe(name));

  it('keeps a suggested name from leaving the current directory or hiding', () => {
    expect(contentDispositionFileName('attachment; filename="../../etc/passwd"')).toBe('passwd');
    expect(contentDispositionFileName('attachment; filename="C:\\\\Windows\\\\evil.tar.gz"')).toBe('evil.tar.gz');
    expect(contentDispositionFileName('attachment; filename=".bashrc"')).toBe('bashrc');
    expect(contentDispositionFileName('attachment; filename="a\u0007b.tar.gz"')).toBe('ab.tar.gz');
  });

  it('gives none when there is no usable name', () => {
    for (const header of [null, undefined, '', 'attachment', 'attachment; filename=""', 'attachment; filename="/"', 'attachment; filename=".."']) {
      expect(contentDispositionFileName(header)).toBeNull();
    }
    expect(contentDispositionFileName("attachment; filename*=UTF-8''%E0%A4%A.tar.gz")).toBeNull();
  });
});

/** An archive server that answers as the import service does, and can drop a connection part way. */
class ArchiveServer {
  readonly archive = randomBytes(256 * 1024 + 17);
  readonly sha256 = createHash('sha256').update(this.archive).digest('hex');
  readonly ranges: (string | undefined)[] = [];
  /** For each next request in turn: the bytes to send before dropping the connection. */
  dropAfter: number[] = [];
  ignoreRanges = false;
  /** Without Content-Length a client cannot tell a dropped connection from the end until it asks for more. */
  sendLength = true;
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/exports/e1/archive`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    this.ranges.push(req.headers.range);
    if (req.headers.authorization !== 'Bearer admin') {
      res.writeHead(404, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ errors: [{ message: 'Export not found.', extensions: { code: 'NOT_FOUND' } }] }));
    }
    const match = this.ignoreRanges ? null : /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const start = match ? Number(match[1]) : null;
    if (start !== null && start >= this.archive.length) {
      res.writeHead(416, { 'content-range': `bytes */${this.archive.length}` });
      return void res.end();
    }
    const body = this.archive.subarray(start ?? 0);
    res.writeHead(start === null ? 200 : 206, {
      'content-type': 'application/gzip',
      ...(this.sendLength ? { 'content-length': String(body.length) } : {}),
      'content-disposition': 'attachment; filename="organization-export-2025-03-01-e1.tar.gz"',
      'accept-ranges': 'bytes',
      ...(start !== null ? { 'content-range': `bytes ${start}-${this.archive.length - 1}/${this.archive.length}` } : {}),
    });
    const drop = this.dropAfter.shift();
    if (drop === undefined) return void res.end(body);
    res.write(body.subarray(0, drop), () => setTimeout(() => res.socket?.destroy(), 20));
  }
}

describe('downloadArchive', () => {
  const server = new ArchiveServer();
  let url: string;
  let dir: string;
  beforeAll(async () => {
    url = await server.start();
  });
  afterAll(() => server.stop());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kz-cli-download-'));
    server.ranges.length = 0;
    server.dropAfter = [];
    server.ignoreRanges = false;
    server.sendLength = true;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const options = (overrides: Partial<DownloadOptions> = {}): DownloadOptions => ({
    url,
    token: 'admin',
    chooseFile: (suggested) => join(dir, suggested ?? 'unnamed'),
    expectedBytes: server.archive.length,
    expectedSha256: server.sha256,
    retryDelayMs: 1,
    ...overrides,
  });

  it('saves the archive under the name the server suggests, checked, with only its owner able to read it', async () => {
    const progress: number[] = [];
    const saved = await downloadArchive(options({ onProgress: (written) => progress.push(written) }));
    expect(saved).toEqual({ file: join(dir, 'organization-export-2025-03-01-e1.tar.gz'), bytes: server.archive.length, sha256: server.sha256 });
    expect(readFileSync(saved.file).equals(server.archive)).toBe(true);
    expect(statSync(saved.file).mode & 0o777).toBe(0o600);
    expect(progress.at(-1)).toBe(server.archive.length);
    expect(readdirSync(dir)).toEqual(['organization-export-2025-03-01-e1.tar.gz']);
  });

  it('asks for the rest after a dropped connection, again and again, and hashes every byte once', async () => {
    server.dropAfter = [100_000, 50_000];
    const saved = await downloadArchive(options());
    expect(server.ranges).toEqual([undefined, 'bytes=100000-', 'bytes=150000-']);
    expect(saved.sha256).toBe(server.sha256);
    expect(readFileSync(saved.file).equals(server.archive)).toBe(true);
  });

  it('takes the file from its start when the server ignores the range', async () => {
    server.dropAfter = [100_000];
    server.ignoreRanges = true;
    const saved = await downloadArchive(options());
    expect(server.ranges).toEqual([undefined, 'bytes=100000-']);
    expect(readFileSync(saved.file).equals(server.archive)).toBe(true);
  });

  it('is done when the range asked for starts at the end (416): every byte had arrived', async () => {
    server.dropAfter = [server.archive.length];
    server.sendLength = false;
    const saved = await downloadArchive(options({ expectedBytes: null }));
    expect(server.ranges).toEqual([undefined, `bytes=${server.archive.length}-`]);
    expect(saved.sha256).toBe(server.sha256);
  });

  it('gives up after tries in a row that bring nothing, removing the part', async () => {
    server.dropAfter = [0, 0, 0];
    await expect(downloadArchive(options({ attempts: 3 }))).rejects.toThrow(/stopped 3 times in a row.*0 bytes of 262161/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("keeps nothing whose checksum is not the export's", async () => {
    const wrong = createHash('sha256').update('something else').digest('hex');
    const failure = await downloadArchive(options({ expectedSha256: wrong })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CliError);
    expect((failure as Error).message).toBe(`The download's SHA-256 is ${server.sha256}, the export's archive's ${wrong}; it was removed. Try again.`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("says the server's sentence when it refuses, without trying again", async () => {
    await expect(downloadArchive(options({ token: 'member' }))).rejects.toThrow(new CliError('Export not found. (NOT_FOUND)'));
    expect(server.ranges).toHaveLength(1);
  });

  it('removes the part when stopped', async () => {
    const stop = new AbortController();
    server.dropAfter = [100_000];
    const download = downloadArchive(
      options({
        signal: stop.signal,
        retryDelayMs: 60_000,
        onProgress: (written) => {
          if (written >= 100_000) stop.abort();
        },
      }),
    );
    await expect(download).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dir, 'organization-export-2025-03-01-e1.tar.gz'))).toBe(false);
  });
});
