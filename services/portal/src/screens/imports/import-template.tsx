import { Badge, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { downloadFile } from '../../api/files';
import { ErrorAlert } from '../../components/error-alert';
import { graphql, getFragmentData, type FragmentType } from '../../gql';

export const ImportTemplateCardFragment = graphql(`
  fragment ImportTemplateCard on ImportTemplate {
    downloadUrl
    columns {
      name
      required
      description
    }
  }
`);

/** The organisation's CSV template: its columns explained, and the header row to download and fill in. */
export function ImportTemplateCard(props: { template: FragmentType<typeof ImportTemplateCardFragment> }) {
  const template = getFragmentData(ImportTemplateCardFragment, props.template);
  const [loading, setLoading] = useState(false);
  const [errors, setErrors] = useState<UserError[]>([]);

  const download = async () => {
    setLoading(true);
    setErrors([]);
    try {
      await downloadFile(template.downloadUrl, 'members-template.csv');
    } catch (error) {
      setErrors(userErrors(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          1. Fill in the template
        </Title>
        <Text size="sm" c="dimmed">
          One person a row. Save it from your spreadsheet as CSV (UTF-8); commas, semicolons or tabs all work. Columns marked required must have a value in
          every row.
        </Text>
        <Table.ScrollContainer minWidth={520} type="native" tabIndex={0} role="region" aria-label="Template columns (scrolls sideways on narrow screens)">
          <Table withTableBorder aria-label="Template columns">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Column</Table.Th>
                <Table.Th scope="col">Required</Table.Th>
                <Table.Th scope="col">What to write</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {template.columns.map((c) => (
                <Table.Tr key={c.name}>
                  <Table.Td>
                    <Text fw={600} size="sm">
                      {c.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {c.required ? (
                      <Badge color="red" variant="light" style={{ minWidth: 'max-content' }}>
                        Required
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Optional
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.description}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert errors={errors} />
        <Button variant="default" onClick={() => void download()} loading={loading} style={{ alignSelf: 'flex-start' }}>
          Download the template
        </Button>
      </Stack>
    </Paper>
  );
}
