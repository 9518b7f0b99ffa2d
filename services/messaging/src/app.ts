import { join } from 'node:path';
import { s3Settings } from '@kz/config';
import { createSubgraphApp, type Logger, type SubgraphApp } from '@kz/server';
import type { MessagingConfig } from './config';
import type { MessagingServices } from './context';
import { AttachmentsService } from './domain/attachments.service';
import { ConversationsService } from './domain/conversations.service';
import { MessagesService } from './domain/messages.service';
import { NotificationsService } from './domain/notifications.service';
import { LocalDiskObjectStore, type ObjectStore } from './domain/object-store';
import { PollsService } from './domain/polls.service';
import { ReceiptsService } from './domain/receipts.service';
import { S3ObjectStore } from './domain/s3-object-store';
import { SearchService } from './domain/search.service';
import { messagingEntities } from './entities';
import { groupEventHandlers } from './events/group-events.handlers';
import { importEventHandlers } from './events/import-events.handlers';
import { webhooksEventHandlers } from './events/webhooks-events.handlers';
import { identityEventHandlers } from './events/identity-events.handlers';
import { RetentionSweeper } from './domain/retention';
import { HistoryImportService } from './domain/history-import';
import { attachmentRoutes } from './http/attachment.routes';
import { exportRoutes } from './http/export.routes';
import { messagingMigrations } from './migrations';
import { messagingResolvers } from './resolvers';

export type MessagingApp = SubgraphApp<MessagingServices>;

function objectStore(config: MessagingConfig): ObjectStore {
  if (config.attachmentsStore === 'disk') return new LocalDiskObjectStore(config.attachmentsDir);
  return new S3ObjectStore(s3Settings(config, 'ATTACHMENTS_STORE'));
}

export function createMessagingApp(config: MessagingConfig, logger: Logger): Promise<MessagingApp> {
  const store = objectStore(config);
  return createSubgraphApp<MessagingServices>({
    name: 'messaging',
    config,
    logger,
    schemaFile: join(__dirname, '..', 'src', 'schema.graphql'),
    resolvers: messagingResolvers,
    entities: messagingEntities,
    migrations: messagingMigrations,
    consumers: [
      { groupId: 'messaging.group-events', topics: ['groupsGroups', 'groupsMemberships'], handlers: groupEventHandlers },
      { groupId: 'messaging.import-events', topics: ['importJobs'], handlers: importEventHandlers },
      { groupId: 'messaging.webhooks-events', topics: ['webhooksEndpoints'], handlers: webhooksEventHandlers },
      { groupId: 'messaging.identity-events', topics: ['identityOrganizations'], handlers: identityEventHandlers },
    ],
    services: ({ dataSource, outbox }) => {
      const messages = new MessagesService(dataSource, outbox);
      return {
        messages,
        receipts: new ReceiptsService(dataSource),
        search: new SearchService(dataSource),
        polls: new PollsService(dataSource, outbox, messages),
        attachments: new AttachmentsService(dataSource, store, { maxBytes: config.attachmentsMaxBytes, contentTypes: config.attachmentTypes }, messages),
        conversations: new ConversationsService(dataSource),
        historyImport: new HistoryImportService(outbox),
        notifications: new NotificationsService(dataSource),
        attachmentUrl: (id) => `${config.attachmentsPublicUrl}/attachments/${id}`,
        retention: new RetentionSweeper(
          dataSource,
          outbox,
          store,
          { intervalMs: config.retentionIntervalMs, batchSize: config.retentionBatchSize, pauseMs: config.retentionPauseMs },
          logger.child({ component: 'retention' }),
        ),
      };
    },
    // A chat import writes history with its import's credential, and only that.
    importTokenFields: ['importGroupHistory'],
    onStart: async ({ retention }) => retention.start(),
    beforeStop: ({ retention }) => retention.stop(),
    routes: (services, runtime, authenticate) => ({
      ...attachmentRoutes(services.attachments, authenticate),
      ...exportRoutes(config.subgraphSecret, runtime.dataSource, store),
    }),
  });
}
