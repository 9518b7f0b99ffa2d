import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, CliError } from './api-client';
import { completedNotice, exportCommand, INTERRUPTED, parseInstant, stillRunningNotice, type ExportJob, type Output } from './export-command';

describe('parseInstant', () => {
  it.each([
    ['2025-03-01', '2025-03-01T00:00:00.000Z'],
    ['2025-03-01T09:30:00Z', '2025-03-01T09:30:00.000Z'],
    ['2025-03-01T09:30Z', '2025-03-01T09:30:00.000Z'],
    ['2025-03-01T09:30:00.25+05:30', '2025-03-01T04:00:00.250Z'],
    ['2024-02-29t23:00:00-01:00', '2024-03-01T00:00:00.000Z'],
    [' 2025-03-01 ', '2025-03-01T00:00:00.000Z'],
  ])('%s is %s', (value, instant) => expect(parseInstant(value)).toBe(instant));

  it.each(['', 'yesterday', '2025-3-1', '2025-02-29', '2025-13-01', '2025-03-01T09:30:00', '2025-03-01 09:30:00Z', '2025-03-01T25:00:00Z', '1740821400'])(
    'refuses %j',
    (value) => expect(parseInstant(value)).toBeNull(),
  );
});

describe('the notices of an export left running or not downloaded', () => {
  it('name the export and where its archive is downloaded', () => {
    expect(stillRunningNotice('e-1', 'https://chat.example/exports/e-1/archive')).toBe(
      "Export e-1 goes on; it was not cancelled. Once it has completed, download its archive with an admin's access token:\n" +
        '  curl -fOJ -H "Authorization: Bearer $KZ_TOKEN" https://chat.example/exports/e-1/archive\n' +
        `and compare its SHA-256 with archiveSha256 of exportJob(id: "e-1"); or use the portal's Exports screen.\n`,
    );
    expect(
      completedNotice({ id: 'e-1', downloadUrl: 'https://files.example/exports/e-1/archive', expiresAt: '2025-03-08T00:00:00.000Z', archiveSha256: 'ab12' }),
    ).toBe(
      "Export e-1 has completed; its archive can be downloaded until 2025-03-08T00:00:00.000Z with an admin's access token:\n" +
        '  curl -fOJ -H "Authorization: Bearer $KZ_TOKEN" https://files.example/exports/e-1/archive\n' +
        'Its SHA-256 is ab12.\n',
    );
  });
});

/** A gateway answering the export's operations from a script of states, and the import service's archive download. */
class FakeGateway {
  readonly archive = Buffer.from('a small archive\n'.repeat(1000));
  readonly operations: string[] = [];
  /** The exportJob answers in turn (the last one repeats); a number is an HTTP status the gateway fails with. */
  states: (Partial<ExportJob> | number)[] = [];
  startErrors: { message: string; extensions: Record<string, string> }[] | null = null;
  base = '';
  private server!: Server;

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  job(state: Partial<ExportJob>): ExportJob {
    return {
      id: 'e-1',
      status: 'QUEUED',
      recordsWritten: 0,
      recordsTotal: 0,
      percent: 0,
      failureReason: null,
      downloadUrl: null,
      archiveBytes: null,
      archiveSha256: null,
      expiresAt: null,
      ...state,
    };
  }

  completed(): Partial<ExportJob> {
    return {
      status: 'COMPLETED',
      recordsWritten: 42,
      recordsTotal: 42,
      percent: 100,
      downloadUrl: `${this.base}/exports/e-1/archive`,
      archiveBytes: this.archive.length,
      archiveSha256: createHash('sha256').update(this.archive).digest('hex'),
      expiresAt: '2025-03-08T00:00:00.000Z',
    };
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url === '/exports/e-1/archive') {
      res.writeHead(200, { 'content-length': String(this.archive.length), 'content-disposition': 'attachment; filename="export-e-1.tar.gz"' });
      return void res.end(this.archive);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const { query } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string };
    const operation = /\{\s*(\w+)/.exec(query)![1]!;
    this.operations.push(operation);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (operation === 'startExport') {
      if (this.startErrors) return json(200, { data: null, errors: this.startErrors });
      return json(200, { data: { startExport: { export: { id: 'e-1', from: null, to: '2025-03-01T00:00:00.000Z' } } } });
    }
    const state = this.states.length > 1 ? this.states.shift()! : this.states[0]!;
    if (typeof state === 'number') return json(state, {});
    json(200, { data: { exportJob: this.job(state) } });
  }
}

class Captured implements Output {
  text = '';
  constructor(readonly isTTY = false) {}
  write(text: string): boolean {
    this.text += text;
    return true;
  }
}

