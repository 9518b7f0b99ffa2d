import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { uploadFile, type UploadProgress } from '../../api/files';
import { graphql } from '../../gql';
import type { ImportMode } from '../../gql/graphql';
import { formatBytes } from './import-format';
import { holdFile, type ImportSettings } from './held-files';

const StartImportMutation = graphql(`
  mutation StartImport($input: StartImportInput!) {
    startImport(input: $input) {
      uploadUrl
      maxUploadBytes
      import {
        id
        mode
        status
      }
    }
  }
`);

const CancelOversizedImportMutation = graphql(`
  mutation CancelOversizedImport($input: CancelImportInput!) {
    cancelImport(input: $input) {
      import {
        id
        status
      }
    }
  }
`);

export interface StartImport {
  /** Starts an import and uploads the file into it; the import's id once the file is in, or null (see errors). */
  start: (settings: ImportSettings, mode: ImportMode, file: File) => Promise<string | null>;
  busy: boolean;
  /** The upload's progress while the file is sent. */
  progress: UploadProgress | null;
  /** Why it did not start or the file was refused; a file's problems have the field "file". */
  errors: UserError[];
  clearErrors: () => void;
}

/**
 * startImport, then the file PUT to its upload address with progress: the file is checked as it arrives, so a
 * file that cannot be read is refused in the upload's answer, with the reason.
 */
export function useStartImport(options: { refetchQueries?: string[] } = {}): StartImport {
  const refetchQueries = options.refetchQueries ?? [];
  const client = useApolloClient();
  const [startImport] = useMutation(StartImportMutation, { refetchQueries });
  const [cancelImport] = useMutation(CancelOversizedImportMutation);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);

  const start = async (settings: ImportSettings, mode: ImportMode, file: File): Promise<string | null> => {
    setBusy(true);
    setErrors([]);
    setProgress(null);
    let importId: string;
    let uploadUrl: string;
    try {
      const { data } = await startImport({ variables: { input: { ...settings, mode } } });
      if (!data) return null;
      importId = data.startImport.import.id;
      uploadUrl = data.startImport.uploadUrl;
      const { maxUploadBytes } = data.startImport;
      if (file.size > maxUploadBytes) {
        // Otherwise the import would wait for a file forever; cancelled, the history says what became of it.
        await cancelImport({ variables: { input: { importId } } }).catch(() => undefined);
        setErrors([
          {
            code: 'PAYLOAD_TOO_LARGE',
            field: 'file',
            message: `${file.name} is ${formatBytes(file.size)}; the largest file accepted is ${formatBytes(maxUploadBytes)}. Split it into smaller files.`,
          },
        ]);
        setBusy(false);
        return null;
      }
    } catch (error) {
      setErrors(userErrors(error));
      setBusy(false);
      return null;
    }
    try {
      if (mode === 'DRY_RUN') holdFile(importId, file);
      const url = new URL(uploadUrl, window.location.href);
      url.searchParams.set('filename', file.name);
      setProgress({ loaded: 0, total: file.size });
      await uploadFile(url.toString(), file, setProgress);
      return importId;
    } catch (error) {
      // Whatever the service named, a refused upload is about the file: it is shown beside the file.
      const problems = userErrors(error);
      setErrors(problems.map((e) => ({ ...e, field: 'file' })));
      // A file that never reached the service leaves its import waiting for one; it is cancelled (if it did arrive
      // in part, the service has failed it already and this is refused, which changes nothing).
      if (problems.some((e) => e.code === 'NETWORK')) await cancelImport({ variables: { input: { importId } } }).catch(() => undefined);
      return null;
    } finally {
      setBusy(false);
      setProgress(null);
      // The upload's answer changed the import (its file name, or its failure): lists showing it catch up.
      if (refetchQueries.length > 0) void client.refetchQueries({ include: refetchQueries }).catch(() => undefined);
    }
  };

  return { start, busy, progress, errors, clearErrors: () => setErrors([]) };
}
