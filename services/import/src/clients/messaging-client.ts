import type { Readable } from 'node:stream';
import { isErrorCode } from '@kz/errors';
import { peerHeaders } from '@kz/server';
import type { HistoryEntry } from '../domain/chat-export/history-entries';
import type { GroupHistory } from '../domain/peers/group-history';
import { PeerCallError } from '../domain/peers/peer-call-error';
import { SubgraphClient } from './subgraph-client';

const REFUSALS: ReadonlySet<string> = new Set(['BAD_USER_INPUT', 'PAYLOAD_TOO_LARGE', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

/** Group histories as the messaging subgraph writes them: importGroupHistory (a service-only mutation) and POST /import-files. */
export class MessagingClient implements GroupHistory {
  private readonly messaging: SubgraphClient;
  private readonly origin: string;

  constructor(
    messagingUrl: string,
    private readonly subgraphSecret: string,
  ) {
    this.messaging = new SubgraphClient('messaging', messagingUrl, subgraphSecret);
    this.origin = new URL(messagingUrl).origin;
  }

  async write(token: string, groupId: string, entries: readonly HistoryEntry[]): Promise<{ written: number; alreadyThere: number }> {
    const data = await this.messaging.request<{ importGroupHistory: { written: number; alreadyThere: number } }>(
      `mutation ($input: ImportGroupHistoryInput!) { importGroupHistory(input: $input) { written alreadyThere } }`,
      {
        input: {
          groupId,
          entries: entries.map((e) => ({
            id: e.id,
            sentAt: e.sentAt.toISOString(),
            kind: e.kind,
            authorId: e.authorId,
            originalAuthor: e.originalAuthor,
            text: e.text,
            deleted: e.deleted,
            edited: e.edited,
            attachmentIds: e.attachmentIds,
          })),
        },
      },
      token,
    );
    return data.importGroupHistory;
  }

  async uploadFile(token: string, groupId: string, attachmentId: string, fileName: string, contentType: string, body: Readable, size: number): Promise<void> {
    const url = `${this.origin}/import-files?${new URLSearchParams({ groupId, id: attachmentId, filename: fileName }).toString()}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'content-length': String(size), ...peerHeaders(this.subgraphSecret) },
        body: body as unknown as ReadableStream,
        duplex: 'half',
        signal: AbortSignal.timeout(300_000),
      } as RequestInit);
    } catch (err) {
      throw new PeerCallError('NETWORK', `The messaging service could not be reached (${(err as Error).message}); the import tries again.`, true);
    }
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    const answer = (await response.json().catch(() => null)) as { errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const error = answer?.errors?.[0];
    const code = error?.extensions?.code && isErrorCode(error.extensions.code) ? error.extensions.code : 'UNAVAILABLE';
    throw new PeerCallError(code, error?.message ?? `The messaging service answered HTTP ${response.status}.`, !REFUSALS.has(code));
  }
}
