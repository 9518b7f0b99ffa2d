import { ChatImportEntity } from './chat-import.entity';
import { ExportJobEntity, ExportPartEntity } from './export-job.entity';
import { ImportJobEntity } from './import-job.entity';

export const importEntities = [ImportJobEntity, ChatImportEntity, ExportJobEntity, ExportPartEntity];
