import { join } from 'node:path';
import { createSubgraphApp, type Logger, type SubgraphApp } from '@kz/server';
import type { MessagingConfig } from './config';
import type { MessagingServices } from './context';
import { MessagesService } from './domain/messages.service';
import { PollsService } from './domain/polls.service';
import { ReceiptsService } from './domain/receipts.service';
import { SearchService } from './domain/search.service';
import { messagingEntities } from './entities';
import { groupEventHandlers } from './events/group-events.handlers';
import { messagingMigrations } from './migrations';
import { messagingResolvers } from './resolvers';

export type MessagingApp = SubgraphApp<MessagingServices>;

export function createMessagingApp(config: MessagingConfig, logger: Logger): Promise<MessagingApp> {
  return createSubgraphApp<MessagingServices>({
    name: 'messaging',
    config,
    logger,
    schemaFile: join(__dirname, '..', 'src', 'schema.graphql'),
    resolvers: messagingResolvers,
    entities: messagingEntities,
    migrations: messagingMigrations,
    consumers: [{ groupId: 'messaging.group-events', topics: ['groupsGroups', 'groupsMemberships'], handlers: groupEventHandlers }],
    services: ({ dataSource, outbox }) => {
      const messages = new MessagesService(dataSource, outbox);
      return {
        messages,
        receipts: new ReceiptsService(dataSource),
        search: new SearchService(dataSource),
        polls: new PollsService(dataSource, outbox, messages),
      };
    },
  });
}
