import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/error-alert';
import { Loading } from '../../components/loading';
import { Page } from '../../components/page';
import { graphql } from '../../gql';
import { isFinished } from '../imports/import-format';
import { ImportProgressPanel } from '../imports/import-progress-panel';
import { useLiveImport } from '../imports/use-live-import';
import { ChatImportForm } from './chat-import-form';
import { ChatPreviewPanel } from './chat-preview-panel';

const ChatImportJobQuery = graphql(`
  query ChatImportJob($id: ID!) {
    importJob(id: $id) {
      id
      status
      mode
      failureReason
      chat {
        group {
          id
        }
      }
      ...ChatPreviewPanel
      ...ImportProgressPanel
    }
  }
`);

/**
 * Moving a WhatsApp group's history into an organisation group, in three steps on one screen: the export and its
 * settings; its preview, with the authors' mapping; the import, live. The step is in the address (?preview=,
 * ?import=), so a reload or a shared link lands on it.
 */
export function ChatImportScreen() {
  const { orgId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const previewId = params.get('preview');
  const importId = params.get('import');
  return (
    <Page
      title="Import a chat"
      description="Bring a WhatsApp group's history into an organisation group: its messages keep their times, order and authors, and its files come along from the .zip. Nothing is written until you have seen the preview."
      crumbs={[{ label: 'Bulk upload', to: `/orgs/${orgId}/imports` }]}
    >
      {importId ? (
        <AppliedChatImport orgId={orgId} importId={importId} />
      ) : previewId ? (
        <ChatImportPreview previewId={previewId} onApplied={(id) => setParams({ import: id })} />
      ) : (
        <ChatImportForm orgId={orgId} onPreview={(id) => setParams({ preview: id })} />
      )}
    </Page>
  );
}

function ChatImportPreview(props: { previewId: string; onApplied: (importId: string) => void }) {
  const { data, loading, error } = useQuery(ChatImportJobQuery, { variables: { id: props.previewId } });
  if (loading && !data) return <Loading label="Loading the preview" />;
  const job = data?.importJob;
  if (!job) return <ErrorAlert error={error} />;
  if (job.status === 'FAILED') return <ErrorAlert errors={[{ code: 'BAD_USER_INPUT', message: job.failureReason ?? 'The export could not be read.' }]} />;
  return <ChatPreviewPanel job={job} onApplied={props.onApplied} />;
}

function AppliedChatImport(props: { orgId: string; importId: string }) {
  const query = useQuery(ChatImportJobQuery, { variables: { id: props.importId } });
  const job = query.data?.importJob;
  useLiveImport(props.importId, job?.status, query);
  if (query.loading && !query.data) return <Loading label="Loading the import" />;
  if (!job) return <ErrorAlert error={query.error} />;
  const groupId = job.chat?.group?.id;
  return (
    <Stack gap="md">
      <ImportProgressPanel job={job} />
      {isFinished(job.status) && groupId && (
        <Text size="sm">
          <Anchor component={Link} to={`/chat/${groupId}`}>
            Open the group's conversation
          </Anchor>{' '}
          ·{' '}
          <Anchor component={Link} to={`/orgs/${props.orgId}/groups/${groupId}`}>
            The group's settings
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
