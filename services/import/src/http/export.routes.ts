import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { bearerToken, type Caller } from '@kz/auth';
import { DomainError } from '@kz/errors';
import { sendJson, type HttpRoute } from '@kz/server';
import type { ExportsService } from '../domain/exports/exports.service';

/** The start of a `Range: bytes=N-` (or `bytes=N-M` read to the end): resuming a download; null for the whole file. */
export function rangeStart(header: string | undefined, size: number): number | null | 'unsatisfiable' {
  const match = header ? /^bytes=(\d+)-(\d*)$/.exec(header.trim()) : null;
  if (!match) return null;
  const start = Number(match[1]);
  return start < size ? start : 'unsatisfiable';
}

/**
 * GET /exports/<id>/archive  the archive of a COMPLETED export, for an admin of its organisation, streamed;
 * a Range header (bytes=N-) resumes a download. Errors answer in the GraphQL error shape, with the same codes.
 */
export function exportRoutes(exports: ExportsService, authenticate: (req: IncomingMessage) => Promise<Caller>): Record<string, HttpRoute> {
  return {
    '/exports/*': async (req, res, url) => {
      const [exportId, file, extra] = url.pathname.slice('/exports/'.length).split('/');
      if (file !== 'archive' || extra !== undefined) throw new DomainError('NOT_FOUND', 'No such export resource; use /exports/<id>/archive.');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return sendJson(res, 405, { errors: [{ message: 'Download with GET.', extensions: { code: 'BAD_REQUEST' } }] }, { allow: 'GET, HEAD' });
      }
      const caller = await authenticate(req);
      const archive = await exports.archive(caller, bearerToken(req.headers.authorization), exportId ?? '', req.method === 'GET');
      const start = rangeStart(req.headers.range, archive.bytes);
      if (start === 'unsatisfiable') {
        res.writeHead(416, { 'content-range': `bytes */${archive.bytes}` });
        return void res.end();
      }
      const day = archive.job.createdAt.toISOString().slice(0, 10);
      res.writeHead(start === null ? 200 : 206, {
        'content-type': 'application/gzip',
        'content-length': String(archive.bytes - (start ?? 0)),
        'content-disposition': `attachment; filename="organization-export-${day}-${archive.job.id.slice(0, 8)}.tar.gz"`,
        'accept-ranges': 'bytes',
        ...(start !== null ? { 'content-range': `bytes ${start}-${archive.bytes - 1}/${archive.bytes}` } : {}),
        ...(archive.job.archiveSha256 ? { digest: `sha-256=${Buffer.from(archive.job.archiveSha256, 'hex').toString('base64')}` } : {}),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
      if (req.method === 'HEAD') return void res.end();
      await pipeline(archive.open(start ?? 0), res);
    },
  };
}
