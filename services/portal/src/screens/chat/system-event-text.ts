import type { GroupRole, SystemEventKind } from '../../gql/graphql';

/**
 * A system entry of a group's history in words: "Ana added Bo and 3 others", "Bo left", "Ana renamed the group to
 * “Night desk”". The reader is "you". Pure, so every wording is tested without a browser.
 */

interface Person {
  id: string;
  displayName: string;
}

export interface SystemEventView {
  kind: SystemEventKind;
  actor: Person | null;
  /** The first people it is about (the server names up to 20). */
  users: readonly Person[];
  userCount: number;
  name: string | null;
  role: GroupRole | null;
}

/** From this many people on, an entry counts them ("Ana added 2,000 people") instead of naming one and counting the rest. */
export const COUNT_ONLY_FROM = 100;

const count = (n: number) => n.toLocaleString('en-GB');
const quoted = (name: string) => `“${name}”`;

/** The people as a phrase: "you", "Bo", "Bo and Cy", "you and 3 others", "2,000 people"; plural for the verb (you are), one for the noun (an admin). */
function people(event: SystemEventView, viewerId: string | null): { text: string; plural: boolean; one: boolean } {
  const total = Math.max(event.userCount, event.users.length);
  const me = event.users.find((u) => u.id === viewerId);
  // The reader first: they want to know it is about them.
  const named = me ? [me, ...event.users.filter((u) => u !== me)] : [...event.users];
  const nameOf = (p: Person) => (p.id === viewerId ? 'you' : p.displayName);
  const one = total === 1;
  if (named.length === 0 || (total >= COUNT_ONLY_FROM && !me)) return { text: `${count(total)} ${one ? 'person' : 'people'}`, plural: !one, one };
  if (one) return { text: nameOf(named[0]!), plural: me !== undefined, one };
  if (total === 2 && named.length >= 2) return { text: `${nameOf(named[0]!)} and ${nameOf(named[1]!)}`, plural: true, one };
  const others = total - 1;
  return { text: `${nameOf(named[0]!)} and ${count(others)} ${others === 1 ? 'other' : 'others'}`, plural: true, one };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function systemEventText(event: SystemEventView, viewerId: string | null): string {
  const actor = event.actor ? (event.actor.id === viewerId ? 'You' : event.actor.displayName) : null;
  const who = people(event, viewerId);
  const Who = capitalised(who.text);
  const were = who.plural ? 'were' : 'was';
  const are = who.plural ? 'are' : 'is';
  const subgroup = event.name ? quoted(event.name) : null;
  switch (event.kind) {
    case 'GROUP_CREATED':
      return actor ? `${actor} created the group${event.name ? ` ${quoted(event.name)}` : ''}` : 'The group was created';
    case 'MEMBERS_ADDED':
      return actor ? `${actor} added ${who.text}` : `${Who} ${were} added`;
    case 'JOINED':
      return `${Who} joined`;
    case 'MEMBERS_REMOVED':
      return actor ? `${actor} removed ${who.text}` : `${Who} ${were} removed`;
    case 'MEMBER_LEFT':
      return `${Who} left`;
    case 'ROLE_CHANGED': {
      const admin = who.one ? 'an admin' : 'admins';
      if (event.role === 'MEMBER') return actor ? `${actor} dismissed ${who.text} as ${who.one ? 'admin' : 'admins'}` : `${Who} ${are} no longer ${admin}`;
      const role = event.role === 'OWNER' ? 'the owner' : admin;
      return actor ? `${actor} made ${who.text} ${role}` : `${Who} ${are} now ${role}`;
    }
    case 'GROUP_RENAMED':
      return actor ? `${actor} renamed the group to ${quoted(event.name ?? '')}` : `The group was renamed to ${quoted(event.name ?? '')}`;
    case 'SUBGROUP_ATTACHED':
      if (!actor) return `${subgroup ?? 'A group'} became a sub-group`;
      return subgroup ? `${actor} added ${subgroup} as a sub-group` : `${actor} added a sub-group`;
    case 'SUBGROUP_DETACHED':
      return actor ? `${actor} removed ${subgroup ? `the sub-group ${subgroup}` : 'a sub-group'}` : `${subgroup ?? 'A group'} is no longer a sub-group`;
    default:
      return 'The group changed';
  }
}
