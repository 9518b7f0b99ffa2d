import type { AttributeType, Network, OrganizationRole, RemoveOrganizationMemberStatus, SetMemberNetworkStatus } from '../../gql/graphql';

/** The networks as the product names them: the Employees network and the Others network. */
export const NETWORK_LABELS: Record<Network, string> = { EMPLOYEE: 'Employees', OTHER: 'Others' };

export const NETWORK_DESCRIPTIONS: Record<Network, string> = {
  EMPLOYEE: 'Employees of the organisation: they can read the directory.',
  OTHER: 'Partners, vendors and contractors: they cannot read the directory.',
};

export const ROLE_LABELS: Record<OrganizationRole, string> = { ADMIN: 'Admin', MEMBER: 'Member' };

/** The directory's filter: one network, or everyone. */
export type NetworkFilter = Network | 'ALL';

export function networkOfFilter(filter: NetworkFilter): Network | null {
  return filter === 'ALL' ? null : filter;
}

// One formatter for every row: creating one per row costs more than the row itself.
const JOINED = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

// Attribute dates are calendar days (YYYY-MM-DD), not instants: read and written in UTC so no time zone shifts them.
const CALENDAR_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function formatJoined(iso: string): string {
  return JOINED.format(new Date(iso));
}

/** An attribute's value as a person reads it: yes/no for booleans, dates in words, the rest as written. */
export function formatAttributeValue(type: AttributeType | undefined, value: string): string {
  if (type === 'BOOLEAN') return value === 'true' ? 'Yes' : value === 'false' ? 'No' : value;
  if (type === 'DATE') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match) return CALENDAR_DAY.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
  }
  return value;
}

/** "1 person", "3 people". */
export function people(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'person' : 'people'}`;
}

export interface BulkOutcome {
  userId: string;
  status: string;
  message: string | null;
}

/** One person a bulk change did not apply to, by name, with the reason in words. */
export interface BulkRefusal {
  userId: string;
  name: string;
  reason: string;
}

/** What a bulk change did, counted, and everyone it did not apply to with why. */
export interface BulkSummary {
  /** "Moved 3 people to Others." */
  headline: string;
  /** Secondary counts, e.g. "1 person was already there." */
  details: string[];
  refusals: BulkRefusal[];
  /** True when every person named was changed. */
  complete: boolean;
}

const NETWORK_FALLBACK: Record<Exclude<SetMemberNetworkStatus, 'CHANGED'>, string> = {
  UNCHANGED: 'Already in that network.',
  NOT_FOUND: 'No longer a member of this organisation.',
};

export function summariseNetworkMove(outcomes: readonly BulkOutcome[], network: Network, names: ReadonlyMap<string, string>): BulkSummary {
  const changed = outcomes.filter((o) => o.status === 'CHANGED').length;
  const unchanged = outcomes.filter((o) => o.status === 'UNCHANGED').length;
  const notFound = outcomes.filter((o) => o.status === 'NOT_FOUND').length;
  const details: string[] = [];
  if (unchanged > 0) details.push(`${people(unchanged)} ${unchanged === 1 ? 'was' : 'were'} already in ${NETWORK_LABELS[network]}.`);
  if (notFound > 0) details.push(`${people(notFound)} ${notFound === 1 ? 'is' : 'are'} no longer in the organisation.`);
  return {
    headline: `Moved ${people(changed)} to ${NETWORK_LABELS[network]}.`,
    details,
    refusals: outcomes
      .filter((o) => o.status !== 'CHANGED')
      .map((o) => ({
        userId: o.userId,
        name: names.get(o.userId) ?? 'Someone',
        reason: o.message ?? NETWORK_FALLBACK[o.status as Exclude<SetMemberNetworkStatus, 'CHANGED'>] ?? 'Not moved.',
      })),
    complete: changed === outcomes.length,
  };
}

const REMOVAL_FALLBACK: Record<Exclude<RemoveOrganizationMemberStatus, 'REMOVED'>, string> = {
  LAST_ADMIN: 'An organisation needs at least one admin: make someone else admin first.',
  NOT_FOUND: 'No longer a member of this organisation.',
};

export function summariseRemoval(outcomes: readonly BulkOutcome[], names: ReadonlyMap<string, string>): BulkSummary {
  const removed = outcomes.filter((o) => o.status === 'REMOVED').length;
  const lastAdmin = outcomes.filter((o) => o.status === 'LAST_ADMIN').length;
  const notFound = outcomes.filter((o) => o.status === 'NOT_FOUND').length;
  const details: string[] = [];
  if (lastAdmin > 0) details.push(`${people(lastAdmin)} kept as the organisation's last admin.`);
  if (notFound > 0) details.push(`${people(notFound)} ${notFound === 1 ? 'was' : 'were'} no longer in the organisation.`);
  return {
    headline: `Removed ${people(removed)} from the organisation.`,
    details,
    refusals: outcomes
      .filter((o) => o.status !== 'REMOVED')
      .map((o) => ({
        userId: o.userId,
        name: names.get(o.userId) ?? 'Someone',
        reason: o.message ?? REMOVAL_FALLBACK[o.status as Exclude<RemoveOrganizationMemberStatus, 'REMOVED'>] ?? 'Not removed.',
      })),
    complete: removed === outcomes.length,
  };
}
