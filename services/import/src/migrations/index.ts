import { InitialImport1764144000000 } from './1764144000000-initial-import';

export const importMigrations = [InitialImport1764144000000];
