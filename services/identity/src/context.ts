import type { SubgraphContext } from '@kz/server';
import type { AttributeDefinitionsService } from './domain/attribute-definitions.service';
import type { AuditLogService } from './domain/audit/audit-log.service';
import type { ConnectorsService } from './domain/connectors.service';
import type { DirectoryImportService } from './domain/directory-import.service';
import type { DirectoryService } from './domain/directory.service';
import type { ImportGrantsService } from './domain/import-grants.service';
import type { InvitationTextSender } from './domain/invitation-texts';
import type { OrganizationsService } from './domain/organizations.service';
import type { SessionsService } from './domain/sessions.service';
import type { SignInService } from './domain/sign-in.service';
import type { SigningKeys } from './domain/signing-keys';
import type { DevSmsSink } from './domain/sms-sender';
import type { UsersService } from './domain/users.service';

export interface IdentityServices {
  signIn: SignInService;
  sessions: SessionsService;
  organizations: OrganizationsService;
  directory: DirectoryService;
  directoryImport: DirectoryImportService;
  importGrants: ImportGrantsService;
  auditLog: AuditLogService;
  attributes: AttributeDefinitionsService;
  connectors: ConnectorsService;
  users: UsersService;
  keys: SigningKeys;
  /** Texts numbers invited to groups before they signed up, in the background. */
  invitationTexts: InvitationTextSender;
  /** Present only with SMS_SENDER=dev. */
  devSms: DevSmsSink | undefined;
}

export type IdentityContext = SubgraphContext<IdentityServices>;
