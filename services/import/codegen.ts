import { subgraphResolversCodegen } from '../../codegen.subgraph';

export default subgraphResolversCodegen({
  contextType: '../context#ImportContext',
  scalars: { URL: 'string' },
  mappers: {
    ImportJob: '../entities/import-job.entity#ImportJobEntity',
    ExportJob: '../entities/export-job.entity#ExportJobEntity',
    ChatImport: '../entities/chat-import.entity#ChatImportEntity',
    ChatImportPreview: '../domain/chat-export/chat-preview#ChatPreview',
    ChatAuthor: '../domain/chat-export/chat-preview#PreviewAuthor',
    ChatAuthorMatch: '../domain/chat-export/chat-preview#AuthorMatch',
    ChatExportFormat: '../domain/chat-export/whatsapp-parser#ChatFormat',
    ChatSampleMessage: '../domain/chat-export/chat-preview#ChatSample',
    // Import adds fields to organisations it knows by id only.
    Organization: '{ id: string }',
  },
});
