import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { splitByField, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import type { FragmentType } from '../../gql';
import { COUNTRY_CODE } from './countries';
import { CsvDropzone } from './csv-dropzone';
import { DryRunResult } from './dry-run-result';
import { ImportSettingsFields, type ImportDraft, type ImportTargetGroupsFragment } from './import-settings-fields';
import { useStartImport } from './use-start-import';

const FIELDS = ['groupIds', 'defaultCountry', 'existingUsers', 'file'] as const;

function checkDraft(draft: ImportDraft, file: File | null): UserError[] {
  const errors: UserError[] = [];
  if (draft.target === 'groups' && draft.groupIds.length === 0) {
    errors.push({ code: 'BAD_USER_INPUT', field: 'groupIds', message: 'Choose at least one group, or import into the directory only.' });
  }
  if (!draft.defaultCountry || !COUNTRY_CODE.test(draft.defaultCountry)) {
    errors.push({ code: 'BAD_USER_INPUT', field: 'defaultCountry', message: 'Choose the country of numbers written without a country code.' });
  }
  if (!file) errors.push({ code: 'BAD_USER_INPUT', field: 'file', message: 'Choose the CSV file to import first.' });
  return errors;
}

/**
 * The upload itself: settings, the file, a dry run that checks every row and changes nothing, then the same file
 * applied. Changing the settings or the file after a dry run sets its result aside: it no longer says what would
 * happen.
 */
export function BulkUpload(props: {
  organizationId: string;
  organization: FragmentType<typeof ImportTargetGroupsFragment>;
  defaultCountry: string;
  onLoadMoreGroups: (after: string) => void;
  loadingMoreGroups: boolean;
}) {
  const [draft, setDraft] = useState<ImportDraft>({ target: 'directory', groupIds: [], defaultCountry: props.defaultCountry, existingUsers: 'SKIP' });
  const [file, setFile] = useState<File | null>(null);
  const [localErrors, setLocalErrors] = useState<UserError[]>([]);
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const upload = useStartImport({ refetchQueries: ['ImportsScreen'] });

  const reset = () => {
    setDryRunId(null);
    setLocalErrors([]);
    upload.clearErrors();
  };
  const changeDraft = (next: ImportDraft) => {
    setDraft(next);
    reset();
  };
  const chooseFile = (next: File) => {
    setFile(next);
    reset();
  };

  const onDryRun = async () => {
    reset();
    const problems = checkDraft(draft, file);
    if (problems.length > 0 || !file) return setLocalErrors(problems);
    const importId = await upload.start(
      {
        organizationId: props.organizationId,
        groupIds: draft.target === 'groups' ? draft.groupIds : [],
        defaultCountry: draft.defaultCountry!,
        existingUsers: draft.existingUsers,
      },
      'DRY_RUN',
      file,
    );
    if (importId) setDryRunId(importId);
  };

  const { byField, general } = splitByField([...localErrors, ...upload.errors], FIELDS);
  const fileErrors = [...localErrors, ...upload.errors].filter((e) => e.field === 'file');

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <Stack gap="md">
          <Title order={2} size="h4">
            2. Choose where the people go
          </Title>
          <ImportSettingsFields
            organization={props.organization}
            draft={draft}
            onChange={changeDraft}
            errors={byField}
            disabled={upload.busy}
            onLoadMoreGroups={props.onLoadMoreGroups}
            loadingMoreGroups={props.loadingMoreGroups}
          />
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="md">
          <Title order={2} size="h4">
            3. Check the file
          </Title>
          <Text size="sm" c="dimmed">
            A dry run reads every row and reports what the import would do, and which rows would fail and why. It changes nothing; you apply the file after it.
          </Text>
          <CsvDropzone
            file={file}
            onFile={chooseFile}
            onRejected={(message) => {
              reset();
              setLocalErrors([{ code: 'BAD_USER_INPUT', field: 'file', message }]);
            }}
            errors={fileErrors}
            disabled={upload.busy}
            progress={upload.progress}
          />
          <ErrorAlert errors={general} />
          <Button onClick={() => void onDryRun()} loading={upload.busy} style={{ alignSelf: 'flex-start' }}>
            Start the dry run
          </Button>
        </Stack>
      </Paper>
      {dryRunId && <DryRunResult importId={dryRunId} />}
    </Stack>
  );
}
