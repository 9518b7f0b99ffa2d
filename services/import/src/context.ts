import type { SubgraphContext } from '@kz/server';
import type { Redis } from 'ioredis';
import type { ImportJobsService } from './domain/import-jobs.service';

export interface ImportServices {
  importJobs: ImportJobsService;
  /** Shared by the job queues and workers (issue 5). */
  redis: Redis;
}

export type ImportContext = SubgraphContext<ImportServices>;
