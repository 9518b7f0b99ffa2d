import { isUuid } from '@kz/db';
import { isFinalImportStatus, type EventHandlers } from '@kz/events';
import { endImportGrant } from '../domain/import-grants.service';

/** What identity takes from the import service: an import that has ended acts for its uploader no more. */
export const importEventHandlers: EventHandlers = {
  'import.job.progress': async (event, m) => {
    const { importId, status } = event.payload;
    if (isFinalImportStatus(status) && isUuid(importId)) await endImportGrant(m, importId);
  },
};
