import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChatPreview } from '../domain/chat-export/chat-preview';

/** What only a chat import has; one row per import of kind CHAT. */
@Entity('chat_imports')
export class ChatImportEntity {
  @PrimaryColumn({ name: 'import_id', type: 'uuid' }) importId!: string;
  /** The group the history goes into; null when a new group is made for it. */
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  /** The new group's name; null for an existing group, or to take it from the file's name. */
  @Column({ name: 'new_group_name', type: 'text', nullable: true }) newGroupName!: string | null;
  /** How to read dates the file cannot settle (no day above 12); null: day first. */
  @Column({ name: 'date_order', type: 'text', nullable: true }) dateOrder!: 'DAY_FIRST' | 'MONTH_FIRST' | null;
  /** The exporting phone's time zone (IANA): export times carry no offset. */
  @Column({ name: 'time_zone', type: 'text' }) timeZone!: string;
  @Column({ name: 'file_kind', type: 'text', nullable: true }) fileKind!: 'TEXT' | 'ZIP' | null;
  @Column({ name: 'file_sha256', type: 'text', nullable: true }) fileSha256!: string | null;
  /** What the file holds and whom its authors match, once it is read. */
  @Column({ type: 'jsonb', nullable: true }) preview!: ChatPreview | null;
  /** For an applied import: the preview (dry run) whose file it writes. */
  @Column({ name: 'source_import_id', type: 'uuid', nullable: true }) sourceImportId!: string | null;
  /** For an applied import: each author as the export names them, to a person's id, or null for a named placeholder. */
  @Column({ name: 'author_map', type: 'jsonb', nullable: true }) authorMap!: Record<string, string | null> | null;
  @Column({ name: 'add_authors_as_members', type: 'boolean', default: false }) addAuthorsAsMembers!: boolean;
  /** Entries of the export written so far, in file order: where a worker that takes over goes on. */
  @Column({ name: 'entries_done', type: 'int', default: 0 }) entriesDone!: number;
}
