import { useSubscription } from '@apollo/client/react';
import { useEffect } from 'react';
import { graphql } from '../../gql';
import type { ImportStatus } from '../../gql/graphql';
import { isFinished } from './import-format';

/**
 * Every field a screen shows of a running import: each event writes the import into the cache, so the screens'
 * own queries (and the upload history) re-render from it, event by event, unthrottled.
 */
const ImportProgressSubscription = graphql(`
  subscription ImportProgress($importId: ID!) {
    importProgress(importId: $importId) {
      importId
      status
      import {
        id
        ...ImportProgressPanel
        ...ApplyDryRun
        ...ImportFacts
        ...ImportHistoryRow
      }
    }
  }
`);

/** While the subscription is unavailable, the import is read this often instead. */
const POLL_MS = 1000;

/**
 * Keeps an import's cached state live until it ends, through the importProgress subscription (its state now, then
 * every change). If the subscription fails (e.g. the socket is refused), the screen's query polls instead.
 */
export function useLiveImport(
  importId: string,
  status: ImportStatus | undefined,
  query: { startPolling: (ms: number) => void; stopPolling: () => void },
): void {
  const finished = status !== undefined && isFinished(status);
  const { error } = useSubscription(ImportProgressSubscription, { variables: { importId }, skip: finished });
  const { startPolling, stopPolling } = query;
  useEffect(() => {
    if (error && !finished) startPolling(POLL_MS);
    else stopPolling();
    return stopPolling;
  }, [error, finished, startPolling, stopPolling]);
}
