import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, type Caller } from '@kz/auth';
import { DomainError } from '@kz/errors';
import { sendJson, type HttpRoute } from '@kz/server';
import { viewerOf, type ImportJobsService } from '../domain/import-jobs.service';
import type { ChatImportsService } from '../domain/chat-export/chat-imports.service';
import type { MemberImportsService } from '../domain/members/member-imports.service';
import type { ImportJobEntity } from '../entities/import-job.entity';

const BOM = '\uFEFF';
const csvHeaders = (filename: string) => ({
  'content-type': 'text/csv; charset=utf-8',
  'content-disposition': `attachment; filename="${filename}"`,
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, no-store',
});

const methodNotAllowed = (res: ServerResponse, allow: string) =>
  sendJson(res, 405, { errors: [{ message: `Use ${allow} here.`, extensions: { code: 'BAD_REQUEST' } }] }, { allow });

/**
 * GET  /imports/template.csv?organizationId=…  the organisation's template
 * PUT  /imports/<id>/file                       the upload (POST works too), streamed: a member CSV or a chat export
 * GET  /imports/<id>/errors.csv                 the failed rows
 * GET  /imports/<id>/report.csv                 a chat import's export, line by line, with what became of each line
 * Errors answer in the GraphQL error shape, with the same codes.
 */
export function importRoutes(
  imports: MemberImportsService,
  chats: ChatImportsService,
  jobs: ImportJobsService,
  authenticate: (req: IncomingMessage) => Promise<Caller>,
  summary: (job: ImportJobEntity) => object,
): Record<string, HttpRoute> {
  return {
    '/imports/template.csv': async (req, res, url) => {
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
      const caller = await authenticate(req);
      const orgId = url.searchParams.get('organizationId') ?? '';
      const { csv } = await imports.template(caller, bearerToken(req.headers.authorization), orgId);
      res.writeHead(200, csvHeaders('members-template.csv'));
      res.end(BOM + csv);
    },
    '/imports/*': async (req, res, url) => {
      const [importId, file] = url.pathname.slice('/imports/'.length).split('/');
      if (file === 'file') {
        if (req.method !== 'PUT' && req.method !== 'POST') return methodNotAllowed(res, 'PUT, POST');
        const caller = await authenticate(req);
        const bearer = bearerToken(req.headers.authorization);
        const fileName = url.searchParams.get('filename');
        const job = await imports.uploaderJob(caller, importId ?? '');
        const received =
          job.kind === 'CHAT' ? await chats.receiveFile(job, bearer, fileName, req) : await imports.receiveFile(caller, bearer, job, fileName, req);
        return sendJson(res, 200, summary(received));
      }
      if (file === 'errors.csv') {
        if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
        const caller = await authenticate(req);
        const report = await jobs.errorReport(viewerOf(caller, bearerToken(req.headers.authorization)), importId ?? '');
        res.writeHead(200, csvHeaders(`import-${importId}-errors.csv`));
        res.write(BOM);
        for await (const text of report) if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
        res.end();
        return;
      }
      if (file === 'report.csv') {
        if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
        const caller = await authenticate(req);
        const job = await jobs.getVisible(viewerOf(caller, bearerToken(req.headers.authorization)), importId ?? '');
        const report = await chats.report(job);
        res.writeHead(200, csvHeaders(`import-${importId}-report.csv`));
        res.write(BOM);
        for await (const text of report) if (!res.write(text)) await new Promise((resolve) => res.once('drain', resolve));
        res.end();
        return;
      }
      throw new DomainError(
        'NOT_FOUND',
        'No such import resource; use /imports/<id>/file, /imports/<id>/errors.csv or (a chat import) /imports/<id>/report.csv.',
      );
    },
  };
}
