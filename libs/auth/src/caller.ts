import { DomainError, unauthenticated } from '@kz/errors';

/** What an organisation admin may let a partner system's connector do. */
export const CONNECTOR_PERMISSIONS = ['GROUP_INFO', 'MEMBER_LISTS', 'MESSAGES', 'WEBHOOKS', 'ORGANIZATION_DATA', 'POST_MESSAGES', 'AUDIT_LOG'] as const;
export type ConnectorPermission = (typeof CONNECTOR_PERMISSIONS)[number];

export interface UserCaller {
  kind: 'user';
  userId: string;
  phone: string;
}

/** A partner system acting for one organisation, within the permissions it was granted. */
export interface ConnectorCaller {
  kind: 'connector';
  connectorId: string;
  orgId: string;
  permissions: readonly ConnectorPermission[];
}

/**
 * A member import acting for the admin who uploaded its file: identity issues
 * it to the import service, for a few minutes at a time, while the import runs.
 * Only the directory's and groups' bulk adds for its organisation take it.
 */
export interface ImportCaller {
  kind: 'import';
  /** The uploader. */
  userId: string;
  phone: string;
  orgId: string;
  importId: string;
}

/** Who is making a request, as established from a verified access token. */
export type Caller = UserCaller | ConnectorCaller | ImportCaller | { kind: 'anonymous' };

export const anonymous: Caller = { kind: 'anonymous' };

export function requireUser(caller: Caller): UserCaller {
  if (caller.kind === 'connector') throw new DomainError('FORBIDDEN', 'This needs a signed-in person; a connector token cannot do it.');
  if (caller.kind === 'import') throw new DomainError('FORBIDDEN', IMPORT_ONLY);
  if (caller.kind !== 'user') throw unauthenticated();
  return caller;
}

/** True when the caller is a connector of `orgId` holding `permission`. */
export function connectorMay(caller: Caller, orgId: string | null, permission: ConnectorPermission): boolean {
  return caller.kind === 'connector' && orgId !== null && caller.orgId === orgId && caller.permissions.includes(permission);
}

const IMPORT_ONLY = "An import's credential only adds people to its organisation's directory and groups, and imported chats' history to its groups.";

/**
 * For the bulk calls an import may make (people to the directory and groups, a chat's history): the uploader it acts for, when the
 * call is for the import's organisation (FORBIDDEN otherwise). Other callers
 * pass unchanged.
 */
export function actingUploader(caller: Caller, orgId: string | null): Caller {
  if (caller.kind !== 'import') return caller;
  if (orgId !== caller.orgId) throw new DomainError('FORBIDDEN', `${IMPORT_ONLY} This is not its organisation.`);
  return { kind: 'user', userId: caller.userId, phone: caller.phone };
}
