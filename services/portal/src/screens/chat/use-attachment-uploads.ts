import { useCallback, useState } from 'react';
import { userError } from '../../api/errors';
import { uploadFile } from '../../api/files';

export interface PendingAttachment {
  localId: string;
  filename: string;
  size: number;
  /** 0–1 while uploading. */
  progress: number;
  id: string | null;
  error: string | null;
}

/** At most this many files go with one message (the API's limit). */
export const MAX_ATTACHMENTS = 10;

/**
 * Files chosen for the next message (by the picker, by dropping them, or by pasting), each uploaded at once with
 * its progress shown; a message goes with the ones that finished.
 */
export function useAttachmentUploads(groupId: string) {
  const [files, setFiles] = useState<PendingAttachment[]>([]);

  const add = useCallback(
    (chosen: readonly File[]) => {
      for (const file of chosen.slice(0, MAX_ATTACHMENTS)) {
        const localId = crypto.randomUUID();
        setFiles((list) =>
          list.length >= MAX_ATTACHMENTS
            ? list
            : [...list, { localId, filename: file.name || 'pasted file', size: file.size, progress: 0, id: null, error: null }],
        );
        const url = `/attachments?groupId=${encodeURIComponent(groupId)}&filename=${encodeURIComponent(file.name || 'pasted file')}`;
        uploadFile(url, file, (p) => setFiles((list) => list.map((f) => (f.localId === localId ? { ...f, progress: p.total ? p.loaded / p.total : 0 } : f))), {
          method: 'POST',
          fallbackType: 'application/octet-stream',
        })
          .then((answer) => {
            const id = (answer as { id?: string } | null)?.id ?? null;
            setFiles((list) => list.map((f) => (f.localId === localId ? { ...f, progress: 1, id, error: id ? null : 'The upload gave no file id.' } : f)));
          })
          .catch((error: unknown) => {
            const message = userError(error)?.message ?? 'The file could not be uploaded.';
            setFiles((list) => list.map((f) => (f.localId === localId ? { ...f, error: message } : f)));
          });
      }
    },
    [groupId],
  );

  const remove = useCallback((localId: string) => setFiles((list) => list.filter((f) => f.localId !== localId)), []);
  const clear = useCallback(() => setFiles([]), []);
  const uploading = files.some((f) => !f.id && !f.error);
  const ready = files.filter((f): f is PendingAttachment & { id: string } => f.id !== null);
  return { files, add, remove, clear, uploading, ready };
}
