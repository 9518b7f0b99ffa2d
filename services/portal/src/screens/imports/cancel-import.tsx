import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { userErrors, type UserError } from '../../api/errors';
import { ErrorAlert } from '../../components/error-alert';
import { graphql } from '../../gql';
import type { ImportMode } from '../../gql/graphql';

const CancelImportMutation = graphql(`
  mutation CancelImport($input: CancelImportInput!) {
    cancelImport(input: $input) {
      import {
        id
        ...ImportProgressPanel
        ...ImportFacts
      }
    }
  }
`);

/** Stops a running import after asking: what was applied stays applied, the rest of the file is not read. */
export function CancelImportButton(props: { importId: string; mode: ImportMode }) {
  const [opened, dialog] = useDisclosure(false);
  const [cancel, { loading }] = useMutation(CancelImportMutation);
  const [errors, setErrors] = useState<UserError[]>([]);
  const dry = props.mode === 'DRY_RUN';
  const what = dry ? 'dry run' : 'import';

  const onConfirm = async () => {
    setErrors([]);
    try {
      await cancel({ variables: { input: { importId: props.importId } } });
      dialog.close();
    } catch (error) {
      setErrors(userErrors(error));
    }
  };

  return (
    <>
      <Button color="red" variant="light" onClick={dialog.open}>
        Cancel {what}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={`Cancel this ${what}?`} centered closeButtonProps={{ 'aria-label': 'Close' }}>
        <Stack gap="md">
          <Text size="sm">
            {dry
              ? 'The dry run stops at its next chunk of rows. Nothing has been changed by it.'
              : 'The import stops at its next chunk of rows. People already created or updated stay in the directory and groups; the rest of the file is not imported, and to import it you upload it again.'}
          </Text>
          <ErrorAlert errors={errors} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={dialog.close}>
              Keep going
            </Button>
            <Button color="red" loading={loading} onClick={() => void onConfirm()}>
              Cancel {what}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
