import type { ConnectorPermission } from '../../gql/graphql';

/**
 * Each permission in words: the schema's own description of the ConnectorPermission value, and a name for its
 * checkbox. A Record, so a permission added to the schema fails the type check until it is explained here.
 */
export const PERMISSIONS: Record<ConnectorPermission, { label: string; description: string }> = {
  GROUP_INFO: { label: 'Group information', description: "Read the organisation's groups." },
  MEMBER_LISTS: { label: 'Member lists', description: "Read member lists of the organisation's groups." },
  MESSAGES: { label: 'Messages', description: "Read messages of the organisation's groups." },
  ORGANIZATION_DATA: { label: 'Organisation data', description: 'Read the organisation and its directory.' },
  WEBHOOKS: { label: 'Webhooks', description: 'Receive event deliveries.' },
  POST_MESSAGES: {
    label: 'Post messages',
    description: "Send messages, announcements and polls to the organisation's groups, shown as from the connector.",
  },
  AUDIT_LOG: { label: 'Audit log', description: "Read the organisation's audit log and check its chain, for a security system (SIEM)." },
};

export const PERMISSION_ORDER = Object.keys(PERMISSIONS) as ConnectorPermission[];

export function permissionLabel(permission: ConnectorPermission): string {
  return PERMISSIONS[permission].label;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
export function formatDateTime(iso: string): string {
  return dateFormat.format(new Date(iso));
}
