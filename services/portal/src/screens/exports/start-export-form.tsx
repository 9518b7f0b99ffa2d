import { useMutation } from '@apollo/client/react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { splitByField, userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import { exportRange } from './export-format';

const StartExportMutation = graphql(`
  mutation StartExport($input: StartExportInput!) {
    startExport(input: $input) {
      export {
        id
        ...ExportRow
      }
    }
  }
`);

/** Starts an export of the organisation's data, of every message or of a span of days; refusals show beside their field. */
export function StartExportForm(props: { orgId: string; onStarted: () => void }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [start, { loading }] = useMutation(StartExportMutation);
  const { byField, general } = splitByField(errors, ['from', 'to']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors([]);
    try {
      await start({ variables: { input: { organizationId: props.orgId, ...exportRange(from, to) } } });
      props.onStarted();
    } catch (error) {
      setErrors(userErrors(error));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Start an export">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="From"
            description="Leave empty for the first message"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={byField['from']}
          />
          <TextInput
            label="To"
            description="Leave empty for today"
            type="date"
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={byField['to']}
          />
          <Button type="submit" loading={loading}>
            Start export
          </Button>
        </Group>
        <ErrorAlert errors={general} />
      </Stack>
    </form>
  );
}
