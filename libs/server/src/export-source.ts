import type { IncomingMessage, ServerResponse } from 'node:http';
import { badInput, DomainError } from '@kz/errors';
import type { HttpRoute } from './graphql-http-server';
import { sendJson } from './http';
import { fromPeer } from './peer-secret';

/** The messages of an export: sent at or after `from` and before `to` (either open). People, groups and memberships are exported as they are now. */
export interface ExportRange {
  from: Date | null;
  to: Date | null;
}

/** A page of one kind of an organisation's records, and the cursor of the next page (null after the last). */
export interface ExportPage {
  records: readonly object[];
  next: string | null;
}

/** One kind of record a service owns (people, groups, messages...), read for an organisation's export in keyset pages. */
export interface ExportSource {
  count(orgId: string, range: ExportRange): Promise<number>;
  page(orgId: string, range: ExportRange, after: string | null, limit: number): Promise<ExportPage>;
}

/** The headers a page answers with besides its body (JSON Lines, one record a line). */
export const EXPORT_NEXT_HEADER = 'kz-export-next';
export const EXPORT_ROWS_HEADER = 'kz-export-rows';
export const MAX_EXPORT_PAGE = 20_000;

/** A cursor of a keyset page: the sort key of the last record, as an opaque string. */
export const encodeExportCursor = (key: readonly unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');
export function decodeExportCursor(cursor: string | null, length: number): unknown[] | null {
  if (cursor === null) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((part) => typeof part === 'string')) return key;
  } catch {
    // answered below
  }
  throw badInput('after', 'after is not a cursor of this export page; pass the kz-export-next header of the page before.');
}

function instant(url: URL, name: 'from' | 'to'): Date | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw badInput(name, `${name} must be an ISO 8601 date and time, e.g. 2026-01-01T00:00:00Z.`);
  return at;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The organisation and range of an export request, checked. */
export function exportRequest(url: URL): { orgId: string; range: ExportRange } {
  const orgId = url.searchParams.get('organizationId') ?? '';
  if (!UUID.test(orgId)) throw badInput('organizationId', 'organizationId must be the id of an organisation.');
  return { orgId, range: { from: instant(url, 'from'), to: instant(url, 'to') } };
}

/**
 * Export pages are for the import service's export workers only: a service
 * that has no SUBGRAPH_SECRET answers none, since it could not tell them from
 * a stranger.
 */
export function requireExportPeer(req: IncomingMessage, secret: string, service: string): void {
  if (!secret) throw new DomainError('FORBIDDEN', `The ${service} service answers export pages only with SUBGRAPH_SECRET set.`);
  if (!fromPeer(req.headers, secret)) throw new DomainError('FORBIDDEN', `Export pages of the ${service} service answer its peer services only.`);
}

async function write(res: ServerResponse, text: string): Promise<void> {
  if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
}

/**
 * GET /export/<kind>?organizationId=…&from=…&to=…&after=…&limit=…  a page of JSON Lines, with the
 * next page's cursor in kz-export-next (absent after the last page)
 * GET /export/<kind>?organizationId=…&count=1                       {"count": n}, for progress
 */
export function exportSourceRoutes(service: string, secret: string, sources: Record<string, ExportSource>): Record<string, HttpRoute> {
  const route: HttpRoute = async (req, res, url) => {
    requireExportPeer(req, secret, service);
    if (req.method !== 'GET') throw badInput('method', 'Export pages are read with GET.');
    const kind = url.pathname.slice('/export/'.length);
    const source = Object.hasOwn(sources, kind) ? sources[kind] : undefined;
    if (!source) throw new DomainError('NOT_FOUND', `The ${service} service exports ${Object.keys(sources).join(', ')}; not "${kind}".`);
    const { orgId, range } = exportRequest(url);
    if (url.searchParams.get('count') === '1') return sendJson(res, 200, { count: await source.count(orgId, range) });
    const limit = Number(url.searchParams.get('limit') ?? '5000');
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_EXPORT_PAGE) throw badInput('limit', `limit must be a whole number from 1 to ${MAX_EXPORT_PAGE}.`);
    const page = await source.page(orgId, range, url.searchParams.get('after'), limit);
    res.writeHead(200, {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store',
      [EXPORT_ROWS_HEADER]: String(page.records.length),
      ...(page.next !== null ? { [EXPORT_NEXT_HEADER]: page.next } : {}),
    });
    let lines = '';
    for (const record of page.records) {
      lines += JSON.stringify(record) + '\n';
      if (lines.length > 256 * 1024) {
        await write(res, lines);
        lines = '';
      }
    }
    res.end(lines);
  };
  return { '/export/*': route };
}

/** A page of rows read `limit` at a time in keyset order: a full page has a next one (which may be empty). */
export function keysetPage<Row>(rows: readonly Row[], limit: number, keyOf: (row: Row) => string[], record: (row: Row) => object): ExportPage {
  const last = rows.at(-1);
  return { records: rows.map(record), next: rows.length === limit && last !== undefined ? encodeExportCursor(keyOf(last)) : null };
}

/** An ISO timestamp, or null. */
export const isoOrNull = (at: Date | null): string | null => (at === null ? null : at.toISOString());

/** Runs a `SELECT count(*) AS n …` and answers n. */
export async function countRows(db: { query(sql: string, params: unknown[]): Promise<unknown> }, sql: string, params: unknown[]): Promise<number> {
  const [row] = (await db.query(sql, params)) as { n: string }[];
  return Number(row?.n ?? 0);
}

/**
 * A page of records kept per group (memberships, messages), read group after group in id order, each in its own
 * keyset order, so every query walks one group's index. The cursor is [group id, key of the last record].
 */
export async function pageAcrossGroups<Row>(opts: {
  groupIds: readonly string[];
  after: string | null;
  limit: number;
  read: (groupId: string, afterKey: string | null, limit: number) => Promise<Row[]>;
  keyOf: (row: Row) => string;
  record: (row: Row) => object;
}): Promise<ExportPage> {
  const [startGroup, startKey] = (decodeExportCursor(opts.after, 2) as [string, string] | null) ?? [null, null];
  const groups = [...opts.groupIds].sort();
  let index = startGroup === null ? 0 : groups.findIndex((id) => id >= startGroup);
  if (index < 0) index = groups.length;
  const records: object[] = [];
  let last: [string, string] | null = null;
  for (; index < groups.length && records.length < opts.limit; index++) {
    const groupId = groups[index]!;
    const rows = await opts.read(groupId, groupId === startGroup ? startKey : null, opts.limit - records.length);
    for (const row of rows) records.push(opts.record(row));
    if (rows.length > 0) last = [groupId, opts.keyOf(rows.at(-1)!)];
  }
  return { records, next: records.length === opts.limit && last !== null ? encodeExportCursor(last) : null };
}
