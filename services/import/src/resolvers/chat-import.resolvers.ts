import type { ImportContext } from '../context';
import type { ChatImportEntity } from '../entities/chat-import.entity';
import type { Resolvers } from '../generated/resolvers-types';
import { loadVisibleImportJob } from './import-job.resolvers';

/** A chat import's own row, batched across a request; null for a member import. */
export function loadChatImport(ctx: ImportContext, importId: string): Promise<ChatImportEntity | null> {
  return ctx.loaders
    .get<string, ChatImportEntity>('chat-import', async (ids) => {
      const rows = await ctx.services.chatImports.chatOf(ids);
      return ids.map((id) => rows.get(id) ?? null);
    })
    .load(importId);
}

const DATE_ORDER_FROM = { FROM_FILE: 'FILE', FROM_SETTING: 'SETTING', DEFAULT: 'DEFAULT' } as const;

export const chatImportResolvers: Pick<Resolvers, 'ChatImport' | 'ChatExportFormat' | 'ChatAuthorMatch'> = {
  ChatImport: {
    group: (chat) => (chat.groupId ? { id: chat.groupId } : null),
    source: (chat, _, ctx) => (chat.sourceImportId ? loadVisibleImportJob(ctx, chat.sourceImportId) : null),
    reportUrl: (chat, _, ctx) => (chat.fileSha256 ? ctx.services.links.chatReport(chat.importId) : null),
    mapping: (chat) => (chat.authorMap ? Object.entries(chat.authorMap).map(([name, userId]) => ({ name, user: userId ? { id: userId } : null })) : null),
  },
  ChatExportFormat: {
    clock: (format) => (format.clock === '12H' ? 'H12' : 'H24'),
    dateOrderFrom: (format) => DATE_ORDER_FROM[format.decided],
  },
  ChatAuthorMatch: {
    user: (match) => ({ id: match.userId }),
  },
};
