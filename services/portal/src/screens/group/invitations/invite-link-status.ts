export type InviteLinkStatus = 'ACTIVE' | 'REVOKED' | 'EXPIRED' | 'USED_UP';

export const STATUS_LABELS: Record<InviteLinkStatus, string> = { ACTIVE: 'Active', REVOKED: 'Revoked', EXPIRED: 'Expired', USED_UP: 'Used up' };

/** Whether a link still lets people in, by the same rules as the server. */
export function inviteLinkStatus(
  link: { revokedAt?: string | null; expiresAt?: string | null; maxUses?: number | null; uses: number },
  now: Date,
): InviteLinkStatus {
  if (link.revokedAt) return 'REVOKED';
  if (link.expiresAt && new Date(link.expiresAt) <= now) return 'EXPIRED';
  if (link.maxUses !== null && link.maxUses !== undefined && link.uses >= link.maxUses) return 'USED_UP';
  return 'ACTIVE';
}

const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** A `datetime-local` input's value (the person's own time zone) as the API's ISO instant; null when empty or malformed. */
export function localDateTimeToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
