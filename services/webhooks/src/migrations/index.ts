import { InboxEventAttempts1765008000000, OutboxTraceParent1766390400000 } from '@kz/events';
import { InitialWebhooks1764144000000 } from './1764144000000-initial-webhooks';
import { WebhookEventTraceParent1766476800000 } from './1766476800000-webhook-event-trace';

export const webhooksMigrations = [
  InitialWebhooks1764144000000,
  InboxEventAttempts1765008000000,
  OutboxTraceParent1766390400000,
  WebhookEventTraceParent1766476800000,
];
