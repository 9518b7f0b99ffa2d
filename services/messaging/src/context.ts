import type { SubgraphContext } from '@kz/server';
import type { MessagesService } from './domain/messages.service';
import type { PollsService } from './domain/polls.service';
import type { ReceiptsService } from './domain/receipts.service';
import type { SearchService } from './domain/search.service';

export interface MessagingServices {
  messages: MessagesService;
  receipts: ReceiptsService;
  search: SearchService;
  polls: PollsService;
}

export type MessagingContext = SubgraphContext<MessagingServices>;
