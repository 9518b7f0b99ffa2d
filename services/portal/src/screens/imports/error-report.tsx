import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { downloadFile, readFileStart } from '../../api/files';
import { ErrorAlert } from '../../components/error-alert';
import { failedRowsPreview, type FailedRow } from './csv-preview';

const PREVIEW_ROWS = 5;

export function errorReportFileName(fileName: string | null, importId: string): string {
  const base = fileName ? fileName.replace(/\.[^.]+$/, '') : `import-${importId}`;
  return `${base}-errors.csv`;
}

/** Downloads an import's error report (it needs the session's token, so it is fetched rather than linked). */
export function ErrorReportButton(props: { url: string; fileName: string | null; importId: string; label?: string; compact?: boolean }) {
  const [loading, setLoading] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);
  const download = async () => {
    setLoading(true);
    setErrors([]);
    try {
      await downloadFile(props.url, errorReportFileName(props.fileName, props.importId));
    } catch (error) {
      setErrors(userErrors(error));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Stack gap={4} align="flex-start">
      <Button variant="default" size={props.compact ? 'compact-sm' : 'sm'} loading={loading} onClick={() => void download()} aria-label={props.label}>
        Download error report
      </Button>
      <ErrorAlert errors={errors} />
    </Stack>
  );
}

/** The first failed rows of a finished import and why they failed, then the whole report to download. */
export function ErrorReport(props: { url: string; fileName: string | null; importId: string; failed: number }) {
  const [rows, setRows] = useState<FailedRow[] | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const { url } = props;

  useEffect(() => {
    let current = true;
    readFileStart(url)
      .then((text) => current && setRows(failedRowsPreview(text, PREVIEW_ROWS)))
      .catch((error: unknown) => current && setErrors(userErrors(error)));
    return () => {
      current = false;
    };
  }, [url]);

  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Rows that failed
      </Title>
      <Text size="sm" c="dimmed">
        {props.failed > PREVIEW_ROWS ? `The first ${PREVIEW_ROWS} of ${props.failed.toLocaleString('en-GB')} failed rows.` : 'Every failed row.'} The report
        lists each with its row number and the reason; fix them in your file and upload those rows again.
      </Text>
      <ErrorAlert errors={errors} title="The error report could not be read" />
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={560} type="native" tabIndex={0} role="region" aria-label="First failed rows (scrolls sideways on narrow screens)">
          <Table striped withTableBorder aria-label="First failed rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Row</Table.Th>
                <Table.Th scope="col">As written</Table.Th>
                <Table.Th scope="col">Reason</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.rowNumber}>
                  <Table.Td>{row.rowNumber}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {row.cells
                        .filter((c) => c.value !== '')
                        .map((c) => `${c.column}: ${c.value}`)
                        .join(' · ') || '(empty row)'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ErrorReportButton url={props.url} fileName={props.fileName} importId={props.importId} />
    </Stack>
  );
}
