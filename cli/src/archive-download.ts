import { createHash, type Hash } from 'node:crypto';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { CliError, serverError, type ServerErrors } from './api-client';

/**
 * The file name a download suggests (Content-Disposition's `filename*` or `filename`), made safe to create in the
 * current directory: no folders, no control characters, not hidden; null when there is none.
 */
export function contentDispositionFileName(header: string | null | undefined): string | null {
  if (!header) return null;
  let name: string | null = null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*[^']*'[^']*'([^;\s]+)/i.exec(header);
  if (extended) {
    try {
      name = decodeURIComponent(extended[1]!);
    } catch {
      name = null;
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  const token = /(?:^|;)\s*filename\s*=\s*([^;\s"]+)/i.exec(header);
  name ??= quoted ? quoted[1]!.replace(/\\(.)/g, '$1') : (token?.[1] ?? null);
  if (name === null) return null;
  const safe = (name.split(/[/\\]/).at(-1) ?? '')
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  return safe.length > 0 ? safe : null;
}

export interface DownloadOptions {
  url: string;
  token: string | null;
  /** Where to save the file, told the name the server suggests once it first answers. */
  chooseFile: (suggestedName: string | null) => string;
  /** The archive's size and SHA-256 as the export records them, to check the download against. */
  expectedBytes: number | null;
  expectedSha256: string | null;
  signal?: AbortSignal;
  onProgress?: (written: number, total: number | null) => void;
  /** Tries in a row that bring no new bytes before giving up. */
  attempts?: number;
  retryDelayMs?: number;
}

export interface DownloadedFile {
  file: string;
  bytes: number;
  sha256: string;
}

/** Thrown by a try that may succeed if made again from where it stopped. */
class Interrupted extends Error {}

/**
 * Downloads to `<file>.part` a chunk at a time (never the whole archive in memory), hashing each chunk once it is on
 * disk; when the connection drops it asks for the rest (`Range: bytes=<written>-`). The file takes its name only once
 * its size and checksum are right; the part is removed when they are not, or when the download is stopped.
 */
export async function downloadArchive(opts: DownloadOptions): Promise<DownloadedFile> {
  const attempts = opts.attempts ?? 5;
  const retryDelayMs = opts.retryDelayMs ?? 1_000;
  let file: string | null = null;
  let part: string | null = null;
  let handle: FileHandle | null = null;
  let hash: Hash = createHash('sha256');
  let written = 0;
  let total = opts.expectedBytes;
  let failures = 0;

  const restart = async () => {
    hash = createHash('sha256');
    written = 0;
    await handle?.truncate(0);
  };

  try {
    while (total === null || written < total) {
      const writtenBefore = written;
      try {
        const res = await fetch(opts.url, {
          headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(written > 0 ? { range: `bytes=${written}-` } : {}) },
          signal: opts.signal,
        });
        if (res.status === 416 && written > 0) {
          const size = Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1] ?? NaN);
          // The range starts at the end: everything had arrived before the connection dropped.
          if (written === size) break;
          await restart();
          throw new Interrupted(`the server's archive is ${size} bytes, ${written} were written`);
        }
        if (res.status >= 500) throw new Interrupted(`HTTP ${res.status}`);
        if (res.status !== 200 && res.status !== 206) {
          throw serverError((await res.json().catch(() => null)) as ServerErrors | null, `The download was refused (HTTP ${res.status}).`);
        }
        if (file === null) {
          file = opts.chooseFile(contentDispositionFileName(res.headers.get('content-disposition')));
          part = `${file}.part`;
          handle = await open(part, 'w', 0o600).catch((err: Error) => {
            throw new CliError(`Cannot write ${part}: ${err.message}`);
          });
        }
        const start = res.status === 206 ? Number(/^bytes (\d+)-/.exec(res.headers.get('content-range') ?? '')?.[1] ?? NaN) : 0;
        if (start !== written) {
          // The server sent the whole file (it ignored the range) or another part than asked: take it from its start.
          await restart();
          if (start !== 0) throw new Interrupted(`asked for bytes from ${writtenBefore}, the server sent them from ${start}`);
        }
        const length = Number(res.headers.get('content-length') ?? NaN);
        if (Number.isFinite(length)) total = start + length;
        if (!res.body) throw new Interrupted('the answer had no body');
        opts.onProgress?.(written, total);
        for await (const chunk of res.body) {
          await handle!.write(chunk, 0, chunk.length, written).catch((err: Error) => {
            throw new CliError(`Cannot write ${part}: ${err.message}`);
          });
          hash.update(chunk);
          written += chunk.length;
          opts.onProgress?.(written, total);
        }
        if (total === null) break;
        if (written < total) throw new Interrupted(`the connection closed after ${written} of ${total} bytes`);
      } catch (err) {
        if (opts.signal?.aborted) throw opts.signal.reason;
        if (err instanceof CliError) throw err;
        if (written > writtenBefore) failures = 0;
        if (++failures >= attempts) {
          throw new CliError(`The download stopped ${failures} times in a row (${describe(err)}); ${written} bytes of ${total ?? '?'} were written.`);
        }
        await sleep(retryDelayMs * failures, undefined, { signal: opts.signal });
      }
    }
    await handle?.close();
    handle = null;
    const sha256 = hash.digest('hex');
    if (file === null || part === null) throw new CliError('The download ended before the server sent anything.');
    if (opts.expectedBytes !== null && written !== opts.expectedBytes) {
      throw new CliError(`The download is ${written} bytes, the export's archive ${opts.expectedBytes}; it was removed. Try again.`);
    }
    if (opts.expectedSha256 !== null && sha256 !== opts.expectedSha256.toLowerCase()) {
      throw new CliError(`The download's SHA-256 is ${sha256}, the export's archive's ${opts.expectedSha256}; it was removed. Try again.`);
    }
    await rename(part, file);
    part = null;
    return { file, bytes: (await stat(file)).size, sha256 };
  } finally {
    await handle?.close().catch(() => undefined);
    if (part !== null) await rm(part, { force: true });
  }
}

function describe(err: unknown): string {
  const e = err as Error & { cause?: Error };
  return e.cause?.message ? `${e.message}: ${e.cause.message}` : (e.message ?? String(err));
}
