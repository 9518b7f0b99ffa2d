import type { Readable } from 'node:stream';
import { requireUser, type Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { auditActor, auditEvent, type Outbox } from '@kz/events';
import { isUuid, uuidv7 } from '@kz/db';
import { isCountryCode, normalisePhone } from '@kz/phone';
import type { DataSource } from 'typeorm';
import { ChatImportEntity } from '../../entities/chat-import.entity';
import { ImportJobEntity } from '../../entities/import-job.entity';
import { finishImport, progressEvent } from '../members/member-csv-import.job';
import type { GroupDirectory } from '../peers/group-directory';
import { asOwnError } from '../peers/peer-call-error';
import type { PeopleDirectory } from '../peers/people-directory';
import type { ChunkQueue } from '../members/chunk-queue';
import type { ImportAuthority } from '../members/import-authority';
import type { ChatFileStore, StoredChatFile } from './chat-file';
import { ChatPreviewTally, type AuthorMatch, type ChatPreview } from './chat-preview';
import { readChat } from './chat-reading';
import { ChatOutcomes, numberedLines } from './chat-report';
import type { DateOrder } from './whatsapp-parser';

/** An author of the preview mapped by the admin: to a directory member by number, or (no number) kept as a named placeholder. */
export interface AuthorMapping {
  name: string;
  phone: string | null;
}

export interface ApplyChatImportInput {
  /** The chat import whose preview is applied. */
  previewId: string;
  authors: readonly AuthorMapping[];
  addAuthorsAsMembers: boolean;
}

export interface StartChatImportInput {
  orgId: string;
  /** An existing group the caller administers; null to make a new organisation group. */
  groupId: string | null;
  /** The new group's name; null to take it from the export's file name. */
  newGroupName: string | null;
  dateOrder: DateOrder | null;
  timeZone: string;
  defaultCountry: string;
}

/** "WhatsApp Chat with Team Alpha.txt" → "Team Alpha"; the name a new group gets when none is given. */
export function groupNameFromFileName(fileName: string | null): string | null {
  const base = (fileName ?? '').split(/[\\/]/u).pop() ?? '';
  const name = base
    .replace(/\.(txt|zip)$/iu, '')
    .replace(/^whatsapp chat( with| -)?\s*/iu, '')
    .trim()
    .slice(0, 100);
  return name.length > 0 && name !== '_chat' ? name : null;
}

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
};

const MAX_GROUP_NAME = 100;

/**
 * Chat imports from start to preview: who may start one (an organisation's
 * admins, into a group they administer or a new organisation group), the
 * export's upload (a .txt, or the .zip WhatsApp makes with media), read
 * whole into its preview: counts, dates, format, authors with the
 * directory members they match, samples. Nothing is written to the group.
 */
