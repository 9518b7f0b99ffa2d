/** The statuses an import job ends in: it changes no more once it has one of these. */
export const FINAL_IMPORT_STATUSES: readonly string[] = ['COMPLETED', 'COMPLETED_WITH_ERRORS', 'FAILED', 'CANCELLED'];

export const isFinalImportStatus = (status: string): boolean => FINAL_IMPORT_STATUSES.includes(status);
