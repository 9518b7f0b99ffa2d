import type { EventHandlers } from '@kz/events';
import { appendAuditEntry } from '../domain/audit/audit-log.service';

/** Every service's audit entries, appended to their organisation's log in the order they arrive. */
export const auditEventHandlers: EventHandlers = {
  'audit.entry': async (event, m) => appendAuditEntry(m, event),
};
