import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';

/** An export archive as a reader unpacks it: each entry's bytes by its path (without the archive's folder). */
export interface UnpackedArchive {
  folder: string;
  files: Map<string, Buffer>;
  /** The entries' order in the archive. */
  order: string[];
}

export async function unpackArchive(bytes: Buffer): Promise<UnpackedArchive> {
  const files = new Map<string, Buffer>();
  const order: string[] = [];
  let folder = '';
  const tar = extract();
  Readable.from([bytes]).pipe(createGunzip()).pipe(tar);
  for await (const entry of tar) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    const [top, ...rest] = entry.header.name.split('/');
    folder = top!;
    const path = rest.join('/');
    files.set(path, Buffer.concat(chunks));
    order.push(path);
  }
  return { folder, files, order };
}

export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** The records of a JSON Lines file. */
export const jsonLines = <T = Record<string, unknown>>(bytes: Buffer | undefined): T[] =>
  (bytes ?? Buffer.alloc(0))
    .toString('utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as T);
