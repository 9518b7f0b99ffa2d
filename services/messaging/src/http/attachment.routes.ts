import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Caller } from '@kz/auth';
import { sendJson, type HttpRoute } from '@kz/server';
import type { AttachmentsService } from '../domain/attachments.service';

/**
 * POST /attachments?groupId=…&filename=… with the file as the raw body (its
 * Content-Type header names the type), streamed to the store; GET
 * /attachments/<id> streams it back to those who may read its message.
 * Errors answer in the GraphQL error shape, with the same codes.
 */
export function attachmentRoutes(attachments: AttachmentsService, authenticate: (req: IncomingMessage) => Promise<Caller>): Record<string, HttpRoute> {
  return {
    '/attachments': async (req, res, url) => {
      if (req.method !== 'POST')
        return sendJson(res, 405, { errors: [{ message: 'Upload with POST.', extensions: { code: 'BAD_REQUEST' } }] }, { allow: 'POST' });
      const caller = await authenticate(req);
      const declared = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
      const attachment = await attachments.upload(
        caller,
        url.searchParams.get('groupId') ?? '',
        url.searchParams.get('filename'),
        req.headers['content-type'] ?? '',
        declared,
        req,
      );
      sendJson(res, 201, { id: attachment.id, filename: attachment.filename, contentType: attachment.contentType, size: Number(attachment.sizeBytes) });
    },
    // A file of an imported chat: the import service's call, with its import's credential (attachments.uploadForImport).
    '/import-files': async (req, res, url) => {
      if (req.method !== 'POST')
        return sendJson(res, 405, { errors: [{ message: 'Upload with POST.', extensions: { code: 'BAD_REQUEST' } }] }, { allow: 'POST' });
      const caller = await authenticate(req);
      const declared = req.headers['content-length'] ? Number(req.headers['content-length']) : null;
      const attachment = await attachments.uploadForImport(
        caller,
        url.searchParams.get('groupId') ?? '',
        url.searchParams.get('id') ?? '',
        url.searchParams.get('filename'),
        req.headers['content-type'] ?? '',
        declared,
        req,
      );
      sendJson(res, 201, { id: attachment.id, filename: attachment.filename, contentType: attachment.contentType, size: Number(attachment.sizeBytes) });
    },
    '/attachments/*': async (req, res, url) => {
      if (req.method !== 'GET')
        return sendJson(res, 405, { errors: [{ message: 'Download with GET.', extensions: { code: 'BAD_REQUEST' } }] }, { allow: 'GET' });
      const caller = await authenticate(req);
      const id = url.pathname.slice('/attachments/'.length);
      const { attachment, body } = await attachments.open(caller, id);
      res.writeHead(200, {
        'content-type': attachment.contentType,
        'content-length': attachment.sizeBytes,
        'content-disposition': `attachment; filename="${attachment.filename}"`,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      });
      await pipeline(body, res);
    },
  };
}
