import { InboxEventAttempts1765008000000 } from '@kz/events';
import { InitialImport1764144000000 } from './1764144000000-initial-import';
import { MemberCsvImports1764748800000 } from './1764748800000-member-csv-imports';

export const importMigrations = [InitialImport1764144000000, MemberCsvImports1764748800000, InboxEventAttempts1765008000000];
