import { pipeline } from 'node:stream/promises';
import { PassThrough, type Readable } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import { decodeText } from './decode';
import { detectDelimiter, mapHeader, MAX_COLUMNS, type HeaderMap } from './header';
import { ImportFileError } from './import-file-error';

export interface CsvRow {
  /** 1-based, counting the header as row 1, as a spreadsheet shows it. */
  rowNumber: number;
  values: string[];
}

const MAX_FIELD_CHARS = 10_000;

/**
 * Streams the rows of an uploaded CSV file: decoding, delimiter detection,
 * quoted fields with newlines, a header matched by name. Never holds the file
 * in memory; memory stays flat however long the file is.
 */
export async function* readCsvRows(source: Readable, onHeader: (header: HeaderMap) => void): AsyncGenerator<CsvRow> {
  const text = new PassThrough({ objectMode: true });
  const decoding = pipeline(source, decodeText(), text);
  // Its failure also reaches the readers of `text`; it is awaited at the end.
  decoding.catch(() => undefined);
  let firstChunk = '';
  const iterator = text[Symbol.asyncIterator]();
  // The delimiter is sniffed from the first line, so the parser starts once that line is in.
  while (!firstChunk.includes('\n')) {
    const next = await iterator.next();
    if (next.done) break;
    firstChunk += next.value as string;
    if (firstChunk.length > 1_000_000) break;
  }
  if (firstChunk.trim().length === 0) {
    throw new ImportFileError('EMPTY_FILE', 'The file is empty; it needs a header row and at least one row of people.');
  }
  const parser: Parser = parse({
    delimiter: detectDelimiter(firstChunk.split(/\r?\n/)[0]!),
    relax_column_count: true,
    // Spreadsheets on different systems end lines differently, sometimes within one file.
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    max_record_size: MAX_FIELD_CHARS * MAX_COLUMNS,
    bom: false,
  });
  const feed = (async () => {
    parser.write(firstChunk);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!parser.write(next.value as string)) await new Promise((resolve) => parser.once('drain', resolve));
    }
    parser.end();
  })();
  // A decoding failure (binary file) surfaces as the parser's error, where the rows are read.
  feed.catch((err: Error) => parser.destroy(err));
  decoding.catch((err: Error) => parser.destroy(err));
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      if (rowNumber === 1) {
        onHeader(mapHeader(record));
        continue;
      }
      yield { rowNumber, values: record };
    }
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const code = (err as { code?: string }).code;
    if (code?.startsWith('CSV_')) throw new ImportFileError('MALFORMED_CSV', `The CSV is malformed near row ${rowNumber + 1}: ${(err as Error).message}`);
    throw err;
  }
  await feed;
  await decoding;
  if (rowNumber === 0) throw new ImportFileError('EMPTY_FILE', 'The file is empty; it needs a header row and at least one row of people.');
  if (rowNumber === 1) throw new ImportFileError('EMPTY_FILE', 'The file is empty below its header; add at least one row of people.');
}
