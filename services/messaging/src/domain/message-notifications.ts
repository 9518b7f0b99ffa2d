import type { NotificationKind } from '../entities/notification.entity';

/** What is known of a person a new message concerns: their role in its group, and whether they read the group at all. */
export interface Concerned {
  userId: string;
  /** OWNER or ADMIN of the message's group: they see replies meant for admins. */
  admin: boolean;
  /** A member of the group or of one of its sub-groups. */
  readsGroup: boolean;
}

export interface SentMessageFacts {
  authorId: string;
  audience: 'ALL' | 'ADMINS';
  /** The people mentioned, in the order written. */
  mentioned: readonly Concerned[];
  /** The author of the message replied to, if any. */
  quotedAuthor: Concerned | null;
}

/**
 * Who hears of a new message, and as what: each person mentioned (MENTION), and the author of the message it replies
 * to (REPLY) unless they are mentioned too; never its own author, and only people who may read it (they read the
 * group, and a reply meant for admins reaches only admins).
 */
export function messageNotices(facts: SentMessageFacts): { userId: string; kind: Extract<NotificationKind, 'MENTION' | 'REPLY'> }[] {
  const mayRead = (p: Concerned) => p.readsGroup && (facts.audience === 'ALL' || p.admin);
  const notices: { userId: string; kind: 'MENTION' | 'REPLY' }[] = [];
  const told = new Set<string>([facts.authorId]);
  for (const person of facts.mentioned) {
    if (told.has(person.userId) || !mayRead(person)) continue;
    told.add(person.userId);
    notices.push({ userId: person.userId, kind: 'MENTION' });
  }
  const quoted = facts.quotedAuthor;
  if (quoted && !told.has(quoted.userId) && mayRead(quoted)) notices.push({ userId: quoted.userId, kind: 'REPLY' });
  return notices;
}
