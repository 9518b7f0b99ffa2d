import { useMutation } from '@apollo/client/react';
import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { downloadFile } from '../../api/files';
import { ErrorAlert } from '../../components/error-alert';
import { getFragmentData, graphql, type FragmentType } from '../../gql';
import { formatCount, formatDateTime } from '../imports/import-format';
import { authorMappingChanges, matchLabel, type AuthorChoice } from './chat-mapping';

export const ChatPreviewPanelFragment = graphql(`
  fragment ChatPreviewPanel on ImportJob {
    id
    fileName
    chat {
      newGroupName
      reportUrl
      group {
        id
      }
      preview {
        fileKind
        format {
          platform
          dateOrder
          clock
        }
        messages
        systemEvents
        skippedLines
        media {
          referenced
          inArchive
          missing
        }
        firstAt
        lastAt
        authors {
          name
          phone
          messages
          match {
            displayName
            by
          }
        }
        samples {
          line
          sentAt
          author
          text
        }
      }
    }
  }
`);

const ApplyChatImportMutation = graphql(`
  mutation ApplyChatImport($input: ApplyChatImportInput!) {
    applyChatImport(input: $input) {
      import {
        id
      }
    }
  }
`);

/** What the export holds, whom its authors match (the admin may change each), and applying it. */
export function ChatPreviewPanel(props: { job: FragmentType<typeof ChatPreviewPanelFragment>; onApplied: (importId: string) => void }) {
  const job = getFragmentData(ChatPreviewPanelFragment, props.job);
  const preview = job.chat?.preview;
  const [choices, setChoices] = useState<Record<string, AuthorChoice>>({});
  const [addMembers, setAddMembers] = useState(true);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [apply, { loading }] = useMutation(ApplyChatImportMutation);
  if (!preview) return null;
  const { byField, general } = splitByField(errors, ['authors']);

  const submit = async () => {
    setErrors([]);
    try {
      const { data } = await apply({ variables: { input: { importId: job.id, authors: authorMappingChanges(choices), addAuthorsAsMembers: addMembers } } });
      props.onApplied(data!.applyChatImport.import.id);
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  const fact = (label: string, value: string) => (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {fact('Messages', formatCount(preview.messages))}
          {fact('WhatsApp notices', formatCount(preview.systemEvents))}
          {fact('Files', `${formatCount(preview.media.inArchive)} of ${formatCount(preview.media.referenced)} in the export`)}
          {fact('Lines skipped', formatCount(preview.skippedLines))}
          {fact('First message', preview.firstAt ? formatDateTime(preview.firstAt) : '—')}
          {fact('Last message', preview.lastAt ? formatDateTime(preview.lastAt) : '—')}
          {fact('Read as', `${preview.format.platform === 'IOS' ? 'iPhone' : 'Android'}, ${preview.format.dateOrder.toLowerCase().replace('_', '-')}`)}
          {fact('Goes into', job.chat?.group ? 'The chosen group' : `A new group: ${job.chat?.newGroupName ?? 'Imported chat'}`)}
        </SimpleGrid>
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h4">
          Authors
        </Title>
        <Text size="sm" c="dimmed">
          Each author's messages become those of the directory member they match. Give another member's phone number to change that, or leave it empty to keep
          the author as a named placeholder (not a member).
        </Text>
        <Table.ScrollContainer minWidth={520}>
          <Table aria-label="Authors" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Author</Table.Th>
                <Table.Th>Messages</Table.Th>
                <Table.Th>Matched</Table.Th>
                <Table.Th>Member's number</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.authors.map((author) => (
                <Table.Tr key={author.name}>
                  <Table.Td>{author.name}</Table.Td>
                  <Table.Td>{formatCount(author.messages)}</Table.Td>
                  <Table.Td>{matchLabel(author.match)}</Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Member's number for ${author.name}`}
                      placeholder={author.match ? 'Keep the match' : 'Placeholder'}
                      value={choices[author.name]?.phone ?? ''}
                      onChange={(e) => setChoices({ ...choices, [author.name]: { phone: e.currentTarget.value, placeholder: false } })}
                      size="xs"
                    />
                    {author.match && (
                      <Checkbox
                        mt={4}
                        size="xs"
                        label="Keep as a placeholder"
                        checked={choices[author.name]?.placeholder ?? false}
                        onChange={(e) => setChoices({ ...choices, [author.name]: { phone: '', placeholder: e.currentTarget.checked } })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {byField['authors'] && (
          <Text size="sm" c="red.8" role="alert">
            {byField['authors']}
          </Text>
        )}
      </Stack>
      {preview.samples.length > 0 && (
        <Stack gap={4}>
          <Title order={2} size="h4">
            First messages
          </Title>
          {preview.samples.map((sample) => (
            <Text key={sample.line} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              <Text span fw={600}>
                {sample.author}
              </Text>{' '}
              <Text span c="dimmed">
                {formatDateTime(sample.sentAt)}
              </Text>
              {'\n'}
              {sample.text}
            </Text>
          ))}
        </Stack>
      )}
      <Checkbox label="Add the matched people to the group" checked={addMembers} onChange={(e) => setAddMembers(e.currentTarget.checked)} />
      <ErrorAlert errors={general} />
      <Group gap="xs">
        <Button onClick={() => void submit()} loading={loading}>
          Import {formatCount(preview.messages)} messages
        </Button>
        {job.chat?.reportUrl && (
          <Button
            variant="default"
            onClick={() => void downloadFile(job.chat!.reportUrl!, `${job.fileName ?? 'chat'}-report.csv`).catch((e) => setErrors(userErrors(e)))}
          >
            Download the line-by-line report
          </Button>
        )}
      </Group>
    </Stack>
  );
}
