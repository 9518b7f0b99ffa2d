import { InitialIdentity1764144000000 } from './1764144000000-initial-identity';

export const identityMigrations = [InitialIdentity1764144000000];
