import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { csvLine } from '@kz/server';
import type { ChatEntry, SkippedLine } from './whatsapp-parser';

const MESSAGE = 1;
const NOTICE = 2;

/**
 * What became of each entry of a chat, kept compact (a few bytes an entry,
 * whatever the chat's size) between the reading of the export and the
 * writing of its report: where each entry starts, its kind, its author.
 */
export class ChatOutcomes {
  private starts = new Int32Array(1024);
  private kinds = new Uint8Array(1024);
  private authorOf = new Int32Array(1024);
  private count = 0;
  private readonly authors: string[] = [];
  private readonly authorIndex = new Map<string, number>();
  private readonly skipped = new Map<number, string>();

  add(entries: readonly ChatEntry[]): void {
    for (const entry of entries) {
      if (this.count === this.starts.length) this.grow();
      this.starts[this.count] = entry.line;
      this.kinds[this.count] = entry.kind === 'MESSAGE' ? MESSAGE : NOTICE;
      this.authorOf[this.count] = entry.kind === 'MESSAGE' ? this.author(entry.author) : -1;
      this.count++;
    }
  }

  skip(lines: readonly SkippedLine[]): void {
    for (const line of lines) this.skipped.set(line.line, line.reason);
  }

  /** The report's lines: each line of the file as written, in order, with what became of it. */
  async *report(raw: AsyncIterable<[number, string]>): AsyncGenerator<string> {
    yield csvLine(['line', 'text', 'became', 'detail']);
    let next = 0;
    let current = -1;
    for await (const [number, text] of raw) {
      while (next < this.count && this.starts[next]! < number) next++;
      const reason = this.skipped.get(number);
      if (reason !== undefined) {
        yield csvLine([String(number), text, 'SKIPPED', reason]);
      } else if (next < this.count && this.starts[next] === number) {
        current = next;
        const kind = this.kinds[next] === MESSAGE ? 'MESSAGE' : 'SYSTEM_EVENT';
        yield csvLine([String(number), text, kind, this.kinds[next] === MESSAGE ? `by ${this.authors[this.authorOf[next]!]}` : '']);
      } else if (current >= 0) {
        yield csvLine([String(number), text, 'CONTINUATION', `part of the entry on line ${this.starts[current]}`]);
      } else if (text.trim() !== '') {
        yield csvLine([String(number), text, 'SKIPPED', 'It belongs to no message.']);
      }
    }
  }

  private author(name: string): number {
    let index = this.authorIndex.get(name);
    if (index === undefined) {
      index = this.authors.push(name) - 1;
      this.authorIndex.set(name, index);
    }
    return index;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const authorOf = new Int32Array(size);
    authorOf.set(this.authorOf);
    [this.starts, this.kinds, this.authorOf] = [starts, kinds, authorOf];
  }
}

/** The lines of an export's text with their numbers, split as the parser splits them (LF, CRLF or CR; a leading BOM dropped). */
export async function* numberedLines(text: Readable): AsyncGenerator<[number, string]> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  let number = 0;
  let first = true;
  const lines = function* (chunk: string, final: boolean): Generator<string> {
    let buffer = partial + chunk;
    if (first && buffer.length > 0) {
      first = false;
      if (buffer.startsWith('\uFEFF')) buffer = buffer.slice(1);
    }
    const breaks = /\r\n|\r|\n/gu;
    let start = 0;
    for (let match = breaks.exec(buffer); match; match = breaks.exec(buffer)) {
      if (!final && match[0] === '\r' && match.index === buffer.length - 1) break;
      yield buffer.slice(start, match.index);
      start = match.index + match[0].length;
    }
    partial = buffer.slice(start);
    if (final && partial.length > 0) {
      yield partial;
      partial = '';
    }
  };
  for await (const chunk of text) for (const line of lines(decoder.write(chunk as Buffer), false)) yield [++number, line];
  for (const line of lines(decoder.end(), true)) yield [++number, line];
}
