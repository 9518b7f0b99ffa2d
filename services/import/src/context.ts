import type { SubgraphContext } from '@kz/server';
import type { Redis } from 'ioredis';
import type { ImportJobsService } from './domain/import-jobs.service';
import type { MemberCsvImportJob } from './domain/members/member-csv-import.job';
import type { MemberImportsService } from './domain/members/member-imports.service';
import type { ImportLinks } from './http/import-links';
import type { LostChunkSweep } from './jobs/lost-chunk-sweep';
import type { MemberImportQueue } from './jobs/member-import-queue';

export interface ImportServices {
  importJobs: ImportJobsService;
  memberImports: MemberImportsService;
  memberImportJob: MemberCsvImportJob;
  queue: MemberImportQueue;
  /** Queues again the chunks of running imports that Redis lost; runs in processes with workers. */
  lostChunkSweep: LostChunkSweep;
  links: ImportLinks;
  maxUploadBytes: number;
  redis: Redis;
}

export type ImportContext = SubgraphContext<ImportServices>;
