import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError } from '@kz/errors';
import { open as openZip, type Entry, type ZipFile } from 'yauzl';
import { NotAChatExportError } from './whatsapp-parser';

export interface StoredChatFile {
  path: string;
  kind: 'TEXT' | 'ZIP';
  bytes: number;
  sha256: string;
}

/** The media files a zipped export holds, by the names its messages use. */
export interface ChatMediaFiles {
  has: (fileName: string) => boolean;
  /** A file's bytes and size; null when the export does not hold it. */
  open: (fileName: string) => Promise<{ body: Readable; size: number } | null>;
}

/** A chat export opened for reading: its text as a stream of chunks, and the media files a .zip holds. */
export interface OpenedChat {
  text: () => Promise<Readable>;
  media: ChatMediaFiles;
  close: () => void;
}

const NO_MEDIA: ChatMediaFiles = { has: () => false, open: async () => null };

const ZIP_MAGIC = Buffer.from('PK\u0003\u0004', 'latin1');

/** The .txt of a zipped export: iOS names it _chat.txt, Android after the chat ("WhatsApp Chat with Team.txt"). */
export function chatTextEntry(names: readonly string[]): string | null {
  const texts = names.filter((n) => !n.endsWith('/') && n.toLowerCase().endsWith('.txt') && !posix.basename(n).startsWith('._'));
  return (
    texts.find((n) => posix.basename(n) === '_chat.txt') ??
    texts.find((n) => /^whatsapp chat/iu.test(posix.basename(n))) ??
    (texts.length === 1 ? texts[0]! : null)
  );
}

export class FileTooLargeError extends DomainError {
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(limit / 1024 / 1024)} MB, the largest chat export accepted.`, 'file');
  }
}

/**
 * Chat exports as uploaded, one directory per import under the service's
 * storage (shared by its processes), kept until the import is applied.
 */
export class ChatFileStore {
  constructor(private readonly root: string) {}

  private dir(importId: string): string {
    return join(this.root, importId);
  }

  /** The stored upload of an import, as store() described it. */
  storedFile(importId: string, kind: StoredChatFile['kind'], sha256: string): StoredChatFile {
    return { path: join(this.dir(importId), 'upload'), kind, bytes: 0, sha256 };
  }

  /** Streams the upload to disk (refusing it past `maxBytes`), answering its size, SHA-256 and kind. */
  async store(importId: string, body: Readable, maxBytes: number): Promise<StoredChatFile> {
    await rm(this.dir(importId), { recursive: true, force: true });
    await mkdir(this.dir(importId), { recursive: true });
    const path = join(this.dir(importId), 'upload');
    const hash = createHash('sha256');
    let bytes = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        if (bytes > maxBytes) return done(new FileTooLargeError(maxBytes));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    await pipeline(body, measure, createWriteStream(path));
    const head = Buffer.alloc(4);
    const handle = await open(path, 'r');
    try {
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
    return { path, kind: head.equals(ZIP_MAGIC) ? 'ZIP' : 'TEXT', bytes, sha256: hash.digest('hex') };
  }

  /** Opens a stored export: a .txt as it is; a .zip by its chat text, with its other entries as the media. */
  async open(file: StoredChatFile): Promise<OpenedChat> {
    if (!(await stat(file.path).catch(() => null))) {
      throw new DomainError(
        'NOT_FOUND',
        'This chat export is no longer kept (uploads are deleted after a while); start a new chat import and upload it again.',
      );
    }
    if (file.kind === 'TEXT') return { text: async () => createReadStream(file.path), media: NO_MEDIA, close: () => undefined };
    const zip = await zipOf(file.path);
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zipEntries(zip)) entries.set(entry.fileName, entry);
    } catch (err) {
      zip.close();
      throw err;
    }
    const textName = chatTextEntry([...entries.keys()]);
    if (textName === null) {
      zip.close();
      throw new NotAChatExportError(
        'NOT_A_CHAT_EXPORT',
        'The .zip holds no chat text: WhatsApp puts it in _chat.txt (iPhone) or "WhatsApp Chat with ….txt" (Android). Upload the .zip WhatsApp made, as it made it.',
      );
    }
    const media = new Map([...entries].filter(([n]) => n !== textName && !n.endsWith('/')).map(([n, entry]) => [posix.basename(n), entry]));
    return {
      text: () => entryStream(zip, entries.get(textName)!),
      media: {
        has: (fileName) => media.has(fileName),
        open: async (fileName) => {
          const entry = media.get(fileName);
          return entry ? { body: await entryStream(zip, entry), size: entry.uncompressedSize } : null;
        },
      },
      close: () => zip.close(),
    };
  }

  /** Deletes the uploads stored before `before` (epoch ms); answers their imports. */
  async removeOlderThan(before: number): Promise<string[]> {
    const removed: string[] = [];
    for (const importId of await readdir(this.root).catch(() => [] as string[])) {
      const stored = await stat(join(this.dir(importId), 'upload')).catch(() => null);
      if (stored && stored.mtimeMs < before) {
        await this.remove(importId);
        removed.push(importId);
      }
    }
    return removed;
  }

  async remove(importId: string): Promise<void> {
    await rm(this.dir(importId), { recursive: true, force: true });
  }
}

function zipOf(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    openZip(path, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) {
        reject(
          new NotAChatExportError(
            'NOT_A_CHAT_EXPORT',
            `The file starts like a .zip but cannot be read as one (${err?.message ?? 'no archive'}); export the chat again.`,
          ),
        );
      } else resolve(zip);
    }),
  );
}

async function* zipEntries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | null>((resolve, reject) => {
      const onEntry = (entry: Entry) => {
        cleanup();
        resolve(entry);
      };
      const onEnd = () => {
        cleanup();
        resolve(null);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(new NotAChatExportError('NOT_A_CHAT_EXPORT', `The .zip is damaged (${err.message}); export the chat again.`));
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (next === null) return;
    yield next;
  }
}

function entryStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('no stream')) : resolve(stream))),
  );
}
