import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { MemberRow } from './member-row';

/**
 * The checked rows of an upload, cut into chunk files that workers read by (import, chunk): jobs carry ids, not rows.
 * Every process of the service must see the same files: one machine's disk, or an S3-compatible bucket.
 */
export interface ChunkStore {
  /** Starts the import's chunk files afresh. */
  writer(importId: string): Promise<ChunkWriter>;
  read(importId: string, chunk: number): Promise<MemberRow[]>;
  /** Forgets the import's chunk files, if any. */
  remove(importId: string): Promise<void>;
}

/** The name of a chunk's file, under its import's directory or key prefix. */
export const chunkFileName = (chunk: number) => `chunk-${String(chunk).padStart(6, '0')}.ndjson`;

/** The rows of a chunk file, one JSON object a line. */
export async function readChunkRows(input: Readable): Promise<MemberRow[]> {
  const rows: MemberRow[] = [];
  for await (const line of createInterface({ input, crlfDelay: Infinity })) if (line) rows.push(JSON.parse(line) as MemberRow);
  return rows;
}

/** Chunk files in a directory of this machine (a volume shared by the service's processes). */
export class DiskChunkStore implements ChunkStore {
  constructor(private readonly root: string) {}

  private dir(importId: string): string {
    return join(this.root, importId);
  }

  private file(importId: string, chunk: number): string {
    return join(this.dir(importId), chunkFileName(chunk));
  }

  async writer(importId: string): Promise<ChunkWriter> {
    await rm(this.dir(importId), { recursive: true, force: true });
    await mkdir(this.dir(importId), { recursive: true });
    return new ChunkWriter((chunk) => createWriteStream(this.file(importId, chunk)));
  }

  read(importId: string, chunk: number): Promise<MemberRow[]> {
    return readChunkRows(createReadStream(this.file(importId, chunk)));
  }

  async remove(importId: string): Promise<void> {
    await rm(this.dir(importId), { recursive: true, force: true });
  }
}

/** Appends rows to chunk files of `chunkRows` each, waiting when the store is slower than the upload. */
export class ChunkWriter {
  private current: Writable | null = null;
  private failure: Error | null = null;
  private rowsInChunk = 0;
  chunks = 0;

  constructor(private readonly open: (chunk: number) => Writable) {}

  async append(row: MemberRow, chunkRows: number): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.current || this.rowsInChunk >= chunkRows) {
      await this.closeCurrent();
      this.chunks++;
      this.current = this.open(this.chunks);
      // A write error (disk full) fails the next append or the close, not the process.
      this.current.on('error', (err) => {
        this.failure ??= err;
      });
      this.rowsInChunk = 0;
    }
    this.rowsInChunk++;
    if (!this.current.write(`${JSON.stringify(row)}\n`)) await once(this.current, 'drain');
  }

  async close(): Promise<void> {
    await this.closeCurrent();
  }

  private async closeCurrent(): Promise<void> {
    if (!this.current) return;
    const stream = this.current;
    this.current = null;
    stream.end();
    if (!stream.writableFinished && !this.failure) await once(stream, 'finish');
    if (this.failure) throw this.failure;
  }
}
