import { InboxEventAttempts1765008000000, OutboxTraceParent1766390400000 } from '@kz/events';
import { InitialWebhooks1764144000000 } from './1764144000000-initial-webhooks';

export const webhooksMigrations = [InitialWebhooks1764144000000, InboxEventAttempts1765008000000, OutboxTraceParent1766390400000];
