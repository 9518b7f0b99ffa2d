import type { SubgraphContext } from '@kz/server';
import type { MessagesService } from './domain/messages.service';

export interface MessagingServices {
  messages: MessagesService;
}

export type MessagingContext = SubgraphContext<MessagingServices>;
