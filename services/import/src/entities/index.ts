import { ExportJobEntity, ExportPartEntity } from './export-job.entity';
import { ImportJobEntity } from './import-job.entity';

export const importEntities = [ImportJobEntity, ExportJobEntity, ExportPartEntity];
