import { InitialGroups1764144000000 } from './1764144000000-initial-groups';

export const groupsMigrations = [InitialGroups1764144000000];
