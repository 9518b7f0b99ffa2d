import type { SubgraphContext } from '@kz/server';
import type { AttachmentsService } from './domain/attachments.service';
import type { ConversationsService } from './domain/conversations.service';
import type { HistoryImportService } from './domain/history-import';
import type { MessagesService } from './domain/messages.service';
import type { NotificationsService } from './domain/notifications.service';
import type { PollsService } from './domain/polls.service';
import type { ReceiptsService } from './domain/receipts.service';
import type { RetentionSweeper } from './domain/retention';
import type { SearchService } from './domain/search.service';

export interface MessagingServices {
  messages: MessagesService;
  receipts: ReceiptsService;
  search: SearchService;
  polls: PollsService;
  attachments: AttachmentsService;
  conversations: ConversationsService;
  notifications: NotificationsService;
  /** Where clients download an attachment. */
  attachmentUrl(id: string): string;
  retention: RetentionSweeper;
  historyImport: HistoryImportService;
}

export type MessagingContext = SubgraphContext<MessagingServices>;
