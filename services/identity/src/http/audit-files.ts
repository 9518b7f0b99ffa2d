import type { IncomingMessage } from 'node:http';
import type { Caller } from '@kz/auth';
import { badInput, DomainError } from '@kz/errors';
import { csvLine, type HttpRoute } from '@kz/server';
import type { AuditEntryView, AuditFilter, AuditLogService } from '../domain/audit/audit-log.service';

const CSV_COLUMNS = [
  'sequence',
  'occurred_at',
  'action',
  'actor_kind',
  'actor_id',
  'actor_name',
  'via',
  'client_address',
  'target_type',
  'target_id',
  'target_name',
  'count',
  'before',
  'after',
  'hash',
];

const json = (value: Record<string, unknown> | null) => (value === null ? '' : JSON.stringify(value));

const csvRecord = (e: AuditEntryView) =>
  csvLine([
    e.seq,
    e.occurredAt,
    e.action,
    e.actorKind,
    e.actorId ?? '',
    e.actorName ?? '',
    e.via ?? '',
    e.clientAddress ?? '',
    e.targetType,
    e.targetId,
    e.targetName ?? '',
    e.count === null ? '' : String(e.count),
    json(e.before),
    json(e.after),
    e.hash,
  ]);

const jsonRecord = ({ seq, ...entry }: AuditEntryView) => `${JSON.stringify({ sequence: seq, ...entry })}\n`;

function time(url: URL, name: 'from' | 'to'): Date | null {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return null;
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw badInput(name, `${name} must be a time such as 2026-12-01T00:00:00Z.`);
  return at;
}

function filterOf(url: URL): AuditFilter {
  return {
    actorId: url.searchParams.get('actorId') || null,
    action: url.searchParams.get('action') || null,
    targetId: url.searchParams.get('targetId') || null,
    from: time(url, 'from'),
    to: time(url, 'to'),
  };
}

/**
 * GET /audit/<organization id>/entries.csv    the audit log as CSV (formulas neutralised)
 * GET /audit/<organization id>/entries.jsonl  the same as JSON Lines
 * Newest first, with the GraphQL filters as query parameters; streamed a batch at a time.
 */
export function auditFiles(auditLog: AuditLogService, authenticate: (req: IncomingMessage) => Promise<Caller>): HttpRoute {
  return async (req, res, url) => {
    const [orgId, file] = url.pathname.slice('/audit/'.length).split('/');
    const format = file === 'entries.csv' ? 'csv' : file === 'entries.jsonl' ? 'jsonl' : null;
    if (!format || !orgId) throw new DomainError('NOT_FOUND', 'No such audit file; use /audit/<organization id>/entries.csv or entries.jsonl.');
    if (req.method !== 'GET') throw badInput('method', 'Use GET here.');
    const caller = await authenticate(req);
    const batches = auditLog.stream(caller, orgId, filterOf(url));
    // The first batch is read before answering, so a refusal is still an error answer, not a broken file.
    const first = await batches.next();
    res.writeHead(200, {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8',
      'content-disposition': `attachment; filename="audit-${orgId}.${format}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
    const write = async (text: string) => {
      if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
    };
    if (format === 'csv') await write(csvLine(CSV_COLUMNS));
    const render = format === 'csv' ? csvRecord : jsonRecord;
    if (!first.done) for (const entry of first.value) await write(render(entry));
    if (!first.done) for await (const batch of batches) for (const entry of batch) await write(render(entry));
    res.end();
  };
}
