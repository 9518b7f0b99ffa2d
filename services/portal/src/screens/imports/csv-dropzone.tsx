import { Button, Group, Stack, Text } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import '@mantine/dropzone/styles.css';
import { useId, useRef } from 'react';
import type { UploadProgress } from '../../api/files';
import type { UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { formatBytes } from './import-format';
import { UploadProgressBar } from './upload-progress';

/** What spreadsheets and browsers call CSV and tab-separated files; the extension decides when the type does not. */
const CSV_TYPES = {
  'text/csv': ['.csv'],
  'text/plain': ['.csv', '.txt', '.tsv'],
  'text/tab-separated-values': ['.tsv'],
  'application/vnd.ms-excel': ['.csv'],
};

function rejectionMessage(rejections: FileRejection[]): string {
  if (rejections.length > 1) return 'Choose one file at a time.';
  const name = rejections[0]?.file.name ?? 'This file';
  return `${name} is not a CSV file. Save it from your spreadsheet as "CSV UTF-8" and choose that file.`;
}

/**
 * Where the CSV file goes: dropped on the zone, or chosen with the button (for the keyboard). The file's problems,
 * found here or by the service as it arrived, are shown right below it.
 */
export function CsvDropzone(props: {
  file: File | null;
  onFile: (file: File) => void;
  onRejected: (message: string) => void;
  errors: UserError[];
  disabled: boolean;
  progress: UploadProgress | null;
}) {
  const openRef = useRef<() => void>(null);
  const hintId = useId();
  return (
    <Stack gap="sm">
      <Dropzone
        onDrop={(files) => files[0] && props.onFile(files[0])}
        onReject={(rejections) => props.onRejected(rejectionMessage(rejections))}
        accept={CSV_TYPES}
        multiple={false}
        disabled={props.disabled}
        openRef={openRef}
        // The button below is the keyboard's way in; the zone is for dropping, and clicking, with a pointer.
        activateOnKeyboard={false}
        tabIndex={-1}
        role="group"
        aria-label="Drop zone for the CSV file"
        aria-describedby={hintId}
      >
        <Stack gap={4} align="center" py="lg" style={{ pointerEvents: 'none' }}>
          <Dropzone.Accept>
            <Text fw={600}>Drop the file to use it</Text>
          </Dropzone.Accept>
          <Dropzone.Reject>
            <Text fw={600}>Only CSV files can be imported</Text>
          </Dropzone.Reject>
          <Dropzone.Idle>
            <Text fw={600}>Drag the CSV file here</Text>
          </Dropzone.Idle>
          <Text size="sm" c="dimmed" id={hintId} ta="center">
            One CSV file: UTF-8 or UTF-16, with commas, semicolons or tabs between the columns.
          </Text>
        </Stack>
      </Dropzone>
      <Group gap="sm" wrap="wrap">
        <Button variant="default" onClick={() => openRef.current?.()} disabled={props.disabled}>
          {props.file ? 'Choose another file' : 'Choose a CSV file'}
        </Button>
        {props.file && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            Chosen: <strong>{props.file.name}</strong> ({formatBytes(props.file.size)})
          </Text>
        )}
      </Group>
      {props.progress && props.file && <UploadProgressBar fileName={props.file.name} progress={props.progress} />}
      <ErrorAlert errors={props.errors} title="This file cannot be imported" />
    </Stack>
  );
}
