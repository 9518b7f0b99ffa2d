import { Transform, type Readable } from 'node:stream';
import type { Caller } from '@kz/auth';
import { badInput, DomainError, notFound } from '@kz/errors';
import { isUuid, uuidv7 } from '@kz/db';
import { In, IsNull, type DataSource, type EntityManager } from 'typeorm';
import { AttachmentEntity } from '../entities/attachment.entity';
import { posterIn } from './message-access';
import { requireHistoryImporter } from './history-import';
import type { MessagesService } from './messages.service';
import type { ObjectStore } from './object-store';

export interface AttachmentLimits {
  maxBytes: number;
  contentTypes: readonly string[];
}

export class PayloadTooLargeError extends DomainError {
  constructor(limit: number) {
    super('PAYLOAD_TOO_LARGE', `Attachments can be at most ${limit.toLocaleString('en')} bytes.`, 'file');
  }
}

/** A file name safe to echo in a header and on disk-independent storage. */
export function cleanFilename(raw: string | null): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[^\w.\- ()]+/g, '_')
    .trim()
    .slice(0, 150);
  return clean.length > 0 ? clean : 'file';
}

/** Counts bytes as they pass and fails the stream past the limit, so nothing larger is ever stored whole. */
function sizeLimit(maxBytes: number, seen: { bytes: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen.bytes += chunk.length;
      if (seen.bytes > maxBytes) done(new PayloadTooLargeError(maxBytes));
      else done(null, chunk);
    },
  });
}

/** Ties the sender's own uploads to their new message, in its transaction. */
export async function attachToMessage(m: EntityManager, uploaderId: string, groupId: string, messageId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  if (ids.length > 10) throw badInput('attachmentIds', 'A message can carry at most 10 attachments.');
  const valid = ids.filter(isUuid);
  const rows = await m.getRepository(AttachmentEntity).findBy({ id: In(valid), uploaderId, groupId, messageId: IsNull() });
  if (rows.length !== new Set(ids).size) throw badInput('attachmentIds', 'Attach only files you uploaded to this group and have not sent yet.');
  await m.getRepository(AttachmentEntity).update({ id: In(valid) }, { messageId });
}

export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly objects: ObjectStore,
    private readonly limits: AttachmentLimits,
    private readonly messages: MessagesService,
  ) {}

  /** Streams an upload into the store; only those who may post in the group (members, connectors granted POST_MESSAGES) can upload to it. */
  async upload(
    caller: Caller,
    groupId: string,
    rawFilename: string | null,
    contentType: string,
    declaredBytes: number | null,
    body: Readable,
  ): Promise<AttachmentEntity> {
    const { authorId: uploaderId } = await posterIn(this.dataSource.manager, caller, groupId);
    return this.storeFile(uploaderId, groupId, uuidv7(), rawFilename, contentType, declaredBytes, body);
  }

  /**
   * A file of an imported chat, for the message it will be sent with (importGroupHistory's attachmentIds): only an
   * import's credential, for its organisation's group whose owner or admin started it. The id is the import's, made
   * from the entry: a file uploaded again (a worker that took over) is the same attachment, stored once.
   */
  async uploadForImport(
    caller: Caller,
    groupId: string,
    attachmentId: string,
    rawFilename: string | null,
    contentType: string,
    declaredBytes: number | null,
    body: Readable,
  ): Promise<AttachmentEntity> {
    await requireHistoryImporter(this.dataSource.manager, caller, groupId);
    if (!isUuid(attachmentId)) throw badInput('id', 'id must be a UUID.');
    const existing = await this.dataSource.getRepository(AttachmentEntity).findOneBy({ id: attachmentId });
    if (existing) {
      if (existing.groupId !== groupId) throw new DomainError('CONFLICT', 'This attachment id is taken.');
      body.resume();
      return existing;
    }
    return this.storeFile(caller.kind === 'import' ? caller.userId : '', groupId, attachmentId, rawFilename, contentType, declaredBytes, body);
  }

  private async storeFile(
    uploaderId: string,
    groupId: string,
    id: string,
    rawFilename: string | null,
    contentType: string,
    declaredBytes: number | null,
    body: Readable,
  ): Promise<AttachmentEntity> {
    const type = contentType.split(';')[0]!.trim().toLowerCase();
    if (!this.limits.contentTypes.includes(type)) {
      throw badInput('contentType', `Files of type "${type || 'unknown'}" cannot be attached; allowed: ${this.limits.contentTypes.join(', ')}.`);
    }
    if (declaredBytes !== null && declaredBytes > this.limits.maxBytes) throw new PayloadTooLargeError(this.limits.maxBytes);
    const storageKey = `${groupId}/${id}`;
    const seen = { bytes: 0 };
    try {
      await this.objects.put(storageKey, body.pipe(sizeLimit(this.limits.maxBytes, seen)), type);
    } catch (err) {
      // Partial bytes of a refused or broken upload are never kept.
      await this.objects.delete(storageKey).catch(() => undefined);
      throw err;
    }
    if (seen.bytes === 0) {
      await this.objects.delete(storageKey);
      throw badInput('file', 'The file is empty.');
    }
    const repo = this.dataSource.getRepository(AttachmentEntity);
    await repo.insert({
      id,
      groupId,
      uploaderId,
      messageId: null,
      filename: cleanFilename(rawFilename),
      contentType: type,
      sizeBytes: String(seen.bytes),
      storageKey,
    });
    return repo.findOneByOrFail({ id });
  }

  async ofMessages(messageIds: readonly string[]): Promise<AttachmentEntity[][]> {
    const rows = await this.dataSource.getRepository(AttachmentEntity).find({ where: { messageId: In([...messageIds]) }, order: { id: 'ASC' } });
    return messageIds.map((id) => rows.filter((r) => r.messageId === id));
  }

  /** Opens an attachment for someone who may read its message (or its uploader, before sending). */
  async open(caller: Caller, id: string): Promise<{ attachment: AttachmentEntity; body: Readable }> {
    const attachment = isUuid(id) ? await this.dataSource.getRepository(AttachmentEntity).findOneBy({ id }) : null;
    if (!attachment) throw notFound('Attachment');
    const mayRead = attachment.messageId
      ? (await this.messages.visibleByIds(caller, [attachment.messageId])).some((m) => m.deletedAt === null)
      : caller.kind === 'user' && caller.userId === attachment.uploaderId;
    if (!mayRead) throw notFound('Attachment');
    return { attachment, body: await this.objects.get(attachment.storageKey) };
  }
}
