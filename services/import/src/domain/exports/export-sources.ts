import type { Readable } from 'node:stream';
import type { ExportingService } from './export-kinds';

export interface ExportWindow {
  orgId: string;
  from: Date | null;
  to: Date | null;
}

/** A page of records as the owning service wrote them: JSON Lines. */
export interface ExportSourcePage {
  lines: Buffer;
  records: number;
  /** Where the next page starts; null after the last. */
  next: string | null;
}

/** The services' export pages, as the export job reads them (clients/export-source-client.ts serves them over HTTP). */
export interface ExportSources {
  count(service: ExportingService, kind: string, window: ExportWindow): Promise<number>;
  page(service: ExportingService, kind: string, window: ExportWindow, after: string | null, limit: number): Promise<ExportSourcePage>;
  /** The bytes of one of the organisation's attachments. */
  attachment(orgId: string, attachmentId: string): Promise<Readable>;
}
