/** What each recorded action is called on screen; an action the app does not know yet shows as recorded. */
const ACTION_LABELS: Record<string, string> = {
  'organization.created': 'Created the organisation',
  'organization.renamed': 'Renamed the organisation',
  'organization.role-changed': 'Changed an organisation role',
  'organization.member-left': 'Left the organisation',
  'directory.member-added': 'Added a person to the directory',
  'directory.member-removed': 'Removed a person from the organisation',
  'directory.members-removed': 'Removed people from the organisation',
  'directory.attributes-changed': "Changed a person's attributes",
  'directory.network-changed': 'Moved people between networks',
  'directory.imported': 'Imported people into the directory',
  'attribute.defined': 'Defined a user attribute',
  'attribute.changed': 'Changed a user attribute',
  'attribute.removed': 'Removed a user attribute',
  'group.created': 'Created a group',
  'group.updated': "Changed a group's settings",
  'group.deleted': 'Deleted a group',
  'group.attached': 'Made a group a sub-group',
  'group.detached': 'Made a sub-group stand alone',
  'group.linked': 'Linked a group to the organisation',
  'group.unlinked': 'Unlinked a group from the organisation',
  'group.members-added': 'Added members to a group',
  'group.members-removed': 'Removed members from a group',
  'group.role-changed': 'Changed a group role',
  'invite-link.created': 'Created an invite link',
  'invite-link.revoked': 'Revoked an invite link',
  'join-request.approved': 'Approved a request to join',
  'join-request.declined': 'Declined a request to join',
  'import.started': 'Started a bulk upload',
  'import.cancelled': 'Cancelled a bulk upload',
  'export.started': "Started an export of the organisation's data",
  'export.cancelled': 'Cancelled an export',
  'export.downloaded': 'Downloaded an export',
  'connector.registered': 'Registered a connector',
  'connector.secret-rotated': "Rotated a connector's secret",
  'connector.revoked': 'Revoked a connector',
  'webhook-endpoint.registered': 'Registered a webhook endpoint',
  'webhook-endpoint.changed': 'Changed a webhook endpoint',
  'webhook-endpoint.paused': 'Paused a webhook endpoint',
  'webhook-endpoint.resumed': 'Resumed a webhook endpoint',
  'webhook-endpoint.deleted': 'Deleted a webhook endpoint',
  'webhook-endpoint.secret-rotated': "Rotated a webhook endpoint's secret",
  'retention.organization-policy-set': "Changed the organisation's message retention",
  'retention.group-policy-set': "Changed a group's message retention",
  'retention.messages-deleted': 'Deleted expired messages',
  'admin.signed-in': 'Signed in',
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? action;

/** The filter's choices: each is the start that its actions share. */
export const ACTION_AREAS: readonly { value: string; label: string }[] = [
  { value: 'organization', label: 'Organisation and roles' },
  { value: 'directory', label: 'Directory' },
  { value: 'attribute', label: 'User attributes' },
  { value: 'group', label: 'Groups and members' },
  { value: 'invite-link', label: 'Invite links' },
  { value: 'join-request', label: 'Join requests' },
  { value: 'import', label: 'Bulk uploads' },
  { value: 'export', label: 'Exports' },
  { value: 'connector', label: 'Connectors' },
  { value: 'webhook-endpoint', label: 'Webhooks' },
  { value: 'retention', label: 'Message retention' },
  { value: 'admin', label: "Admins' sign-ins" },
];

/** A change as one line: field: before → after, for the fields the entry names. */
export function changeSummary(before: string | null, after: string | null): string[] {
  const was = parse(before);
  const now = parse(after);
  const fields = [...new Set([...Object.keys(was ?? {}), ...Object.keys(now ?? {})])];
  return fields.map((field) => {
    if (!was || !(field in was)) return `${field}: ${show(now?.[field])}`;
    if (!now || !(field in now)) return `${field}: was ${show(was[field])}`;
    return `${field}: ${show(was[field])} → ${show(now[field])}`;
  });
}

function parse(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function show(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
