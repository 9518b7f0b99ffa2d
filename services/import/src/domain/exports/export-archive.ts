import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';
import { pack, type Pack } from 'tar-stream';
import type { Digest } from './export-store';

/** A file to put in the archive: its name there and where its bytes are now. */
export interface ArchiveFile {
  name: string;
  path: string;
  size: number;
}

function addFile(tar: Pack, file: ArchiveFile, mtime: Date): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const entry = tar.entry({ name: file.name, size: file.size, mtime, mode: 0o644 }, (err) => (err ? reject(err) : resolve()));
    const source = createReadStream(file.path);
    source.on('error', reject);
    source.pipe(entry);
  });
}

/**
 * Writes a .tar.gz of `manifest.json` (first, so a reader knows what follows)
 * and the files, streamed from disk: memory stays flat whatever their size.
 * Answers the archive's size and SHA-256.
 */
export async function writeArchive(opts: {
  path: string;
  /** The directory every entry sits in, so that unpacking makes one folder. */
  folder: string;
  manifest: object;
  files: AsyncIterable<ArchiveFile> | Iterable<ArchiveFile>;
  mtime: Date;
}): Promise<Digest> {
  const tar = pack();
  const hash = createHash('sha256');
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  // tar-stream's streams are not Node's: piped, not passed to pipeline.
  const gzip = createGzip({ level: constants.Z_BEST_SPEED });
  tar.pipe(gzip);
  const written = pipeline(gzip, measure, createWriteStream(opts.path));
  const manifest = Buffer.from(JSON.stringify(opts.manifest, null, 2) + '\n');
  tar.entry({ name: `${opts.folder}/manifest.json`, size: manifest.length, mtime: opts.mtime, mode: 0o644 }, manifest);
  try {
    for await (const file of opts.files) await addFile(tar, { ...file, name: `${opts.folder}/${file.name}` }, opts.mtime);
    tar.finalize();
  } catch (err) {
    // Nothing more is written: the partial file is left for the caller, which writes the archive again.
    tar.destroy();
    gzip.destroy(err as Error);
    await written.catch(() => undefined);
    throw err;
  }
  await written;
  return { bytes, sha256: hash.digest('hex') };
}
