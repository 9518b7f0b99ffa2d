import { InboxEventAttempts1765008000000, OutboxTraceParent1766390400000 } from '@kz/events';
import { InitialImport1764144000000 } from './1764144000000-initial-import';
import { MemberCsvImports1764748800000 } from './1764748800000-member-csv-imports';
import { SealedImportGrants1765612800000 } from './1765612800000-sealed-import-grants';
import { OrganizationExports1766044800000 } from './1766044800000-organization-exports';
import { ChatImports1766131200000 } from './1766131200000-chat-imports';

export const importMigrations = [
  InitialImport1764144000000,
  MemberCsvImports1764748800000,
  InboxEventAttempts1765008000000,
  SealedImportGrants1765612800000,
  OrganizationExports1766044800000,
  ChatImports1766131200000,
  OutboxTraceParent1766390400000,
];
