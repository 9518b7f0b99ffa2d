import { isUuid } from '@kz/db';
import { isFinalImportStatus, type EventHandlers } from '@kz/events';
import { storeNotifications } from '../domain/notifications.service';

/** What messaging takes from the import service's events: the person who started an import or an export hears when it ends. */
export const importEventHandlers: EventHandlers = {
  'import.job.progress': async (event, m) => {
    const { importId, startedBy, status } = event.payload;
    if (!isFinalImportStatus(status) || !isUuid(importId) || !isUuid(startedBy)) return;
    // Told once per import, however often its final status is repeated (a unique index skips the rest).
    await storeNotifications(m, { importId, key: importId, orgId: event.orgId }, [{ userId: startedBy, kind: 'IMPORT_FINISHED' }]);
  },
  'export.job.progress': async (event, m) => {
    const { exportId, startedBy, status } = event.payload;
    // EXPIRED comes long after the admin was told how it ended.
    if (!['COMPLETED', 'FAILED', 'CANCELLED'].includes(status) || !isUuid(exportId) || !isUuid(startedBy)) return;
    await storeNotifications(m, { exportId, key: exportId, orgId: event.orgId }, [{ userId: startedBy, kind: 'EXPORT_FINISHED' }]);
  },
};
