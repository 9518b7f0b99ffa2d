import type { GroupRole } from '../../../gql/graphql';

export const ROLE_LABELS: Record<GroupRole, string> = { OWNER: 'Owner', ADMIN: 'Admin', MEMBER: 'Member' };

// One formatter for every row: creating one per row costs more than the row itself.
const JOINED = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatJoined(iso: string): string {
  return JOINED.format(new Date(iso));
}
