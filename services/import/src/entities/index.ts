import { ImportJobEntity } from './import-job.entity';

export const importEntities = [ImportJobEntity];
