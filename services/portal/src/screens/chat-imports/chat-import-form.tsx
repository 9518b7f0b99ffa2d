import { useMutation, useQuery } from '@apollo/client/react';
import { Button, FileInput, Group, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { uploadFile, type UploadProgress } from '../../api/files';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import { UploadProgressBar } from '../imports/upload-progress';

const ChatImportGroupsQuery = graphql(`
  query ChatImportGroups($orgId: ID!) {
    organization(id: $orgId) {
      id
      groups(first: 100) {
        edges {
          node {
            id
            name
            myRole
          }
        }
      }
    }
  }
`);

const StartChatImportMutation = graphql(`
  mutation StartChatImport($input: StartChatImportInput!) {
    startChatImport(input: $input) {
      uploadUrl
      import {
        id
      }
    }
  }
`);

const NEW_GROUP = 'new';
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * Where the chat goes and how to read it, and the export itself: started, uploaded and read into a preview
 * (nothing is written yet). Refusals show beside the field they are about; the file's, beside the file.
 */
export function ChatImportForm(props: { orgId: string; onPreview: (importId: string) => void }) {
  const groups = useQuery(ChatImportGroupsQuery, { variables: { orgId: props.orgId } });
  const [target, setTarget] = useState<string>(NEW_GROUP);
  const [newGroupName, setNewGroupName] = useState('');
  const [timeZone, setTimeZone] = useState(browserZone);
  const [dateOrder, setDateOrder] = useState<string>('AUTO');
  const [country, setCountry] = useState('US');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [start, { loading }] = useMutation(StartChatImportMutation);
  const { byField, general } = splitByField(errors, ['groupId', 'newGroupName', 'timeZone', 'defaultCountry', 'file']);
  const administered = (groups.data?.organization?.groups.edges ?? []).map((e) => e.node).filter((g) => g.myRole === 'OWNER' || g.myRole === 'ADMIN');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    if (!file) {
      setErrors([{ code: 'BAD_USER_INPUT', field: 'file', message: 'Choose the chat export: the .txt, or the .zip WhatsApp made with media.' }]);
      return;
    }
    try {
      const { data } = await start({
        variables: {
          input: {
            organizationId: props.orgId,
            ...(target === NEW_GROUP ? { newGroupName: newGroupName.trim() || null } : { groupId: target }),
            timeZone,
            defaultCountry: country,
            ...(dateOrder === 'AUTO' ? {} : { dateOrder: dateOrder as 'DAY_FIRST' | 'MONTH_FIRST' }),
          },
        },
      });
      const started = data!.startChatImport;
      await uploadFile(`${started.uploadUrl}?filename=${encodeURIComponent(file.name)}`, file, setProgress, { fallbackType: 'application/octet-stream' });
      props.onPreview(started.import.id);
    } catch (error) {
      setErrors(userErrors(error));
    } finally {
      setProgress(null);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Import a chat">
      <Stack gap="sm" maw={560}>
        <Select
          label="Import into"
          data={[{ value: NEW_GROUP, label: 'A new group' }, ...administered.map((g) => ({ value: g.id, label: g.name }))]}
          value={target}
          onChange={(value) => setTarget(value ?? NEW_GROUP)}
          allowDeselect={false}
          error={byField['groupId']}
        />
        {target === NEW_GROUP && (
          <TextInput
            label="New group's name"
            description="Leave empty to name it after the chat (from the export's file name)"
            value={newGroupName}
            onChange={(e) => setNewGroupName(e.currentTarget.value)}
            error={byField['newGroupName']}
          />
        )}
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label="Phone's time zone"
            description="Where the exporting phone was, e.g. Asia/Kolkata"
            value={timeZone}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
            error={byField['timeZone']}
            miw={200}
          />
          <TextInput
            label="Country of local numbers"
            description="Two letters, e.g. IN"
            value={country}
            onChange={(e) => setCountry(e.currentTarget.value)}
            error={byField['defaultCountry']}
            miw={160}
          />
        </Group>
        <Select
          label="Dates such as 03/04"
          description="Used only when no day above 12 tells the order"
          data={[
            { value: 'AUTO', label: 'Day first (03/04 is 3 April)' },
            { value: 'MONTH_FIRST', label: 'Month first (03/04 is 4 March)' },
          ]}
          value={dateOrder}
          onChange={(value) => setDateOrder(value ?? 'AUTO')}
          allowDeselect={false}
        />
        <FileInput
          label="Chat export"
          description="WhatsApp › the group › Export chat: the .txt, or the .zip with media"
          accept=".txt,.zip,text/plain,application/zip"
          value={file}
          onChange={setFile}
          clearable
          error={byField['file']}
        />
        {progress && file && <UploadProgressBar fileName={file.name} progress={progress} />}
        <ErrorAlert errors={general} />
        <Group>
          <Button type="submit" loading={loading || progress !== null}>
            Read the export
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
