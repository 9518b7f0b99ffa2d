import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Bytes and SHA-256 of what passes through, for a file written from a stream. */
export interface Digest {
  bytes: number;
  sha256: string;
}

/**
 * Where exports are written, one directory each, shared by the service's
 * processes: parts/<kind>.jsonl while the records are read, files/<attachment id>,
 * then archive.tar.gz, the only thing kept once it is made.
 */
export class ExportStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  partPath(exportId: string, kind: string): string {
    return join(this.root, exportId, 'parts', `${kind}.jsonl`);
  }

  filePath(exportId: string, attachmentId: string): string {
    return join(this.root, exportId, 'files', attachmentId);
  }

  archivePath(exportId: string): string {
    return join(this.root, exportId, 'archive.tar.gz');
  }

  /**
   * A part's file, cut back to the bytes its checkpoint counts (a worker that
   * stopped may have written more); null when it holds fewer: the part was lost
   * and must be written again from its start.
   */
  async openPart(exportId: string, kind: string, checkpointBytes: number): Promise<FileHandle | null> {
    const path = this.partPath(exportId, kind);
    await mkdir(join(this.root, exportId, 'parts'), { recursive: true });
    const size = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    if (size < checkpointBytes) return null;
    const handle = await open(path, size === 0 ? 'w' : 'r+');
    await handle.truncate(checkpointBytes);
    return handle;
  }

  /** Writes an attachment's bytes (again, when a stopped worker left part of them) and answers their size and SHA-256. */
  async writeFile(exportId: string, attachmentId: string, body: Readable): Promise<Digest> {
    await mkdir(join(this.root, exportId, 'files'), { recursive: true });
    const hash = createHash('sha256');
    let bytes = 0;
    body.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
    });
    await pipeline(body, createWriteStream(this.filePath(exportId, attachmentId)));
    return { bytes, sha256: hash.digest('hex') };
  }

  async digestOf(path: string): Promise<Digest> {
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    return { bytes, sha256: hash.digest('hex') };
  }

  /** Where the archive is written until it is whole; renamed to archivePath then. */
  partialArchivePath(exportId: string): string {
    return `${this.archivePath(exportId)}.partial`;
  }

  async publishArchive(exportId: string): Promise<void> {
    await rename(this.partialArchivePath(exportId), this.archivePath(exportId));
  }

  async archiveSize(exportId: string): Promise<number | null> {
    return stat(this.archivePath(exportId)).then(
      (s) => s.size,
      () => null,
    );
  }

  /** The parts and files an export was made from: no longer needed once its archive is. */
  async removeWork(exportId: string): Promise<void> {
    await rm(join(this.root, exportId, 'parts'), { recursive: true, force: true });
    await rm(join(this.root, exportId, 'files'), { recursive: true, force: true });
  }

  async remove(exportId: string): Promise<void> {
    await rm(join(this.root, exportId), { recursive: true, force: true });
  }
}
