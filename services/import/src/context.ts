import type { SubgraphContext } from '@kz/server';
import type { Redis } from 'ioredis';
import type { ChatImportsService } from './domain/chat-export/chat-imports.service';
import type { ExportsService } from './domain/exports/exports.service';
import type { OrganizationExportJob } from './domain/exports/organization-export.job';
import type { ImportJobsService } from './domain/import-jobs.service';
import type { ChunkJobData } from './domain/members/member-csv-import.job';
import type { MemberImportsService } from './domain/members/member-imports.service';
import type { ImportLinks } from './http/import-links';
import type { OrganizationExportQueue } from './jobs/export-queue';
import type { StorageSweep } from './jobs/storage-sweep';
import type { LostChunkSweep } from './jobs/lost-chunk-sweep';
import type { MemberImportQueue } from './jobs/member-import-queue';

export interface ImportServices {
  importJobs: ImportJobsService;
  memberImports: MemberImportsService;
  chatImports: ChatImportsService;
  /** What the import queue's workers do with a job: a member import's chunk, or an applied chat import. */
  importWork: (data: ChunkJobData) => Promise<void>;
  queue: MemberImportQueue;
  /** Queues again the chunks of running imports that Redis lost; runs in processes with workers. */
  lostChunkSweep: LostChunkSweep;
  exports: ExportsService;
  exportJob: OrganizationExportJob;
  exportQueue: OrganizationExportQueue;
  /** Deletes expired archives and chat exports, and queues again exports Redis lost; runs in processes with workers. */
  storageSweep: StorageSweep;
  links: ImportLinks;
  maxUploadBytes: number;
  chatMaxUploadBytes: number;
  redis: Redis;
}

export type ImportContext = SubgraphContext<ImportServices>;
