/** The services that own the records of an export. */
export type ExportingService = 'identity' | 'groups' | 'messaging';

export interface ExportKind {
  /** The kind as the owning service's /export/<kind> names it, and as the archive's file name: <kind>.jsonl. */
  kind: string;
  service: ExportingService;
  /** What one line of the file is, for the manifest. */
  description: string;
}

/** Every kind of record of an export, in the order they are written (and appear in the archive). */
export const EXPORT_KINDS: readonly ExportKind[] = [
  { kind: 'organization', service: 'identity', description: 'The organisation.' },
  { kind: 'attribute-definitions', service: 'identity', description: "The attributes the organisation's directory keeps for each person." },
  { kind: 'people', service: 'identity', description: "The people in the organisation's directory, with their role, network and attributes." },
  {
    kind: 'groups',
    service: 'groups',
    description: "The organisation's groups (deleted ones too), with their place in the hierarchy (parentId) and settings.",
  },
  { kind: 'memberships', service: 'groups', description: 'Who is in each group, with their role.' },
  {
    kind: 'messages',
    service: 'messaging',
    description: 'Messages sent in the range, in each group in the order sent; edited ones in their last form with editedAt, deleted ones as tombstones.',
  },
  { kind: 'polls', service: 'messaging', description: 'The polls among those messages, with their results.' },
  { kind: 'votes', service: 'messaging', description: 'Each vote cast in those polls.' },
  {
    kind: 'attachments',
    service: 'messaging',
    description: 'The files sent with those messages: each with its place in the archive (path) and its SHA-256.',
  },
];

export const ATTACHMENTS_KIND = 'attachments';
