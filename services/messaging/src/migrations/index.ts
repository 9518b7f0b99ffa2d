import { InitialMessaging1764144000000 } from './1764144000000-initial-messaging';

export const messagingMigrations = [InitialMessaging1764144000000];