describe('exportCommand', () => {
  const gateway = new FakeGateway();
  let dir: string;
  let out: Captured;
  let err: Captured;
  beforeAll(() => gateway.start());
  afterAll(() => gateway.stop());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kz-cli-export-'));
    out = new Captured();
    err = new Captured();
    gateway.operations.length = 0;
    gateway.startErrors = null;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const api = () => new ApiClient(`${gateway.base}/graphql`, 'admin-token');
  const options = { orgId: 'o-1', from: null, to: null, out: null };

  it('follows the export to the end, downloads and checks the archive and says where it is', async () => {
    gateway.states = [{ status: 'QUEUED' }, { status: 'RUNNING', recordsWritten: 10, recordsTotal: 42, percent: 23.8 }, gateway.completed()];
    const file = join(dir, 'archive.tar.gz');
    expect(await exportCommand(api(), { ...options, out: file }, out, err, undefined, 1)).toBe(0);
    expect(readFileSync(file).equals(gateway.archive)).toBe(true);
    const sha256 = gateway.completed().archiveSha256;
    expect(out.text).toBe(`COMPLETED: 42 records\nfile: ${file}\nsize: 16,000 bytes (15.6 KB)\nsha256: ${sha256} (matches the export's)\n`);
    expect(err.text.split('\n')).toEqual([
      'export e-1: started, messages sent from the first until 2025-03-01T00:00:00.000Z',
      '[..............................]   0.0% 0/0 QUEUED',
      '[#######.......................]  23.8% 10/42 RUNNING',
      '[##############################] 100.0% 42/42 COMPLETED',
      `export e-1: 42 records; downloading 15.6 KB to ${file}`,
      expect.stringMatching(/^\[#{30}\] 100\.0% 15\.6 KB\/15\.6 KB downloaded/),
      '',
    ]);
  });

  it("saves the archive under the server's file name in the current directory unless told otherwise", async () => {
    gateway.states = [gateway.completed()];
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await exportCommand(api(), options, out, err, undefined, 1)).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(readFileSync(join(dir, 'export-e-1.tar.gz')).equals(gateway.archive)).toBe(true);
  });

  it('redraws one line on a terminal', async () => {
    gateway.states = [{ status: 'RUNNING', recordsWritten: 1, recordsTotal: 2, percent: 50 }, gateway.completed()];
    const tty = new Captured(true);
    expect(await exportCommand(api(), { ...options, out: join(dir, 'a.tar.gz') }, out, tty, undefined, 1)).toBe(0);
    expect(tty.text).toContain('\r[###############...............]  50.0% 1/2 RUNNING\x1b[K\r[##############################] 100.0% 42/42 COMPLETED\x1b[K\n');
  });

  it('reports a failed or cancelled export with exit status 1', async () => {
    gateway.states = [{ status: 'FAILED', recordsWritten: 7, recordsTotal: 42, percent: 16.7, failureReason: 'The messaging service did not answer.' }];
    expect(await exportCommand(api(), options, out, err, undefined, 1)).toBe(1);
    expect(out.text).toBe('FAILED: 7 records written of 42\nreason: The messaging service did not answer.\n');
    gateway.states = [{ status: 'CANCELLED' }];
    expect(await exportCommand(api(), options, (out = new Captured()), err, undefined, 1)).toBe(1);
    expect(out.text).toBe('CANCELLED: 0 records written of 0\n');
  });

  it('goes on following through a short gateway outage', async () => {
    gateway.states = [503, 502, gateway.completed()];
    expect(await exportCommand(api(), { ...options, out: join(dir, 'a.tar.gz') }, out, err, undefined, 1)).toBe(0);
  });

  it("gives the server's sentence when the export cannot start", async () => {
    gateway.startErrors = [
      { message: 'An export of this organisation is already running (e-0); wait for it or cancel it first.', extensions: { code: 'CONFLICT' } },
    ];
    await expect(exportCommand(api(), options, out, err, undefined, 1)).rejects.toThrow(
      new CliError('An export of this organisation is already running (e-0); wait for it or cancel it first. (CONFLICT)'),
    );
  });

  it('on Ctrl-C stops waiting, leaves the export running and says how to download it later', async () => {
    gateway.states = [{ status: 'RUNNING', recordsWritten: 1, recordsTotal: 1_000, percent: 0.1 }];
    const stop = new AbortController();
    const running = exportCommand(api(), options, out, err, stop.signal, 5);
    while (!err.text.includes('RUNNING')) await new Promise((resolve) => setTimeout(resolve, 5));
    stop.abort();
    expect(await running).toBe(INTERRUPTED);
    expect(err.text).toContain(`Stopped waiting. ${stillRunningNotice('e-1', `${gateway.base}/exports/e-1/archive`)}`);
    expect(new Set(gateway.operations)).toEqual(new Set(['startExport', 'exportJob']));
    expect(out.text).toBe('');
  });

  it('when following fails, still says where the export can be had', async () => {
    gateway.states = [{ status: 'RUNNING' }, 401];
    const failure = (await exportCommand(api(), options, out, err, undefined, 1).catch((e: unknown) => e)) as CliError;
    expect(failure).toBeInstanceOf(CliError);
    expect(failure.message).toBe(`The gateway answered HTTP 401 without data.\n${stillRunningNotice('e-1', `${gateway.base}/exports/e-1/archive`)}`);
  });
});
