import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { CopyableField } from '../../components/copyable-field';

export interface ShownSecret {
  connectorName: string;
  clientId: string;
  clientSecret: string;
  /** A rotation: the previous secret has stopped working. */
  rotated: boolean;
}

/**
 * A connector's client secret, shown this once: the service keeps only its hash, so closing the dialog loses it.
 * The dialog only closes on the button that says so, never on a stray click beside it.
 */
export function ConnectorSecretModal(props: { secret: ShownSecret | null; onClose: () => void }) {
  const { secret } = props;
  return (
    <Modal
      opened={secret !== null}
      onClose={props.onClose}
      title={secret?.rotated ? `New client secret of ${secret.connectorName}` : `Client secret of ${secret?.connectorName ?? ''}`}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': 'Close' }}
      size="lg"
      centered
    >
      {secret && (
        <Stack gap="md">
          <Alert color="orange" variant="light" title="This secret will not be shown again">
            Copy it now and store it where the connector reads it (a secrets manager, not a chat or an email). If it is lost, rotate the secret to get a new
            one.
            {secret.rotated && ' The previous secret has stopped working: update the connector now.'}
          </Alert>
          <CopyableField label="Client ID" value={secret.clientId} copyLabel="Copy client ID" copiedLabel="Client ID copied" />
          <CopyableField label="Client secret" value={secret.clientSecret} copyLabel="Copy secret" copiedLabel="Secret copied" secret />
          <Text size="sm" c="dimmed">
            The connector exchanges the client ID and secret for access tokens limited to this organisation and its permissions.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              I have stored the secret
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
