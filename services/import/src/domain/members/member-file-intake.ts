import { Transform, type Readable } from 'node:stream';
import { DomainError } from '@kz/errors';
import { readCsvRows } from '../csv/csv-rows';
import type { HeaderMap } from '../csv/header';
import type { ChunkWriter } from './chunk-store';
import { phoneKey, planColumns, readMemberRow, type ColumnPlan } from './member-row';
import { PhoneRowIndex } from './phone-row-index';

export interface RowError {
  rowNumber: number;
  values: string[];
  reason: string;
}

export interface IntakeOptions {
  maxBytes: number;
  /** Country of numbers written without a prefix. */
  region: string;
  /** The organisation's attribute names: the columns allowed beside the standard ones. */
  attributeNames: readonly string[];
  chunkRows: number;
  chunks: ChunkWriter;
  /** Receives the header row as written. */
  onHeader?: (columns: string[]) => void;
  /** Receives failed rows in batches, to be stored for the error report. */
  onErrors: (errors: RowError[]) => Promise<void>;
}

export interface IntakeResult {
  total: number;
  failed: number;
  chunks: number;
  bytes: number;
}

const ERROR_BATCH = 1_000;

/**
 * Reads an uploaded member file as it arrives: every row checked, numbers
 * normalised, repeats reported once (at the later row), good rows written to
 * chunk files, failed ones handed over for the error report. Memory holds one
 * number per distinct phone (PhoneRowIndex), never the file.
 */
export async function intakeMemberFile(source: Readable, opts: IntakeOptions): Promise<IntakeResult> {
  let bytes = 0;
  const limited = source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > opts.maxBytes) return done(tooLarge(opts.maxBytes));
        done(null, chunk);
      },
    }),
  );
  source.on('error', (err) => limited.destroy(err));
  let plan: ColumnPlan | null = null;
  const firstRowOf = new PhoneRowIndex();
  let errors: RowError[] = [];
  let total = 0;
  let failed = 0;
  const fail = async (error: RowError) => {
    failed++;
    errors.push(error);
    if (errors.length >= ERROR_BATCH) {
      await opts.onErrors(errors);
      errors = [];
    }
  };
  for await (const { rowNumber, values } of readCsvRows(limited, (header: HeaderMap) => {
    plan = planColumns(header, opts.attributeNames);
    opts.onHeader?.(header.original);
  })) {
    total++;
    const result = readMemberRow(rowNumber, values, plan!, opts.region);
    if ('reason' in result) {
      await fail({ rowNumber, values, reason: result.reason });
      continue;
    }
    const key = phoneKey(result.row.phone);
    const earlier = firstRowOf.firstRow(key);
    if (earlier !== undefined) {
      await fail({ rowNumber, values, reason: `The number ${result.row.phone} is already in row ${earlier}; each person can appear once.` });
      continue;
    }
    firstRowOf.remember(key, rowNumber);
    await opts.chunks.append(result.row, opts.chunkRows);
  }
  await opts.chunks.close();
  if (errors.length > 0) await opts.onErrors(errors);
  return { total, failed, chunks: opts.chunks.chunks, bytes };
}

export function tooLarge(maxBytes: number): DomainError {
  const size = maxBytes >= 1024 * 1024 ? `${Math.floor(maxBytes / 1024 / 1024)} MB` : `${Math.floor(maxBytes / 1024)} KB`;
  return new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${size}, the largest upload allowed; split it into smaller files.`, 'file');
}
