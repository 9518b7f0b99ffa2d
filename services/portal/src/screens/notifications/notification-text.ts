/** What a notification says and where it leads, from its kind and what it is about. Pure: tested without a browser. */

export type NotificationKindName = 'MENTION' | 'REPLY' | 'GROUP_ADDED' | 'JOIN_REQUEST' | 'IMPORT_FINISHED' | 'WEBHOOK_DISABLED' | 'EXPORT_FINISHED';

export interface NotificationFacts {
  kind: NotificationKindName;
  actorName: string | null;
  group: { id: string; name: string; organizationId: string | null } | null;
  message: { id: string; text: string | null } | null;
  importJob: { id: string; organizationId: string; fileName: string | null; status: string } | null;
  webhookEndpoint?: { id: string; organizationId: string; url: string } | null;
  exportJob?: { id: string; organizationId: string; status: string } | null;
}

const EXPORT_OUTCOMES: Record<string, string> = {
  COMPLETED: 'Your export is ready to download',
  FAILED: 'Your export failed',
  CANCELLED: 'Your export was cancelled',
};

const IMPORT_OUTCOMES: Record<string, string> = {
  COMPLETED: 'finished',
  COMPLETED_WITH_ERRORS: 'finished with errors',
  FAILED: 'failed',
  CANCELLED: 'was cancelled',
};

/** A message's text cut for a one-line excerpt. */
function excerpt(text: string | null, max = 80): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function notificationText(n: NotificationFacts): string {
  const who = n.actorName ?? 'Someone';
  const group = n.group?.name ?? 'a group';
  switch (n.kind) {
    case 'MENTION':
      return n.message?.text ? `${who} mentioned you in ${group}: “${excerpt(n.message.text)}”` : `${who} mentioned you in ${group}`;
    case 'REPLY':
      return n.message?.text ? `${who} replied to you in ${group}: “${excerpt(n.message.text)}”` : `${who} replied to you in ${group}`;
    case 'GROUP_ADDED':
      return n.actorName ? `${who} added you to ${group}` : `You were added to ${group}`;
    case 'JOIN_REQUEST':
      return `${who} asked to join ${group}`;
    case 'IMPORT_FINISHED': {
      const file = n.importJob?.fileName ?? 'Your upload';
      return `${n.importJob?.fileName ? `Your upload ${file}` : file} ${IMPORT_OUTCOMES[n.importJob?.status ?? ''] ?? 'finished'}`;
    }
    case 'WEBHOOK_DISABLED':
      return n.webhookEndpoint ? `The webhook endpoint ${n.webhookEndpoint.url} was disabled` : 'A webhook endpoint was disabled';
    case 'EXPORT_FINISHED':
      return EXPORT_OUTCOMES[n.exportJob?.status ?? ''] ?? 'Your export has ended';
  }
}

/** Where choosing a notification takes the person: the message in its conversation, the group, the requests to decide, the import, the exports. */
export function notificationLink(n: NotificationFacts): string | null {
  switch (n.kind) {
    case 'MENTION':
    case 'REPLY':
      if (n.group && n.message) return `/chat/${n.group.id}?message=${n.message.id}`;
      return n.group ? `/chat/${n.group.id}` : null;
    case 'GROUP_ADDED':
      return n.group ? `/chat/${n.group.id}` : null;
    case 'JOIN_REQUEST':
      if (n.group?.organizationId) return `/orgs/${n.group.organizationId}/groups/${n.group.id}/requests`;
      return n.group ? `/chat/${n.group.id}` : null;
    case 'IMPORT_FINISHED':
      return n.importJob ? `/orgs/${n.importJob.organizationId}/imports/${n.importJob.id}` : null;
    case 'WEBHOOK_DISABLED':
      return n.webhookEndpoint ? `/orgs/${n.webhookEndpoint.organizationId}/webhooks/${n.webhookEndpoint.id}` : null;
    case 'EXPORT_FINISHED':
      return n.exportJob ? `/orgs/${n.exportJob.organizationId}/exports` : null;
  }
}
