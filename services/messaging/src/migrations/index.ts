import { InboxEventAttempts1765008000000, OutboxTraceParent1766390400000 } from '@kz/events';
import { InitialMessaging1764144000000 } from './1764144000000-initial-messaging';
import { KnownGroups1764230400000 } from './1764230400000-known-groups';
import { HierarchyAndAudience1764316800000 } from './1764316800000-hierarchy-and-audience';
import { ConversationFeatures1764403200000 } from './1764403200000-conversation-features';
import { Attachments1764489600000 } from './1764489600000-attachments';
import { MessageChanges1764576000000 } from './1764576000000-message-changes';
import { GroupNames1765094400000 } from './1765094400000-group-names';
import { Notifications1765267200000 } from './1765267200000-notifications';
import { SystemEvents1765353600000 } from './1765353600000-system-events';
import { WebhookNotifications1765440000000 } from './1765440000000-webhook-notifications';
import { MessageRetention1765785600000 } from './1765785600000-message-retention';
import { ImportedHistory1766217600000 } from './1766217600000-imported-history';
import { ExportNotifications1766304000000 } from './1766304000000-export-notifications';

export const messagingMigrations = [
  InitialMessaging1764144000000,
  KnownGroups1764230400000,
  HierarchyAndAudience1764316800000,
  ConversationFeatures1764403200000,
  Attachments1764489600000,
  MessageChanges1764576000000,
  InboxEventAttempts1765008000000,
  GroupNames1765094400000,
  Notifications1765267200000,
  SystemEvents1765353600000,
  WebhookNotifications1765440000000,
  MessageRetention1765785600000,
  ImportedHistory1766217600000,
  ExportNotifications1766304000000,
  OutboxTraceParent1766390400000,
];
