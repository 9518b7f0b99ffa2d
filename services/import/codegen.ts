import { subgraphResolversCodegen } from '../../codegen.subgraph';

export default subgraphResolversCodegen({
  contextType: '../context#ImportContext',
  scalars: { URL: 'string' },
  mappers: {
    ImportJob: '../entities/import-job.entity#ImportJobEntity',
    ExportJob: '../entities/export-job.entity#ExportJobEntity',
    // Import adds fields to organisations it knows by id only.
    Organization: '{ id: string }',
  },
});
