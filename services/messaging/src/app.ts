import { join } from 'node:path';
import { createSubgraphApp, type Logger, type SubgraphApp } from '@kz/server';
import type { MessagingConfig } from './config';
import type { MessagingServices } from './context';
import { MessagesService } from './domain/messages.service';
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
    services: (runtime) => ({ messages: new MessagesService(runtime.dataSource, runtime.outbox) }),
  });
}
