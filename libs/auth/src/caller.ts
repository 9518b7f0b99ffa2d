import { DomainError, unauthenticated } from '@kz/errors';

/** What an organisation admin may let a partner system's connector do. */
export const CONNECTOR_PERMISSIONS = ['GROUP_INFO', 'MEMBER_LISTS', 'MESSAGES', 'WEBHOOKS', 'ORGANIZATION_DATA', 'POST_MESSAGES'] as const;
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

/** Who is making a request, as established from a verified access token. */
export type Caller = UserCaller | ConnectorCaller | { kind: 'anonymous' };

export const anonymous: Caller = { kind: 'anonymous' };

export function requireUser(caller: Caller): UserCaller {
  if (caller.kind === 'connector') throw new DomainError('FORBIDDEN', 'This needs a signed-in person; a connector token cannot do it.');
  if (caller.kind !== 'user') throw unauthenticated();
  return caller;
}

/** True when the caller is a connector of `orgId` holding `permission`. */
export function connectorMay(caller: Caller, orgId: string | null, permission: ConnectorPermission): boolean {
  return caller.kind === 'connector' && orgId !== null && caller.orgId === orgId && caller.permissions.includes(permission);
}
