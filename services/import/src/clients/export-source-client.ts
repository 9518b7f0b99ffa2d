import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { isErrorCode } from '@kz/errors';
import { EXPORT_NEXT_HEADER, EXPORT_ROWS_HEADER, peerHeaders } from '@kz/server';
import type { ExportingService } from '../domain/exports/export-kinds';
import type { ExportSourcePage, ExportSources, ExportWindow } from '../domain/exports/export-sources';
import { PeerCallError } from '../domain/peers/peer-call-error';

const PERMANENT: ReadonlySet<string> = new Set(['BAD_USER_INPUT', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

/** The export pages of identity, groups and messaging over HTTP, sent the subgraph secret that they require. */
export class ExportSourceClient implements ExportSources {
  private readonly origins: Record<ExportingService, string>;

  constructor(
    /** Each service's GraphQL URL; its export pages are at the same origin. */
    graphqlUrls: Record<ExportingService, string>,
    private readonly subgraphSecret: string,
    private readonly timeoutMs = 120_000,
  ) {
    this.origins = {
      identity: new URL(graphqlUrls.identity).origin,
      groups: new URL(graphqlUrls.groups).origin,
      messaging: new URL(graphqlUrls.messaging).origin,
    };
  }

  async count(service: ExportingService, kind: string, window: ExportWindow): Promise<number> {
    const response = await this.get(service, `/export/${kind}`, { ...this.windowParams(window), count: '1' });
    return ((await response.json()) as { count: number }).count;
  }

  async page(service: ExportingService, kind: string, window: ExportWindow, after: string | null, limit: number): Promise<ExportSourcePage> {
    const response = await this.get(service, `/export/${kind}`, { ...this.windowParams(window), limit: String(limit), ...(after ? { after } : {}) });
    const lines = Buffer.from(await response.arrayBuffer());
    return { lines, records: Number(response.headers.get(EXPORT_ROWS_HEADER) ?? '0'), next: response.headers.get(EXPORT_NEXT_HEADER) };
  }

  async attachment(orgId: string, attachmentId: string): Promise<Readable> {
    const response = await this.get('messaging', `/export-files/${encodeURIComponent(attachmentId)}`, { organizationId: orgId });
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  private windowParams(window: ExportWindow): Record<string, string> {
    return {
      organizationId: window.orgId,
      ...(window.from ? { from: window.from.toISOString() } : {}),
      ...(window.to ? { to: window.to.toISOString() } : {}),
    };
  }

  private async get(service: ExportingService, path: string, params: Record<string, string>): Promise<Response> {
    const url = `${this.origins[service]}${path}?${new URLSearchParams(params).toString()}`;
    let response: Response;
    try {
      response = await fetch(url, { headers: peerHeaders(this.subgraphSecret), signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new PeerCallError('NETWORK', `The ${service} service could not be reached (${(err as Error).message}); the export tries again.`, true);
    }
    if (response.ok) return response;
    const body = (await response.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const error = body?.errors?.[0];
    const code = error?.extensions?.code && isErrorCode(error.extensions.code) ? error.extensions.code : 'UNAVAILABLE';
    throw new PeerCallError(code, error?.message ?? `The ${service} service answered HTTP ${response.status}.`, !PERMANENT.has(code));
  }
}
