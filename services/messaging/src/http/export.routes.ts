import { pipeline } from 'node:stream/promises';
import { exportRequest, exportSourceRoutes, requireExportPeer, type HttpRoute } from '@kz/server';
import type { DataSource } from 'typeorm';
import { attachmentBody, messagingExportSources } from '../domain/export/export-sources';
import type { ObjectStore } from '../domain/object-store';

/**
 * The export pages of messaging (/export/<kind>, as every service), and
 * GET /export-files/<attachment id>?organizationId=…  the bytes of one attachment of the organisation's groups.
 * For the import service's export workers only.
 */
export function exportRoutes(secret: string, dataSource: DataSource, store: ObjectStore): Record<string, HttpRoute> {
  return {
    ...exportSourceRoutes('messaging', secret, messagingExportSources(dataSource)),
    '/export-files/*': async (req, res, url) => {
      requireExportPeer(req, secret, 'messaging');
      const { orgId } = exportRequest(url);
      const { size, body } = await attachmentBody(dataSource, store, orgId, url.pathname.slice('/export-files/'.length));
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(size), 'cache-control': 'no-store' });
      await pipeline(body, res);
    },
  };
}
