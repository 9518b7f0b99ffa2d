import type { HistoryEntry } from '../domain/chat-export/history-entries';
import type { GroupHistory } from '../domain/peers/group-history';
import { SubgraphClient } from './subgraph-client';

/** Group histories as the messaging subgraph writes them (importGroupHistory, a service-only mutation). */
export class MessagingClient implements GroupHistory {
  private readonly messaging: SubgraphClient;

  constructor(messagingUrl: string, subgraphSecret: string) {
    this.messaging = new SubgraphClient('messaging', messagingUrl, subgraphSecret);
  }

  async write(token: string, groupId: string, entries: readonly HistoryEntry[]): Promise<{ written: number; alreadyThere: number }> {
    const data = await this.messaging.request<{ importGroupHistory: { written: number; alreadyThere: number } }>(
      `mutation ($input: ImportGroupHistoryInput!) { importGroupHistory(input: $input) { written alreadyThere } }`,
      { input: { groupId, entries: entries.map((e) => ({ ...e, sentAt: e.sentAt.toISOString() })) } },
      token,
    );
    return data.importGroupHistory;
  }
}