export class ChatImportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly people: PeopleDirectory,
    private readonly groups: GroupDirectory,
    private readonly files: ChatFileStore,
    private readonly authority: ImportAuthority,
    private readonly queue: ChunkQueue,
    private readonly maxUploadBytes: number,
  ) {}

  async start(caller: Caller, bearer: string | null, input: StartChatImportInput): Promise<ImportJobEntity> {
    const userId = requireUser(caller).userId;
    const country = input.defaultCountry.trim().toUpperCase();
    if (!isCountryCode(country)) throw badInput('defaultCountry', `"${input.defaultCountry}" is not a two-letter ISO country code such as US or IN.`);
    if (!isTimeZone(input.timeZone)) {
      throw badInput('timeZone', `"${input.timeZone}" is not a time zone; use the exporting phone's, by its IANA name such as Asia/Kolkata or Europe/London.`);
    }
    const newGroupName = input.newGroupName?.trim() || null;
    if (newGroupName && newGroupName.length > MAX_GROUP_NAME) throw badInput('newGroupName', `A group name needs at most ${MAX_GROUP_NAME} characters.`);
    if (input.groupId && newGroupName) throw badInput('newGroupName', 'Give either the group to import into or the name of a new group, not both.');
    const org = isUuid(input.orgId) ? await asOwnError(() => this.people.organization(bearer!, input.orgId)) : null;
    if (!org) throw notFound('Organisation');
    if (!org.isAdmin) throw new DomainError('FORBIDDEN', "Only the organisation's admins can import chats.", 'organizationId');
    if (input.groupId) {
      const group = isUuid(input.groupId) ? await asOwnError(() => this.groups.group(bearer!, input.groupId!)) : null;
      if (!group) throw new DomainError('NOT_FOUND', `Group ${input.groupId} was not found.`, 'groupId');
      if (group.orgId !== input.orgId) throw badInput('groupId', "A chat is imported into one of the organisation's groups; this group is not one.");
      if (group.myRole !== 'OWNER' && group.myRole !== 'ADMIN') {
        throw new DomainError('FORBIDDEN', 'Only the owner and admins of the group can import a chat into it.', 'groupId');
      }
    }
    const id = uuidv7();
    await this.outbox.transaction(async (m, emit) => {
      await m.getRepository(ImportJobEntity).insert({
        id,
        orgId: input.orgId,
        startedBy: userId,
        kind: 'CHAT',
        status: 'QUEUED',
        mode: 'DRY_RUN',
        existingUsers: 'SKIP',
        defaultCountry: country,
        groupIds: input.groupId ? [input.groupId] : [],
      });
      await m.getRepository(ChatImportEntity).insert({
        importId: id,
        groupId: input.groupId,
        newGroupName,
        dateOrder: input.dateOrder,
        timeZone: input.timeZone,
      });
      emit([
        await progressEvent(m, id),
        auditEvent({
          orgId: input.orgId,
          action: 'import.started',
          actor: auditActor(caller),
          target: { type: 'import', id },
          after: { kind: 'CHAT', groupId: input.groupId, newGroupName, timeZone: input.timeZone, dateOrder: input.dateOrder },
        }),
      ]);
    });
    return this.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id });
  }

  /**
   * Applies a preview: a new import (of its own, in the history) writes the
   * export into the group, with each author mapped as the preview matched
   * them unless the admin says otherwise. The group is made now when the
   * preview asked for a new one, and mapped people are added to it when
   * asked; the history itself is written by the workers, in chunks.
   */
  async apply(caller: Caller, bearer: string | null, input: ApplyChatImportInput): Promise<ImportJobEntity> {
    const userId = requireUser(caller).userId;
    const preview = isUuid(input.previewId)
      ? await this.dataSource.getRepository(ImportJobEntity).findOneBy({ id: input.previewId, startedBy: userId, kind: 'CHAT' })
      : null;
    if (!preview) throw new DomainError('NOT_FOUND', 'Chat import was not found.', 'importId');
    const chat = await this.dataSource.getRepository(ChatImportEntity).findOneByOrFail({ importId: preview.id });
    if (preview.mode !== 'DRY_RUN' || preview.status !== 'COMPLETED' || !chat.preview || !chat.fileSha256 || !chat.fileKind) {
      throw new DomainError('CONFLICT', 'Only a chat import whose file was read into a preview can be applied; upload the export first.', 'importId');
    }
    const org = await asOwnError(() => this.people.organization(bearer ?? '', preview.orgId));
    if (!org?.isAdmin) throw new DomainError('FORBIDDEN', "Only the organisation's admins can import chats.");
    const { authorMap, phones } = await this.mapAuthors(preview, bearer, chat.preview.authors, input.authors);
    const groupId = chat.groupId ?? (await this.newGroupFor(preview, chat, bearer));
    if (chat.groupId) {
      const group = await asOwnError(() => this.groups.group(bearer ?? '', groupId));
      if (group?.myRole !== 'OWNER' && group?.myRole !== 'ADMIN')
        throw new DomainError('FORBIDDEN', 'Only the owner and admins of the group can import a chat into it.');
    }
    const id = uuidv7();
    if (input.addAuthorsAsMembers && phones.length > 0) {
      await asOwnError(() =>
        this.groups.addGroupMembers(
          bearer ?? '',
          groupId,
          phones.map((phone) => ({ phone, role: 'MEMBER' as const })),
          `${id}:members`,
          null,
        ),
      );
    }
    const actingGrant = await asOwnError(() => this.authority.grant(bearer ?? '', preview.orgId, id));
    const entries = chat.preview.messages + chat.preview.systemEvents;
    await this.outbox.transaction(async (m, emit) => {
      await m.getRepository(ImportJobEntity).insert({
        id,
        orgId: preview.orgId,
        startedBy: userId,
        kind: 'CHAT',
        status: 'RUNNING',
        mode: 'APPLY',
        existingUsers: 'SKIP',
        defaultCountry: preview.defaultCountry,
        groupIds: [groupId],
        actingGrant,
        fileName: preview.fileName,
        fileBytes: preview.fileBytes,
        rowsTotal: entries,
        chunkCount: 1,
        processingStartedAt: new Date(),
      });
      await m.getRepository(ChatImportEntity).insert({
        importId: id,
        groupId,
        newGroupName: null,
        dateOrder: chat.dateOrder,
        timeZone: chat.timeZone,
        fileKind: chat.fileKind,
        fileSha256: chat.fileSha256,
        preview: chat.preview,
        sourceImportId: preview.id,
        authorMap,
        addAuthorsAsMembers: input.addAuthorsAsMembers,
      });
      const mapped = Object.values(authorMap).filter((v) => v !== null).length;
      emit([
        await progressEvent(m, id),
        auditEvent({
          orgId: preview.orgId,
          action: 'import.started',
          actor: auditActor(caller),
          target: { type: 'import', id, name: preview.fileName },
          after: {
            kind: 'CHAT',
            preview: preview.id,
            groupId,
            authorsMapped: mapped,
            placeholders: Object.keys(authorMap).length - mapped,
            addAuthorsAsMembers: input.addAuthorsAsMembers,
          },
          count: entries,
        }),
      ]);
    });
    await this.queue.enqueueChunks(id, 1);
    return this.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id });
  }

  /** The group a preview asked to be made, made now; the preview keeps it, so that applying it again writes to the same group. */
  private async newGroupFor(preview: ImportJobEntity, chat: ChatImportEntity, bearer: string | null): Promise<string> {
    const { id } = await asOwnError(() => this.groups.createGroup(bearer ?? '', preview.orgId, chat.newGroupName ?? 'Imported chat'));
    await this.dataSource.getRepository(ChatImportEntity).update({ importId: preview.id }, { groupId: id });
    return id;
  }

  /** The preview's matches, with the admin's changes: each author to a directory member's id (and number), or null for a placeholder. */
  private async mapAuthors(
    preview: ImportJobEntity,
    bearer: string | null,
    authors: ChatPreview['authors'],
    changes: readonly AuthorMapping[],
  ): Promise<{ authorMap: Record<string, string | null>; phones: string[] }> {
    const chosen = new Map<string, { userId: string; phone: string } | null>(
      authors.map((a) => [a.name, a.match ? { userId: a.match.userId, phone: a.match.phone } : null]),
    );
    const asked = changes.filter((c) => c.phone !== null && c.phone.trim() !== '');
    const phoneOf = (raw: string) => {
      try {
        return normalisePhone(raw, preview.defaultCountry);
      } catch {
        throw badInput('authors', `"${raw}" is not a phone number; give a member's number, e.g. +14155550123.`);
      }
    };
    const numbers = asked.map((c) => phoneOf(c.phone!));
    const found = numbers.length > 0 ? await asOwnError(() => this.people.directoryMatches(bearer ?? '', preview.orgId, numbers, [])) : [];
    const members = new Map(found.filter((f) => f.member).map((f) => [f.query, f.member!]));
    for (const change of changes) {
      if (!chosen.has(change.name)) throw badInput('authors', `"${change.name}" is not an author of this chat; use a name as the preview lists it.`);
      if (change.phone === null || change.phone.trim() === '') {
        chosen.set(change.name, null);
        continue;
      }
      const member = members.get(phoneOf(change.phone));
      if (!member)
        throw badInput(
          'authors',
          `No one in the organisation's directory has the number ${change.phone}; add them first, or keep "${change.name}" as a placeholder.`,
        );
      chosen.set(change.name, { userId: member.userId, phone: member.phone });
    }
    const authorMap = Object.fromEntries([...chosen].map(([name, person]) => [name, person?.userId ?? null]));
    const phones = [...new Set([...chosen.values()].filter((p): p is { userId: string; phone: string } => p !== null).map((p) => p.phone))];
    return { authorMap, phones };
  }

  /**
   * The per-line report of a chat import (its preview or its application): each line of the export as written, and
   * what became of it (a message and its author, a system event, part of the entry above, skipped and why). The
   * export is read twice, streamed; in between only a few bytes per entry are kept.
   */
  async report(job: ImportJobEntity): Promise<AsyncGenerator<string>> {
    const chat = job.kind === 'CHAT' ? await this.dataSource.getRepository(ChatImportEntity).findOneBy({ importId: job.id }) : null;
    if (!chat?.fileSha256) throw new DomainError('NOT_FOUND', 'This import has no chat export to report on: its file was never read.');
    const stored = this.fileOf(chat);
    const outcomes = new ChatOutcomes();
    const end = await readChat(this.files, stored, chat, (entries) => outcomes.add(entries));
    outcomes.skip(end.skipped);
    const opened = await this.files.open(stored);
    return (async function* () {
      try {
        yield* outcomes.report(numberedLines(await opened.text()));
      } finally {
        opened.close();
      }
    })();
  }

  /** The stored export a chat import reads: its own upload, or for an applied import its preview's. */
  fileOf(chat: ChatImportEntity): StoredChatFile {
    return this.files.storedFile(chat.sourceImportId ?? chat.importId, chat.fileKind ?? 'TEXT', chat.fileSha256 ?? '');
  }

  async chatOf(importIds: readonly string[]): Promise<Map<string, ChatImportEntity>> {
    const rows = importIds.length > 0 ? await this.dataSource.getRepository(ChatImportEntity).findBy(importIds.map((importId) => ({ importId }))) : [];
    return new Map(rows.map((r) => [r.importId, r]));
  }

  /**
   * The upload: stored as it streams in (up to the size limit), then read
   * whole into the preview, its authors matched to the directory as the
   * uploader sees it. A file that is not a chat export fails the import at
   * once with the reason, which is also the answer.
   */
  async receiveFile(job: ImportJobEntity, bearer: string | null, fileName: string | null, body: Readable): Promise<ImportJobEntity> {
    const claimed = (await this.dataSource.query(
      `WITH claimed AS (UPDATE import_jobs SET status = 'VALIDATING', file_name = $2 WHERE id = $1 AND status = 'QUEUED' AND file_bytes IS NULL RETURNING id)
       SELECT id FROM claimed`,
      [job.id, fileName?.slice(0, 255) ?? null],
    )) as unknown[];
    if (claimed.length === 0) throw new DomainError('CONFLICT', 'This import already has its file (or has ended); start a new import to upload another.');
    await this.outbox.transaction(async (m, emit) => emit(await progressEvent(m, job.id)));
    const chat = await this.dataSource.getRepository(ChatImportEntity).findOneByOrFail({ importId: job.id });
    let preview: ChatPreview;
    let stored;
    try {
      stored = await this.files.store(job.id, body, this.maxUploadBytes);
      preview = await this.read(stored, chat);
      preview = { ...preview, authors: await this.matchAuthors(job, bearer, preview.authors) };
    } catch (err) {
      await this.files.remove(job.id);
      const reason = err instanceof DomainError ? err.message : 'The upload broke off before the whole file arrived; start a new import and upload it again.';
      await this.outbox.transaction(async (m, emit) => {
        if (await finishImport(m, job.id, 'FAILED', reason)) emit(await progressEvent(m, job.id));
      });
      throw err;
    }
    await this.outbox.transaction(async (m, emit) => {
      await m.getRepository(ChatImportEntity).update(
        { importId: job.id },
        {
          preview,
          fileKind: stored.kind,
          fileSha256: stored.sha256,
          newGroupName: chat.groupId ? null : (chat.newGroupName ?? groupNameFromFileName(fileName)),
        },
      );
      const entries = preview.messages + preview.systemEvents;
      await m.query(
        `UPDATE import_jobs SET file_bytes = $2, rows_total = $3, rows_processed = $3, rows_failed = $4, processing_started_at = now()
          WHERE id = $1 AND status = 'VALIDATING'`,
        [job.id, stored.bytes, entries, preview.skippedLines],
      );
      await finishImport(m, job.id, 'COMPLETED', null);
      emit(await progressEvent(m, job.id));
    });
    return this.dataSource.getRepository(ImportJobEntity).findOneByOrFail({ id: job.id });
  }

  /** The whole export through the parser, streamed: memory holds the tally, never the chat. */
  private async read(stored: StoredChatFile, chat: ChatImportEntity): Promise<ChatPreview> {
    let tally: ChatPreviewTally | null = null;
    const end = await readChat(this.files, stored, chat, (entries, media) => {
      tally ??= new ChatPreviewTally(media.has);
      tally.add(entries);
    });
    return (tally ?? new ChatPreviewTally(() => false)).preview(stored.kind, end.format, end.skipped.length);
  }

  /** Each author to a directory member: by number when the export shows one (in the import's country), else by name when only one member has it. */
  private async matchAuthors(job: ImportJobEntity, bearer: string | null, authors: ChatPreview['authors']): Promise<ChatPreview['authors']> {
    const phoneOf = (raw: string | null) => {
      if (raw === null) return null;
      try {
        return normalisePhone(raw, job.defaultCountry);
      } catch {
        return null;
      }
    };
    const phones = authors.map((a) => phoneOf(a.phone));
    const askPhones = [...new Set(phones.filter((p): p is string => p !== null))];
    const askNames = [...new Set(authors.filter((_, i) => phones[i] === null).map((a) => a.name))];
    const found = await asOwnError(() => this.people.directoryMatches(bearer ?? '', job.orgId, askPhones, askNames));
    const byQuery = new Map(found.filter((f) => f.member).map((f) => [`${f.by}:${f.query}`, f]));
    return authors.map((author, i) => {
      const hit = phones[i] !== null ? byQuery.get(`PHONE:${phones[i]}`) : byQuery.get(`NAME:${author.name}`);
      const match: AuthorMatch | null = hit?.member ? { ...hit.member, by: hit.by } : null;
      return { ...author, phone: phones[i] ?? author.phone, match };
    });
  }
}
