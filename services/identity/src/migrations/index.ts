import { InboxEventAttempts1765008000000, OutboxTraceParent1766390400000 } from '@kz/events';
import { IdempotentRequests1764748800000, IdempotentResponsesAsJson1764921600000 } from '@kz/db';
import { InitialIdentity1764144000000 } from './1764144000000-initial-identity';
import { SessionsDirectoryConnectors1764230400000 } from './1764230400000-sessions-directory-connectors';
import { SigningKeyActivation1764316800000 } from './1764316800000-signing-key-activation';
import { ByteOrderDirectoryKeys1764489600000 } from './1764489600000-byte-order-directory-keys';
import { InvitationTexts1765180800000 } from './1765180800000-invitation-texts';
import { ImportGrants1765612800000 } from './1765612800000-import-grants';
import { AuditLog1765699200000 } from './1765699200000-audit-log';
import { MessageRetention1765785600000 } from './1765785600000-message-retention';

export const identityMigrations = [
  InitialIdentity1764144000000,
  SessionsDirectoryConnectors1764230400000,
  SigningKeyActivation1764316800000,
  ByteOrderDirectoryKeys1764489600000,
  IdempotentRequests1764748800000,
  IdempotentResponsesAsJson1764921600000,
  InboxEventAttempts1765008000000,
  InvitationTexts1765180800000,
  ImportGrants1765612800000,
  AuditLog1765699200000,
  MessageRetention1765785600000,
  OutboxTraceParent1766390400000,
];
