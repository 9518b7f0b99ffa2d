import { Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import { ImportFileError } from './import-file-error';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** UTF-8 with or without BOM, or UTF-16 with a BOM; anything else is read as UTF-8 and must be valid. */
export function detectEncoding(head: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return { encoding: 'utf-8', bomLength: 0 };
}

const NOT_TEXT = 'The file is not a text CSV file (it looks binary, or is not UTF-8/UTF-16 encoded); export it from your spreadsheet as CSV.';

/**
 * Bytes in, text out, decoded as the BOM says. Invalid sequences or NUL
 * characters fail the stream: a spreadsheet (.xlsx), an image or a PDF is
 * refused as a whole instead of producing garbage rows.
 */
export function decodeText(): Transform {
  let decoder: TextDecoder | undefined;
  let pending = Buffer.alloc(0);
  const feed = (bytes: Buffer, stream: boolean): string => {
    let text: string;
    try {
      text = decoder!.decode(bytes, { stream });
    } catch {
      throw new ImportFileError('NOT_TEXT', NOT_TEXT);
    }
    if (text.includes('\u0000')) throw new ImportFileError('NOT_TEXT', NOT_TEXT);
    return text;
  };
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      try {
        if (!decoder) {
          pending = Buffer.concat([pending, chunk]);
          if (pending.length < 3) return done();
          const { encoding, bomLength } = detectEncoding(pending);
          decoder = new TextDecoder(encoding, { fatal: true });
          const text = feed(pending.subarray(bomLength), true);
          pending = Buffer.alloc(0);
          return done(null, text || undefined);
        }
        const text = feed(chunk, true);
        done(null, text || undefined);
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        if (!decoder) {
          const { encoding, bomLength } = detectEncoding(pending);
          decoder = new TextDecoder(encoding, { fatal: true });
          const text = feed(pending.subarray(bomLength), false);
          return done(null, text || undefined);
        }
        const text = feed(Buffer.alloc(0), false);
        done(null, text || undefined);
      } catch (err) {
        done(err as Error);
      }
    },
  });
}
