import { subgraphResolversCodegen } from '../../codegen.subgraph';

export default subgraphResolversCodegen({
  contextType: '../context#IdentityContext',
  scalars: { PhoneNumber: 'string' },
  mappers: {
    AttributeDefinition: '../entities/attribute-definition.entity#AttributeDefinitionEntity',
    Connector: '../entities/connector.entity#ConnectorEntity',
    DirectoryEntry: '../domain/directory.service#DirectoryEntry as DirectoryEntryRecord',
    DirectoryImportOutcome: '../domain/directory-import.service#DirectoryImportOutcome as DirectoryImportRecord',
    Organization: '../entities/organization.entity#OrganizationEntity',
    User: '../domain/users.service#UserRecord',
  },
});
